"""On PostgreSQL, refuse UPDATE and DELETE on the read log at the database itself, as for the
audit chain (0002): who read an ISD record is not rewritten afterwards (issue 7.2)."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_readevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_readevent is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_readevent_append_only
    BEFORE UPDATE OR DELETE ON audit_readevent
    FOR EACH ROW EXECUTE FUNCTION audit_readevent_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_readevent_append_only ON audit_readevent;
DROP FUNCTION IF EXISTS audit_readevent_append_only();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_read_event")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
