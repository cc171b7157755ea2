"""Counts kept beside the records, month by month, so that a figures page or a dashboard reads
a few thousand rows whatever the register holds (issue 27).

A register's model that is rolled up subclasses `RolledUp` and says, for one record, the
cells it counts in: `(month, part, dimension, key)`, say (March 2026, "incoming", "status",
"executed"). Every save and every delete of a record moves its cells in the same transaction:
the cells it left lose one, the cells it entered gain one, so the counts are exact for every
month, the current one included, and have no age. A write that bypasses `save()` (a
queryset's `update()`, `bulk_create`, the benchmarks' SQL load) must be followed by
`rebuild()`; `manage.py verify_rollups` recounts every rolled-up register from its records
and says where the kept counts differ.
"""

from calendar import monthrange
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import ClassVar

from django.apps import apps
from django.db import connection, models, transaction
from django.db.models import Sum

from .models import Rollup
from .periods import month_start

Cell = tuple[date, str, str, str]  # (month, part, dimension, key)


def key_of(value) -> str:
    """A cell's key: the value as text, "" for none."""
    return "" if value is None else str(value)


def slice_of(dimension: str, field: str, value) -> str:
    """The dimension that counts `dimension` within one value of `field` alone ("status@country=7")."""
    return f"{dimension}@{field}={key_of(value)}"


def sliced(cells: list[Cell], field: str, value) -> list[Cell]:
    """`cells` again, counted within one value of `field`: a filter on that field (one state,
    say) reads them under `slice_of(dimension, field, value)`, as few cells as the unfiltered
    figures read."""
    return [(month, part, slice_of(dimension, field, value), key) for month, part, dimension, key in cells]


class RolledUp(models.Model):
    """A model whose records are counted in `Rollup` (see the module)."""

    rollup_kind: ClassVar[str]
    rollup_fields: ClassVar[tuple[str, ...]]  # the attnames the cells are computed from

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using")):
            before = self._rollup_stored()
            super().save(*args, **kwargs)
            after = self._rollup_values()
            if before is not None and kwargs.get("update_fields") is not None:
                saved = {self._meta.get_field(name).attname for name in kwargs["update_fields"]}
                after = {name: after[name] if name in saved else before[name] for name in self.rollup_fields}
            move(self.rollup_kind, cells_of(type(self), before), cells_of(type(self), after))

    def delete(self, *args, **kwargs):
        with transaction.atomic(using=kwargs.get("using")):
            before = self._rollup_stored()
            deleted = super().delete(*args, **kwargs)
            move(self.rollup_kind, cells_of(type(self), before), Counter())
        return deleted

    @classmethod
    def rollup_cells(cls, values: dict) -> Iterable[Cell]:
        raise NotImplementedError

    def _rollup_values(self) -> dict:
        return {name: getattr(self, name) for name in self.rollup_fields}

    def _rollup_stored(self) -> dict | None:
        if self._state.adding or self.pk is None:
            return None
        return type(self)._base_manager.filter(pk=self.pk).values(*self.rollup_fields).first()


def cells_of(model, values: dict | None) -> Counter:
    return Counter() if values is None else Counter(model.rollup_cells(values))


def move(kind: str, left: Counter, entered: Counter) -> None:
    """One record left the cells `left` and entered `entered`: each count moves by the
    difference, in one statement per cell that changes (an upsert, atomic under concurrent
    writers on PostgreSQL and SQLite alike)."""
    delta = Counter(entered)
    delta.subtract(left)
    # in one order for every writer, so that two writers moving the same cells never deadlock
    rows = sorted((kind, *cell, change) for cell, change in delta.items() if change)
    if not rows:
        return
    table = connection.ops.quote_name(Rollup._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            # the table's own name, quoted; every value a parameter
            f"INSERT INTO {table} (kind, month, part, dimension, key, count) VALUES (%s, %s, %s, %s, %s, %s) "  # noqa: S608  # nosec B608
            f"ON CONFLICT (kind, dimension, month, part, key) DO UPDATE SET count = {table}.count + excluded.count",
            rows,
        )


# --- Reading -------------------------------------------------------------------------------------


def cells(kind: str, dimension: str, *, start: date | None = None, end: date | None = None, part: str = ""):
    """The cells of `dimension` of the months from `start`'s to `end`'s (either open), of one part or all."""
    kept_cells = Rollup.objects.filter(kind=kind, dimension=dimension)
    if start is not None:
        kept_cells = kept_cells.filter(month__gte=month_start(start))
    if end is not None:
        kept_cells = kept_cells.filter(month__lte=month_start(end))
    if part:
        kept_cells = kept_cells.filter(part=part)
    return kept_cells.order_by()


def totals(kind: str, dimension: str, *, start=None, end=None, part: str = "") -> dict[str, int]:
    """{key: count} of the months from `start`'s to `end`'s (either open), of one part or all."""
    rows = cells(kind, dimension, start=start, end=end, part=part).values_list("key").annotate(total=Sum("count"))
    return {key: total for key, total in rows if total}


def monthly(kind: str, dimension: str, *, start=None, end=None, part: str = "") -> dict[date, int]:
    """{month: count} over every key of `dimension`."""
    rows = cells(kind, dimension, start=start, end=end, part=part).values_list("month").annotate(total=Sum("count"))
    return dict(rows)


def whole_months(start: date | None, end: date | None) -> bool:
    """Whether the days from `start` to `end` (either open) are whole months, which the kept
    counts can answer; any other span is counted from the records."""
    return (start is None or start.day == 1) and (end is None or end.day == monthrange(end.year, end.month)[1])


def whole_years(start: date | None, end: date | None) -> bool:
    """Whether the days from `start` to `end` (either open) are whole years: the counts kept
    by year as well as by month (`month` a January) answer them with fewer cells."""
    return (start is None or (start.month, start.day) == (1, 1)) and (end is None or (end.month, end.day) == (12, 31))


def percentile(histogram: dict[int, int], fraction: float) -> float | None:
    """The `fraction` percentile of the values a histogram {value: how many} counts, with
    linear interpolation between the two nearest, as PostgreSQL's PERCENTILE_CONT computes it."""
    total = sum(histogram.values())
    if not total:
        return None
    position = fraction * (total - 1)
    low = int(position)
    values = sorted(histogram)

    def at(index: int) -> int:
        seen = 0
        for value in values:
            seen += histogram[value]
            if index < seen:
                return value
        return values[-1]

    below, above = at(low), at(min(low + 1, total - 1))
    return below + (above - below) * (position - low)


# --- Recounting ----------------------------------------------------------------------------------


def rolled_up_models() -> list:
    return [model for model in apps.get_models() if issubclass(model, RolledUp)]


def recount(model) -> Counter:
    """The cells of every record of `model`, counted from the records themselves."""
    counted = Counter()
    for row in model._base_manager.order_by().values(*model.rollup_fields).iterator(chunk_size=10_000):
        counted.update(model.rollup_cells(row))
    return counted


def kept(kind: str) -> Counter:
    rows = Rollup.objects.filter(kind=kind).exclude(count=0)
    return Counter({(row.month, row.part, row.dimension, row.key): row.count for row in rows.iterator()})


def differences(model) -> dict[Cell, tuple[int, int]]:
    """{cell: (kept, recounted)} where the kept count is not the recount."""
    counted, stored = recount(model), kept(model.rollup_kind)
    return {
        cell: (stored.get(cell, 0), counted.get(cell, 0))
        for cell in counted.keys() | stored.keys()
        if stored.get(cell, 0) != counted.get(cell, 0)
    }


@transaction.atomic
def rebuild(model) -> int:
    """Replace the kept counts of `model` by a recount; returns the number of cells."""
    counted = recount(model)
    Rollup.objects.filter(kind=model.rollup_kind).delete()
    Rollup.objects.bulk_create(
        (
            Rollup(kind=model.rollup_kind, month=month, part=part, dimension=dimension, key=key, count=count)
            for (month, part, dimension, key), count in counted.items()
        ),
        batch_size=5_000,
    )
    return len(counted)
