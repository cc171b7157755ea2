"""The audit chain keyed, the read log chained (the security issue).

Events written before carried a plain SHA-256 chain (the audit log) or none (the read log);
they are sealed once here, in their order, under the current key, so that every event of
both tables verifies the same way. On PostgreSQL the append-only triggers are set aside for
this one rewrite, as only the tables' owner, who runs migrations, can.
"""

import django.utils.timezone
from django.db import migrations, models

TABLES = ("audit_auditevent", "audit_readevent")


def seal_existing(apps, schema_editor):
    from courtadmin.audit.chain import GENESIS_HASH, current_key, seal

    postgres = schema_editor.connection.vendor == "postgresql"
    if postgres:
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    key_id, key = current_key()
    audit_event = apps.get_model("audit", "AuditEvent")
    read_event = apps.get_model("audit", "ReadEvent")
    for model, payload in ((audit_event, _audit_payload), (read_event, _read_payload)):
        prev = GENESIS_HASH
        for event in model.objects.order_by("id").iterator(chunk_size=2000):
            digest = seal(key, prev, payload(event))
            model.objects.filter(pk=event.pk).update(prev_hash=prev, hash=digest, key_id=key_id)
            prev = digest
    if postgres:
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")


# The payloads as the models define them (AuditEvent.payload, ReadEvent.payload) at this step.
def _audit_payload(event) -> dict:
    return {
        "at": event.at.isoformat(),
        "actor": event.actor_id,
        "actor_name": event.actor_name,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "before": event.before,
        "after": event.after,
        "ip_address": event.ip_address,
        "department": event.department,
    }


def _read_payload(event) -> dict:
    return {
        "at": event.at.isoformat(),
        "user": event.user_id,
        "department": event.department,
        "action": event.action,
        "record_type": event.record_type_id,
        "record_id": event.record_id,
        "record_label": event.record_label,
        "ip_address": event.ip_address,
    }


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_read_event_append_only_trigger")]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="key_id",
            field=models.CharField(default="", editable=False, max_length=16),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="readevent",
            name="key_id",
            field=models.CharField(default="", editable=False, max_length=16),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="readevent",
            name="prev_hash",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="readevent",
            name="hash",
            field=models.CharField(default="", editable=False, max_length=64),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="readevent",
            name="at",
            field=models.DateTimeField(
                db_index=True, default=django.utils.timezone.now, editable=False, verbose_name="time"
            ),
        ),
        migrations.RunPython(seal_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="readevent",
            name="hash",
            field=models.CharField(editable=False, max_length=64, unique=True),
        ),
    ]
