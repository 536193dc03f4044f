"""What a closed room leaves behind: the case-holder's summary and the teacher's head count."""

from __future__ import annotations

from flows.room.effects import CaseSummary, SummaryItem, SummarySection, TeacherReport
from flows.room.model import CloseReason, Contribution, ContributionKind, Room
from flows.room.rules import protocol_title

# The order the case-holder reads them in; plans and choices end up in the chosen step.
SUMMARY_KINDS = (
    ContributionKind.CASE,
    ContributionKind.QUESTION,
    ContributionKind.ANALYSIS,
    ContributionKind.IDEA,
    ContributionKind.AFFIRMATION,
    ContributionKind.REFLECTION,
    ContributionKind.SCALE,
)


def case_summary(room: Room) -> CaseSummary | None:
    """The case-holder's private summary, or None when there was no case or no session."""
    if room.case_holder_id is None or room.started_at is None:
        return None
    sections = []
    for kind in SUMMARY_KINDS:
        items = tuple(
            SummaryItem(room.name_of(c.author_id), c.text)
            for c in room.contributions
            if c.kind is kind and (kind is not ContributionKind.CASE or _by_case_holder(room, c))
        )
        if items:
            sections.append(SummarySection(kind, items))
    return CaseSummary(
        language=room.language,
        protocol_title=protocol_title(room),
        case_holder_id=room.case_holder_id,
        case_holder_name=room.name_of(room.case_holder_id),
        sections=tuple(sections),
        chosen_step=room.chosen_step,
        closed_reason=room.closed_reason or CloseReason.ENDED,
    )


def teacher_report(room: Room) -> TeacherReport | None:
    """Who took part and how long it took, once the session has started and closed."""
    if room.started_at is None or room.closed_at is None:
        return None
    participants = tuple(m for m in room.members if m.user_id != room.teacher_id)
    seconds = (room.closed_at - room.started_at).total_seconds()
    return TeacherReport(
        teacher_id=room.teacher_id,
        protocol_title=protocol_title(room),
        duration_minutes=max(0, round(seconds / 60)),
        participant_count=len(participants),
        participant_ids=tuple(m.user_id for m in participants),
        participant_names=tuple(m.name for m in participants),
        closed_reason=room.closed_reason or CloseReason.ENDED,
    )


def _by_case_holder(room: Room, contribution: Contribution) -> bool:
    return contribution.author_id == room.case_holder_id
