"""Writes of the court bailiffs (ISD 6.11), each audited: a bailiff recorded for a court."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from courtadmin.audit.services import audit_record

from ..models import Bailiff
from ..permissions import keeps_region, unit_region


def bailiff_add(*, actor, bailiff: Bailiff) -> Bailiff:
    """Record a bailiff of a court: the central ISD in any region, a territorial unit in its own."""
    own = unit_region(actor)
    if own is not None:
        bailiff.region = own
    if not bailiff.region_id or not keeps_region(actor, bailiff.region_id):
        raise PermissionDenied
    bailiff.registered_by = actor
    bailiff.full_clean()
    with transaction.atomic():
        bailiff.save()
        audit_record(actor=actor, action="isd.bailiff.registered", obj=bailiff, after={"court": bailiff.court})
    return bailiff
