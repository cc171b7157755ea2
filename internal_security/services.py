"""Writes of ISD records, each audited."""

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction

from courtadmin.audit.services import audit_record
from courtadmin.org.authority import Reach, isd_reach

from .models import Complaint, ComplaintGrant


def complaint_grant_access(*, actor, complaint: Complaint, user, reason: str, valid_until=None) -> ComplaintGrant:
    """Give `user` need-to-know access to one complaint (ISD 7), by the ISD head or deputy
    (or the leadership it reports to). A grant with `valid_until` lapses by itself."""
    if isd_reach(actor).kind is not Reach.ALL:
        raise PermissionDenied
    permission = Permission.objects.get(content_type__app_label="internal_security", codename="view_complaint")
    with transaction.atomic():
        grant, created = ComplaintGrant.objects.update_or_create(
            user=user,
            permission=permission,
            content_object=complaint,
            defaults={"granted_by": actor, "reason": reason, "valid_until": valid_until},
        )
        audit_record(
            actor=actor,
            action="isd.complaint.grant",
            obj=complaint,
            after={"user": user.get_username(), "reason": reason, "valid_until": valid_until},
        )
    return grant
