"""Reads of requests, always within the reader's reach; outside it, 404 on every page (list,
detail, file, export, search) and no news of it.

- The requesting side: a department's requests, for those who reach every record of it
  (`records_reach` is ALL: its members if it is not need-to-know; its head and deputy and the
  leadership it reports to if it is). ISD 7: an ISD officer, or a territorial ISD unit, only
  the requests he drafted or that serve a case he reaches.
- The requested side (IR 5.1, ISD 5.6, ISD 12): the users whose position is in the addressed
  unit, and the recipient named in it, see the request once it is sent and their own answer;
  never the record it serves (`served_record` hides it) nor anything else of the department.
A superuser is no exception.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Q
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.core.periods import Period, day_start, figures_period
from courtadmin.core.search import containing
from courtadmin.org import departments
from courtadmin.org.authority import Reach, person_of, records_reach
from courtadmin.org.models import Unit

from .models import DataRequest, RequestFile

S = DataRequest.Status
# The units a department may address: subdivisions, territorial offices and local courts.
ADDRESSABLE_KINDS = (Unit.Kind.STRUCTURAL, Unit.Kind.TERRITORIAL, Unit.Kind.TERRITORIAL_ISD, Unit.Kind.COURT)


def term_kind(department: str) -> str:
    """The deadline kind of a request's term, as its department registered it
    ("ir.datarequest", "isd.datarequest": deadlines.py of each department)."""
    return f"{department.lower()}.datarequest"


def bindable_models(department: str) -> list[tuple]:
    """The record kinds a request of `department` may serve, with the rule that filters them to
    a reader's reach: the need-to-know records its department registered
    (departments.register_record_reach)."""
    return [
        (model, within)
        for model, within in departments.record_reaches()
        if getattr(model, "audit_department", "") == department
    ]


def _bound_within_reach(user, department: str) -> Q:
    """Requests serving a record of `department` that `user` reaches."""
    bound = Q(pk__in=[])
    for model, within in bindable_models(department):
        reached = within(model.objects.all(), user).order_by().annotate(key=Cast("pk", CharField(max_length=64)))
        bound |= Q(record_type=ContentType.objects.get_for_model(model), record_id__in=reached.values("key"))
    return bound


def _requesting_side(user) -> Q:
    condition = Q(pk__in=[])
    for code in departments.codes():
        reach = records_reach(user, code).kind
        if reach is Reach.ALL:
            condition |= Q(department=code)
        elif reach is not Reach.NONE:  # ISD 7: need-to-know, his own and his cases' only
            condition |= Q(department=code) & (Q(drafted_by_id=user.pk) | _bound_within_reach(user, code))
    return condition


def addressed_unit_of(user) -> Unit | None:
    """The unit whose requests the user answers: his position's, if it is one a request may
    be addressed to."""
    person = person_of(user)
    position = person.position if person is not None else None
    if position is None or position.unit.kind not in ADDRESSABLE_KINDS:
        return None
    return position.unit


def _addressed_to(user) -> Q:
    """Sent requests addressed to the user's unit or to him by name."""
    unit = addressed_unit_of(user)
    to_him = Q(recipient_id=user.pk) | (Q(unit_id=unit.pk) if unit is not None else Q(pk__in=[]))
    return to_him & ~Q(status=S.DRAFT)


def requests_visible_to(user):
    if not user.is_authenticated:
        return DataRequest.objects.none()
    return DataRequest.objects.filter(_requesting_side(user) | _addressed_to(user))


def register_departments(user) -> list[str]:
    """The departments whose register of requests the user reads some of."""
    return [code for code in departments.codes() if records_reach(user, code).kind is not Reach.NONE]


def has_inbox(user) -> bool:
    """Whether the user is on a requested side at all (a position in a unit one may address)."""
    return addressed_unit_of(user) is not None


def drafting_departments(user) -> list[str]:
    """The departments whose requests the user drafts: his own department's staff."""
    person = person_of(user)
    position = person.position if person is not None else None
    if position is None or position.unit.department not in departments.codes():
        return []
    return [position.unit.department]


def is_addressee(user, request) -> bool:
    """Is the user on the request's requested side: in the addressed unit, or named in it?"""
    if request.recipient_id == user.pk:
        return True
    unit = addressed_unit_of(user)
    return unit is not None and unit.pk == request.unit_id


def is_requester(user, request) -> bool:
    """Is the user on the request's requesting side (he reaches it as his department's)?"""
    return DataRequest.objects.filter(_requesting_side(user), pk=request.pk).exists()


def get_request_for_user(user, pk) -> DataRequest:
    return get_object_or_404(
        requests_visible_to(user).select_related(
            "unit",
            "recipient__person",
            "drafted_by__person",
            "sent_by__person",
            "answered_by__person",
            "accepted_by__person",
        ),
        pk=pk,
    )


def get_request_file_for_user(user, request_pk, pk) -> RequestFile:
    request = get_request_for_user(user, request_pk)
    return get_object_or_404(RequestFile.objects.select_related("request"), request=request, pk=pk)


def served_record(user, request):
    """The record the request serves, if the user reaches it (ISD 7): never for the addressed
    unit's people, who reach no case; for the department's own people only within the
    record's reach. None otherwise."""
    if not request.record_type_id:
        return None
    for model, within in bindable_models(request.department):
        if ContentType.objects.get_for_model(model).pk == request.record_type_id:
            return within(model.objects.all(), user).filter(pk=request.record_id).first()
    return None


def bindable_records(user, department: str, limit: int = 100) -> list:
    """The newest records of `department` within the user's reach that a request may serve."""
    records = []
    for model, within in bindable_models(department):
        records += list(within(model.objects.all(), user).order_by("-pk")[:limit])
    return records


def get_bindable_record(user, department: str, key: str):
    """The record named "app_label.model:pk", if a request of `department` may serve it and
    `user` reaches it; None otherwise."""
    label, _sep, pk = (key or "").partition(":")
    for model, within in bindable_models(department):
        if model._meta.label_lower == label:
            try:
                return within(model.objects.all(), user).filter(pk=pk).first()
            except (ValueError, TypeError):
                return None
    return None


def record_key(record) -> str:
    return f"{record._meta.label_lower}:{record.pk}"


def recipient_candidates(unit_id=None):
    """The accounts a request may name in its addressed unit."""
    users = get_user_model().objects.filter(is_active=True, person__position__unit__kind__in=ADDRESSABLE_KINDS)
    if unit_id is not None:
        users = users.filter(person__position__unit_id=unit_id)
    return users.select_related("person__position__unit").order_by("person__full_name", "pk")


def addressable_units(department: str):
    """The units a department may address (IR 5.1, ISD 5.6): subdivisions, territorial offices
    and local courts; not itself, and no unit of another need-to-know department (ISD 7: the
    IR does not address a territorial ISD unit)."""
    closed = [rules.code for rules in departments.registered() if rules.need_to_know and rules.code != department]
    return (
        Unit.objects.filter(kind__in=ADDRESSABLE_KINDS)
        .exclude(department__in=closed)
        .exclude(department=department, kind=Unit.Kind.STRUCTURAL)
        .order_by("kind", "name")
    )


# --- The register, the inbox and their figures ------------------------------------------------

TERMS = ("running", "overdue", "awaiting", "on_time", "late")


def term_condition(term: str, today: date) -> Q:
    """running: with the unit, not yet due; overdue: with the unit, past due; awaiting: answered,
    waiting for acceptance; on_time / late: accepted, the answer given by / after the due date."""
    return {
        "running": Q(status__in=DataRequest.AWAITING_ANSWER, due_on__gte=today),
        "overdue": Q(status__in=DataRequest.AWAITING_ANSWER, due_on__lt=today),
        "awaiting": Q(status=S.ANSWERED),
        "on_time": Q(status=S.ACCEPTED, term_kept=True),
        "late": Q(status=S.ACCEPTED, term_kept=False),
    }[term]


@dataclass(frozen=True)
class RequestFilter:
    text: str = ""
    department: str = ""
    unit: object = None
    status: str = ""
    term: str = ""
    sent_from: date | None = None
    sent_to: date | None = None


def _filtered(requests, filters: RequestFilter):
    if filters.department:
        requests = requests.filter(department=filters.department)
    if filters.unit is not None:
        requests = requests.filter(unit_id=filters.unit.pk)
    if filters.status:
        requests = requests.filter(status=filters.status)
    if filters.term:
        requests = requests.filter(term_condition(filters.term, timezone.localdate()))
    if filters.sent_from:
        requests = requests.filter(sent_at__gte=day_start(filters.sent_from))
    if filters.sent_to:
        requests = requests.filter(sent_at__lt=day_start(filters.sent_to + timedelta(days=1)))
    if text := filters.text.strip():
        requests = containing(requests, ("registration_number", "subject"), text)
    return requests


def request_register(user, filters: RequestFilter = RequestFilter()):
    """The requests the user's departments sent (and their drafts), within his reach, newest first."""
    requests = (
        DataRequest.objects.filter(_requesting_side(user)) if user.is_authenticated else DataRequest.objects.none()
    )
    return _filtered(requests, filters).select_related("unit").order_by("-drafted_at", "-pk")


def request_inbox(user, filters: RequestFilter = RequestFilter()):
    """The requests addressed to the user's unit or to him, once sent, newest first."""
    requests = DataRequest.objects.filter(_addressed_to(user)) if user.is_authenticated else DataRequest.objects.none()
    return _filtered(requests, filters).select_related("unit").order_by("-sent_at", "-pk")


FIGURES = ("sent", "running", "overdue", "awaiting", "on_time", "late")


def figures_period_of(filters: RequestFilter) -> Period:
    return figures_period(filters.sent_from, filters.sent_to, timezone.localdate())


def request_figures(requests, period: Period) -> tuple[list[dict], dict]:
    """The control figures of the requests sent within `period` (at most a year: core.periods)
    per addressed unit, counted in the database: how many were sent, are running, overdue,
    awaiting acceptance, answered on time and late; and their totals. Two queries whatever the
    number of requests."""
    today = timezone.localdate()
    first, after = period.moments()
    counts = {name: Count("pk", filter=term_condition(name, today)) for name in FIGURES[1:]}
    sent = requests.filter(sent_at__gte=first, sent_at__lt=after)
    rows = list(sent.order_by().values("unit_id").annotate(sent=Count("pk"), **counts))
    units = Unit.objects.in_bulk([row["unit_id"] for row in rows])
    for row in rows:
        row["unit"] = units.get(row["unit_id"])
    rows.sort(key=lambda row: str(row["unit"]))
    totals = {name: sum(row[name] for row in rows) for name in FIGURES}
    return rows, totals


def awaiting_my_answer(user):
    """Requests with my unit (or me by name) still to answer, the earliest due first."""
    return (
        DataRequest.objects.filter(_addressed_to(user), status__in=DataRequest.AWAITING_ANSWER)
        .select_related("unit")
        .order_by("due_on", "pk")
    )


def awaiting_my_acceptance(user):
    """Answers to requests I drafted or sent, waiting for acceptance, the oldest answer first."""
    mine = Q(drafted_by_id=user.pk) | Q(sent_by_id=user.pk)
    return (
        requests_visible_to(user).filter(mine, status=S.ANSWERED).select_related("unit").order_by("answered_at", "pk")
    )
