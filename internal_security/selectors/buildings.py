"""Reads of the court buildings (ISD 6.7, 6.8): every building for the central ISD and those it
reports to, a region's for its territorial unit (`registers_within_reach`), 404 for anyone
else; with their current anti-terrorist passport and their measures still open or overdue."""

from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import (
    AccessPass,
    Bailiff,
    BuildingMeasure,
    CourtBuilding,
    RegimeRules,
    SecurityContract,
    TerrorPassport,
)
from ..permissions import registers_within_reach

PASSPORT_HORIZON = timedelta(days=30)  # "lapsing": a passport whose term ends within a month


def buildings_visible_to(user):
    return registers_within_reach(CourtBuilding.objects.select_related("region"), user)


def get_building_for_user(user, pk) -> CourtBuilding:
    return get_object_or_404(buildings_visible_to(user), pk=pk)


def get_measure_for_user(user, pk, measure_pk) -> BuildingMeasure:
    building = get_building_for_user(user, pk)
    return get_object_or_404(
        BuildingMeasure.objects.select_related("inspection__building"), inspection__building=building, pk=measure_pk
    )


def get_passport_for_user(user, pk, passport_pk) -> TerrorPassport:
    building = get_building_for_user(user, pk)
    return get_object_or_404(building.passports.select_related("building"), pk=passport_pk)


def get_regime_rules_for_user(user, pk, rules_pk) -> RegimeRules:
    building = get_building_for_user(user, pk)
    return get_object_or_404(building.regime_rules.select_related("building"), pk=rules_pk)


def passes_in_force(building) -> int:
    """The building's permanent passes issued and not lapsed (ISD 6.6)."""
    today = timezone.localdate()
    return building.passes.filter(status=AccessPass.Status.VALID, valid_until__gte=today).count()


def building_measures_visible_to(user):
    return BuildingMeasure.objects.filter(inspection__building__in=buildings_visible_to(user).values("pk"))


def current_passport(building) -> TerrorPassport | None:
    return building.passports.filter(replaced_on__isnull=True).first()


def contracts_for(building):
    """The contracts a building's equipment may be installed under: its region's."""
    return SecurityContract.objects.filter(region_id=building.region_id).select_related("supplier")


def building_register(user, *, text="", region=None, vulnerable=False, passport="", overdue=False):
    """The buildings within the user's reach, filtered, by region and court, each with its
    current passport's term and its measures still open and overdue."""
    today = timezone.localdate()
    buildings = buildings_visible_to(user)
    if region:
        buildings = buildings.filter(region=region)
    if vulnerable:
        buildings = buildings.filter(vulnerable=True)
    if text.strip():
        text = text.strip()
        buildings = buildings.filter(Q(court__icontains=text) | Q(address__icontains=text))
    current = TerrorPassport.objects.filter(building=OuterRef("pk"), replaced_on__isnull=True)
    if passport == "missing":
        buildings = buildings.filter(vulnerable=True).exclude(Exists(current))
    elif passport == "lapsing":
        buildings = buildings.filter(Exists(current.filter(valid_until__lte=today + PASSPORT_HORIZON)))
    open_measures = BuildingMeasure.objects.filter(status=BuildingMeasure.Status.PLANNED)
    late = open_measures.filter(due_on__lt=today)
    if overdue:
        buildings = buildings.filter(Exists(late.filter(inspection__building=OuterRef("pk"))))
    assigned = (
        Bailiff.objects.filter(building=OuterRef("pk"), active=True)
        .order_by()
        .values("building")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return buildings.annotate(
        passport_until=Subquery(current.values("valid_until")[:1]),
        bailiffs_assigned=Coalesce(Subquery(assigned), 0),
        open_count=Count(
            "inspections__measures", filter=Q(inspections__measures__status=BuildingMeasure.Status.PLANNED)
        ),
        overdue_count=Count(
            "inspections__measures",
            filter=Q(
                inspections__measures__status=BuildingMeasure.Status.PLANNED, inspections__measures__due_on__lt=today
            ),
        ),
    ).order_by("region__name", "court", "pk")
