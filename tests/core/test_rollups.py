"""The counts kept month by month beside the records (core.rollups, issue 27): every write of a
request moves its cells in the same transaction, the kept counts equal a recount after
registrations, moves, edits and deletions, `verify_rollups` finds a write that bypassed them and
repairs it, and the figures read from them equal the figures counted from the records (IR 7.27)."""

import random
import statistics
from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command

from courtadmin.core import rollups
from courtadmin.core.models import Rollup
from international.models import Country, KazakhCourt, LegalAssistanceRequest
from international.selectors.requests import RegistryFilter, figures, median_days_to_execution
from international.workflow import request_move
from tests.international.factories import la_request, put

R = LegalAssistanceRequest


def kept(dimension: str, **where) -> dict[str, int]:
    return rollups.totals(R.rollup_kind, dimension, **where)


def test_each_write_moves_the_requests_cells_and_the_kept_counts_equal_a_recount(people):
    officer = people["ir_officer"].user
    first = la_request(officer, number="1/2026", received_on=date(2026, 3, 10))
    second = la_request(officer, number="2/2026", received_on=date(2026, 3, 20), country="BY")
    assert kept("status", start=date(2026, 3, 1), end=date(2026, 3, 31)) == {"registered": 2}
    assert kept("country", part="incoming") == {
        str(Country.objects.get(code="RU").pk): 1,
        str(Country.objects.get(code="BY").pk): 1,
    }

    request_move(request=first, move="check", actor=officer)  # the move function saves the request
    assert kept("status") == {"registered": 1, "checked": 1}
    put(second, country=Country.objects.get(code="CN"), court=KazakhCourt.objects.get(code="astana-regional"))
    assert str(Country.objects.get(code="BY").pk) not in kept("country")
    put(first, status="executed", executed_on=date(2026, 5, 4))
    assert kept("executed", start=date(2026, 5, 1), end=date(2026, 5, 31)) == {"55": 1}
    assert kept("execution") == {"2026-2:55": 1}
    assert kept("quarter", start=date(2026, 4, 1), end=date(2026, 4, 30)) == {"55": 1}
    assert kept("execution_year", start=date(2026, 1, 1), end=date(2026, 12, 31)) == {"2026-2:55": 1}
    russia = Country.objects.get(code="RU").pk
    assert kept(f"execution@country={russia}") == {"2026-2:55": 1}  # the same, within its state
    assert kept(f"status@country={russia}") == {"executed": 1}
    assert kept(f"status@country={Country.objects.get(code='CN').pk}") == {"registered": 1}
    second.delete()
    assert kept("status") == {"executed": 1}

    assert rollups.differences(R) == {}
    call_command("verify_rollups")  # the command agrees: exit 0


def test_verify_rollups_finds_a_write_that_bypassed_the_saves_and_repairs_it(people, capsys):
    officer = people["ir_officer"].user
    request = la_request(officer, number="1/2026", received_on=date(2026, 3, 10))
    R.objects.filter(pk=request.pk).update(status="refused")  # bypasses save(): the counts are stale

    with pytest.raises(CommandError, match="1 kinds differ"):
        call_command("verify_rollups")
    assert "2026-03 incoming status=refused: 0, 1" in capsys.readouterr().out
    call_command("verify_rollups", "--repair")
    assert rollups.differences(R) == {} and kept("status") == {"refused": 1}
    assert Rollup.objects.filter(kind=R.rollup_kind, dimension="status", key="registered").count() == 0


def test_a_request_whose_save_fails_leaves_the_counts_as_they_were(people):
    officer = people["ir_officer"].user
    request = la_request(officer, number="1/2026", received_on=date(2026, 3, 10))
    before = rollups.kept(R.rollup_kind)
    request.status = "executed"
    request.registration_number = None  # NOT NULL: the save fails in the database
    with pytest.raises(Exception):  # noqa: B017, PT011 (the database's own IntegrityError)
        request.save()
    assert rollups.kept(R.rollup_kind) == before


def test_whole_months_and_years_to_the_last_day_the_calendar_has():
    assert rollups.whole_months(date(2024, 2, 1), date(2024, 2, 29))  # a leap year's February
    assert not rollups.whole_months(date(2023, 2, 1), date(2023, 2, 27))
    assert not rollups.whole_months(date(2024, 2, 2), None)
    assert rollups.whole_months(None, date.max) and rollups.whole_years(date.min, date.max)
    assert not rollups.whole_years(date(2025, 1, 1), date(2025, 11, 30))


@pytest.mark.parametrize("fraction", [0.5, 0.9])
def test_a_percentile_from_a_histogram_is_the_percentile_of_the_values(fraction):
    generator = random.Random(27)
    for size in (1, 2, 5, 101, 1000):
        values = [generator.randint(0, 400) for _ in range(size)]
        histogram: dict[int, int] = {}
        for value in values:
            histogram[value] = histogram.get(value, 0) + 1
        # PERCENTILE_CONT: linear interpolation between the two nearest ranks
        ordered = sorted(values)
        position = fraction * (size - 1)
        low = int(position)
        expected = ordered[low] + (ordered[min(low + 1, size - 1)] - ordered[low]) * (position - low)
        assert rollups.percentile(histogram, fraction) == pytest.approx(expected)
    assert rollups.percentile({}, fraction) is None
    assert rollups.percentile({3: 1, 9: 1}, 0.5) == statistics.median([3, 9])


def test_the_figures_from_the_kept_counts_equal_the_figures_counted_from_the_requests(people):
    """IR 7.27: whole months of receipt are read from the kept counts; a span that is not whole
    months is counted from the requests; over the same requests both say the same."""
    officer = people["ir_officer"].user
    generator = random.Random(7)
    for n in range(40):
        received = date(2025, 1, 1) + timedelta(days=generator.randint(0, 500))
        request = la_request(
            officer,
            number=f"{n}/2025",
            received_on=received,
            country=generator.choice(["RU", "BY", "CN", "DE"]),
            direction=generator.choice(["incoming", "outgoing"]),
        )
        if n % 3:
            put(request, status="executed", executed_on=received + timedelta(days=generator.randint(5, 90)))
    # The same requests counted from the records: every one of them is this officer's, and a
    # filter on the officer is one the kept counts cannot answer.
    for kept_path in (
        RegistryFilter(),
        RegistryFilter(received_from=date(2025, 1, 1)),  # months, open-ended
        RegistryFilter(received_from=date(2025, 4, 1), received_to=date(2025, 6, 30)),  # months
        RegistryFilter(direction="outgoing", received_from=date(2025, 1, 1), received_to=date(2025, 12, 31)),  # a year
        RegistryFilter(country=Country.objects.get(code="RU")),  # a state: its own cells
        RegistryFilter(
            country=Country.objects.get(code="CN"), received_from=date(2025, 1, 1), received_to=date(2025, 12, 31)
        ),
        RegistryFilter(country=Country.objects.get(code="DE"), direction="incoming", received_from=date(2025, 7, 1)),
    ):
        assert rollups.whole_months(kept_path.received_from, kept_path.received_to)
        assert figures(officer, kept_path) == figures(officer, replace(kept_path, officer=officer)), kept_path
    year = RegistryFilter(direction="outgoing", received_from=date(2025, 1, 1), received_to=date(2025, 12, 31))
    assert figures(officer, year)["total"] == R.objects.filter(direction="outgoing", received_on__year=2025).count()
    russia = figures(officer, RegistryFilter(country=Country.objects.get(code="RU")))
    assert russia["total"] == R.objects.filter(country__code="RU").count() > 0
    assert russia["by_country"] == [(Country.objects.get(code="RU"), russia["total"])]
    whole = median_days_to_execution(officer, date(2025, 1, 1), date(2026, 12, 31))
    days = [(r.executed_on - r.received_on).days for r in R.objects.filter(executed_on__isnull=False)]
    assert whole == statistics.median(days)
    assert median_days_to_execution(officer, date(2025, 1, 2), date(2026, 12, 31)) == statistics.median(
        [(r.executed_on - r.received_on).days for r in R.objects.filter(executed_on__gte=date(2025, 1, 2))]
    )


def test_nobody_outside_the_ir_reads_the_kept_counts(people):
    la_request(people["ir_officer"].user, number="1/2026", received_on=date(2026, 3, 10))
    outsider = people["isd_officer"].user
    filters = RegistryFilter(received_from=date(2026, 1, 1), received_to=date(2026, 12, 31))
    from international.selectors.requests import count, received_by_month, top

    assert count(outsider, filters) == 0
    assert received_by_month(outsider, date(2026, 1, 1), date(2026, 12, 31)) == {}
    assert top(outsider, "country", Country, date(2026, 1, 1), date(2026, 12, 31), 5) == []
    assert median_days_to_execution(outsider, date(2026, 1, 1), date(2026, 12, 31)) is None
    assert count(people["ir_officer"].user, filters) == 1
