"""The role the portal runs under owns nothing (the reliability issue, part 4): it reads and
writes the records, only adds to the audit and read chains, and can neither alter a table nor
disable the audit chain's append-only trigger. (The fault tests run the whole portal under
it: tests/core/test_faults.py.)"""

import psycopg2
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from courtadmin.audit.services import audit_record
from tests.conftest import requires_postgres
from tests.processes import application_role

pytestmark = [requires_postgres(), pytest.mark.django_db(transaction=True)]


def as_role(role: str, statement: str, params=()):
    """Run one statement over a connection of `role`'s own; the error's class, or None."""
    database = connection.settings_dict
    own = psycopg2.connect(dbname=database["NAME"], user=role, host=database["HOST"], port=database["PORT"])
    try:
        with own, own.cursor() as cursor:
            cursor.execute(statement, params)
        return None
    except psycopg2.Error as error:
        return type(error).__name__
    finally:
        own.close()


def test_the_application_role_writes_records_and_only_adds_to_the_audit_chain(users):
    audit_record(actor=users["ir_officer"], action="test.event", object_repr="a row to try to change")
    with application_role() as role:
        assert as_role(role, "SELECT count(*) FROM org_person") is None
        assert as_role(role, "UPDATE accounts_user SET last_name = last_name WHERE username = 'ir_officer'") is None
        assert as_role(role, "INSERT INTO core_periodicrun (name, period, done_at) VALUES ('t', 't', now())") is None
        assert as_role(role, "SELECT count(*) FROM audit_auditevent") is None
        # The refusals: the chain is append-only to it, and it owns no table to alter.
        assert as_role(role, "UPDATE audit_auditevent SET object_repr = 'changed'") == "InsufficientPrivilege"
        assert as_role(role, "DELETE FROM audit_auditevent") == "InsufficientPrivilege"
        assert as_role(role, "TRUNCATE audit_readevent") == "InsufficientPrivilege"
        assert as_role(role, "ALTER TABLE audit_auditevent DISABLE TRIGGER ALL") == "InsufficientPrivilege"
        assert as_role(role, "DROP TABLE org_person") == "InsufficientPrivilege"
        assert as_role(role, "CREATE TABLE public.mine (id int)") == "InsufficientPrivilege"


def test_the_command_is_safe_to_repeat_and_refuses_an_empty_password(monkeypatch):
    with application_role() as role:
        call_command("grant_application_role", role)  # a second time: nothing changes, no error
        monkeypatch.setenv("APP_DB_PASSWORD", "")
        with pytest.raises(CommandError, match="APP_DB_PASSWORD"):
            call_command("grant_application_role", role, password_from_env="APP_DB_PASSWORD")
        assert as_role(role, "SELECT 1") is None
