"""Writes of the information on corruption (ISD 6.15), each audited."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from courtadmin.audit.services import audit_record

from ..models import CorruptionSignal
from ..permissions import isd_position, unit_region


def corruption_signal_add(*, actor, signal: CorruptionSignal) -> CorruptionSignal:
    """Record a piece of information on corruption: ISD staff (a territorial unit for its own
    region only)."""
    if isd_position(actor) is None and unit_region(actor) is None:
        raise PermissionDenied
    region = unit_region(actor)
    if region is not None:
        signal.region = region
    signal.entered_by = actor
    signal.full_clean()
    with transaction.atomic():
        signal.save()
        audit_record(actor=actor, action="isd.signal.added", obj=signal, after={"source": signal.source})
    return signal
