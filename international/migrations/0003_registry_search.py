"""PostgreSQL indexes for the registry at scale (IR 7.27; bench/la_registry.py measures them):

- a trigram index on the search text, so a search by case number, person or authority among
  a million requests does not read them all (it needs the pg_trgm extension);
- a partial index of executed requests that carries the receipt date, so the figures of the
  time from receipt to execution are computed from the index alone.

The embedded SQLite database of a developer's machine needs neither.
"""

from django.db import migrations

TABLE = "international_legalassistancerequest"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS la_request_search_trgm ON {TABLE} USING gin (search_text gin_trgm_ops)"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS la_request_executed ON {TABLE} (executed_on) INCLUDE (received_on) "
        "WHERE executed_on IS NOT NULL"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS la_request_search_trgm")
    schema_editor.execute("DROP INDEX IF EXISTS la_request_executed")


class Migration(migrations.Migration):
    dependencies = [("international", "0002_catalogs")]

    operations = [migrations.RunPython(create, drop)]
