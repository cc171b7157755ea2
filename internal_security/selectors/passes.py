"""Reads of the passes and service IDs (ISD 5.5, 6.6): every one for the central ISD and those
it reports to, a region's for its territorial unit (`registers_within_reach`; a central
officer's service ID belongs to no region), 404 for anyone else."""

from datetime import timedelta

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import AccessPass
from ..permissions import registers_within_reach

EXPIRING = timedelta(days=30)


def passes_visible_to(user):
    return registers_within_reach(AccessPass.objects.select_related("building", "region"), user)


def get_pass_for_user(user, pk) -> AccessPass:
    return get_object_or_404(passes_visible_to(user), pk=pk)


def pass_register(user, *, text="", kind="", validity="", region=None, building=None):
    """The passes within the user's reach, filtered, the latest first. `validity`: in force
    (issued and not lapsed), lapsing within 30 days, lapsed, withdrawn."""
    today = timezone.localdate()
    passes = passes_visible_to(user)
    for lookup, value in (("kind", kind), ("region", region), ("building", building)):
        if value:
            passes = passes.filter(**{lookup: value})
    valid = Q(status=AccessPass.Status.VALID)
    if validity == "in_force":
        passes = passes.filter(valid, valid_until__gte=today)
    elif validity == "lapsing":
        passes = passes.filter(valid, valid_until__gte=today, valid_until__lte=today + EXPIRING)
    elif validity == "lapsed":
        passes = passes.filter(valid, valid_until__lt=today)
    elif validity == "withdrawn":
        passes = passes.filter(status=AccessPass.Status.WITHDRAWN)
    if text.strip():
        text = text.strip()
        passes = passes.filter(Q(holder__icontains=text) | Q(number=text))
    return passes.order_by("-issued_on", "-pk")
