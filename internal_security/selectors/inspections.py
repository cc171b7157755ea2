"""Reads of the inspections of territorial subdivisions (ISD 5.10, 6.10, 6.18): every one for
the central ISD and those it reports to, a region's for that region's territorial ISD unit
(`permissions.registers_within_reach`); anyone else finds none, and 404 on each page."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from courtadmin.org.models import Department, Person, Unit

from ..models import Inspection, Recommendation
from ..permissions import registers_within_reach


def inspections_visible_to(user):
    return registers_within_reach(Inspection.objects.select_related("region", "led_by"), user)


def get_inspection_for_user(user, pk) -> Inspection:
    return get_object_or_404(inspections_visible_to(user), pk=pk)


def get_recommendation_for_user(user, pk, recommendation_pk) -> Recommendation:
    inspection = get_inspection_for_user(user, pk)
    return get_object_or_404(
        Recommendation.objects.select_related("inspection"), inspection=inspection, pk=recommendation_pk
    )


def recommendations_visible_to(user):
    return Recommendation.objects.filter(inspection__in=inspections_visible_to(user).values("pk"))


def inspection_register(user, *, text="", status="", region=None, year=None, open_recommendations=False):
    """The inspections within the user's reach, filtered, the latest first, with their
    recommendations counted: all, still open."""
    inspections = inspections_visible_to(user)
    for lookup, value in (("status", status), ("region", region), ("starts_on__year", year)):
        if value:
            inspections = inspections.filter(**{lookup: value})
    if text.strip():
        text = text.strip()
        inspections = inspections.filter(
            Q(subdivision__icontains=text) | Q(programme__icontains=text) | Q(findings__icontains=text)
        )
    open_filter = Q(recommendations__status=Recommendation.Status.PLANNED)
    if open_recommendations:
        still_open = Recommendation.objects.filter(status=Recommendation.Status.PLANNED)
        inspections = inspections.filter(pk__in=still_open.values("inspection"))
    return inspections.annotate(
        recommendation_count=Count("recommendations", distinct=True),
        open_count=Count("recommendations", filter=open_filter, distinct=True),
    ).order_by("-starts_on", "-pk")


def inspection_inspectors(region=None):
    """Who may lead an inspection of `region`'s subdivision: the central ISD's people and that
    region's territorial ISD unit's (of any region's unit, when None: the form before the
    region is chosen)."""
    isd = Person.objects.filter(position__unit__department=Department.ISD)
    if region is not None:
        isd = isd.filter(
            Q(position__unit__kind=Unit.Kind.STRUCTURAL)
            | Q(position__unit__kind=Unit.Kind.TERRITORIAL_ISD, position__unit__region=region)
        )
    return isd.order_by("full_name")
