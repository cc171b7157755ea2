"""Authority: who may sign, see and manage what, at a given moment, and why.

Every view, service, task and export asks this module; none decides on its own. Each
answer is a `Decision` carrying the clause it applies and, where one is involved, the
acting appointment that gives the power.

- IR 13: documents of the IR are signed by the head or, in his absence, by the person
  replacing him; documents on international legal assistance also by the deputy head
  supervising that line of work or, in his absence, by the person replacing him.
- ISD 15: documents of the ISD are signed by the head or, in his absence, by the person
  replacing him.
- ISD 7: the ISD reports only to the Chairman of the Supreme Court and the Head of the
  Court Administration: ISD records are for them and for ISD staff (each case on a
  need-to-know grant), never for deputy heads of the Court Administration, the IR, or a
  system administrator who holds no such position. A territorial ISD unit sees its own
  region's ISD work only.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Absence, ActingAppointment, Department, LineOfWork, Person, Position, Unit


class Capacity(models.TextChoices):
    """The capacity in which a person signs; recorded with every signature."""

    HEAD = "head", _("head of department")
    ACTING_HEAD = "acting_head", _("acting head of department")
    LA_DEPUTY = "la_deputy", _("deputy head supervising international legal assistance")
    ACTING_LA_DEPUTY = "acting_la_deputy", _("acting deputy head supervising international legal assistance")


@dataclass(frozen=True)
class Decision:
    allowed: bool
    clause: str
    reason: str
    person: Person | None = None
    capacity: str | None = None
    appointment: ActingAppointment | None = None

    def __bool__(self) -> bool:
        return self.allowed

    @property
    def capacity_display(self) -> str:
        """E.g. "acting head of department under order No. 12-ж of 03.11.2026"."""
        if self.capacity is None:
            return ""
        label = Capacity(self.capacity).label
        if self.appointment is None:
            return str(label)
        return gettext("%(capacity)s under order No. %(number)s of %(date)s") % {
            "capacity": label,
            "number": self.appointment.order_number,
            "date": date_format(self.appointment.order_date, "SHORT_DATE_FORMAT"),
        }


def _day(at: datetime | date | None) -> date:
    if at is None:
        return timezone.localdate()
    if isinstance(at, datetime):
        return timezone.localdate(at)
    return at


def person_of(user) -> Person | None:
    """The person behind an account, with position, unit and region; cached on the user object."""
    if user is None or not user.is_authenticated:
        return None
    if not hasattr(user, "_courtadmin_person"):
        user._courtadmin_person = (
            Person.objects.select_related("position__unit__region").filter(user_id=user.pk).first()
        )
    return user._courtadmin_person


# --- Signing (IR 13, ISD 15) -------------------------------------------------------------


@dataclass(frozen=True)
class SigningPost:
    """A post whose holder, or the person replacing him, signs a department's documents."""

    department: str
    position_kind: str
    position_line: str  # the line a deputy supervises; "" for the head
    lines_signed: frozenset[str] | None  # None: every document of the department
    clause: str
    capacity: str
    acting_capacity: str

    def signs(self, line_of_work: str | None) -> bool:
        return self.lines_signed is None or line_of_work in self.lines_signed


SIGNING_POSTS: tuple[SigningPost, ...] = (
    SigningPost(Department.IR, Position.Kind.HEAD, "", None, "IR 13", Capacity.HEAD, Capacity.ACTING_HEAD),
    SigningPost(
        Department.IR,
        Position.Kind.DEPUTY,
        LineOfWork.LEGAL_ASSISTANCE,
        frozenset({LineOfWork.LEGAL_ASSISTANCE}),
        "IR 13",
        Capacity.LA_DEPUTY,
        Capacity.ACTING_LA_DEPUTY,
    ),
    SigningPost(Department.ISD, Position.Kind.HEAD, "", None, "ISD 15", Capacity.HEAD, Capacity.ACTING_HEAD),
)

SIGNING_CLAUSE = {Department.IR: "IR 13", Department.ISD: "ISD 15"}


def _post_holder(post: SigningPost) -> Person | None:
    return (
        Person.objects.filter(
            position__kind=post.position_kind,
            position__line_of_work=post.position_line,
            position__unit__department=post.department,
            position__unit__kind=Unit.Kind.STRUCTURAL,
        )
        .order_by("pk")
        .first()
    )


def is_absent(person: Person, day: date) -> bool:
    """Absent on `day`: an absence is recorded, or someone replaces him for all powers."""
    return (
        Absence.objects.covering(day).filter(person=person).exists()
        or ActingAppointment.objects.covering(day).filter(replaced=person, scope=ActingAppointment.ALL_POWERS).exists()
    )


def signers(department: str, line_of_work: str | None = None, at=None) -> list[Decision]:
    """Everyone who may sign a document of `department` and `line_of_work` at `at`.

    The holders who sign in their own right come first, then those acting under an order.
    """
    day = _day(at)
    own, acting = [], []
    for post in SIGNING_POSTS:
        if post.department != department or not post.signs(line_of_work):
            continue
        holder = _post_holder(post)
        if holder is None:
            continue
        if not is_absent(holder, day):
            own.append(
                Decision(
                    True,
                    post.clause,
                    gettext("%(person)s holds the post that signs these documents.") % {"person": holder},
                    person=holder,
                    capacity=post.capacity,
                )
            )
        appointments = ActingAppointment.objects.covering(day).filter(replaced=holder).select_related("acting")
        for appointment in appointments:
            if appointment.covers_line(line_of_work):
                acting.append(
                    Decision(
                        True,
                        post.clause,
                        gettext("%(person)s replaces %(holder)s under order No. %(number)s.")
                        % {"person": appointment.acting, "holder": holder, "number": appointment.order_number},
                        person=appointment.acting,
                        capacity=post.acting_capacity,
                        appointment=appointment,
                    )
                )
    return own + acting


def signing_authority(person: Person | None, department: str, line_of_work: str | None = None, at=None) -> Decision:
    """May `person` sign a document of `department` (and `line_of_work`) at `at`? With the reason."""
    clause = SIGNING_CLAUSE.get(department, "")
    if person is not None:
        for decision in signers(department, line_of_work, at):
            if decision.person.pk == person.pk:
                return decision
    if department == Department.IR and line_of_work == LineOfWork.LEGAL_ASSISTANCE:
        reason = gettext(
            "Documents on international legal assistance are signed by the head of the department, "
            "the deputy head supervising legal assistance, or the person replacing either of them."
        )
    else:
        reason = gettext(
            "Documents of the department are signed by its head or, in his absence, the person replacing him."
        )
    return Decision(False, clause, reason, person=person)


# --- Seeing a department's records (ISD 7) ---------------------------------------------------

LEADERSHIP_KINDS = {Position.Kind.CHAIRMAN, Position.Kind.CA_HEAD}
ISD_ALL_RECORD_KINDS = {Position.Kind.HEAD, Position.Kind.DEPUTY}


def department_access(user, department: str) -> Decision:
    """May `user` open the pages and records of `department` at all?"""
    person = person_of(user)
    position = person.position if person is not None else None
    if department == Department.ISD:
        clause = "ISD 7"
        if position is not None and position.kind in LEADERSHIP_KINDS:
            return Decision(
                True,
                clause,
                gettext("The ISD reports to the Chairman and the Head of the Court Administration."),
                person,
            )
        if position is not None and position.unit.department == Department.ISD:
            return Decision(True, clause, gettext("A member of the ISD."), person)
        return Decision(
            False,
            clause,
            gettext("ISD records are only for the Chairman, the Head of the Court Administration and ISD staff."),
            person,
        )
    if department == Department.IR:
        clause = "IR 1-3"
        if position is not None and position.kind in LEADERSHIP_KINDS | {Position.Kind.CA_DEPUTY}:
            return Decision(True, clause, gettext("The leadership of the Court Administration."), person)
        if position is not None and position.unit.department == Department.IR:
            return Decision(True, clause, gettext("A member of the IR."), person)
        return Decision(False, clause, gettext("IR records are for IR staff and the leadership."), person)
    return Decision(False, "", gettext("Unknown department."), person)


def departments_visible_to(user) -> list[str]:
    return [d for d in Department.values if department_access(user, d)]


class Reach(enum.Enum):
    ALL = "all"
    REGION = "region"
    GRANTED = "granted"
    NONE = "none"


@dataclass(frozen=True)
class IsdReach:
    kind: Reach
    region_id: int | None = None


def isd_reach(user) -> IsdReach:
    """Which ISD records `user` reaches (ISD 7): all, his region's, those granted to him, or none."""
    if not department_access(user, Department.ISD):
        return IsdReach(Reach.NONE)
    position = person_of(user).position
    if position.kind in LEADERSHIP_KINDS:
        return IsdReach(Reach.ALL)
    if position.unit.kind == Unit.Kind.TERRITORIAL_ISD:
        return IsdReach(Reach.REGION, position.unit.region_id)
    if position.kind in ISD_ALL_RECORD_KINDS:
        return IsdReach(Reach.ALL)
    return IsdReach(Reach.GRANTED)


def live_grant(at=None) -> Q:
    """A need-to-know grant not lapsed at `at` (now by default): without an end, or ending later."""
    return Q(valid_until__isnull=True) | Q(valid_until__gt=at or timezone.now())


def active_grants(grant_model, user, at=None):
    """Grants of `grant_model` held by `user` and not lapsed at `at`."""
    return grant_model.objects.filter(user_id=user.pk).filter(live_grant(at))


def isd_records_within_reach(queryset, user, *, grant_model, region_field: str = "region", at=None):
    """Filter ISD records to those `user` may open, in the same single query as the list.

    Records outside the reach are simply absent, so a detail view built on this answers 404.
    """
    reach = isd_reach(user)
    if reach.kind is Reach.ALL:
        return queryset
    if reach.kind is Reach.REGION:
        return queryset.filter(**{f"{region_field}_id": reach.region_id})
    if reach.kind is Reach.GRANTED:
        granted = active_grants(grant_model, user, at).filter(content_object_id=OuterRef("pk"))
        return queryset.filter(Exists(granted))
    return queryset.none()


# --- Managing absences and acting appointments ------------------------------------------------

MANAGER_KINDS = {Position.Kind.HEAD, Position.Kind.DEPUTY}
ORGANISATION_WIDE_KINDS = {Position.Kind.CA_HEAD}


def people_managed_by(user):
    """People whose absences and acting appointments `user` keeps: himself, his unit's people if
    he heads the unit or is its deputy (IR 11, ISD 11), everyone for the Head of the Court
    Administration and the system administrator (who keeps the organisation's records)."""
    if user.is_superuser:
        return Person.objects.all()
    person = person_of(user)
    if person is None:
        return Person.objects.none()
    position = person.position
    if position is not None and position.kind in ORGANISATION_WIDE_KINDS:
        return Person.objects.all()
    if position is not None and position.kind in MANAGER_KINDS:
        return Person.objects.filter(Q(pk=person.pk) | Q(position__unit_id=position.unit_id))
    return Person.objects.filter(pk=person.pk)


def may_manage_absences_of(user, person: Person) -> bool:
    return people_managed_by(user).filter(pk=person.pk).exists()


def may_keep_appointments(user) -> bool:
    """Acting appointments are kept by heads and deputies, the leadership, and the system
    administrator; a staff member cannot name his own substitute."""
    if user.is_superuser:
        return True
    person = person_of(user)
    return person is not None and person.position is not None and person.position.kind != Position.Kind.STAFF


def may_manage_appointments_for(user, replaced: Person) -> bool:
    return may_keep_appointments(user) and may_manage_absences_of(user, replaced)
