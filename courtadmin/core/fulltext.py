"""Full-text search of prose (a document's subject, what a request asks, a complaint's
summary) for core.search, on PostgreSQL.

The text search configuration `courtadmin` is PostgreSQL's Russian one: Russian words are
reduced to their stems, so "жалобы" finds "жалоба" and "жалобе". PostgreSQL has no Kazakh
stemmer; Kazakh builds its forms by adding suffixes to an unchanged stem, so each word asked
for is also matched as a prefix ("шағым" finds "шағымы", "шағымды"), which serves Kazakh,
and a Russian word's stem the same way. Each searched table has a GIN index on the very
expression the search filters by, so a search costs the same at a thousand records or a
million. SQLite has no full text: there the search matches parts (core.sqlite's
case-folding LIKE), which the small embedded default needs no index for.
"""

import re

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact
from django.db import connection, migrations
from django.db.models import Q, Value

CONFIG = "courtadmin"
MAX_WORDS = 8

_CREATE_CONFIG = """
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'courtadmin') THEN
    CREATE TEXT SEARCH CONFIGURATION courtadmin (COPY = pg_catalog.russian);
  END IF;
END $$"""


def prefix_query(text: str) -> str:
    """The words of `text` as a tsquery in which each is also a prefix: 'жалобы:* & судьи:*'."""
    words = re.findall(r"\w+", text)[:MAX_WORDS]
    return " & ".join(f"{word}:*" for word in words)


def words_in(fields: list[str], text: str, *, indexed: bool = True) -> Q:
    """A filter: every word of `text` in `fields` (together), by full text. On SQLite it
    matches nothing: the caller's part-of-a-word matching (icontains) serves there.
    `indexed=False` words the same test so that the index does not fit it: the planner then
    reads the records it is given instead of all that the index holds for a common word."""
    if not has_words(text):
        return Q(pk__in=[])
    query = prefix_query(text)
    searched = vector(fields) if indexed else SearchVector(*fields, Value(""), config=CONFIG)
    return Q(SearchVectorExact(searched, SearchQuery(query, search_type="raw", config=CONFIG)))


def has_words(text: str) -> bool:
    """Whether `text` gives a full-text search anything to look for, on this database."""
    return connection.vendor == "postgresql" and bool(prefix_query(text))


def vector(fields: list[str]) -> SearchVector:
    return SearchVector(*fields, config=CONFIG)


def index_name(table: str) -> str:
    return f"{table}_fts"[:63]


def FullTextIndex(app_label: str, model_name: str, fields: list[str]):  # noqa: N802 - an operation
    """A migration operation: the configuration, if not there yet, and the GIN index on the
    expression that `words_in(fields, …)` filters by; on PostgreSQL only."""

    def index(apps):
        model = apps.get_model(app_label, model_name)
        return model, GinIndex(vector(fields), name=index_name(model._meta.db_table))

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(_CREATE_CONFIG)
            schema_editor.add_index(*index(apps))

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(*index(apps))

    return migrations.RunPython(forwards, backwards)
