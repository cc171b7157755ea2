"""Writes of the passes and service IDs (ISD 5.5, 6.6), each audited: a permanent pass to a
building issued by whoever keeps its region, a service ID to an ISD officer issued by the ISD
head or deputy; withdrawn through `workflow.pass_move`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.org.models import Department, Unit

from ..models import AccessPass
from ..permissions import is_isd_manager, keeps_region


def pass_issue(*, actor, access_pass: AccessPass) -> AccessPass:
    """Issue a pass: its region follows its building (a permanent pass) or its holder's unit (a
    service ID; none for the central ISD's officers). A service ID goes to an officer of the ISD
    alone and its holder is named as the organisation knows him."""
    access_pass.registered_by = actor
    if access_pass.kind == AccessPass.Kind.SERVICE_ID:
        if not is_isd_manager(actor):
            raise ValidationError(_("Only the ISD head or deputy issues a service ID."), code="not_yours")
        access_pass.building = None
        person = access_pass.person
        position = person.position if person is not None else None
        if person is not None and (position is None or position.unit.department != Department.ISD):
            raise ValidationError({"person": ValidationError(_("Choose an officer of the ISD."), code="not_isd")})
        if position is not None:
            access_pass.holder, access_pass.holder_post = person.full_name, str(position)
            territorial = position.unit.kind == Unit.Kind.TERRITORIAL_ISD
            access_pass.region = position.unit.region if territorial else None
    else:
        access_pass.person = None
        building = access_pass.building
        access_pass.region = building.region if building is not None else None
        if building is not None and not keeps_region(actor, building.region_id):
            raise ValidationError(_("Only the ISD and the region's unit keep this building."), code="not_yours")
    access_pass.full_clean()
    with transaction.atomic():
        access_pass.save()
        audit_record(
            actor=actor,
            action="isd.pass.issued",
            obj=access_pass,
            after={"kind": access_pass.kind, "number": access_pass.number, "valid_until": access_pass.valid_until},
        )
    return access_pass
