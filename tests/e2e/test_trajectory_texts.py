"""Every text key the trajectory builds at run time (from steps, reasons, items) exists, in
both languages: the text-key scan only sees literal keys. Every capture has a script label."""

from __future__ import annotations

from bot.handlers.trajectory.ask import DATE_OFFSETS
from bot.i18n import Texts
from flows.scheduling import ReminderKind
from flows.scripts import SCRIPT_LANGUAGES, load_scripts
from flows.trajectory import (
    NOTEBOOK,
    THEME_CAPTURES,
    ContractItemKey,
    DissolvedReason,
    MatchKind,
    NoteTopic,
    Step,
    StepStatus,
)
from flows.trajectory.moving import GUARDS, REFUSALS


def labelled() -> set[str]:
    """Every capture shown by its label: notebook buttons, the coach's offers, notes."""
    labels = {key for keys in NOTEBOOK.values() for key in keys}
    labels |= {key for themes in THEME_CAPTURES.values() for key in themes.values()}
    return labels | {topic.value for topic in NoteTopic}


def built_keys() -> set[str]:
    statuses = {StepStatus.DONE, StepStatus.DROPPED, StepStatus.CHANGED}
    keys = {f"step_{step.value}" for step in Step}
    keys |= {f"item_{key.value}" for key in ContractItemKey}
    keys |= {f"start_{kind.value}" for kind in MatchKind}
    keys |= {f"in_days_{offset}" for offset in DATE_OFFSETS}
    keys |= {f"dissolved_{reason.value}" for reason in DissolvedReason}
    keys |= {f"refused_{name}" for name in GUARDS | REFUSALS} | {"refused_other"}
    keys |= {f"reminder_{kind.value}" for kind in ReminderKind}
    keys |= {f"small_{s.value}" for s in statuses} | {f"coach_small_{s.value}" for s in statuses}
    keys |= {"begun_chat", "begun_face", "too_long_goal", "too_long_note"}
    keys |= {"contract_head", "contract_head_accept", "contract_head_revisit"}
    return {f"trajectory.{key}" for key in keys}


def test_every_built_key_exists() -> None:
    texts = Texts.load()
    assert sorted(key for key in built_keys() if not texts.has(key)) == []


def test_labels_fit_on_a_button() -> None:
    texts = Texts.load()
    for language in SCRIPT_LANGUAGES:
        for key in built_keys():
            if ".item_" in key:
                assert len(texts.get(language, key)) <= 30, (language, key)
        scripts = load_scripts(language)
        for key in labelled():
            assert len(scripts.label(key)) <= 30, (language, key)
