"""Search across everything the reader may see (the working-day issue): one box in the header,
one page of results grouped by kind. Each app registers what it searches (documents, each
department's records, the organisation's people) with a selector that keeps to the reader's
reach, so a record outside it is never found; the core knows none of their models.

A search matches a part of a number or a name in any case and alphabet (`icontains`; on
SQLite through the case-folding LIKE of core.sqlite), and on PostgreSQL the words of prose
in any of their forms (core.fulltext). There the searched columns carry trigram (pg_trgm)
and full-text indexes, and each kind is looked for in two bounded steps (newest_matching),
so a search costs the same on a thousand records or a million. Each kind shows at most
LIMIT hits and says when there are more.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.db.models.lookups import IsNull

from .fulltext import has_words, words_in
from .work import WorkItem

LIMIT = 10
# The newest records a search reads through first, and the most records it takes from the
# indexes when fewer of those match (newest_matching): its cost is bounded by these.
WINDOW = 1_000
CAP = 10_000
MIN_LENGTH, MAX_LENGTH = 2, 100
# A list's search matching more rows than this is "common": read in the list's own order and
# not counted (containing); a reader's own records more than this are "many" (few_or_many).
COMMON = 2_000
# A search the planner expects to match this many is taken as common unread (surely_common):
# ten times COMMON, so that an estimate off by a factor of ten still finds a common string.
SURELY_COMMON = 10 * COMMON
# The alias under which `containing` looks for a common search (`known_common`).
HAYSTACK = "search_haystack"


@dataclass(frozen=True)
class SearchSource:
    code: str
    title: str  # lazy translation
    # (user, text, limit) -> (hits as WorkItem lines, whether there are more than the limit)
    search: Callable
    order: int = 50


_SOURCES: dict[str, SearchSource] = {}


def register_search_source(source: SearchSource) -> None:
    _SOURCES[source.code] = source


def search_everything(user, text: str) -> list[dict]:
    """The kinds with hits for `text`, each with at most LIMIT of them."""
    text = (text or "").strip()[:MAX_LENGTH]
    if len(text) < MIN_LENGTH:
        return []
    found = []
    for source in sorted(_SOURCES.values(), key=lambda s: (s.order, s.code)):
        hits, more = source.search(user, text, LIMIT)
        if hits:
            found.append({"source": source, "hits": hits, "more": more})
    return found


def first_rows(queryset, limit: int, line: Callable) -> tuple[list[WorkItem], bool]:
    """The first `limit` records of a small `queryset` as lines, and whether it holds more."""
    rows = list(queryset[: limit + 1])
    return [line(record) for record in rows[:limit]], len(rows) > limit


def first_hits(visible, order: tuple[str, ...], limit: int, line: Callable, parts: Q, prose=(), text=""):
    """The newest `limit` records of `visible` that match `parts` (numbers and names, in part)
    or hold the words of `text` in their `prose` fields (core.fulltext), as lines, and whether
    there are more. `order` is descending on every field."""
    rows = newest_matching(visible, parts, order, limit)
    if prose and has_words(text):
        indexed, read_through = words_in(prose, text), words_in(prose, text, indexed=False)
        rows += newest_matching(visible, indexed, order, limit, read_through=read_through)
    fields = [field.removeprefix("-") for field in order]
    rows = sorted({record.pk: record for record in rows}.values(), key=lambda r: [getattr(r, f) for f in fields])
    rows.reverse()
    return [line(record) for record in rows[:limit]], len(rows) > limit


def newest_matching(visible, condition: Q, order: tuple[str, ...], limit: int, *, read_through: Q | None = None):
    """The newest `limit` + 1 records of `visible` (by `order`) that meet `condition`.

    The planner cannot know how many records meet a search's condition, and a wrong guess
    costs a read of the whole table either way: through the date's index looking for a rare
    string, or through a text index gathering a common one. So, two steps with bounded costs:
    first among the newest WINDOW records (`read_through`, if given, is the condition worded
    so that no index fits it, so that those records are read rather than the index); if
    fewer meet it there, it is rare, and its indexes give at most CAP records to order."""
    newest = visible.order_by(*order).values("pk")[:WINDOW]
    found = visible.filter(pk__in=Subquery(newest)).filter(read_through or condition)
    rows = list(found.order_by(*order)[: limit + 1])
    if len(rows) > limit:
        return rows
    rare = visible.filter(condition).order_by().values("pk")[:CAP]
    return list(visible.filter(pk__in=Subquery(rare)).order_by(*_unindexed(order))[: limit + 1])


def _unindexed(order: tuple[str, ...]) -> list:
    """`order` (descending on every field) as expressions that no index holds. Ordered by its
    columns, the planner may walk the whole register in its index's order looking for the few
    rows it was given (it cannot know they are few); ordered by these, it takes those rows and
    sorts them."""
    fields = [field.removeprefix("-") for field in order]
    return [Coalesce(F(field), F(field)).desc() for field in fields]


def holds(rows) -> IsNull:
    """Whether `rows` (a query correlated to the record through OuterRef) hold a row, tested
    record by record through their index. An Exists the planner may turn into a hash of all
    such rows before the first record is read: for a reader's hundred thousand own records,
    the whole cost of a page that shows fifty."""
    return IsNull(Subquery(rows.order_by().values("pk")[:1]), False)


def few_or_many(probe: list, ids, many: Callable[[], Q]) -> Q:
    """A reader's own records of a register (those he gave, registered or executes, within his
    reach: `ids`, a query of their ids) as a condition that costs the same for a few and for
    a hundred thousand. The planner cannot tell which, so a probe does: at most COMMON + 1 of
    his rows of each kind (`probe`: the rows through which a record is his, whatever its
    department, each read from its own index and limited on its own where the database
    allows it). If they are few, his records are found first and the register joined to
    them; if many, each row the register's order reads is tested (`many()`, with `holds`),
    and it meets them soon."""
    probe = [part.order_by() for part in probe]
    if connection.features.supports_slicing_ordering_in_compound:
        probe = [part[: COMMON + 1] for part in probe]
    if len(probe[0].union(*probe[1:], all=True)[: COMMON + 1]) <= COMMON:
        return Q(pk__in=ids)
    return many()


def containing(queryset, fields: tuple[str, ...], text: str):
    """The rows of a list's `queryset` holding `text` in part of one of `fields`, in any case.

    The planner cannot tell a rare string from a common one (newest_matching). A rare one is
    found through the fields' trigram indexes, once: its few rows' ids are read first, and the
    list's count and page then take those ids (told only that some rows match, the planner
    would read the list's index in its order looking for them). A common one, which the
    indexes would hand over by the hundred thousand to be sorted, is looked for while the
    list's own index is read in its order (`haystack`), so that its first page stops at the
    first rows that match; it is not counted (`known_common`). Which one it is costs one read
    of at most COMMON + 1 ids, unless the columns' statistics already say it is common
    (`surely_common`): that read would gather every match from the indexes first.
    """
    indexed = Q()
    for field in fields:
        indexed |= Q(**{f"{field}__icontains": text})
    matching = queryset.filter(indexed)
    if not surely_common(matching):
        rare = list(matching.order_by().values_list("pk", flat=True)[: COMMON + 1])
        if len(rare) <= COMMON:
            return queryset.filter(pk__in=rare)
    return queryset.alias(**{HAYSTACK: haystack(fields)}).filter(**{f"{HAYSTACK}__icontains": text})


def surely_common(queryset) -> bool:
    """Whether PostgreSQL's statistics of the searched columns expect `queryset` to hold
    SURELY_COMMON rows or more: asked of the planner (EXPLAIN, which reads nothing), where a
    count of a common string would read its every match. SQLite keeps no such statistics."""
    if connection.vendor != "postgresql":
        return False
    plan = json.loads(queryset.order_by().values("pk").explain(format="json"))
    return plan[0]["Plan"]["Plan Rows"] >= SURELY_COMMON


def known_common(queryset) -> bool:
    """Whether `queryset` holds a search that `containing` found to match more than COMMON
    rows. Counting them would read every one of them up to the count's cap, for a number that
    tells the reader only to narrow the search (core.pagination)."""
    return HAYSTACK in queryset.query.annotations


def haystack(fields: tuple[str, ...]) -> Concat:
    """The fields joined by a line break, which no search text holds: no index fits it. Its
    statistics (core.trigram.HaystackStatistics) tell the planner how many rows hold a text,
    so that a common one is looked for in the list's order."""
    parts = [part for field in fields for part in (field, Value("\n"))][:-1]
    return Concat(*parts, output_field=TextField())
