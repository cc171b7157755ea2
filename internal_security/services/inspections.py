"""Writes of the inspections of territorial subdivisions (ISD 5.10, 6.10, 6.18), each
audited: an inspection planned with its programme, the recommendations of one held; its
moves are `workflow.inspection_move` and `workflow.recommendation_move`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.deadlines.services import deadline_open

from ..models import Inspection, Recommendation
from ..permissions import keeps_region, unit_region
from ..selectors.inspections import inspection_inspectors
from ..workflow import RECOMMENDATION_KIND


def inspection_plan(*, actor, inspection: Inspection) -> Inspection:
    """Plan an inspection with its programme: the central ISD of any region's subdivision, a
    territorial ISD unit of its own region's (whatever region was posted)."""
    own = unit_region(actor)
    if own is not None:
        inspection.region = own
    if not inspection.region_id or not keeps_region(actor, inspection.region_id):
        raise PermissionDenied
    if (
        inspection.led_by_id
        and not inspection_inspectors(inspection.region_id).filter(pk=inspection.led_by_id).exists()
    ):
        raise ValidationError({"led_by": ValidationError(_("The inspection is led by ISD staff."), code="outsider")})
    inspection.registered_by = actor
    inspection.full_clean()
    with transaction.atomic():
        inspection.save()
        audit_record(actor=actor, action="isd.inspection.registered", obj=inspection, after={"status": "planned"})
    return inspection


def recommendation_add(*, actor, inspection: Inspection, recommendation: Recommendation) -> Recommendation:
    """A recommendation of a held inspection, with its term, under the ISD's control: its term
    runs for whoever led the inspection, and escalates to the ISD head when overdue."""
    if not keeps_region(actor, inspection.region_id):
        raise ValidationError(_("Only the ISD and the region's unit keep this inspection."), code="not_yours")
    if inspection.status != Inspection.Status.HELD:
        raise ValidationError(_("Recommendations follow the findings of a held inspection."), code="not_held")
    if recommendation.due_on and recommendation.due_on <= timezone.localdate():
        raise ValidationError({"due_on": ValidationError(_("The term is after today."), code="past")})
    recommendation.inspection = inspection
    recommendation.full_clean()
    with transaction.atomic():
        recommendation.save()
        deadline_open(
            record=recommendation,
            kind=RECOMMENDATION_KIND,
            received_at=timezone.now(),
            responsible=inspection.led_by.user or actor,
            due_on=recommendation.due_on,
        )
        audit_record(
            actor=actor,
            action="isd.inspection.recommendation_added",
            obj=inspection,
            after={"recommendation": recommendation.pk, "text": recommendation.text, "due_on": recommendation.due_on},
        )
    return recommendation
