"""Reads of the anti-corruption programmes (ISD 6.12): the central ISD's register, read by its
staff and those it reports to (`central_within_reach`); 404 for anyone else."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from ..models import Programme, ProgrammeItem
from ..permissions import central_within_reach


def programmes_visible_to(user):
    return central_within_reach(Programme.objects.all(), user)


def get_programme_for_user(user, pk) -> Programme:
    return get_object_or_404(programmes_visible_to(user), pk=pk)


def get_programme_item_for_user(user, pk, item_pk) -> ProgrammeItem:
    programme = get_programme_for_user(user, pk)
    return get_object_or_404(ProgrammeItem.objects.select_related("programme"), programme=programme, pk=item_pk)


def programme_items_visible_to(user):
    return ProgrammeItem.objects.filter(programme__in=programmes_visible_to(user).values("pk"))


def programme_register(user, *, text="", level="", year=None, open_items=False):
    """The programmes, filtered, the latest first, with their items counted: all, still open."""
    programmes = programmes_visible_to(user)
    if level:
        programmes = programmes.filter(level=level)
    if year:
        programmes = programmes.filter(first_year__lte=year, last_year__gte=year)
    if text.strip():
        text = text.strip()
        programmes = programmes.filter(Q(title__icontains=text) | Q(approved_by__icontains=text))
    if open_items:
        still_open = ProgrammeItem.objects.filter(status=ProgrammeItem.Status.PLANNED)
        programmes = programmes.filter(pk__in=still_open.values("programme"))
    return programmes.annotate(
        item_count=Count("items", distinct=True),
        open_count=Count("items", filter=Q(items__status=ProgrammeItem.Status.PLANNED), distinct=True),
    ).order_by("-last_year", "-pk")
