"""Reads of the territorial units' regulations (ISD 9): every unit's for the central ISD and
those it reports to, a unit's own for that unit (`permissions.registers_within_reach`)."""

from django.shortcuts import get_object_or_404

from ..models import UnitRegulation
from ..permissions import registers_within_reach


def regulations_visible_to(user):
    return registers_within_reach(UnitRegulation.objects.select_related("region"), user)


def get_regulation_for_user(user, pk) -> UnitRegulation:
    return get_object_or_404(regulations_visible_to(user), pk=pk)


def regulation_register(user, *, region=None, status=""):
    regulations = regulations_visible_to(user)
    for lookup, value in (("region", region), ("status", status)):
        if value:
            regulations = regulations.filter(**{lookup: value})
    return regulations.order_by("-submitted_at", "-pk")
