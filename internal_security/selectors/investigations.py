"""Reads of official investigations (ISD 6.21, 6.22): always within the user's reach (ISD 7);
outside it, 404."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.core.history import record_history
from courtadmin.documents.models import Document
from courtadmin.org.authority import person_of
from courtadmin.org.models import Person

from ..models import Investigation, InvestigationGrant
from ..permissions import isd_records_within_reach
from .cases import criminal_cases_visible_to
from .complaints import complaints_visible_to

# The information on corruption offered to link on an investigation's page, at most.
SIGNALS_OFFERED = 20


def investigations_visible_to(user):
    """Investigations within the user's reach (ISD 7): the ISD head, deputy and leadership all,
    a territorial unit its region's, an officer those whose team he is on."""
    return isd_records_within_reach(
        Investigation.objects.select_related("region", "instructed_by"), user, grant_model=InvestigationGrant
    )


def get_investigation_for_user(user, pk) -> Investigation:
    return get_object_or_404(investigations_visible_to(user), pk=pk)


def investigation_page(user, pk) -> dict:
    from ..permissions import is_isd_manager, may_work_on_investigation
    from .signals import signals_visible_to  # On record reads investigations in turn

    investigation = get_investigation_for_user(user, pk)
    person = person_of(user)
    return {
        "investigation": investigation,
        "history": record_history(investigation),
        "persons": list(investigation.persons.all()),
        "explanations": list(investigation.explanations.select_related("uploaded_by__person")),
        "interviews": list(investigation.interviews.all()),
        "file_requests": list(investigation.file_requests.select_related("granted_by")),
        "complaints": list(complaints_visible_to(user).filter(investigation=investigation)),
        # Linked criminal cases (ISD 6.16) and the conviction under ISD 6.22, information on
        # corruption (ISD 6.15): each as far as the reader reaches it.
        "cases": list(
            criminal_cases_visible_to(user)
            .filter(Q(investigations=investigation) | Q(supervisor_investigations=investigation))
            .distinct()
            .order_by("opened_on", "pk")
        ),
        "signals": list(signals_visible_to(user).filter(pk__in=investigation.signals.values("pk"))),
        "materials": list(investigation.materials.select_related("uploaded_by__person")),
        "documents": list(
            Document.objects.filter(
                record_type__app_label="internal_security",
                record_type__model="investigation",
                record_id=str(investigation.pk),
            ).order_by("pk")
        ),
        "team": list(InvestigationGrant.objects.filter(content_object=investigation).select_related("user__person"))
        if is_isd_manager(user)
        else [],
        "may_manage": is_isd_manager(user),
        "may_work": may_work_on_investigation(user, investigation) and investigation.status == "open",
        "may_permit_files": person is not None
        and person.position is not None
        and person.position.kind in ("chairman", "ca_head"),
        "may_extend": person is not None
        and person.pk == investigation.instructed_by_id
        and investigation.status == Investigation.Status.OPEN,
        "today": timezone.localdate(),
    }


def signals_to_link(user, investigation, persons) -> list:
    """The information on corruption within reach, in the investigation's region, naming one
    of its persons and not linked yet: offered on its page (ISD 6.15), the latest first."""
    from .signals import signals_visible_to

    names = Q()
    for person in persons:
        names |= Q(person__icontains=person.name.strip())
    if not names:
        return []
    return list(
        signals_visible_to(user)
        .filter(names, region=investigation.region_id)
        .exclude(pk__in=investigation.signals.values("pk"))
        .order_by("-received_on", "-pk")[:SIGNALS_OFFERED]
    )


def convictions_within_reach(user):
    """The criminal cases within reach whose verdict convicted (ISD 6.22): an investigation of
    the convicted staff's superiors names one."""
    from ..models import CriminalCase

    return criminal_cases_visible_to(user).filter(outcome=CriminalCase.Outcome.CONVICTED)


def instructing_people():
    """Who may order an investigation (ISD 6.21): the Chairman and the Head of the CA."""
    return Person.objects.filter(position__kind__in=["chairman", "ca_head"]).select_related("position")


def investigation_registry(
    user,
    *,
    status="",
    basis="",
    outcome="",
    region=None,
    overdue=False,
    opened_from=None,
    opened_to=None,
    concluded_from=None,
    concluded_to=None,
):
    """The investigations within the user's reach, filtered (issue 7.6); overdue: under way
    past their term; opened: by the date of the instruction."""
    investigations = investigations_visible_to(user)
    for field, value in (("status", status), ("basis", basis), ("outcome", outcome), ("region", region)):
        if value:
            investigations = investigations.filter(**{field: value})
    for lookup, value in (
        ("instruction_date__gte", opened_from),
        ("instruction_date__lte", opened_to),
        ("concluded_on__gte", concluded_from),
        ("concluded_on__lte", concluded_to),
    ):
        if value:
            investigations = investigations.filter(**{lookup: value})
    if overdue:
        investigations = investigations.filter(status=Investigation.Status.OPEN, due_on__lt=timezone.localdate())
    return investigations.order_by("-instruction_date", "-pk")
