"""Writes of requests (issue 20, item 4): the draft by the department's staff. The moves
(sending, answer, acceptance, return) are `workflow.request_move`. Every write is
keyword-only, in a transaction, validated and audited; reads are in selectors.py.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record

from .models import DataRequest
from .selectors import addressable_units, bindable_models, drafting_departments, recipient_candidates
from .workflow import MAX_WORKING_DAYS


def request_draft(*, actor, request: DataRequest, record=None) -> DataRequest:
    """Draft a request of the actor's department to a unit (IR 5.1, ISD 5.6), optionally to a
    person of it by name, serving `record` (a record of the department the actor reaches, for
    the ISD a case). It starts as a draft (the field's default); the head sends it."""
    if request.department not in drafting_departments(actor):
        raise PermissionDenied
    errors = {}
    if request.unit_id and not addressable_units(request.department).filter(pk=request.unit_id).exists():
        # ISD 7: no unit of another need-to-know department, nor the department itself.
        errors["unit"] = ValidationError(_("This unit cannot be addressed by the department."), code="unit")
    if request.recipient_id and not recipient_candidates(request.unit_id).filter(pk=request.recipient_id).exists():
        errors["recipient"] = ValidationError(
            _("Choose a recipient who works in the addressed unit."), code="recipient"
        )
    if request.working_days is not None and not 1 <= request.working_days <= MAX_WORKING_DAYS:
        errors["working_days"] = ValidationError(
            _("The term is from 1 to %(max)d working days.") % {"max": MAX_WORKING_DAYS}, code="term"
        )
    if record is not None:
        reached = [
            within(model.objects.filter(pk=record.pk), actor).exists()
            for model, within in bindable_models(request.department)
            if isinstance(record, model)
        ]
        if not any(reached):
            errors["record"] = ValidationError(_("Choose a case of the department that you reach."), code="record")
        else:
            request.record_type = ContentType.objects.get_for_model(record)
            request.record_id = str(record.pk)
    if errors:
        raise ValidationError(errors)
    request.drafted_by = actor
    request.full_clean(exclude=["drafted_by"])
    with transaction.atomic():
        request.save()
        audit_record(
            actor=actor,
            action="datarequests.request.created",
            obj=request,
            after={"unit": request.unit_id, "recipient": request.recipient_id, "record": request.record_id},
        )
    return request
