"""Writes of the ISD head's evaluations of the units' heads (ISD 9), audited."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from courtadmin.audit.services import audit_record

from ..models import HeadEvaluation
from ..permissions import is_isd_head


def evaluation_record(*, actor, evaluation: HeadEvaluation) -> HeadEvaluation:
    """Record the ISD head's evaluation of a unit's head on the report he heard, with his
    proposal of reward or penalty, if any (ISD 9): the ISD head's alone."""
    if not is_isd_head(actor):
        raise PermissionDenied
    evaluation.evaluated_by = actor
    evaluation.full_clean()
    with transaction.atomic():
        evaluation.save()
        audit_record(
            actor=actor,
            action="isd.evaluation.registered",
            obj=evaluation,
            after={"assessment": evaluation.assessment, "proposal": evaluation.proposal},
        )
    return evaluation
