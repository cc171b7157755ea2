"""Synthetic load for benchmarks and capacity checks (`manage.py generate_load`), registered by
each department in its AppConfig.ready(): the core imports no department (STYLE.md).

A kind writes `count` realistic records in a few statements (INSERT ... SELECT over
generate_series on PostgreSQL), spread over ten years up to the day of the run, and the audit
events the services would have written for them (`audit_append_bulk`, chained as one by one).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from django.db import connection, transaction
from django.db.models import Max

from courtadmin.audit.models import AuditEvent

YEARS = 10
DAYS = 3653  # ten years of records, the newest of the day of the run


@dataclass(frozen=True)
class LoadContext:
    today: date
    people: dict  # the demo organisation's people by user name: the actors of the load


@dataclass(frozen=True)
class LoadKind:
    option: str  # the command's option: "requests" is --requests N
    help: str
    generate: Callable  # (count: int, context: LoadContext) -> str, what was written
    order: int = 100  # records others refer to come first (complaints before their grants)


LOAD_KINDS: dict[str, LoadKind] = {}


def register_load_kind(kind: LoadKind) -> None:
    LOAD_KINDS[kind.option] = kind


def spread_sql(alias: str = "day") -> str:
    """SQL: the day of the n-th of %(size)s records, evenly over DAYS ending %(today)s."""
    return f"%(today)s::date - ({DAYS} - 1) + ((n::bigint - 1) * {DAYS} / %(size)s)::int AS {alias}"


def max_id(model) -> int:
    return model.objects.aggregate(last=Max("id"))["last"] or 0


def audit_events(rows, *, action: str, model, department: str, names: dict):
    """The audit events of records written in bulk, as the services write them one by one."""
    object_type = model._meta.label_lower
    for pk, at, actor_id, label, after in rows:
        yield AuditEvent(
            at=at if isinstance(at, datetime) else datetime.combine(at, time(9), tzinfo=UTC),
            actor_id=actor_id,
            actor_name=names.get(actor_id, ""),
            action=action,
            object_type=object_type,
            object_id=str(pk),
            object_repr=str(label)[:300],
            after=after,
            department=department,
        )


def department_events(model, rows_of: Callable, *, action: str, context: "LoadContext") -> int:
    """The audit events of the rows a load wrote, department by department, as their services
    write them one by one: `rows_of(department)` gives each row's (id, date, actor's user id,
    label, change). Returns the events written."""
    from courtadmin.audit.services import audit_append_bulk
    from courtadmin.org import departments

    names = actors(context)
    return sum(
        audit_append_bulk(audit_events(rows_of(code), action=action, model=model, department=code, names=names))
        for code in departments.codes()
    )


def rows_of(queryset, *fields):
    """The rows of a load's queryset as tuples of `fields`, in the order written, read in chunks."""
    return queryset.order_by("pk").values_list(*fields).iterator(chunk_size=5000)


def actors(context: LoadContext) -> dict:
    return {person.user_id: person.user.username for person in context.people.values()}


def analyze(*models) -> None:
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {model._meta.db_table}")


def insert_with_events(
    model, sql: str, params: dict, *, count: int, context: LoadContext, audit: tuple, fields: tuple
) -> int:
    """One INSERT ... SELECT of `count` rows of `model` (`sql` with {table} and {spread}), then
    each new row's audit event: `audit` is (action, department, actor's user id), `fields`
    the row's date and label. Returns the events written."""
    from courtadmin.audit.services import audit_append_bulk

    after_id = max_id(model)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            sql.format(table=model._meta.db_table, spread=spread_sql()),
            {"today": context.today, "size": count, "offset": after_id, **params},
        )
    action, department, actor_id = audit
    rows = (
        (pk, day, actor_id, label, None)
        for pk, day, label in model.objects.filter(pk__gt=after_id)
        .order_by("pk")
        .values_list("pk", *fields)
        .iterator(chunk_size=5000)
    )
    events = audit_append_bulk(
        audit_events(rows, action=action, model=model, department=department, names=actors(context))
    )
    analyze(model)
    return events
