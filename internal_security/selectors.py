"""Reads of ISD records: always within the user's reach (ISD 7); outside it, 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from courtadmin.org.authority import department_access, isd_records_within_reach, signers
from courtadmin.org.models import Department

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
