"""Reads of incoming correspondence, always within the reader's reach; outside it, 404 on
every page (list, detail, file, export).

- A department's letters: for those who reach every record of it (`records_reach` is ALL:
  its members if it is not need-to-know, its head and deputy if it is, the leadership it
  reports to). ISD 7: an ISD officer or a territorial ISD unit sees only the letters given
  to him (he is an executor) or that he registered: need-to-know.
- A letter marked for official use: besides, only the department's head and deputies, the
  leadership, the registrar, the one who gave the resolution and the executors.
A superuser is no exception.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.deadlines.models import Deadline
from courtadmin.org import departments
from courtadmin.org.authority import CA_LEADERSHIP_KINDS, Reach, person_of, records_reach
from courtadmin.org.models import Position, Unit

from .models import IncomingLetter, LetterExecutor, LetterFile, LetterResolution

S = IncomingLetter.Status


def term_kind(department: str) -> str:
    """The deadline kind of a letter's execution, as its department registered it
    ("ir.letter", "isd.letter": deadlines.py of each department)."""
    return f"{department.lower()}.letter"


def reads_official_use(user, department: str) -> bool:
    """The department's head and deputies and the leadership read every letter of it marked
    for official use (within their reach)."""
    person = person_of(user)
    position = person.position if person is not None else None
    if position is None:
        return False
    if position.kind in CA_LEADERSHIP_KINDS:
        return True
    return (
        position.kind in (Position.Kind.HEAD, Position.Kind.DEPUTY)
        and position.unit.department == department
        and position.unit.kind == Unit.Kind.STRUCTURAL
    )


def _own(user) -> Q:
    """Letters the user registered, gave the resolution on, or executes."""
    executes = LetterExecutor.objects.filter(letter=OuterRef("pk"), user_id=user.pk)
    resolved = LetterResolution.objects.filter(letter=OuterRef("pk"), given_by_id=user.pk)
    return Q(registered_by_id=user.pk) | Exists(executes) | Exists(resolved)


def _reach_condition(user) -> Q:
    condition = Q(pk__in=[])
    own = _own(user)
    for code in departments.codes():
        reach = records_reach(user, code).kind
        if reach is Reach.NONE:
            continue
        # ISD 7: need-to-know; only what is his own below the head and deputy.
        mine = Q(department=code) & (Q() if reach is Reach.ALL else own)
        if not reads_official_use(user, code):
            mine &= Q(marking=IncomingLetter.Marking.ORDINARY) | own
        condition |= mine
    return condition


def letters_within_reach(queryset, user):
    """The letters of `queryset` that `user` may open, in the queryset's own single query."""
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(_reach_condition(user))


def letters_visible_to(user):
    return letters_within_reach(IncomingLetter.objects.all(), user)


def departments_of_letters(user) -> list[str]:
    """The departments whose letters the user may see some of: their filter's choices, and
    whether the navigation shows him the correspondence at all."""
    return [code for code in departments.codes() if records_reach(user, code).kind is not Reach.NONE]


def registering_departments(user) -> list[str]:
    """The departments whose journal the user registers letters in: his own department's
    staff (its members with a position in it)."""
    person = person_of(user)
    position = person.position if person is not None else None
    if position is None or not position.unit.department:
        return []
    return [position.unit.department] if position.unit.department in departments.codes() else []


def get_letter_for_user(user, pk) -> IncomingLetter:
    return get_object_or_404(
        letters_visible_to(user).select_related(
            "registered_by__person", "answer", "reported_by__person", "resolution__given_by__person"
        ),
        pk=pk,
    )


def get_letter_file_for_user(user, letter_pk, pk) -> LetterFile:
    letter = get_letter_for_user(user, letter_pk)
    return get_object_or_404(LetterFile.objects.select_related("letter"), letter=letter, pk=pk)


@dataclass(frozen=True)
class LetterFilter:
    text: str = ""
    department: str = ""
    status: str = ""
    channel: str = ""
    sender_kind: str = ""
    received_from: date | None = None
    received_to: date | None = None
    overdue: bool = False


def _overdue(letters):
    """Letters whose execution term runs past its due date (IR 11, ISD 9)."""
    terms = Deadline.objects.filter(
        record_type__app_label="correspondence",
        record_type__model="incomingletter",
        record_id=Cast(OuterRef("pk"), output_field=CharField()),
        state__in=Deadline.ACTIVE,
        due_on__lt=timezone.localdate(),
    )
    return letters.filter(Exists(terms))


def letter_register(user, filters: LetterFilter = LetterFilter()):
    """The journal of incoming letters within reach, as filtered, newest first."""
    letters = letters_visible_to(user)
    if filters.department:
        letters = letters.filter(department=filters.department)
    if filters.status:
        letters = letters.filter(status=filters.status)
    if filters.channel:
        letters = letters.filter(channel=filters.channel)
    if filters.sender_kind:
        letters = letters.filter(sender_kind=filters.sender_kind)
    if filters.received_from:
        letters = letters.filter(received_on__gte=filters.received_from)
    if filters.received_to:
        letters = letters.filter(received_on__lte=filters.received_to)
    if filters.overdue:
        letters = _overdue(letters)
    if text := filters.text.strip():
        letters = letters.filter(
            Q(registration_number__icontains=text)
            | Q(sender_name__icontains=text)
            | Q(sender_number__icontains=text)
            | Q(subject__icontains=text)
        )
    return letters.select_related("resolution").order_by("-year", "-number", "-pk")


def executors_of(letter) -> list[LetterExecutor]:
    return list(letter.executors.select_related("user__person"))


def executor_candidates(department: str):
    """The accounts a resolution may name (IR 11, ISD 9): the department's own staff, its
    territorial units included; an ISD letter never goes outside the ISD (ISD 7)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, person__position__unit__department=department)
        .select_related("person")
        .order_by("person__full_name", "pk")
    )


def my_letters(user):
    """The letters I execute that are on execution: the lead's first, then by due date."""
    return (
        letters_visible_to(user)
        .filter(status=S.ON_EXECUTION, executors__user_id=user.pk)
        .select_related("resolution")
        .order_by("-executors__is_lead", "resolution__due_on", "pk")
    )
