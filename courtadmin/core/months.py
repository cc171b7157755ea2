"""Months named by their first day: what the kept counts (`core.rollups`) and the dashboards'
trends are keyed by."""

from datetime import date


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first day of the month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
