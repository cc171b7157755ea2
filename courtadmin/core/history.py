"""A record's history on its page (the working-day issue, item 3): who did what and when, from
the audit chain, in the reader's language.

Shown on the record's own page, which only a reader within the record's reach opens (ISD 7),
and limited to what that page shows anyway: the time, the person, the move or change, and
the status it led to; never the event's stored details (an applicant's name, a reason given
to the head), except the reason for correcting a registered record or handing it to another
officer, which its readers must see (ISD 6.23). A move is named as its workflow names it; another change by what it did.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from courtadmin.audit.models import AuditEvent

from .workflow import state_field, workflow_of

# Changes that are not moves, named by the last word of their action ("ir.request.file_added").
CHANGES = {
    "registered": pgettext_lazy("history", "registered"),
    "created": pgettext_lazy("history", "created"),
    "opened": pgettext_lazy("history", "opened"),
    "entered": pgettext_lazy("history", "entered in the register"),
    "added": pgettext_lazy("history", "added"),
    "updated": pgettext_lazy("history", "edited"),
    "update": pgettext_lazy("history", "edited"),
    "file_added": pgettext_lazy("history", "file added"),
    "attachment_added": pgettext_lazy("history", "file added"),
    "explanation_added": pgettext_lazy("history", "explanation added"),
    "interview": pgettext_lazy("history", "interview recorded"),
    "file_requested": pgettext_lazy("history", "personal file requested"),
    "file_permitted": pgettext_lazy("history", "personal file permitted"),
    "grant": pgettext_lazy("history", "access granted"),
    "conflict_declared": pgettext_lazy("history", "conflict of interest declared"),
    "court_chosen": pgettext_lazy("history", "court chosen"),
    "answer_prepared": pgettext_lazy("history", "answer prepared"),
    "route_set": pgettext_lazy("history", "approval route set"),
    "pdf_signed": pgettext_lazy("history", "signed PDF made"),
    "pdf_failed": pgettext_lazy("history", "PDF could not be made"),
    "pdf_retry": pgettext_lazy("history", "PDF tried again"),
    "report_added": pgettext_lazy("history", "report added"),
    "report_published": pgettext_lazy("history", "report published"),
    "translation_given": pgettext_lazy("history", "translation task given"),
    "answer_started": pgettext_lazy("history", "answer document started"),
    "corrected": pgettext_lazy("history", "corrected"),
    "handed_over": pgettext_lazy("history", "handed to another officer"),
    "extended": pgettext_lazy("history", "term extended"),
    "linked": pgettext_lazy("history", "records linked"),
    "person_added": pgettext_lazy("history", "person added"),
    "item_added": pgettext_lazy("history", "item added"),
    "item_removed": pgettext_lazy("history", "item taken out"),
    "recommendation_added": pgettext_lazy("history", "recommendation added"),
}
# The one detail a page's history shows: why a registered record was corrected or handed
# over (ISD 6.23), or its term extended (ISD 6.21), written by its own officers for its readers.
SHOWN_REASON = ("corrected", "handed_over", "extended")
# Events of a record that are not its history: reads (the read log's), failed attempts (the
# security log's).
NOT_HISTORY = ("document.read", "document.sign_password_failed")
LIMIT = 200


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    person: str
    what: str
    status: str
    reason: str = ""


def _what(action: str) -> str:
    prefix, _dot, name = action.rpartition(".")
    try:
        moves = workflow_of(f"{prefix}.").moves
    except KeyError:
        moves = {}
    if name in moves:
        return moves[name].label
    return CHANGES.get(name, pgettext_lazy("history", "changed"))


def _statuses(record) -> dict:
    field = state_field(record)
    return dict(type(record)._meta.get_field(field).choices) if hasattr(record, field) else {}


def record_history(record, *, along=()) -> list[HistoryLine]:
    """The record's events, oldest first (at most LIMIT, the latest of them); with `along`, the
    events of records that are part of it (a letter's translations, IR 7.12), in one query."""
    statuses = {record._meta.label_lower: _statuses(record)}
    condition = Q(object_type=record._meta.label_lower, object_id=str(record.pk))
    for part in along:
        statuses.setdefault(part._meta.label_lower, _statuses(part))
        condition |= Q(object_type=part._meta.label_lower, object_id=str(part.pk))
    events = (
        AuditEvent.objects.filter(condition)
        .exclude(action__in=NOT_HISTORY)
        .select_related("actor__person")
        .order_by("-at", "-pk")[:LIMIT]
    )
    lines = []
    for event in reversed(list(events)):
        person = getattr(event.actor, "person", None) if event.actor_id else None
        after = event.after if isinstance(event.after, dict) else {}
        status = after.get("status", "")
        lines.append(
            HistoryLine(
                at=timezone.localtime(event.at),
                person=str(person) if person is not None else (event.actor.get_full_name() if event.actor else ""),
                what=str(_what(event.action)),
                status=str(statuses.get(event.object_type, {}).get(status, "")) if status else "",
                reason=after.get("reason", "") if event.action.rpartition(".")[2] in SHOWN_REASON else "",
            )
        )
    return lines
