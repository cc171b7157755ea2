"""Search across everything the reader may see (the working-day issue): one box in the header,
one page of results grouped by kind. Each app registers what it searches (documents, each
department's records, the organisation's people) with a selector that keeps to the reader's
reach, so a record outside it is never found; the core knows none of their models.

A search matches a part of a number or a name in any case and alphabet (`icontains`; on
SQLite through the case-folding LIKE of core.sqlite). On PostgreSQL the searched columns
carry trigram indexes (pg_trgm), so a search costs the same on a thousand records or a
million. Each kind shows at most LIMIT hits and says when there are more.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .work import WorkItem

LIMIT = 10
MIN_LENGTH, MAX_LENGTH = 2, 100


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


def first_hits(queryset, limit: int, line: Callable) -> tuple[list[WorkItem], bool]:
    """The first `limit` records of `queryset` as lines, and whether it holds more: one query."""
    rows = list(queryset[: limit + 1])
    return [line(record) for record in rows[:limit]], len(rows) > limit
