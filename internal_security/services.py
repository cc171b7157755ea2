"""Writes of ISD records, each audited."""

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.org.authority import Reach, isd_reach

from .models import Complaint, ComplaintAttachment, ComplaintGrant


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


def complaint_attachment_add(*, actor, complaint: Complaint, upload) -> ComplaintAttachment:
    """Attach a file to a complaint the actor has opened (reached through the selector).
    The file is checked (courtadmin.core.uploads) before anything is written."""
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        attachment = ComplaintAttachment.objects.create(complaint=complaint, uploaded_by=actor, **fields)
        audit_record(
            actor=actor,
            action="isd.complaint.attachment_added",
            obj=complaint,
            after={"attachment": attachment.pk, "name": attachment.original_name, "sha256": attachment.sha256},
        )
    return attachment
