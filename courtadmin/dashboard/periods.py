"""The period a dashboard shows: a month, a quarter, a year or days of one's choosing, and the
same period a year earlier to compare with."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courtadmin.core.periods import add_months, month_start

KINDS = {
    "month": gettext_lazy("Month"),
    "quarter": gettext_lazy("Quarter"),
    "year": gettext_lazy("Year"),
    "custom": gettext_lazy("Custom"),
}
LONGEST_CUSTOM = timedelta(days=3 * 366)
# The days a dashboard can show: its trend reaches a year and a half back and a period ends
# within its year, so these keep every date computed from them real.
EARLIEST, LATEST = date(1992, 1, 1), date(2199, 12, 31)


def _shift_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes the 28th in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    end: date  # inclusive

    @property
    def label(self) -> str:
        if self.kind == "month":
            return date_format(self.start, "F Y")
        if self.kind == "quarter":
            return _("Q%(quarter)s %(year)s") % {"quarter": (self.start.month - 1) // 3 + 1, "year": self.start.year}
        if self.kind == "year":
            return str(self.start.year)
        return f"{date_format(self.start, 'SHORT_DATE_FORMAT')} – {date_format(self.end, 'SHORT_DATE_FORMAT')}"

    @property
    def span(self) -> str:
        """The period in words and days: "November 2026: 01.11.2026 – 30.11.2026"."""
        days = f"{date_format(self.start, 'SHORT_DATE_FORMAT')} – {date_format(self.end, 'SHORT_DATE_FORMAT')}"
        return days if self.kind == "custom" else f"{self.label}: {days}"

    def year_before(self) -> "Period":
        """The same days a year earlier, for comparison."""
        return Period(self.kind, _shift_years(self.start, -1), _shift_years(self.end, -1))

    def months(self, count: int = 12) -> list[date]:
        """The first days of the `count` months ending with the period's last month: the trend."""
        last = month_start(self.end)
        return [add_months(last, offset) for offset in range(1 - count, 1)]

    def query(self) -> str:
        """The period as the dashboard's query string."""
        if self.kind == "custom":
            return f"period=custom&start={self.start.isoformat()}&end={self.end.isoformat()}"
        return f"period={self.kind}&day={self.start.isoformat()}"


def period_of(kind: str, day: date) -> Period:
    """The month, quarter or year that contains `day`."""
    if kind == "year":
        return Period("year", date(day.year, 1, 1), date(day.year, 12, 31))
    if kind == "quarter":
        first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        return Period("quarter", first, add_months(first, 3) - timedelta(days=1))
    first = month_start(day)
    return Period("month", first, first.replace(day=calendar.monthrange(day.year, day.month)[1]))


def _date(text: str | None) -> date | None:
    try:
        day = date.fromisoformat(text) if text else None
    except ValueError:
        return None
    return day if day is None or EARLIEST <= day <= LATEST else None


def period_from(params, today: date | None = None) -> tuple[Period, str]:
    """The period asked for in a query (period=month|quarter|year with day=, or period=custom
    with start= and end=), and a message if it could not be read; by default this month."""
    today = today or timezone.localdate()
    kind = params.get("period") or "month"
    if kind == "custom":
        start, end = _date(params.get("start")), _date(params.get("end"))
        if start is None or end is None:
            return period_of("month", today), _(
                "Give both days of the period, between %(earliest)s and %(latest)s."
            ) % {
                "earliest": EARLIEST.year,
                "latest": LATEST.year,
            }
        if end < start:
            return period_of("month", today), _("The period ends before it begins.")
        if end - start > LONGEST_CUSTOM:
            return period_of("month", today), _("A period is three years at most.")
        return Period("custom", start, end), ""
    if kind not in KINDS:
        return period_of("month", today), _("Unknown period.")
    day = _date(params.get("day"))
    if params.get("day") and day is None:
        return period_of(kind, today), _("The day cannot be read or is outside %(earliest)s–%(latest)s.") % {
            "earliest": EARLIEST.year,
            "latest": LATEST.year,
        }
    return period_of(kind, day or today), ""
