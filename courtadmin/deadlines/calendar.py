"""The working-day calendar of Kazakhstan.

Public holidays come from the `holidays` package (country KZ: the Law of 13 December 2001
No. 267, with a holiday on a day off moved to the next working day). The Government's
yearly day transfers (Labour Code art. 85: an extra day off, a working Saturday) are not in
that package after 2025, and it knows no working weekend at all: they live in the portal's
own table (`DayTransfer`), kept by an administrator. A transfer overrides everything else.

Dates are local dates in Asia/Almaty; moments are stored in UTC.
"""

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.core.cache import cache

ALMATY = ZoneInfo("Asia/Almaty")
_TRANSFERS_CACHE_KEY = "deadlines:day-transfers"


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("KZ", years=year))


def _transfers() -> dict[date, bool]:
    """{day: is it a working day} from the portal's table, cached until the table changes."""
    transfers = cache.get(_TRANSFERS_CACHE_KEY)
    if transfers is None:
        from .models import DayTransfer

        transfers = {item.day: item.kind == DayTransfer.Kind.WORKING_DAY for item in DayTransfer.objects.all()}
        cache.set(_TRANSFERS_CACHE_KEY, transfers, timeout=None)
    return transfers


def forget_transfers() -> None:
    """Called when an administrator changes the table."""
    cache.delete(_TRANSFERS_CACHE_KEY)


class WorkingCalendar:
    """One reading of the transfers table, for a computation over many days."""

    def __init__(self):
        self.transfers = _transfers()

    def is_working_day(self, day: date) -> bool:
        if day in self.transfers:
            return self.transfers[day]
        return day.weekday() < 5 and day not in _public_holidays(day.year)

    def next_working_day(self, day: date) -> date:
        """The first working day after `day`."""
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def last_working_day_by(self, day: date) -> date:
        """`day` if it is a working day, else the last working day before it: by when a thing
        that lapses on a calendar day (a passport's term) is to be done."""
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def working_days_before(self, end: date, days: int) -> date:
        """The working day from which `end` is the `days`-th working day after."""
        day = self.last_working_day_by(end - timedelta(days=1))
        for _ in range(days - 1):
            day = self.last_working_day_by(day - timedelta(days=1))
        return day

    def add_working_days(self, start: date, days: int) -> date:
        """The `days`-th working day after `start` (`start` itself is not counted); with 0,
        `start` if it is a working day, else the next one."""
        if days == 0:
            return start if self.is_working_day(start) else self.next_working_day(start)
        day = start
        for _ in range(days):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (negative if `end` is earlier)."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(
            1 for offset in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(days=offset))
        )

    def term_start(self, received_at: datetime) -> date:
        """The day a term starts for something received at `received_at`: that day if it is a
        working day and the office was open, else the next working day."""
        local = received_at.astimezone(ALMATY)
        closes = time.fromisoformat(settings.WORKING_DAY_ENDS)
        if self.is_working_day(local.date()) and local.time() < closes:
            return local.date()
        return self.next_working_day(local.date())


def is_working_day(day: date) -> bool:
    return WorkingCalendar().is_working_day(day)


def add_working_days(start: date, days: int) -> date:
    return WorkingCalendar().add_working_days(start, days)


def working_days_between(start: date, end: date) -> int:
    return WorkingCalendar().working_days_between(start, end)


def term_start(received_at: datetime) -> date:
    return WorkingCalendar().term_start(received_at)
