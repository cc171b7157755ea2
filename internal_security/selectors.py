"""Reads of ISD records: always within the user's reach (ISD 7); outside it, 404."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.documents.models import Document
from courtadmin.org.authority import department_access, isd_records_within_reach, person_of, signers
from courtadmin.org.models import Department, Person, Unit

from .models import Complaint, ComplaintAttachment, ComplaintGrant, CriminalCase, Investigation, InvestigationGrant


def require_isd_access(user) -> None:
    """ISD 7: the department's pages exist only for those it reports to and its own staff."""
    if not department_access(user, Department.ISD):
        raise Http404


def complaints_visible_to(user):
    return isd_records_within_reach(Complaint.objects.select_related("region"), user, grant_model=ComplaintGrant)


def get_complaint_for_user(user, pk) -> Complaint:
    return get_object_or_404(complaints_visible_to(user), pk=pk)


def get_complaint_attachment_for_user(user, complaint_pk, pk) -> ComplaintAttachment:
    """A file of a complaint within the user's reach; any other answers 404."""
    return get_object_or_404(
        ComplaintAttachment.objects.filter(complaint__in=complaints_visible_to(user)), complaint_id=complaint_pk, pk=pk
    )


def department_overview(user) -> dict:
    require_isd_access(user)
    return {"signers": signers(Department.ISD)}


def complaint_page(user, pk) -> dict:
    """A complaint with what its page shows; the applicant's identity only to the assigned
    officers and the ISD head (issue 7.2)."""
    from .permissions import is_isd_manager, may_see_applicant
    from .workflow import appeal_term, moves_open_to

    complaint = get_complaint_for_user(user, pk)
    return {
        "complaint": complaint,
        "applicant_visible": may_see_applicant(user, complaint),
        "attachments": complaint.attachments.select_related("uploaded_by"),
        "moves": moves_open_to(complaint, user),
        "term": appeal_term(complaint),
        "answers": list(
            Document.objects.filter(
                record_type__app_label="internal_security",
                record_type__model="complaint",
                record_id=str(complaint.pk),
            ).order_by("pk")
        ),
        "grants": list(
            ComplaintGrant.objects.filter(content_object=complaint).select_related("user__person").order_by("pk")
        )
        if is_isd_manager(user)
        else [],
        "may_manage": is_isd_manager(user),
        "holds_grant": ComplaintGrant.objects.filter(content_object=complaint, user_id=user.pk).exists(),
    }


def isd_officers():
    """The central ISD's staff: whom the head may assign (ISD 9)."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            person__position__unit__department=Department.ISD,
            person__position__unit__kind=Unit.Kind.STRUCTURAL,
        )
        .select_related("person")
        .order_by("person__full_name")
    )


def investigations_visible_to(user):
    """Investigations within the user's reach (ISD 7): the ISD head, deputy and leadership all,
    a territorial unit its region's, an officer those whose team he is on."""
    return isd_records_within_reach(
        Investigation.objects.select_related("region", "instructed_by"), user, grant_model=InvestigationGrant
    )


def get_investigation_for_user(user, pk) -> Investigation:
    return get_object_or_404(investigations_visible_to(user), pk=pk)


def investigation_page(user, pk) -> dict:
    from .permissions import is_isd_manager, may_work_on_investigation

    investigation = get_investigation_for_user(user, pk)
    person = person_of(user)
    return {
        "investigation": investigation,
        "persons": list(investigation.persons.all()),
        "explanations": list(investigation.explanations.select_related("uploaded_by")),
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


def criminal_cases_visible_to(user):
    """ISD 6.16 and ISD 7: the ISD and those it reports to see every entry, a territorial ISD
    unit its region's; nobody else any."""
    from courtadmin.org.authority import Reach, isd_reach

    cases = CriminalCase.objects.select_related("region")
    reach = isd_reach(user)
    if reach.kind in (Reach.ALL, Reach.GRANTED):
        return cases
    if reach.kind is Reach.REGION:
        return cases.filter(region_id=reach.region_id)
    return cases.none()


def get_criminal_case_for_user(user, pk) -> CriminalCase:
    return get_object_or_404(criminal_cases_visible_to(user), pk=pk)
