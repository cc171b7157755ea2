"""Reads of official investigations (ISD 6.21, 6.22): always within the user's reach (ISD 7);
outside it, 404."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.core.history import record_history
from courtadmin.documents.models import Document
from courtadmin.org.authority import person_of
from courtadmin.org.models import Person

from ..models import Investigation, InvestigationGrant
from ..permissions import isd_records_within_reach
from .complaints import complaints_visible_to


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
        "today": timezone.localdate(),
    }


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
