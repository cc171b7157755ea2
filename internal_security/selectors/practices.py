"""Reads of the best practice the ISD studied (ISD 6.2): the central ISD's register, read by
its staff and those it reports to (`central_within_reach`); 404 for anyone else."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from ..models import Practice
from ..permissions import central_within_reach


def practices_visible_to(user):
    return central_within_reach(Practice.objects.all(), user)


def get_practice_for_user(user, pk) -> Practice:
    return get_object_or_404(practices_visible_to(user), pk=pk)


def practice_register(user, *, text="", origin="", status="", year=None):
    """The practices, filtered, the latest studied first."""
    practices = practices_visible_to(user)
    for lookup, value in (("origin", origin), ("status", status), ("studied_on__year", year)):
        if value:
            practices = practices.filter(**{lookup: value})
    if text.strip():
        text = text.strip()
        practices = practices.filter(Q(title__icontains=text) | Q(source__icontains=text) | Q(summary__icontains=text))
    return practices.order_by("-studied_on", "-pk")
