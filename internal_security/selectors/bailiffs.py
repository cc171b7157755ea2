"""Reads of the court bailiffs (ISD 6.11): the ISD's register, read by its staff and those it
reports to, a region's by its territorial unit (`registers_within_reach`)."""

from django.db.models import Count, Q

from ..models import Bailiff, HearingSecurity
from ..permissions import registers_within_reach


def bailiffs_visible_to(user):
    return registers_within_reach(Bailiff.objects.select_related("region", "building"), user)


def bailiff_register(user, *, text="", region=None, active=None):
    """The bailiffs within the user's reach, filtered, by region, court and name, with the
    hearings with heightened risk each is assigned to still to come."""
    bailiffs = bailiffs_visible_to(user)
    if region:
        bailiffs = bailiffs.filter(region=region)
    if active is not None:
        bailiffs = bailiffs.filter(active=active)
    if text.strip():
        text = text.strip()
        bailiffs = bailiffs.filter(Q(full_name__icontains=text) | Q(court__icontains=text))
    planned = Q(hearings__status=HearingSecurity.Status.PLANNED)
    return bailiffs.annotate(planned_hearings=Count("hearings", filter=planned)).order_by(
        "region__name", "court", "full_name", "pk"
    )
