"""Trigram indexes for search (core.search) on PostgreSQL: a part of a number or a name found
through an index, whatever the size of the table. `icontains` compares UPPER(column), so the
index is on that expression; SQLite has none and needs none (the embedded default is small).

Used by each app's migration: `TrigramIndexes("internal_security_complaint", ["number", ...])`.
"""

from django.db import migrations


def _statements(table: str, columns: list[str], upper: bool) -> tuple[list[str], list[str]]:
    create, drop = [], []
    for column in columns:
        name = f"{table}_{column}_trgm"[:63]
        expression = f'(UPPER("{column}"::text))' if upper else f'("{column}")'
        create.append(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ({expression} gin_trgm_ops)')
        drop.append(f'DROP INDEX IF EXISTS "{name}"')
    return create, drop


def TrigramIndexes(table: str, columns: list[str], *, upper: bool = True):  # noqa: N802 - an operation
    create, drop = _statements(table, columns, upper)

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for statement in create:
            schema_editor.execute(statement)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in drop:
                schema_editor.execute(statement)

    return migrations.RunPython(forwards, backwards)
