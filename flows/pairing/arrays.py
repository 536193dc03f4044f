"""The pool as numpy columns: every pair's hard-constraint check and soft score, row by row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from flows.pairing.model import ClassPreference, RoundMode
from flows.pairing.scoring import (
    CLASS_BONUS,
    EXTRA_SHARED_SLOT_BONUS,
    FIRST_SHARED_SLOT_BONUS,
    LANGUAGE_BONUS,
    MAX_EXTRA_SHARED_SLOTS,
    NEW_PAIR_BONUS,
    OLDER_COACH_BONUS,
    PAIR_SCORE_MAX,
    RECIPROCITY_BONUS,
    PairingContext,
    mix64,
)

# Cells scored at once; bounds memory at a few MB per temporary array.
BLOCK_CELLS = 1 << 19
# Ranking key per row: avoiding a repeat, then the soft score, then a seeded tie-break.
_TIE_BITS = 16
_SCORE_UNIT = 1 << _TIE_BITS
_REPEAT_FREE_UNIT = (PAIR_SCORE_MAX + 1) * _SCORE_UNIT


def _relations(
    index: dict[int, int], partners: dict[int, set[int]]
) -> tuple[np.ndarray, np.ndarray]:
    """Row and column indices of a symmetric relation within the pool, sorted by row."""
    rows: list[int] = []
    cols: list[int] = []
    for person_id, others in partners.items():
        row = index.get(person_id)
        if row is None:
            continue
        for other in others:
            col = index.get(other)
            if col is not None:
                rows.append(row)
                cols.append(col)
    order = np.argsort(np.asarray(rows, dtype=np.int64), kind="stable")
    return np.asarray(rows, dtype=np.int64)[order], np.asarray(cols, dtype=np.int64)[order]


@dataclass(frozen=True)
class PoolArrays:
    """The pool as column arrays, so whole rows of pair scores are computed at once."""

    ids: list[int]
    can_coach: np.ndarray
    wants_coaching: np.ndarray
    slots: np.ndarray
    class_code: np.ndarray
    language_code: np.ndarray
    year: np.ndarray
    give_credit: np.ndarray
    receive_credit: np.ndarray
    tie_hash: np.ndarray
    past: tuple[np.ndarray, np.ndarray]
    recent: tuple[np.ndarray, np.ndarray]
    blocked: tuple[np.ndarray, np.ndarray]
    context: PairingContext

    @classmethod
    def build(cls, context: PairingContext, ordered_ids: Sequence[int]) -> PoolArrays:
        """Column arrays for these people, in this order."""
        people = [context.people[person_id] for person_id in ordered_ids]
        index = {person_id: row for row, person_id in enumerate(ordered_ids)}
        slot_names = sorted({slot for person in people for slot in person.availability})
        slot_index = {slot: column for column, slot in enumerate(slot_names)}
        slots = np.zeros((len(people), max(1, len(slot_names))), dtype=np.int32)
        for row, person in enumerate(people):
            for slot in person.availability:
                slots[row, slot_index[slot]] = 1
        class_names = sorted({p.class_name for p in people if p.class_name is not None})
        class_index = {name: code for code, name in enumerate(class_names)}
        languages = {
            language: code for code, language in enumerate(sorted({p.language for p in people}))
        }
        blocked: dict[int, set[int]] = {}
        for wish in context.do_not_pair:
            a, b = sorted(wish)
            blocked.setdefault(a, set()).add(b)
            blocked.setdefault(b, set()).add(a)
        if context.rules.no_repeats:  # earlier partners are barred like a do-not-pair wish
            for person_id, partners in context.barred_partners.items():
                blocked.setdefault(person_id, set()).update(partners)
        seed_mix = mix64(context.seed & ((1 << 64) - 1))
        return cls(
            ids=list(ordered_ids),
            can_coach=np.array([p.wants.can_coach for p in people], dtype=bool),
            wants_coaching=np.array([p.wants.wants_coaching for p in people], dtype=bool),
            slots=slots,
            class_code=np.array(
                [class_index[p.class_name] if p.class_name is not None else -1 for p in people],
                dtype=np.int32,
            ),
            language_code=np.array([languages[p.language] for p in people], dtype=np.int32),
            year=np.array([p.year if p.year is not None else -1 for p in people], dtype=np.int32),
            give_credit=np.array([context.give_credit[i] for i in ordered_ids], dtype=np.int32),
            receive_credit=np.array(
                [context.receive_credit[i] for i in ordered_ids], dtype=np.int32
            ),
            # XOR of two people's hashes is symmetric, so both ends rank a tie alike.
            tie_hash=np.array(
                [mix64((i & ((1 << 64) - 1)) ^ seed_mix) >> (64 - _TIE_BITS) for i in ordered_ids],
                dtype=np.int32,
            ),
            past=_relations(index, dict(context.past_partners)),
            recent=_relations(index, dict(context.recent_partners)),
            blocked=_relations(index, blocked),
            context=context,
        )

    @property
    def size(self) -> int:
        """The number of people in the pool."""
        return len(self.ids)

    @cached_property
    def row_of(self) -> dict[int, int]:
        """Each person's row; built once, as the arrays never change after build."""
        return {person_id: row for row, person_id in enumerate(self.ids)}

    def _patch(
        self, relation: tuple[np.ndarray, np.ndarray], rows: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The (local row, column) cells of a relation that fall in the given rows."""
        relation_rows, relation_cols = relation
        mask = np.isin(relation_rows, rows)
        position = np.searchsorted(rows, relation_rows[mask])
        return position, relation_cols[mask]

    def keys(self, rows: np.ndarray) -> np.ndarray:
        """Ranking keys of the given rows (sorted, no duplicates) against everyone.

        A key ranks by avoiding a recent repeat, then the soft score, then a seeded hash that
        breaks ties; it is -1 where a pair is not allowed.
        """
        rules = self.context.rules
        ab = self.can_coach[rows, None] & self.wants_coaching[None, :]
        ba = self.wants_coaching[rows, None] & self.can_coach[None, :]
        valid = ab | ba
        valid[np.arange(len(rows)), rows] = False
        valid[self._patch(self.blocked, rows)] = False

        # int32 throughout: keys stay far below 2**31 and half-width arrays are faster.
        score = np.full(valid.shape, NEW_PAIR_BONUS, dtype=np.int32)
        score[self._patch(self.past, rows)] = 0
        shared = self.slots[rows] @ self.slots.T
        slot_points = FIRST_SHARED_SLOT_BONUS + EXTRA_SHARED_SLOT_BONUS * np.minimum(
            shared - 1, MAX_EXTRA_SHARED_SLOTS
        )
        score += np.where(shared > 0, slot_points, 0)
        score += self._class_points(rows)
        same_language = self.language_code[rows, None] == self.language_code[None, :]
        score += LANGUAGE_BONUS * same_language.astype(np.int32)

        gives_ab = self.give_credit[rows, None] + self.receive_credit[None, :]
        gives_ba = self.receive_credit[rows, None] + self.give_credit[None, :]
        if rules.older_coaches_younger:
            known = (self.year[rows, None] >= 0) & (self.year[None, :] >= 0)
            older_ab = known & (self.year[rows, None] > self.year[None, :])
            older_ba = known & (self.year[rows, None] < self.year[None, :])
            gives_ab += OLDER_COACH_BONUS * older_ab.astype(np.int32)
            gives_ba += OLDER_COACH_BONUS * older_ba.astype(np.int32)
        if rules.mode is RoundMode.RECIPROCAL:
            roles = np.where(ab & ba, RECIPROCITY_BONUS, np.where(ab, gives_ab, gives_ba))
        else:
            roles = np.maximum(np.where(ab, gives_ab, -1), np.where(ba, gives_ba, -1))
        score += roles

        score *= _SCORE_UNIT
        score += _REPEAT_FREE_UNIT
        score[self._patch(self.recent, rows)] -= _REPEAT_FREE_UNIT
        score += self.tie_hash[rows, None] ^ self.tie_hash[None, :]
        return np.where(valid, score, np.int32(-1))

    def _class_points(self, rows: np.ndarray) -> np.ndarray:
        """Points for the class preference of the round."""
        preference = self.context.rules.class_preference
        if preference is ClassPreference.ANY:
            return np.zeros((len(rows), self.size), dtype=np.int32)
        own, other = self.class_code[rows, None], self.class_code[None, :]
        known = (own >= 0) & (other >= 0)
        fits = (own == other) if preference is ClassPreference.SAME else (own != other)
        return np.where(known & fits, np.int32(CLASS_BONUS), np.int32(0))

    def edges(
        self,
        rows: np.ndarray,
        best: int | None,
        *,
        explore: int = 0,
        columns: np.ndarray | None = None,
    ) -> dict[int, int]:
        """Each row's `best` top-ranked partners (all when None) as {edge code: key}.

        `explore` more partners per row are drawn at random (seeded) among the allowed ones:
        top-ranked lists alone crowd around the same popular people, and a few random edges
        make a near-perfect matching exist in the sparse graph. `columns` limits the partners.
        """
        found: dict[int, int] = {}
        targets = np.arange(self.size) if columns is None else columns
        block = max(1, BLOCK_CELLS // max(1, self.size))
        for start in range(0, len(rows), block):
            chunk = rows[start : start + block]
            keys = self.keys(chunk)
            if columns is not None:
                keys = keys[:, columns]
            picks = [_top(keys, best)]
            if explore:
                # The low bits of a key are the seeded pair hash: ranking by them is random, and
                # symmetric, so both ends of an edge tend to pick it, which keeps the graph small.
                picks.append(_top(np.where(keys >= 0, keys & (_SCORE_UNIT - 1), -1), explore))
            for picked in picks:
                picked_keys = np.take_along_axis(keys, picked, axis=1)
                local, position = np.nonzero(picked_keys >= 0)
                a = chunk[local]
                b = targets[picked[local, position]]
                codes = np.minimum(a, b) * self.size + np.maximum(a, b)
                found.update(
                    zip(codes.tolist(), picked_keys[local, position].tolist(), strict=True)
                )
        return found

    def ranked_partners(self, person_ids: Sequence[int], limit: int) -> dict[int, list[int]]:
        """Each person's best allowed partners in the pool, best first, at most `limit`."""
        rows = np.array(sorted(self.row_of[person_id] for person_id in person_ids), dtype=np.int64)
        ranked: dict[int, list[int]] = {}
        block = max(1, BLOCK_CELLS // max(1, self.size))
        for start in range(0, len(rows), block):
            chunk = rows[start : start + block]
            keys = self.keys(chunk)
            picked = _top(keys, limit)
            picked_keys = np.take_along_axis(keys, picked, axis=1)
            for local, row in enumerate(chunk.tolist()):
                # Equal keys are ordered by column, which keeps the order deterministic.
                order = sorted(
                    zip(picked_keys[local].tolist(), picked[local].tolist(), strict=True),
                    reverse=True,
                )
                ranked[self.ids[row]] = [self.ids[col] for key, col in order if key >= 0]
        return ranked


def _top(values: np.ndarray, count: int | None) -> np.ndarray:
    """Column indices of each row's `count` largest values (all columns when None)."""
    width = values.shape[1]
    if count is None or count >= width:
        return np.broadcast_to(np.arange(width), values.shape)
    return np.argpartition(values, -count, axis=1)[:, -count:]


def split_key(key: int) -> tuple[bool, int]:
    """Whether an edge avoids a recent repeat, and its soft score, from its ranking key."""
    repeat_free, rest = divmod(key, _REPEAT_FREE_UNIT)
    return bool(repeat_free), rest // _SCORE_UNIT


def split_keys(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """split_key for an array of keys: (1 where repeat-free else 0, soft score)."""
    repeat_free, rest = np.divmod(keys, _REPEAT_FREE_UNIT)
    return repeat_free, rest // _SCORE_UNIT
