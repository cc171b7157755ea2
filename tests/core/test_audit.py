"""C4: the audit log and the read log are append-only and chained under a key kept outside
the database; their heads are checkpointed outside it; verify_audit finds an altered, removed
or inserted event, a chain recomputed without the key, its end cut off, and a chain recomputed
with the key after a checkpoint saw it (the security issue)."""

import hashlib
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from courtadmin.audit import chain as chains
from courtadmin.audit.models import AuditEvent, ReadEvent
from courtadmin.audit.selectors import audit_events_visible_to
from courtadmin.audit.services import audit_record, audit_verify, read_record
from courtadmin.audit.tasks import write_checkpoint
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
    assert "audit: chain intact, 5 events verified" in capsys.readouterr().out


def test_each_event_is_sealed_with_the_key_held_outside_the_database(chain, settings):
    key_id, key = chains.current_key()
    assert {event.key_id for event in chain} == {key_id}
    assert chain[1].hash == chains.seal(key, chain[0].hash, chain[1].payload())
    settings.AUDIT_CHAIN_KEYS = ["another-key-than-the-one-that-sealed-them"]
    assert audit_verify()[2] == "key"  # nobody verifies (or forges) without the key


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


def _rechain(model, events, key: bytes | None, start: str = chains.GENESIS_HASH):
    """What someone who can write the table does to hide a change: recompute every hash, with
    a key of his own (or none) or with the real one."""
    prev = start
    for event in events:
        event.refresh_from_db()
        body = json.dumps(event.payload(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        digest = (
            chains.seal(key, prev, event.payload()) if key else hashlib.sha256(f"{prev}|{body}".encode()).hexdigest()
        )
        sql = f"UPDATE {model._meta.db_table} SET prev_hash = %s, hash = %s WHERE id = %s"  # noqa: S608
        _tamper(sql, [prev, digest, event.pk])
        prev = digest


def test_a_chain_recomputed_without_the_key_is_found(chain):
    with transaction.atomic():
        _tamper("UPDATE audit_auditevent SET action = %s WHERE id = %s", ["test.forged", chain[2].pk])
        _rechain(AuditEvent, chain[2:], key=None, start=chain[1].hash)
    checked, broken, why = audit_verify()
    assert (checked, broken.pk, why) == (2, chain[2].pk, "content")


def test_cutting_off_the_end_of_the_chain_is_found_by_its_checkpoint(chain):
    """GIVEN a checkpoint that saw the five events WHEN the last two are deleted (the chain
    that is left is intact) THEN verify_audit says the checkpoint's event is gone."""
    assert write_checkpoint.apply().get() == 1  # the audit chain moved; the read chain is empty
    assert write_checkpoint.apply().get() == 0  # nothing new: nothing written
    with transaction.atomic():
        _tamper("DELETE FROM audit_auditevent WHERE id >= %s", [chain[3].pk])
    assert audit_verify() == (3, None, "")
    with pytest.raises(
        CommandError, match=rf"audit: the checkpoint .* \(event id={chain[4].pk}\) saw an event that is gone"
    ):
        call_command("verify_audit")


def test_a_chain_recomputed_with_the_key_after_a_checkpoint_is_found(chain):
    """An insider holding the key alters an event and reseals the rest: the chain verifies,
    the checkpoint does not."""
    write_checkpoint.apply()
    with transaction.atomic():
        _tamper("UPDATE audit_auditevent SET action = %s WHERE id = %s", ["test.forged", chain[2].pk])
        _rechain(AuditEvent, chain[2:], key=chains.current_key()[1], start=chain[1].hash)
    assert audit_verify() == (5, None, "")
    with pytest.raises(CommandError, match="now has another hash"):
        call_command("verify_audit")


def test_a_forged_checkpoint_line_is_found(chain, settings):
    write_checkpoint.apply()
    path = settings.AUDIT_CHECKPOINT_FILE
    entry = json.loads(path.read_text().splitlines()[0])
    entry["count"] = 2
    path.write_text(json.dumps(entry) + "\n")
    with pytest.raises(CommandError, match="was not written with the chain's key"):
        call_command("verify_audit")


def test_the_read_log_is_chained_and_checkpointed_too(users, complaint):
    reads = [read_record(user=users["isd_head"], obj=complaint) for _ in range(3)]
    assert reads[1].prev_hash == reads[0].hash
    assert chains.READS.verify() == (3, None, "")
    with transaction.atomic():
        _tamper("UPDATE audit_readevent SET user_id = %s WHERE id = %s", [users["chairman"].pk, reads[1].pk])
    assert chains.READS.verify()[1:] == (ReadEvent.objects.get(pk=reads[1].pk), "content")
    with pytest.raises(CommandError, match="reads: chain broken"):
        call_command("verify_audit")
