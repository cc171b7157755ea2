"""Reads of instructions, always within the reader's reach; outside it, 404 on every page
(list, detail, file, export, search).

- A department's instructions: for those who reach all its records (`records_reach` ALL: the
  IR's members and the leadership that reads it; for the ISD its head, deputy, the Chairman
  and the Head of the Court Administration, ISD 7).
- Below that (an ISD officer, a territorial ISD unit, anyone else): only the instructions he
  gave or executes; the chain of parent and children only as far as he reaches each record.
A superuser is no exception.

The control list's term state and its figures per executor and per unit are computed in the
database (`term_condition`), the figures on the same filtered rows given within a period of at
most a year (core.periods), on a page of their own.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, Q, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.core.periods import Period, day_start, figures_period
from courtadmin.core.search import containing, few_or_many, holds
from courtadmin.org import departments
from courtadmin.org.authority import Reach, records_reach
from courtadmin.org.models import Unit

from .models import Instruction, InstructionExecutor, InstructionFile, InstructionReport

S, T = Instruction.Status, Instruction.Term
RUNNING = (S.ON_EXECUTION, S.RETURNED)


def term_kind(department: str) -> str:
    """The deadline kind of an instruction's term, as its department registered it
    ("ir.instruction", "isd.instruction": deadlines.py of each department)."""
    return f"{department.lower()}.instruction"


def _own(user, closed: list[str]) -> Q:
    """The instructions the user gave or executes, but those of departments `closed` to him,
    whether a few or a hundred thousand (core.search.few_or_many)."""
    executions = InstructionExecutor.objects.filter(user_id=user.pk).order_by()
    given = Instruction.objects.filter(given_by_id=user.pk).order_by()
    probe = [executions.values("instruction_id"), given.values("pk")]
    ids = executions.exclude(instruction__department__in=closed).values("instruction_id")
    ids = ids.union(given.exclude(department__in=closed).values("pk"), all=True)

    def many() -> Q:
        executes = InstructionExecutor.objects.filter(instruction=OuterRef("pk"), user_id=user.pk)
        return (Q(given_by_id=user.pk) | Q(holds(executes))) & ~Q(department__in=closed)

    return few_or_many(probe, ids, many)


def _reach_condition(user) -> Q:
    """A department he reaches whole: all its instructions. Another: those he gave or executes,
    but of a need-to-know department none once he reaches none of its records (ISD 7: whoever
    leaves the ISD stops reading its instructions). Kept on the user for the request: a page
    reads several instructions within it."""
    if not hasattr(user, "_courtadmin_instruction_reach"):
        user._courtadmin_instruction_reach = _reach_of(user)
    return user._courtadmin_instruction_reach


def _reach_of(user) -> Q:
    whole, closed = [], []
    for rules in departments.registered():
        reach = records_reach(user, rules.code).kind
        if reach is Reach.ALL:
            whole.append(rules.code)
        elif reach is Reach.NONE and rules.need_to_know:
            closed.append(rules.code)
    condition = Q(department__in=whole)
    if len(whole) + len(closed) < len(departments.codes()):
        condition |= _own(user, closed)
    return condition


def instructions_within_reach(queryset, user):
    """The instructions of `queryset` that `user` may open, in the queryset's own single query."""
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(_reach_condition(user))


def instructions_visible_to(user):
    return instructions_within_reach(Instruction.objects.all(), user)


def departments_of_instructions(user) -> list[str]:
    """The departments whose instructions the user may see some of: the list's filter, and
    whether the navigation shows him the instructions at all."""
    return [code for code in departments.codes() if records_reach(user, code).kind is not Reach.NONE]


def get_instruction_for_user(user, pk) -> Instruction:
    visible = with_term_state(instructions_visible_to(user), timezone.localdate())
    return get_object_or_404(visible.select_related("given_by__person", "accepted_by__person"), pk=pk)


def get_report_file_for_user(user, instruction_pk, pk) -> InstructionFile:
    instruction = get_instruction_for_user(user, instruction_pk)
    return get_object_or_404(
        InstructionFile.objects.select_related("report__instruction"), report__instruction=instruction, pk=pk
    )


def chain_of(instruction, user) -> tuple[Instruction | None, list[Instruction]]:
    """The parent and the children of an instruction that `user` reaches (each record its own
    reach: an ISD officer given a child does not open the Head's instruction it came from)."""
    parent = None
    if instruction.parent_id:
        parent = instructions_visible_to(user).filter(pk=instruction.parent_id).first()
    children = list(
        instructions_visible_to(user)
        .filter(parent=instruction)
        .select_related("given_by__person")
        .prefetch_related(_leads())
        .order_by("given_at", "pk")
    )
    return parent, children


def executors_of(instruction) -> list[InstructionExecutor]:
    return list(instruction.executors.select_related("user__person"))


def reports_of(instruction) -> list[InstructionReport]:
    return list(
        instruction.reports.select_related("author__person").prefetch_related(
            Prefetch("files", queryset=InstructionFile.objects.select_related("uploaded_by__person"))
        )
    )


# --- The control list -------------------------------------------------------------------------


def term_condition(state: str, today: date, prefix: str = "") -> Q:
    """The term's state as a condition on an instruction (`prefix` "instruction__" from an
    executor's row): accepted on time or late; overdue if not accepted and reported after the
    due date or, unreported, past it today; running otherwise."""

    def q(**lookups) -> Q:
        return Q(**{f"{prefix}{name}": value for name, value in lookups.items()})

    due = F(f"{prefix}due_on")
    accepted = q(status=S.ACCEPTED)
    # Not accepted, named by its statuses: their index holds the few among a million.
    unaccepted = q(status__in=[*RUNNING, S.REPORTED])
    if state == T.ON_TIME:
        return accepted & q(term_kept=True)
    if state == T.LATE:
        return accepted & q(term_kept=False)
    if state == T.OVERDUE:
        return unaccepted & (q(reported_on__gt=due) | (q(reported_on__isnull=True) & q(due_on__lt=today)))
    if state == T.RUNNING:
        return unaccepted & (q(reported_on__lte=due) | (q(reported_on__isnull=True) & q(due_on__gte=today)))
    raise ValueError(state)


def with_term_state(instructions, today: date):
    return instructions.annotate(
        term_state=Case(
            *(When(term_condition(state, today), then=Value(state)) for state in (T.ON_TIME, T.LATE, T.OVERDUE)),
            default=Value(T.RUNNING),
        )
    )


@dataclass(frozen=True)
class InstructionFilter:
    text: str = ""
    department: str = ""
    status: str = ""
    giver: int | None = None
    executor: int | None = None
    unit: int | None = None
    term: str = ""  # a Term, or "due_soon": running, unreported, due within `within_days`
    within_days: int | None = None
    given_from: date | None = None
    given_to: date | None = None
    due_from: date | None = None
    due_to: date | None = None


DUE_SOON = "due_soon"
DEFAULT_WITHIN_DAYS = 3


def _filtered(user, filters: InstructionFilter, today: date):
    instructions = instructions_visible_to(user)
    if filters.department:
        instructions = instructions.filter(department=filters.department)
    if filters.status:
        instructions = instructions.filter(status=filters.status)
    if filters.giver:
        instructions = instructions.filter(given_by_id=filters.giver)
    if filters.executor:
        executes = InstructionExecutor.objects.filter(instruction=OuterRef("pk"), user_id=filters.executor)
        instructions = instructions.filter(Exists(executes))
    if filters.unit:
        in_unit = InstructionExecutor.objects.filter(
            instruction=OuterRef("pk"), user__person__position__unit_id=filters.unit
        )
        instructions = instructions.filter(Exists(in_unit))
    if filters.term == DUE_SOON:
        within = filters.within_days if filters.within_days is not None else DEFAULT_WITHIN_DAYS
        instructions = instructions.filter(
            status__in=RUNNING, due_on__gte=today, due_on__lte=today + timedelta(days=within)
        )
    elif filters.term:
        instructions = instructions.filter(term_condition(filters.term, today))
    if filters.given_from:
        instructions = instructions.filter(given_at__gte=day_start(filters.given_from))
    if filters.given_to:
        instructions = instructions.filter(given_at__lt=day_start(filters.given_to + timedelta(days=1)))
    if filters.due_from:
        instructions = instructions.filter(due_on__gte=filters.due_from)
    if filters.due_to:
        instructions = instructions.filter(due_on__lte=filters.due_to)
    if text := filters.text.strip():
        instructions = containing(instructions, ("registration_number", "text"), text)
    return instructions


def _leads() -> Prefetch:
    return Prefetch(
        "executors",
        queryset=InstructionExecutor.objects.filter(is_lead=True).select_related("user__person"),
        to_attr="leads",
    )


def instruction_register(user, filters: InstructionFilter = InstructionFilter()):
    """The control list within reach, as filtered, newest first, each with its term's state
    and its lead executor (one query for the page's leads, whatever its length)."""
    today = timezone.localdate()
    return (
        with_term_state(_filtered(user, filters, today), today)
        .select_related("given_by__person")
        .prefetch_related(_leads())
        .order_by("-given_at", "-pk")
    )


@dataclass(frozen=True)
class Figures:
    """Instructions on time, late, running and overdue of one executor or one unit."""

    name: str
    on_time: int
    late: int
    running: int
    overdue: int

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.running + self.overdue


def _counted(rows, group: str, today: date):
    counts = {
        state: Count("instruction", distinct=True, filter=term_condition(state, today, prefix="instruction__"))
        for state in (T.ON_TIME, T.LATE, T.RUNNING, T.OVERDUE)
    }
    return rows.values(group).annotate(**counts).order_by(group)


def figures_period_of(filters: InstructionFilter) -> Period:
    return figures_period(filters.given_from, filters.given_to, timezone.localdate())


def instruction_figures(
    user, filters: InstructionFilter = InstructionFilter(), period: Period | None = None
) -> dict[str, list[Figures]]:
    """The control figures of the filtered instructions within reach given in `period` (by
    default the filters', `figures_period_of`), per executor and per his unit: two aggregate
    queries over the executors' rows (an instruction counts once for a unit however many of
    its people execute it), and one each for the names. Every executor counts, the lead and
    the others."""
    today = timezone.localdate()
    first, after = (period or figures_period_of(filters)).moments()
    counted = _filtered(user, filters, today).filter(given_at__gte=first, given_at__lt=after)
    rows = InstructionExecutor.objects.filter(instruction__in=counted.order_by().values("pk"))
    by_user = list(_counted(rows, "user", today))
    by_unit = list(_counted(rows, "user__person__position__unit", today))
    names = {
        account.pk: str(getattr(account, "person", None) or account.get_username())
        for account in get_user_model().objects.filter(pk__in=[row["user"] for row in by_user]).select_related("person")
    }
    unit_ids = [row["user__person__position__unit"] for row in by_unit if row["user__person__position__unit"]]
    units = {unit.pk: str(unit) for unit in Unit.objects.filter(pk__in=unit_ids)} if unit_ids else {}

    def figures(row, name) -> Figures:
        return Figures(name, row[T.ON_TIME], row[T.LATE], row[T.RUNNING], row[T.OVERDUE])

    return {
        "executors": sorted((figures(row, names.get(row["user"], "")) for row in by_user), key=lambda line: line.name),
        "units": sorted(
            (figures(row, units.get(row["user__person__position__unit"], "—")) for row in by_unit),
            key=lambda line: line.name,
        ),
    }


# --- My work ------------------------------------------------------------------------------------


def my_instructions(user):
    """The instructions I execute that are on execution (or returned): the lead's first, then
    by due date."""
    return Instruction.objects.filter(status__in=RUNNING, executors__user_id=user.pk).order_by(
        "-executors__is_lead", "due_on", "pk"
    )


def awaiting_my_acceptance(user):
    """The instructions I gave whose final report waits for my acceptance, the oldest first."""
    return Instruction.objects.filter(status=S.REPORTED, given_by_id=user.pk).order_by("reported_on", "pk")
