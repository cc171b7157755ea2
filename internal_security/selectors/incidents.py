"""Reads of the threats and incidents (ISD 6.3, 6.4, 6.5): each on a need-to-know basis like an
investigation (ISD 7): the ISD head and deputy and the leadership all, a territorial unit its
region's, an officer those granted to him; outside that, 404."""

from django.shortcuts import get_object_or_404

from courtadmin.core.history import record_history
from courtadmin.core.search import containing

from ..models import IncidentGrant, SecurityIncident
from ..permissions import is_isd_manager, isd_records_within_reach, may_work_on_incident


def incidents_visible_to(user):
    return isd_records_within_reach(SecurityIncident.objects.select_related("region"), user, grant_model=IncidentGrant)


def get_incident_for_user(user, pk) -> SecurityIncident:
    return get_object_or_404(incidents_visible_to(user), pk=pk)


def incident_register(user, *, text="", kind="", status="", region=None, year=None, date_from=None, date_to=None):
    """The threats and incidents within the user's reach, filtered, the latest first."""
    incidents = incidents_visible_to(user)
    for lookup, value in (
        ("kind", kind),
        ("status", status),
        ("region", region),
        ("occurred_on__year", year),
        ("occurred_on__gte", date_from),
        ("occurred_on__lte", date_to),
    ):
        if value:
            incidents = incidents.filter(**{lookup: value})
    if text.strip():  # through the trigram indexes, or in the list's order for a common text
        incidents = containing(incidents, ("court", "person"), text.strip())
    return incidents.order_by("-occurred_on", "-pk")


def incident_page(user, incident: SecurityIncident) -> dict:
    from .hearings import hearings_visible_to

    return {
        "incident": incident,
        "measures": list(incident.measures.select_related("entered_by__person")),
        "hearings": list(hearings_visible_to(user).filter(incident=incident).order_by("starts_at")),
        "officers": list(IncidentGrant.objects.filter(content_object=incident).select_related("user__person"))
        if is_isd_manager(user)
        else [],
        "may_manage": is_isd_manager(user) and incident.status == SecurityIncident.Status.OPEN,
        "may_work": may_work_on_incident(user, incident) and incident.status == SecurityIncident.Status.OPEN,
        "history": record_history(incident),
    }
