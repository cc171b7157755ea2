"""Reads of the compliance controls in procurement and personnel matters (ISD 6.19, 6.20):
every one for the central ISD and those it reports to, a region's for its territorial ISD
unit (`registers_within_reach`); anyone else finds none, and 404 on each page."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from ..models import ComplianceControl
from ..permissions import registers_within_reach


def controls_visible_to(user):
    return registers_within_reach(ComplianceControl.objects.select_related("region"), user)


def get_control_for_user(user, pk) -> ComplianceControl:
    return get_object_or_404(controls_visible_to(user), pk=pk)


def control_register(user, *, text="", area="", status="", region=None, year=None, violation=None):
    """The controls within the user's reach, filtered, the latest first."""
    controls = controls_visible_to(user)
    for lookup, value in (("area", area), ("status", status), ("region", region), ("started_on__year", year)):
        if value:
            controls = controls.filter(**{lookup: value})
    if violation is not None:
        controls = controls.filter(violation=violation)
    if text.strip():
        text = text.strip()
        controls = controls.filter(
            Q(subject__icontains=text) | Q(reference__icontains=text) | Q(subdivision__icontains=text)
        )
    return controls.order_by("-started_on", "-pk")
