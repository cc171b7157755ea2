"""Reads of the budget programmes and the souvenirs' stock (IR 7.21): the IR's staff and the
Court Administration's leadership read them; anyone else gets 404. What is written and when:
international/services/budget.py."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from courtadmin.org.authority import department_access
from courtadmin.org.models import Department

from ..models import BudgetLine, Delegation, Event, Programme, Souvenir, Spending, Trip

ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=14, decimal_places=2))


def lines_visible_to(user):
    if not department_access(user, Department.IR):
        return BudgetLine.objects.none()
    return BudgetLine.objects.all()


def souvenirs_visible_to(user):
    if not department_access(user, Department.IR):
        return Souvenir.objects.none()
    return Souvenir.objects.all()


def _with_figures(lines):
    return lines.annotate(
        posted=Coalesce(Sum("spendings__amount"), ZERO),
        paid=Coalesce(Sum("spendings__amount", filter=Q(spendings__stage=Spending.Stage.PAID)), ZERO),
    )


@dataclass(frozen=True)
class Figures:
    planned: Decimal
    posted: Decimal
    paid: Decimal

    @property
    def committed(self) -> Decimal:
        """Posted and not yet paid."""
        return self.posted - self.paid

    @property
    def remaining(self) -> Decimal:
        return self.planned - self.posted

    @property
    def used_share(self) -> float:
        return float(self.posted / self.planned) if self.planned else (1.0 if self.posted else 0.0)

    @property
    def warning(self) -> str:
        """ "over" when posted beyond the plan, "near" when its warning share is used, or ""."""
        if self.remaining < 0:
            return "over"
        if self.used_share >= settings.BUDGET_WARNING_SHARE:
            return "near"
        return ""


def year_budget(user, year: int) -> list[dict]:
    """Each programme of `year` with its items and their figures (plan, committed, paid, what
    remains, the warning), and the programme's totals: two reads whatever the spending."""
    lines = list(_with_figures(lines_visible_to(user).filter(year=year)).order_by("programme", "item"))
    programmes = []
    for code, label in Programme.choices:
        rows = [
            {"line": line, "figures": Figures(line.planned, line.posted, line.paid)}
            for line in lines
            if line.programme == code
        ]
        total = Figures(
            sum((row["figures"].planned for row in rows), Decimal(0)),
            sum((row["figures"].posted for row in rows), Decimal(0)),
            sum((row["figures"].paid for row in rows), Decimal(0)),
        )
        programmes.append({"code": code, "label": label, "rows": rows, "total": total})
    return programmes


def get_line_for_user(user, pk) -> BudgetLine:
    return get_object_or_404(_with_figures(lines_visible_to(user)), pk=pk)


def line_figures(line) -> Figures:
    return Figures(line.planned, line.posted, line.paid)


# An item's page shows its latest sums; the workbook and the figures take them all.
SPENDINGS_SHOWN = 50


def line_spendings(line):
    return line.spendings.select_related("trip__country", "delegation__country", "event").order_by("-on", "-pk")


def spending_purposes(year: int | None = None) -> dict:
    """The trips, visits and events a spending, a souvenir or a gift may serve: those of
    `year`, or the latest, at most 300 of each."""
    trips, delegations, events = Trip.objects.all(), Delegation.objects.all(), Event.objects.all()
    if year is not None:
        trips = trips.filter(departs_on__year=year)
        delegations = delegations.filter(arrives_on__year=year)
        events = events.filter(starts_on__year=year)
    return {
        "trips": trips.select_related("country").order_by("-departs_on", "-pk")[:300],
        "delegations": delegations.select_related("country").order_by("-arrives_on", "-pk")[:300],
        "events": events.order_by("-starts_on", "-pk")[:300],
    }


def get_souvenir_for_user(user, pk) -> Souvenir:
    return get_object_or_404(souvenirs_visible_to(user), pk=pk)


def souvenir_movements(souvenir):
    return souvenir.movements.select_related("event", "delegation__country", "created_by__person").order_by(
        "-on", "-pk"
    )[:200]
