"""The working-day calendar across 2026 (issue 5.1): public holidays from the `holidays`
package, moved days off, and the Government's transfers kept in the portal's table."""

from datetime import date, datetime

import pytest

from courtadmin.deadlines.calendar import (
    ALMATY,
    add_working_days,
    is_working_day,
    term_start,
    working_days_between,
)
from courtadmin.deadlines.models import DayTransfer


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 3, 20), True),  # Friday before Nauryz
        (date(2026, 3, 21), False),  # Nauryz, a Saturday
        (date(2026, 3, 23), False),  # Nauryz
        (date(2026, 3, 24), False),  # Nauryz on the weekend, moved
        (date(2026, 3, 25), False),  # idem
        (date(2026, 3, 26), True),
        (date(2026, 5, 1), False),  # Unity Day
        (date(2026, 5, 7), False),  # Defender of the Fatherland Day
        (date(2026, 5, 11), False),  # Victory Day (9 May, a Saturday) moved to Monday
        (date(2026, 12, 16), False),  # Independence Day
        (date(2026, 12, 17), True),
        (date(2026, 11, 21), False),  # an ordinary Saturday
    ],
)
def test_holidays_of_2026(db, day, working):
    assert is_working_day(day) is working


def test_a_configured_transfer_decides_the_day(db):
    saturday, friday = date(2026, 1, 3), date(2026, 1, 9)
    assert not is_working_day(saturday) and is_working_day(friday)
    DayTransfer.objects.create(day=saturday, kind="working_day", decree_number="1", decree_date=date(2025, 12, 1))
    DayTransfer.objects.create(day=friday, kind="day_off", decree_number="1", decree_date=date(2025, 12, 1))
    assert is_working_day(saturday)  # a working Saturday counts
    assert not is_working_day(friday)  # a moved day off does not
    assert working_days_between(date(2026, 1, 2), date(2026, 1, 9)) == 4  # 3, 5, 6, 8 (7: Christmas)
    DayTransfer.objects.filter(day=saturday).delete()
    assert not is_working_day(saturday)  # the change is seen at once


def test_adding_working_days_skips_nauryz(db):
    assert add_working_days(date(2026, 3, 19), 3) == date(2026, 3, 27)  # 20, 26, 27
    assert add_working_days(date(2026, 3, 21), 0) == date(2026, 3, 26)


def test_between_is_negative_backwards(db):
    assert working_days_between(date(2026, 3, 27), date(2026, 3, 19)) == -3


@pytest.mark.parametrize(
    ("received", "starts"),
    [
        (datetime(2026, 11, 20, 17, 0, tzinfo=ALMATY), date(2026, 11, 20)),  # Friday, office open
        (datetime(2026, 11, 20, 19, 5, tzinfo=ALMATY), date(2026, 11, 23)),  # Friday evening
        (datetime(2026, 11, 21, 10, 0, tzinfo=ALMATY), date(2026, 11, 23)),  # Saturday
        (datetime(2026, 12, 15, 20, 0, tzinfo=ALMATY), date(2026, 12, 17)),  # evening before Independence Day
    ],
)
def test_a_term_starts_on_the_next_working_day_after_hours(db, received, starts):
    assert term_start(received) == starts
