"""What a dashboard is made of. Each department registers its panels in AppConfig.ready();
the dashboard core imports no department (STYLE.md).

A panel answers two questions: may this user see it on this board (need-to-know: a panel
the user may not see is not built at all, so nothing of it reaches the page, the PDF or the
workbook), and what it shows for a period. What it shows is plain data: figures with the
same figure a year earlier and the filtered list behind them, monthly trends, tables.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courtadmin.core.periods import add_months, month_start
from courtadmin.org import departments

LEADERSHIP = "leadership"


def boards() -> tuple[str, ...]:
    """The leadership's board, and each registered department's own (named by its code)."""
    return (LEADERSHIP, *departments.codes())


def board_title(board: str) -> str:
    if board == LEADERSHIP:
        return _("The leadership's dashboard")
    rules = departments.department(board)
    return rules.board_title if rules is not None else ""


@dataclass(frozen=True)
class Figure:
    key: str  # stable, for tests and the workbook: "received", "overdue", ...
    label: str
    value: int | float | None
    previous: int | float | None = None  # the same period a year earlier; None: not compared
    url: str = ""  # the list of the records counted, filtered as the figure counts them
    unit: str = ""

    @property
    def change(self) -> int | float | None:
        if self.previous is None or self.value is None:
            return None
        return self.value - self.previous


@dataclass(frozen=True)
class Trend:
    """A figure by month over the last year, with the same months a year earlier."""

    label: str
    months: list[date]
    values: list[int]
    previous: list[int]
    # When the months before the current one were counted, if they come from the cache
    # (monthly()); the current month is always counted live.
    counted_at: datetime | None = None

    @property
    def rows(self):
        return zip(self.months, self.values, self.previous, strict=True)


@dataclass(frozen=True)
class Cell:
    value: object
    url: str = ""

    @property
    def is_date(self) -> bool:
        return isinstance(self.value, date)


@dataclass(frozen=True)
class Row:
    label: str
    values: list
    url: str = ""  # the list behind the row
    urls: tuple = ()  # the list behind each value, where they differ

    @property
    def cells(self) -> list[Cell]:
        return [
            Cell(value, self.urls[index] if index < len(self.urls) else "") for index, value in enumerate(self.values)
        ]


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[Row]


@dataclass
class PanelData:
    figures: list[Figure] = field(default_factory=list)
    trends: list[Trend] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    maps: list = field(default_factory=list)  # RegionMap


@dataclass(frozen=True)
class Panel:
    code: str
    department: str
    title: str
    boards: tuple[str, ...]
    may_see: Callable  # (user, board) -> bool
    build: Callable  # (user, board, period) -> PanelData
    order: int = 100


@dataclass
class Built:
    panel: Panel
    data: PanelData


PANELS: dict[str, Panel] = {}


def register_panel(panel: Panel) -> None:
    PANELS[panel.code] = panel


def panels_for(user, board: str) -> list[Panel]:
    """The panels of `board` that `user` may see, in order."""
    return sorted(
        (panel for panel in PANELS.values() if board in panel.boards and panel.may_see(user, board)),
        key=lambda panel: (panel.order, panel.code),
    )


# --- Helpers for the departments' panels ---------------------------------------------------------


def list_url(url_name: str, **filters) -> str:
    """The URL of a list, filtered: what a figure links to. Empty filters are left out."""
    from urllib.parse import urlencode

    from django.urls import reverse

    query = {name: value.isoformat() if isinstance(value, date) else value for name, value in filters.items() if value}
    return reverse(url_name) + (f"?{urlencode(query)}" if query else "")


def monthly(queryset, field: str, period, label: str) -> Trend:
    """How many of `queryset` fall in each of the twelve months ending with the period, and in
    the same months a year earlier. The months before the current one are finished: they are
    counted once and kept in the cache for DASHBOARD_TREND_CACHE_SECONDS (the trend says when
    they were counted); the current month is counted on every view."""

    months, first, after = _trend_months(period)
    if settings.DASHBOARD_TREND_CACHE_SECONDS:
        live_from = min(max(first, month_start(timezone.localdate())), after)
        counts, counted_at = _finished_months(queryset, field, first, live_from)
        counts = {**counts, **_by_month(queryset, field, live_from, after)}
    else:
        counts, counted_at = _by_month(queryset, field, first, after), None
    return _trend(label, months, counts, counted_at)


def monthly_kept(counted: Callable[[date, date], dict[date, int]], period, label: str) -> Trend:
    """The same trend from counts kept month by month (`core.rollups`): `counted(first, last)`
    gives {first day of a month: how many} for the whole months from `first` to `last`. They
    are exact and current, so the trend has no age."""
    months, first, after = _trend_months(period)
    return _trend(label, months, counted(first, after - timedelta(days=1)), None)


def _trend_months(period) -> tuple[list[date], date, date]:
    """The twelve months ending with the period's, the first month a year before them, and the
    first day after them."""

    months = period.months(12)
    return months, add_months(months[0], -12), add_months(months[-1], 1)


def _trend(label: str, months: list[date], counts: dict[date, int], counted_at) -> Trend:

    return Trend(
        label=label,
        months=months,
        values=[counts.get(month, 0) for month in months],
        previous=[counts.get(add_months(month, -12), 0) for month in months],
        counted_at=counted_at,
    )


def _by_month(queryset, field: str, start: date, end: date) -> dict[date, int]:
    """{first day of a month: how many} for `field` in [start, end). The database counts by day
    (a walk along the date's index, no function applied to each row: DATE_TRUNC would cast
    every date to a timestamp) and the days are summed into months here."""
    from django.db.models import Count

    if start >= end:
        return {}
    by_day = (
        queryset.filter(**{f"{field}__gte": start, f"{field}__lt": end})
        .order_by()
        .values_list(field)
        .annotate(count=Count("*"))
    )
    counts: dict = {}
    for day, count in by_day:
        counts[month_start(day)] = counts.get(month_start(day), 0) + count
    return counts


def _finished_months(queryset, field: str, start: date, end: date) -> tuple[dict[date, int], datetime | None]:
    """The counts of the finished months [start, end), from the cache when they are there. The
    key is the query itself (its SQL carries the reader's reach), so two readers share counts
    only when they would count the same rows."""
    if start >= end:
        return {}, None
    sql, params = queryset.query.sql_with_params()
    digest = hashlib.sha256(repr((sql, params, field, start, end)).encode()).hexdigest()
    key = f"dashboard:trend:{digest}"
    cached = cache.get(key)
    if cached is None:
        cached = (_by_month(queryset, field, start, end), timezone.now())
        cache.set(key, cached, settings.DASHBOARD_TREND_CACHE_SECONDS)
    return cached


def awaiting_signature_figure(user) -> Figure:
    """On a department's board: the documents waiting for the reader's signature (IR 13, ISD 15)."""
    from django.utils.translation import gettext

    from courtadmin.documents.selectors import awaiting_signature

    return Figure(
        "awaiting_signature",
        gettext("Awaiting your signature"),
        awaiting_signature(user).count(),
        url=list_url("documents:document-list"),
    )


def names_of(user_ids) -> dict:
    """Officers' names by user id, in one query (an account's name is its person's)."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(pk__in=list(user_ids)).select_related("person")
    return {user.pk: str(user) for user in users}


@dataclass(frozen=True)
class RegionCount:
    region: object  # org.Region
    count: int
    url: str = ""


@dataclass(frozen=True)
class RegionMap:
    """A figure counted per region (every region, those with none at 0), drawn as a map of
    Kazakhstan's regions (`charts.region_map_svg`) with the same counts as a table beside it."""

    key: str
    title: str
    counts: list[RegionCount]
