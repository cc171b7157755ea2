"""Reads of the hearings with heightened risk (ISD 6.5): the ISD's register, read by its staff
and those it reports to, a region's by its territorial unit (`registers_within_reach`)."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from ..models import Bailiff, HearingSecurity
from ..permissions import registers_within_reach


def hearings_visible_to(user):
    return registers_within_reach(HearingSecurity.objects.select_related("region"), user)


def get_hearing_for_user(user, pk) -> HearingSecurity:
    return get_object_or_404(hearings_visible_to(user), pk=pk)


def hearing_register(user, *, text="", status="", region=None, date_from=None, date_to=None):
    """The hearings within the user's reach, filtered, the latest first."""
    hearings = hearings_visible_to(user)
    for lookup, value in (
        ("status", status),
        ("region", region),
        ("starts_at__date__gte", date_from),
        ("starts_at__date__lte", date_to),
    ):
        if value:
            hearings = hearings.filter(**{lookup: value})
    if text.strip():
        text = text.strip()
        hearings = hearings.filter(Q(court__icontains=text) | Q(case_number__icontains=text))
    return hearings.order_by("-starts_at", "-pk")


def bailiffs_of(region):
    """The bailiffs in service in `region` (every region's when None): whom a hearing there is
    given (ISD 6.11)."""
    bailiffs = (
        Bailiff.objects.filter(active=True)
        .select_related("region")
        .order_by("region__name", "court", "full_name", "pk")
    )
    return bailiffs.filter(region=region) if region is not None else bailiffs
