"""The period a register's control figures are counted over (instructions, requests): what the
reader filtered, at most a year, so that the figures cost one year's records whatever the
register holds; this year until today when he filtered none. The page says which period it
counted and whether it narrowed his."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

MAX_DAYS = 366


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    narrowed: bool = False  # the reader's period was longer than a year: its last year is counted

    def moments(self) -> tuple[datetime, datetime]:
        """Its first moment and the first moment after it (`day_start`)."""
        return day_start(self.start), day_start(self.end + timedelta(days=1))


def day_start(day: date) -> datetime:
    """The first moment of `day` in the portal's time zone: a timestamp filtered by a range
    from it reads the timestamp's index, which a filter on its day (`__date`) cannot."""
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def figures_period(start: date | None, end: date | None, today: date) -> Period:
    if end is None:
        end = today if start is None else max(start, min(start + timedelta(days=MAX_DAYS - 1), today))
    if start is None:
        start = date(end.year, 1, 1)
    if (end - start).days >= MAX_DAYS:
        return Period(end - timedelta(days=MAX_DAYS - 1), end, narrowed=True)
    return Period(start, end)


def month_start(day: date) -> date:
    """The month of `day`, named by its first day: what the kept counts (core.rollups) and the
    dashboards' trends are keyed by."""
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
