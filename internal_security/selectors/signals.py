"""Reads of the information on corruption (ISD 6.15) and of everything on record about a person
or a court, each within its own reach rule (ISD 7)."""

from django.db.models import Q

from ..models import CorruptionSignal
from ..permissions import registers_within_reach, require_isd_access
from .cases import criminal_cases_visible_to
from .complaints import complaints_visible_to
from .investigations import investigations_visible_to


def signals_visible_to(user):
    return registers_within_reach(CorruptionSignal.objects.select_related("region"), user)


ON_RECORD_LIMIT = 50


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
