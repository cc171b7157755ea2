"""Writes of the best practice the ISD studied (ISD 6.2), each audited: a practice recorded;
its proposal and fate are `workflow.practice_move`."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from courtadmin.audit.services import audit_record

from ..models import Practice
from ..permissions import isd_position


def practice_add(*, actor, practice: Practice) -> Practice:
    """Record a practice studied: the central ISD's staff (ISD 6.2)."""
    if isd_position(actor) is None:
        raise PermissionDenied
    practice.registered_by = actor
    practice.full_clean()
    with transaction.atomic():
        practice.save()
        audit_record(actor=actor, action="isd.practice.registered", obj=practice, after={"origin": practice.origin})
    return practice
