"""Writes of the threats and incidents (ISD 6.3, 6.4, 6.5), each audited: recorded by the ISD
head or deputy or the region's unit, given to officers by need-to-know grants (ISD 7), the
measures taken added; its closing is `workflow.incident_move`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record

from ..models import IncidentGrant, IncidentMeasure, SecurityIncident
from ..permissions import may_work_on_incident, registers_incidents, unit_region
from .complaints import _grant_access


def incident_register(*, actor, incident: SecurityIncident) -> SecurityIncident:
    """Record a threat or incident: the ISD head or deputy in any region, a territorial unit in
    its own (whatever region was posted)."""
    own = unit_region(actor)
    if own is not None:
        incident.region = own
    if not registers_incidents(actor, incident.region_id or None):
        raise PermissionDenied
    incident.registered_by = actor
    incident.full_clean()
    with transaction.atomic():
        incident.save()
        audit_record(actor=actor, action="isd.incident.registered", obj=incident, after={"kind": incident.kind})
    return incident


def incident_assign(*, actor, incident: SecurityIncident, officers) -> None:
    """The ISD head or deputy gives a threat or incident to officers: each a need-to-know grant."""
    if not officers:
        raise ValidationError({"officers": ValidationError(_("Choose at least one officer."), code="required")})
    with transaction.atomic():
        for officer in officers:
            _grant_access(
                actor=actor, record=incident, grant_model=IncidentGrant, user=officer, reason=_("threat or incident")
            )


def incident_measure_add(*, actor, incident: SecurityIncident, measure: IncidentMeasure) -> IncidentMeasure:
    """A measure taken with law enforcement or by the court (ISD 6.3), by those who deal with it."""
    if not may_work_on_incident(actor, incident) or incident.status != SecurityIncident.Status.OPEN:
        raise ValidationError(
            _("Only the ISD's managers, the officers granted it and the region's unit deal with it."), code="not_yours"
        )
    measure.incident, measure.entered_by = incident, actor
    measure.full_clean()
    with transaction.atomic():
        measure.save()
        audit_record(
            actor=actor,
            action="isd.incident.measure_added",
            obj=incident,
            after={"measure": measure.text, "with": measure.with_body, "taken_on": measure.taken_on},
        )
    return measure
