"""The dashboard's periods and its SVG charts."""

from datetime import date
from xml.etree import ElementTree

import pytest
from django.utils import translation

from courtadmin.dashboard.charts import nice_ceiling, trend_svg
from courtadmin.dashboard.panels import Trend
from courtadmin.dashboard.periods import Period, period_from, period_of
from tests.conftest import TODAY

# Its dates are set around the suite's today, which it states (time-machine).
pytestmark = pytest.mark.time_machine(TODAY)

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("kind", "day", "start", "end"),
    [
        ("month", date(2024, 2, 10), date(2024, 2, 1), date(2024, 2, 29)),
        ("quarter", date(2026, 11, 22), date(2026, 10, 1), date(2026, 12, 31)),
        ("quarter", date(2026, 1, 1), date(2026, 1, 1), date(2026, 3, 31)),
        ("year", date(2026, 6, 30), date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_a_period_is_the_month_quarter_or_year_of_its_day(kind, day, start, end):
    assert period_of(kind, day) == Period(kind, start, end)


def test_a_year_earlier_is_the_same_days_and_29_february_becomes_the_28th():
    leap = Period("custom", date(2024, 2, 29), date(2024, 3, 10))
    assert leap.year_before() == Period("custom", date(2023, 2, 28), date(2023, 3, 10))


def test_the_trend_is_the_twelve_months_ending_with_the_period():
    months = period_of("month", date(2026, 3, 5)).months(12)
    assert months[0] == date(2025, 4, 1) and months[-1] == date(2026, 3, 1) and len(months) == 12


@pytest.mark.parametrize(
    "query",
    [
        {"period": "custom", "start": "2026-05-01"},
        {"period": "custom", "start": "2026-05-01", "end": "2026-04-01"},
        {"period": "custom", "start": "2020-01-01", "end": "2026-01-01"},
        {"period": "week"},
        {"period": "custom", "start": "2026-13-01", "end": "2026-12-01"},
    ],
)
def test_a_period_that_cannot_be_read_is_this_month_with_a_reason(query):
    today = date(2026, 11, 22)
    period, problem = period_from(query, today)
    assert period == period_of("month", today) and problem


OUT_OF_RANGE = [
    {"period": "year", "day": "0001-01-01"},
    {"period": "month", "day": "0001-01-31"},
    {"period": "quarter", "day": "9999-12-31"},
    {"period": "custom", "start": "0001-01-01", "end": "0001-12-31"},
    {"period": "custom", "start": "9999-01-01", "end": "9999-12-31"},
    {"period": "year", "day": "99999-01-01"},
]


@pytest.mark.parametrize("query", OUT_OF_RANGE)
def test_a_day_outside_the_years_kept_is_refused_with_a_reason(query):
    """The security issue: year 1 or 9999 gave a 500 (the year before, the trend's months)."""
    period, problem = period_from(query, date(2026, 11, 22))
    assert problem and period.start.year == 2026


@pytest.mark.parametrize("query", OUT_OF_RANGE)
def test_the_leadership_board_answers_a_day_out_of_range_with_its_reason(client_for, query):
    from django.urls import reverse

    response = client_for("chairman").get(reverse("dashboard:board", args=["leadership"]), query)
    assert response.status_code == 200
    for export in ("dashboard:board-xlsx",):
        assert client_for("chairman").get(reverse(export, args=["leadership"]), query).status_code == 200


@pytest.mark.parametrize(("value", "top"), [(0, 4), (3, 4), (5, 8), (9, 20), (41, 80), (1234, 2000)])
def test_the_scale_ends_on_a_round_number(value, top):
    assert nice_ceiling(value) == top


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_chart_is_well_formed_svg_with_its_text_alternative_in_every_language(language):
    """Numbers are never localised inside the drawing ("204,5" is no SVG length)."""
    months = period_of("month", date(2026, 11, 1)).months(12)
    trend = Trend("<Requests> & more", months, [3, 0, 7, 1, 2, 9, 4, 4, 0, 1, 5, 11], [1] * 12)
    with translation.override(language):
        svg = ElementTree.fromstring(trend_svg(trend, "chart-x-0"))  # noqa: S314 - our own drawing
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "chart-x-0-title chart-x-0-desc"
    assert svg.find(f"{SVG}title").text == "<Requests> & more"
    assert "3, 0, 7, 1" in svg.find(f"{SVG}desc").text
    bars = svg.findall(f".//{SVG}rect")
    heights = [float(bar.get("height")) for bar in bars[:-2]]  # the last two are the legend's
    assert len(heights) == 24 and max(heights) == pytest.approx(174 * 11 / 20, abs=0.1)  # 174 px of plot, a scale to 20
