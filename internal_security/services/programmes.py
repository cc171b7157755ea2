"""Writes of the anti-corruption programmes (ISD 6.12), each audited: a programme recorded
with the act that approved it, its items that fall to the judicial system with their
executors and terms; an item's report is `workflow.programme_item_move`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.deadlines.services import deadline_open

from ..models import Programme, ProgrammeItem
from ..permissions import isd_position
from ..workflow import PROGRAMME_ITEM_KIND


def programme_add(*, actor, programme: Programme) -> Programme:
    """Record a programme: the central ISD, which carries the programmes out (ISD 6.12)."""
    if isd_position(actor) is None:
        raise PermissionDenied
    programme.registered_by = actor
    programme.full_clean()
    with transaction.atomic():
        programme.save()
        audit_record(
            actor=actor,
            action="isd.programme.registered",
            obj=programme,
            after={"level": programme.level, "years": f"{programme.first_year}-{programme.last_year}"},
        )
    return programme


def programme_item_add(*, actor, programme: Programme, item: ProgrammeItem) -> ProgrammeItem:
    """An item that falls to the judicial system, due within the programme's years and after
    today: its term runs for whoever recorded it and escalates to the ISD head when overdue."""
    if isd_position(actor) is None:
        raise ValidationError(_("Only the central ISD reports on the programmes."), code="not_yours")
    errors = {}
    if item.due_on and item.due_on <= timezone.localdate():
        errors["due_on"] = ValidationError(_("The term is after today."), code="past")
    elif item.due_on and not programme.first_year <= item.due_on.year <= programme.last_year:
        errors["due_on"] = ValidationError(_("The term falls within the programme's years."), code="outside_years")
    if errors:
        raise ValidationError(errors)
    item.programme = programme
    item.full_clean()
    with transaction.atomic():
        item.save()
        deadline_open(
            record=item, kind=PROGRAMME_ITEM_KIND, received_at=timezone.now(), responsible=actor, due_on=item.due_on
        )
        audit_record(
            actor=actor,
            action="isd.programme.item_added",
            obj=programme,
            after={"item": item.pk, "number": item.number, "executor": item.executor, "due_on": item.due_on},
        )
    return item
