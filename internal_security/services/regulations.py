"""Writes of the territorial units' regulations (ISD 9), audited: sent for the ISD head's
agreement by the unit (or the central ISD for it); its moves are `workflow.regulation_move`."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from courtadmin.audit.services import audit_record

from ..models import UnitRegulation
from ..permissions import keeps_region, unit_region


def regulation_submit(*, actor, regulation: UnitRegulation) -> UnitRegulation:
    """Send a unit's regulations for agreement: the unit its own, the central ISD any unit's."""
    own = unit_region(actor)
    if own is not None:
        regulation.region = own
    if not regulation.region_id or not keeps_region(actor, regulation.region_id):
        raise PermissionDenied
    regulation.submitted_by = actor
    regulation.full_clean()
    with transaction.atomic():
        regulation.save()
        audit_record(actor=actor, action="isd.regulation.registered", obj=regulation, after={"title": regulation.title})
    return regulation
