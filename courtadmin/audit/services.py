"""Writing to the audit log. Every service that changes something calls `audit_record`;
every view that opens or hands out a department's record calls `read_record` (issue 7.2)."""

import io
import json
from datetime import UTC, datetime

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext

from courtadmin.org import departments

from .chain import AUDIT, READS
from .middleware import current_client_address
from .models import AuditEvent, ReadEvent


def _plain(value):
    """JSON-safe copy (dates, decimals, UUIDs to strings), exactly as it will be stored."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def snapshot(obj, fields=None) -> dict:
    """The field values of a model instance, for the `before` and `after` of an event."""
    return _plain(model_to_dict(obj, fields=fields))


def audit_record(
    *, actor, action: str, obj=None, before=None, after=None, ip_address=None, object_repr=None, department=None
) -> AuditEvent:
    """Append one event to the chain.

    A model declares `audit_department = "ISD"` (or "IR") so that its events are shown only
    to those who may see that department's records.

    The address defaults to that of the request being served (ClientAddressMiddleware).

    Appends are serialised under the chain's lock (chain.py), so that two concurrent writers
    never chain onto the same predecessor.
    """
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return AUDIT.append(
        AuditEvent(
            at=datetime.now(UTC),
            actor=user,
            actor_name=user.get_username() if user else "",
            action=action,
            object_type=obj._meta.label_lower if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            object_repr=(object_repr if object_repr is not None else str(obj) if obj is not None else "")[:300],
            before=_plain(before),
            after=_plain(after),
            ip_address=ip_address if ip_address is not None else current_client_address(),
            department=department if department is not None else getattr(obj, "audit_department", ""),
        )
    )


def audit_verify():
    """Walk the audit chain in order: (events checked, first broken event or None, why)."""
    return AUDIT.verify()


def read_export(*, user, model, reached: list[str], department: str, query: str) -> None:
    """An export of a list that may hold the records of several departments (`reached`; the
    one filtered, or "" for all): one line of the read log for each need-to-know department
    whose records it may hold (ISD 7), labelled with the list's query."""
    for code in reached:
        if departments.department(code).need_to_know and department in ("", code):
            read_record(user=user, obj=model, action="export", department=code, label=query or gettext("all"))


def read_record(*, user, obj=None, action="open", label="", department=None) -> ReadEvent:
    """Write one line of the read log (issue 7.2): `user` opened `obj`'s page ("open"),
    downloaded a file or PDF of it ("download"), exported a list ("export"), or searched the
    registries about the person it concerns ("search").

    `obj` is the record read: a model instance, or a model class for an export of a list of
    that type, or None. The department defaults to `obj.audit_department` (models declare
    `audit_department = "ISD"` or "IR"), the label to `str(obj)` (for a class, its plural
    name) as it stands now, the address to that of the request being served (None outside
    a request).

    The read log's own chain (chain.READS: its lock, its last hash, one INSERT), never the
    audit chain's lock; no `full_clean()` (which would query the user's row): the arguments
    are checked here instead. A wrong department or action is a programming error and raises
    ValueError.
    """
    if user is None or not getattr(user, "is_authenticated", False):
        raise ValueError("The read log records a signed-in user.")
    if action not in ReadEvent.Action.values:
        raise ValueError(f"Unknown read action {action!r}.")
    if department is None:
        department = getattr(obj, "audit_department", None)
    if departments.department(department) is None:
        raise ValueError(f"A read is recorded for a department ({departments.codes()}), not {department!r}.")
    is_class = isinstance(obj, type)
    if not label and obj is not None:
        label = str(obj._meta.verbose_name_plural) if is_class else str(obj)
    return READS.append(
        ReadEvent(
            user=user,
            department=department,
            action=action,
            # get_for_model is served from the ContentType cache after its first use in a process.
            record_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
            record_id="" if obj is None or is_class else str(obj.pk)[:64],
            record_label=str(label)[:300],
            ip_address=current_client_address(),
        )
    )


def audit_append_bulk(events) -> int:
    """Append many events at once, chained exactly as audit_record() chains one (the same
    payload, the same hash), for records written by the million (`generate_load`).
    PostgreSQL only: the rows go in by COPY, in chunks, under the chain's lock."""
    if connection.vendor != "postgresql":
        raise NotImplementedError("audit_append_bulk writes with COPY: PostgreSQL only")
    written = 0
    with transaction.atomic(), connection.cursor() as cursor:
        AUDIT.lock()
        last = AUDIT.head()
        chunk = []
        for event in events:
            last = AUDIT.link(event, last)
            chunk.append(_copy_line(event))
            if len(chunk) == 20_000:
                written += _copy(cursor, chunk)
                chunk = []
        written += _copy(cursor, chunk)
    return written


_COPY_COLUMNS = (
    "at, actor_id, actor_name, action, object_type, object_id, object_repr, before, after, ip_address, "
    "department, prev_hash, hash, key_id"
)


def _copy_line(event: AuditEvent) -> str:
    def cell(value) -> str:
        return r"\N" if value is None else '"' + str(value).replace('"', '""') + '"'

    def as_json(value):
        return None if value is None else json.dumps(value, ensure_ascii=False)

    values = (
        event.at.isoformat(),
        event.actor_id,
        event.actor_name,
        event.action,
        event.object_type,
        event.object_id,
        event.object_repr,
        as_json(event.before),
        as_json(event.after),
        event.ip_address,
        event.department,
        event.prev_hash,
        event.hash,
        event.key_id,
    )
    return ",".join(cell(value) for value in values) + "\n"


def _copy(cursor, lines: list[str]) -> int:
    if not lines:
        return 0
    sql = f"COPY {AuditEvent._meta.db_table} ({_COPY_COLUMNS}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"  # noqa: S608
    cursor.copy_expert(sql, io.StringIO("".join(lines)))
    return len(lines)
