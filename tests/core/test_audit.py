"""C4: the audit log is append-only and hash-chained; verify_audit finds the first broken link."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from courtadmin.audit.models import AuditEvent
from courtadmin.audit.selectors import audit_events_visible_to
from courtadmin.audit.services import audit_record, audit_verify
from tests.conftest import requires_postgres


@pytest.fixture
def chain(users):
    return [
        audit_record(actor=users["ir_head"], action=f"test.event.{i}", after={"n": i, "date": "2026-11-23"})
        for i in range(5)
    ]


def test_each_event_links_to_the_previous(chain):
    assert chain[0].prev_hash == "0" * 64
    for previous, event in zip(chain, chain[1:], strict=False):
        assert event.prev_hash == previous.hash
    assert audit_verify() == (5, None, "")


def test_verify_audit_command_reports_an_intact_chain(chain, capsys):
    call_command("verify_audit")
    assert "5 events verified" in capsys.readouterr().out


def _tamper(sql, params):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Bypass the append-only trigger, as only a database superuser could.
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)


def test_verify_audit_finds_an_altered_event(chain):
    with transaction.atomic():
        _tamper("UPDATE audit_auditevent SET action = %s WHERE id = %s", ["test.forged", chain[2].pk])
    with pytest.raises(CommandError, match=f"id={chain[2].pk}.*altered"):
        call_command("verify_audit")


def test_verify_audit_finds_a_removed_event(chain):
    with transaction.atomic():
        _tamper("DELETE FROM audit_auditevent WHERE id = %s", [chain[1].pk])
    checked, broken, why = audit_verify()
    assert (checked, broken.pk, why) == (1, chain[2].pk, "link")


def test_events_cannot_be_changed_through_the_orm(chain):
    event = chain[0]
    event.action = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


@requires_postgres()
def test_postgres_trigger_refuses_update_and_delete(chain):
    for sql in ("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", "DELETE FROM audit_auditevent WHERE id = %s"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [chain[0].pk])
    assert AuditEvent.objects.count() == 5


def test_ISD_7_isd_events_are_hidden_from_those_outside(users):
    audit_record(actor=users["isd_head"], action="isd.test", department="ISD")
    audit_record(actor=users["ir_head"], action="ir.test", department="IR")
    assert set(audit_events_visible_to(users["sysadmin"]).values_list("action", flat=True)) == set()
    assert set(audit_events_visible_to(users["ca_deputy"]).values_list("action", flat=True)) == {"ir.test"}
    assert set(audit_events_visible_to(users["chairman"]).values_list("action", flat=True)) == {"isd.test", "ir.test"}
