"""Writes of the hearings with heightened risk (ISD 6.5, 6.11), each audited: a hearing's
security measures planned with the bailiffs of its region; held or cancelled through
`workflow.hearing_move`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record

from ..models import HearingSecurity
from ..permissions import keeps_region, unit_region


def hearing_plan(*, actor, hearing: HearingSecurity, bailiffs, incident=None) -> HearingSecurity:
    """Plan the security of a hearing with heightened risk: the central ISD in any region, a
    territorial unit in its own; its bailiffs serve in the hearing's region (ISD 6.11), and at
    least one is assigned. The threat it follows, if any, is one the planner reaches."""
    own = unit_region(actor)
    if own is not None:
        hearing.region = own
    if not hearing.region_id or not keeps_region(actor, hearing.region_id):
        raise PermissionDenied
    errors = {}
    if not bailiffs:
        errors["bailiffs"] = ValidationError(_("Assign at least one bailiff."), code="required")
    elif any(bailiff.region_id != hearing.region_id or not bailiff.active for bailiff in bailiffs):
        errors["bailiffs"] = ValidationError(
            _("Assign bailiffs in service in the hearing's region."), code="outside_region"
        )
    hearing.incident, hearing.registered_by = incident, actor
    try:
        hearing.full_clean()
    except ValidationError as invalid:
        errors = {**invalid.error_dict, **errors}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        hearing.save()
        hearing.bailiffs.set(bailiffs)
        audit_record(
            actor=actor,
            action="isd.hearing.planned",
            obj=hearing,
            after={"case": hearing.case_number, "bailiffs": sorted(b.pk for b in bailiffs)},
        )
    return hearing
