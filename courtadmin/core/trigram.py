"""Trigram indexes for search (core.search) on PostgreSQL: a part of a number or a name found
through an index, whatever the size of the table. `icontains` compares UPPER(column), so the
index is on that expression; SQLite has none and needs none (the embedded default is small).

Used by each app's migration: `TrigramIndexes("internal_security_complaint", ["number", ...])`,
and for a list searched with `containing`, `HaystackStatistics(app_label, model_name, fields)`.
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


def HaystackStatistics(app_label: str, model_name: str, fields: list[str]):  # noqa: N802 - an operation
    """Statistics on a list's search haystack (core.search.haystack) as `icontains` compares it:
    without them the planner guesses that a few rows hold any text and sorts every row that
    does; with them it reads a common text's rows in the list's order and stops at a page."""
    name = f"{app_label}_{model_name}_haystack"[:63]

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        from django.db.models.functions import Upper

        from .search import haystack

        model = apps.get_model(app_label, model_name)
        query = model.objects.all().query
        compiler = query.get_compiler(connection=schema_editor.connection)
        sql, params = Upper(haystack(tuple(fields))).resolve_expression(query).as_sql(compiler, compiler.connection)
        expression = sql % tuple(schema_editor.quote_value(param) for param in params)
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.execute(f'CREATE STATISTICS IF NOT EXISTS "{name}" ON ({expression}) FROM {table}')
        schema_editor.execute(f"ANALYZE {table}")

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f'DROP STATISTICS IF EXISTS "{name}"')

    return migrations.RunPython(forwards, backwards)
