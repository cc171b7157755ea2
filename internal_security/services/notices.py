"""Writes of the notices under ISD 13: a decision on territorial ISD staff entered while it
is prepared, with copies of its materials; its moves are `workflow.notice_move`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields

from ..models import StaffNotice, StaffNoticeMaterial
from ..permissions import files_staff_notices


def notice_file(*, actor, notice: StaffNotice) -> StaffNotice:
    """Enter a decision being prepared on a head or member of staff of a territorial ISD unit
    (ISD 13): the leadership or the personnel office."""
    if not files_staff_notices(actor):
        raise PermissionDenied
    notice.filed_by = actor
    notice.full_clean()
    with transaction.atomic():
        notice.save()
        audit_record(actor=actor, action="isd.notice.registered", obj=notice, after={"status": notice.status})
    return notice


def notice_material_add(*, actor, notice: StaffNotice, upload) -> StaffNoticeMaterial:
    """Attach a copy of a material, checked before anything is written, by those who file
    notices, until the decision is final or dropped."""
    if not files_staff_notices(actor):
        raise ValidationError(_("Only those who file the notice attach its materials."), code="not_yours")
    if notice.status not in (StaffNotice.Status.PREPARED, StaffNotice.Status.NOTIFIED):
        raise ValidationError(_("The notice is answered; its materials are closed."), code="closed")
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        material = StaffNoticeMaterial.objects.create(notice=notice, uploaded_by=actor, **fields)
        audit_record(
            actor=actor,
            action="isd.notice.file_added",
            obj=notice,
            after={"material": material.pk, "name": material.original_name, "sha256": material.sha256},
        )
    return material
