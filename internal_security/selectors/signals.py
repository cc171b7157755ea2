"""Reads of the information on corruption (ISD 6.15) and of everything on record about a person
or a court, each within its own reach rule (ISD 7)."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from courtadmin.core.history import record_history

from ..models import CorruptionSignal
from ..permissions import registers_within_reach, require_isd_access
from .cases import criminal_cases_visible_to
from .complaints import complaints_visible_to
from .investigations import investigations_visible_to


def signals_visible_to(user):
    return registers_within_reach(CorruptionSignal.objects.select_related("region"), user)


def get_signal_for_user(user, pk) -> CorruptionSignal:
    return get_object_or_404(signals_visible_to(user), pk=pk)


def signal_register(user, *, text="", source="", region=None, year=None):
    """The information on corruption within the user's reach, filtered, newest first."""
    signals = signals_visible_to(user)
    for lookup, value in (("source", source), ("region", region), ("received_on__year", year)):
        if value:
            signals = signals.filter(**{lookup: value})
    if text.strip():
        text = text.strip()
        signals = signals.filter(
            Q(person__icontains=text) | Q(court__icontains=text) | Q(source_detail__icontains=text)
        )
    return signals.order_by("-received_on", "-pk")


def signal_page(user, signal: CorruptionSignal) -> dict:
    """A signal with what it concerns, each linked record shown only as far as the reader
    reaches it (ISD 7), and the criminal cases on record about its person offered to link."""
    linked_cases = criminal_cases_visible_to(user).filter(pk__in=signal.cases.values("pk"))
    offered = criminal_cases_visible_to(user).exclude(pk__in=signal.cases.values("pk"))
    return {
        "signal": signal,
        "complaints": list(complaints_visible_to(user).filter(pk__in=signal.complaints.values("pk"))),
        "investigations": list(investigations_visible_to(user).filter(signals=signal).order_by("instruction_date")),
        "cases": list(linked_cases.order_by("opened_on", "pk")),
        "cases_offered": list(offered.filter(person__icontains=signal.person)[:CASES_OFFERED])
        if signal.person.strip()
        else [],
        "history": record_history(signal),
    }


ON_RECORD_LIMIT = 50
# The criminal cases about a signal's person offered to link on its page, at most.
CASES_OFFERED = 10


def on_record(user, text: str) -> dict:
    """Everything on record about a person or a court (ISD 6.15) that the user may see: the
    complaints, investigations, criminal cases and signals naming them, each within its own
    reach rule, so nothing outside the user's reach is found."""
    require_isd_access(user)
    text = text.strip()
    if len(text) < 3:
        return {"text": text, "complaints": [], "investigations": [], "cases": [], "signals": []}
    return {
        "text": text,
        "complaints": list(
            complaints_visible_to(user).filter(Q(person_concerned__icontains=text) | Q(court__icontains=text))[
                :ON_RECORD_LIMIT
            ]
        ),
        "investigations": list(
            investigations_visible_to(user)
            .filter(Q(persons__name__icontains=text) | Q(persons__position__icontains=text))
            .distinct()[:ON_RECORD_LIMIT]
        ),
        "cases": list(
            criminal_cases_visible_to(user).filter(Q(person__icontains=text) | Q(court__icontains=text))[
                :ON_RECORD_LIMIT
            ]
        ),
        "signals": list(
            signals_visible_to(user).filter(Q(person__icontains=text) | Q(court__icontains=text))[:ON_RECORD_LIMIT]
        ),
    }
