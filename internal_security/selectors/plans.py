"""Reads of the work plans (ISD 7, ISD 9): the central ISD's plan for its staff and those it
reports to, a territorial unit's plan for them and for that unit alone
(`permissions.registers_within_reach`); anyone else finds none, and 404 on each page."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import ExtractQuarter
from django.shortcuts import get_object_or_404

from courtadmin.org.models import Department, Person, Unit

from ..models import PlanItem, WorkPlan
from ..permissions import registers_within_reach

QUARTERS = (1, 2, 3, 4)


def plans_visible_to(user):
    return registers_within_reach(WorkPlan.objects.select_related("region"), user)


def get_plan_for_user(user, pk) -> WorkPlan:
    return get_object_or_404(plans_visible_to(user), pk=pk)


def get_plan_item_for_user(user, pk, item_pk) -> PlanItem:
    plan = get_plan_for_user(user, pk)
    return get_object_or_404(PlanItem.objects.select_related("plan__region", "executor__user"), plan=plan, pk=item_pk)


def plan_items_visible_to(user):
    return PlanItem.objects.filter(plan__in=plans_visible_to(user).values("pk"))


def plan_register(user, *, year=None, region=None, central=False, status="", text=""):
    """The plans within the user's reach, filtered, with their items counted: all, done."""
    plans = plans_visible_to(user)
    if year:
        plans = plans.filter(year=year)
    if central:
        plans = plans.filter(region__isnull=True)
    elif region:
        plans = plans.filter(region=region)
    if status:
        plans = plans.filter(status=status)
    if text.strip():
        text = text.strip()
        plans = plans.filter(Q(basis__icontains=text) | Q(items__title__icontains=text)).distinct()
    return plans.annotate(
        item_count=Count("items", distinct=True),
        done_count=Count("items", filter=Q(items__status=PlanItem.Status.DONE), distinct=True),
    ).order_by("-year", "region__name", "pk")


def plan_items_for_export(plans):
    return (
        PlanItem.objects.filter(plan__in=plans.values("pk"))
        .select_related("plan__region", "executor")
        .order_by("-plan__year", "plan__region__name", "due_on", "pk")
    )


def plan_executors(plan):
    """Who may carry out an item: the central ISD's people for its plan, the region's
    territorial ISD unit's for a unit's plan (ISD 14: the plan gives ISD staff ISD work)."""
    people = Person.objects.filter(position__unit__department=Department.ISD)
    if plan.region_id is None:
        people = people.filter(position__unit__kind=Unit.Kind.STRUCTURAL)
    else:
        people = people.filter(position__unit__kind=Unit.Kind.TERRITORIAL_ISD, position__unit__region=plan.region_id)
    return people.order_by("full_name")


@dataclass(frozen=True)
class QuarterExecution:
    """A quarter of a plan: its items due, done in term, done late, not done, still open and
    of these past their term."""

    quarter: int
    due: int = 0
    done_in_term: int = 0
    done_late: int = 0
    not_done: int = 0
    open: int = 0
    overdue: int = 0

    @property
    def done(self) -> int:
        return self.done_in_term + self.done_late


def _count(items, quarter, today) -> QuarterExecution:
    mine = [item for item in items if (item.due_on.month - 1) // 3 + 1 == quarter]
    S = PlanItem.Status
    return QuarterExecution(
        quarter,
        due=len(mine),
        done_in_term=sum(1 for i in mine if i.status == S.DONE and i.done_on <= i.due_on),
        done_late=sum(1 for i in mine if i.status == S.DONE and i.done_on > i.due_on),
        not_done=sum(1 for i in mine if i.status == S.NOT_DONE),
        open=sum(1 for i in mine if i.status == S.PLANNED),
        overdue=sum(1 for i in mine if i.status == S.PLANNED and i.due_on < today),
    )


def plan_execution(items, today: date) -> list[QuarterExecution]:
    """The plan's execution quarter by quarter (ISD 7), from its items (already on the page)."""
    return [_count(items, quarter, today) for quarter in QUARTERS]


def execution_by_plan(user, year: int) -> list[tuple[WorkPlan, dict[int, tuple[int, int]]]]:
    """The year's plans within reach with, per quarter, (items done, items due): the board's
    table, counted in one query over the items."""
    plans = list(plans_visible_to(user).filter(year=year).order_by("region__name", "pk"))
    cells = (
        PlanItem.objects.filter(plan__in=[plan.pk for plan in plans])
        .annotate(quarter=ExtractQuarter("due_on"))
        .values("plan", "quarter")
        .annotate(due=Count("pk"), done=Count("pk", filter=Q(status=PlanItem.Status.DONE)))
        .order_by()
    )
    table: dict[int, dict[int, tuple[int, int]]] = {}
    for cell in cells:
        table.setdefault(cell["plan"], {})[cell["quarter"]] = (cell["done"], cell["due"])
    plans.sort(key=lambda plan: plan.region_id is not None)  # the central plan first
    return [(plan, table.get(plan.pk, {})) for plan in plans]
