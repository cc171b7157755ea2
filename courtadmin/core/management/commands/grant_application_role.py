"""The database role the portal runs under, which owns nothing (docs/deployment.md).

Migrations run as the owner of the tables; the web servers, workers and beat run as this
role. It may read and write the records, and only add to the audit and read chains: not
owning a table, it can neither alter it nor disable its append-only trigger. Run after every
migration (compose's `migrate` service does), so that new tables are granted too; safe to
repeat.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from psycopg2 import sql

# Append-only tables: the role adds rows and reads them, never changes or removes one.
APPEND_ONLY = ("audit_auditevent", "audit_readevent")


def grant_application_role(role: str, password: str | None = None) -> None:
    if connection.vendor != "postgresql":
        raise CommandError("The application role is a PostgreSQL role; this database is not PostgreSQL.")
    name = sql.Identifier(role)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone() is None:
            cursor.execute(sql.SQL("CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT").format(name))
        if password:
            cursor.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(name, sql.Literal(password)))
        database = sql.Identifier(connection.settings_dict["NAME"])
        for statement in (
            "GRANT CONNECT ON DATABASE {database} TO {role}",
            "GRANT USAGE ON SCHEMA public TO {role}",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        ):
            cursor.execute(sql.SQL(statement).format(database=database, role=name))
        for table in APPEND_ONLY:
            cursor.execute(sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(sql.Identifier(table), name))


class Command(BaseCommand):
    help = "Create (or bring up to date) the database role the portal runs under, which owns nothing."

    def add_arguments(self, parser):
        parser.add_argument("role", help="the role's name, e.g. courtadmin_app")
        parser.add_argument("--password-from-env", metavar="VARIABLE", help="set its password from this variable")

    def handle(self, *args, role, password_from_env=None, **options):
        import os

        password = os.environ.get(password_from_env, "") if password_from_env else None
        if password_from_env and not password:
            raise CommandError(f"{password_from_env} is empty.")
        grant_application_role(role, password)
        self.stdout.write(f"Role {role}: may read and write the records, only add to the audit chain, owns nothing.")
