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
from django.db.models import BigIntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.core.search import containing, few_or_many, holds
from courtadmin.deadlines.models import Deadline
from courtadmin.documents.kinds import KINDS
from courtadmin.documents.models import Document
from courtadmin.documents.selectors import documents_visible_to
from courtadmin.org import departments
from courtadmin.org.authority import (
    CA_LEADERSHIP_KINDS,
    Reach,
    brought_in,
    people_brought_in,
    person_of,
    records_reach,
)
from courtadmin.org.models import Position, Unit

from .models import IncomingLetter, LetterExecutor, LetterFile, LetterResolution, LetterTranslation, TranslationFile

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


def _own(user, codes: list[str], *, executed_only: list[str] = ()) -> Q:
    """The letters of departments `codes` that the user registered, gave the resolution on or
    executes, and of departments `executed_only` that he executes, whether a few or a hundred
    thousand (core.search.few_or_many)."""
    executions = LetterExecutor.objects.filter(user_id=user.pk).order_by()
    resolutions = LetterResolution.objects.filter(given_by_id=user.pk).order_by()
    registered = IncomingLetter.objects.filter(registered_by_id=user.pk).order_by()
    probe = [executions.values("letter_id"), resolutions.values("letter_id"), registered.values("pk")]
    ids = executions.filter(letter__department__in=[*codes, *executed_only]).values("letter_id")
    if codes:
        ids = ids.union(
            resolutions.filter(letter__department__in=codes).values("letter_id"),
            registered.filter(department__in=codes).values("pk"),
            all=True,
        )

    def many() -> Q:
        executes = LetterExecutor.objects.filter(letter=OuterRef("pk"), user_id=user.pk)
        resolved = LetterResolution.objects.filter(letter=OuterRef("pk"), given_by_id=user.pk)
        own = Q(department__in=codes) & (Q(registered_by_id=user.pk) | Q(holds(executes)) | Q(holds(resolved)))
        return own | Q(department__in=executed_only) & Q(holds(executes))

    return few_or_many(probe, ids, many)


def _reach_condition(user) -> Q:
    """A department he reaches whole: its letters, those for official use only if he reads them
    or they are his own. A need-to-know department he reaches letter by letter (ISD 7): his own.
    IR 7.12: a letter of a department that is not need-to-know is executed by the competent
    subdivision too; whoever executes it reads it, wherever he works. A need-to-know
    department's letter never leaves it: only its staff of today read it."""
    whole, granted = [], []
    for code in departments.codes():
        reach = records_reach(user, code).kind
        if reach is Reach.ALL:
            whole.append(code)
        elif reach is not Reach.NONE:
            granted.append(code)
    # Only the people a department brings in are given its letters (executor_candidates).
    executed_only = [
        code for code in departments.codes() if code not in whole and code not in granted and brought_in(user, code)
    ]
    unread = [code for code in whole if not reads_official_use(user, code)]
    condition = Q(department__in=[code for code in whole if code not in unread])
    if unread:
        condition |= Q(department__in=unread) & (Q(marking=IncomingLetter.Marking.ORDINARY) | _own(user, unread))
    if granted or executed_only:
        condition |= _own(user, granted, executed_only=executed_only)
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


def opens_correspondence(user) -> bool:
    """Whether the navigation shows the correspondence and its list opens: to whoever reaches
    a department's letters, and to anyone holding a position, who may be given a letter to
    execute (issue 20: the other subdivisions, territorial offices and courts)."""
    person = person_of(user)
    return bool(departments_of_letters(user)) or (person is not None and person.position_id is not None)


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
    """Letters whose execution term runs past its due date (IR 11, ISD 9): the few overdue
    terms found first, so that the journal is never scanned to compare its ids with the
    terms' text ids."""
    late = (
        Deadline.objects.filter(
            record_type__app_label="correspondence",
            record_type__model="incomingletter",
            kind__in=[term_kind(code) for code in departments.codes()],
            state__in=Deadline.ACTIVE,
            due_on__lt=timezone.localdate(),
        )
        .annotate(letter_id=Cast("record_id", BigIntegerField()))
        .values("letter_id")
    )
    return letters.filter(pk__in=late)


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
        letters = containing(letters, ("registration_number", "sender_name", "sender_number", "subject"), text)
    return letters.select_related("resolution").order_by("-year", "-number", "-pk")


def executors_of(letter) -> list[LetterExecutor]:
    return list(letter.executors.select_related("user__person"))


def executor_candidates(department: str):
    """The accounts a resolution may name (IR 11, ISD 9): the department's own staff, its
    territorial units included, and, for a department that is not need-to-know, the people
    of the subdivisions, territorial offices and courts that belong to no department (IR
    7.12: the competent subdivision executes a foreign letter). A need-to-know department's
    letter never goes outside it (ISD 7)."""
    within = Q(person__position__unit__department=department) | people_brought_in(department, prefix="person__")
    return (
        get_user_model()
        .objects.filter(within, is_active=True)
        .select_related("person__position__unit")
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


# --- Translations of foreign letters (IR 7.12) --------------------------------------------------


def translation_term_kind(department: str) -> str:
    """The deadline kind of a translation task, as its department registered it
    ("ir.translation", "isd.translation": deadlines.py of each department)."""
    return f"{department.lower()}.translation"


def translations_visible_to(user):
    """IR 7.12: a translation is read by whoever reads its letter, and by its translator."""
    if not user.is_authenticated:
        return LetterTranslation.objects.none()
    letters = letters_visible_to(user).values("pk")
    return LetterTranslation.objects.filter(Q(letter__in=letters) | Q(translator_id=user.pk))


def get_translation_for_user(user, pk) -> LetterTranslation:
    return get_object_or_404(
        translations_visible_to(user).select_related(
            "letter", "translator__person", "given_by__person", "submitted_by__person", "checked_by__person"
        ),
        pk=pk,
    )


def get_translation_file_for_user(user, translation_pk, pk) -> TranslationFile:
    translation = get_translation_for_user(user, translation_pk)
    return get_object_or_404(
        TranslationFile.objects.select_related("translation__letter"), translation=translation, pk=pk
    )


def get_original_file_for_translation(user, translation_pk, pk) -> LetterFile:
    """The original's scan, opened from a translation's page: its translator reads the letter
    he translates (IR 7.12) even where the letter's own page is not his."""
    translation = get_translation_for_user(user, translation_pk)
    return get_object_or_404(LetterFile.objects.select_related("letter"), letter_id=translation.letter_id, pk=pk)


def translations_of(letter) -> list[LetterTranslation]:
    return list(letter.translations.select_related("translator__person", "checked_by__person"))


def translator_candidates(department: str):
    """Whom a translation task may be given to (IR 7.12): anyone of the portal with a position
    (a subdivision's translator); for a need-to-know department (ISD 7), its own staff alone."""
    if departments.department(department).need_to_know:
        return executor_candidates(department)
    return (
        get_user_model()
        .objects.filter(is_active=True, person__position__isnull=False)
        .select_related("person")
        .order_by("person__full_name", "pk")
    )


def my_translations(user):
    """The translation tasks given to me and not yet submitted, by due date."""
    return (
        LetterTranslation.objects.filter(translator_id=user.pk, status=LetterTranslation.Status.ASSIGNED)
        .select_related("letter")
        .order_by("due_on", "pk")
    )


# --- The outgoing journal (issue 20, item 7; IR 11, ISD 15) ------------------------------------

DISPATCHED = (Document.Status.SIGNED, Document.Status.SENT)


@dataclass(frozen=True)
class OutgoingFilter:
    text: str = ""
    department: str = ""
    year: int | None = None
    kind: str = ""
    channel: str = ""
    state: str = ""  # "sent", "waiting" (signed, not yet sent)
    registered_from: date | None = None
    registered_to: date | None = None


def outgoing_kinds(codes) -> list[tuple[str, str]]:
    return [(kind.code, kind.label) for kind in KINDS.values() if kind.department in codes]


def outgoing_register(user, filters: OutgoingFilter = OutgoingFilter()):
    """Each department's outgoing journal within the reader's reach (`documents_visible_to`,
    never wider): every signed letter with its number, kind, addressee, subject, signer,
    channel and dispatch, and the incoming letter it answers if the reader reaches that letter:
    all in the page's one query (the letter's number and id are subqueries)."""
    documents = documents_visible_to(user).filter(status__in=DISPATCHED, number__isnull=False)
    if filters.department:
        documents = documents.filter(department=filters.department)
    if filters.year:
        documents = documents.filter(year=filters.year)
    if filters.kind:
        documents = documents.filter(kind=filters.kind)
    if filters.channel:
        documents = documents.filter(channel=filters.channel)
    if filters.state == "sent":
        documents = documents.filter(status=Document.Status.SENT)
    elif filters.state == "waiting":
        documents = documents.filter(status=Document.Status.SIGNED)
    if filters.registered_from:
        documents = documents.filter(registered_at__date__gte=filters.registered_from)
    if filters.registered_to:
        documents = documents.filter(registered_at__date__lte=filters.registered_to)
    if text := filters.text.strip():
        documents = containing(documents, ("registration_number", "addressee", "subject"), text)
    answered = letters_within_reach(IncomingLetter.objects.filter(answer=OuterRef("pk")), user).order_by("pk")
    return (
        documents.select_related("signature")
        .annotate(
            answers_letter_id=Subquery(answered.values("pk")[:1]),
            answers_letter_number=Subquery(answered.values("registration_number")[:1]),
        )
        .order_by("-year", "-number", "-pk")
    )


def letters_answered_by(document, user):
    """The incoming letters `document` answers that `user` reaches (ISD 7)."""
    return letters_within_reach(IncomingLetter.objects.filter(answer_id=document.pk), user).order_by("pk")
