"""Reads of ISD records: always within the user's reach (ISD 7); outside it, 404."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404

from courtadmin.documents.models import Document
from courtadmin.org.authority import department_access, isd_records_within_reach, signers
from courtadmin.org.models import Department, Unit

from .models import Complaint, ComplaintAttachment, ComplaintGrant


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
