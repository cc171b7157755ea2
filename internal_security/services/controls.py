"""Writes of the compliance controls in procurement and personnel matters (ISD 6.19, 6.20),
each audited: a procedure, appointment or competition taken under control with what is
checked; its completion is `workflow.control_move`."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from courtadmin.audit.services import audit_record

from ..models import ComplianceControl
from ..permissions import keeps_region, unit_region


def control_open(*, actor, control: ComplianceControl) -> ComplianceControl:
    """Take a procedure, appointment or competition under control: the central ISD in any
    region, a territorial ISD unit in its own (whatever region was posted)."""
    own = unit_region(actor)
    if own is not None:
        control.region = own
    if not control.region_id or not keeps_region(actor, control.region_id):
        raise PermissionDenied
    control.registered_by = actor
    control.full_clean()
    with transaction.atomic():
        control.save()
        audit_record(
            actor=actor,
            action="isd.control.registered",
            obj=control,
            after={"area": control.area, "checks": control.checks},
        )
    return control
