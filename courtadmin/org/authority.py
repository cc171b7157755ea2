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

from . import departments
from .departments import SigningPost
from .models import Absence, ActingAppointment, Person, Position, Unit


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
# Each department registers its signing posts (courtadmin.org.departments).


def _post_holder(department: str, post: SigningPost) -> Person | None:
    return (
        Person.objects.filter(
            position__kind=post.position_kind,
            position__line_of_work=post.position_line,
            position__unit__department=department,
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
    rules = departments.department(department)
    if rules is None:
        return []
    day = _day(at)
    own, acting = [], []
    for post in rules.signing_posts:
        if not post.signs(line_of_work):
            continue
        holder = _post_holder(department, post)
        if holder is None:
            continue
        if not is_absent(holder, day):
            own.append(
                Decision(
                    True,
                    rules.signing_clause,
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
                        rules.signing_clause,
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
    rules = departments.department(department)
    if rules is None:
        return Decision(False, "", gettext("Unknown department."), person=person)
    if person is not None:
        for decision in signers(department, line_of_work, at):
            if decision.person.pk == person.pk:
                return decision
    return Decision(False, rules.signing_clause, str(rules.refusal_to_sign(line_of_work)), person=person)


def signing_departments() -> list[tuple[str, str | None]]:
    """Every (department, line of work) whose documents have signers of their own."""
    return [(rules.code, line) for rules in departments.registered() for line in rules.signed_lines]


# --- Seeing a department's records (ISD 7) ---------------------------------------------------

# The leadership of the Court Administration: the ISD reports to them alone (ISD 7), and they
# read every department's read log.
LEADERSHIP_KINDS = frozenset({Position.Kind.CHAIRMAN, Position.Kind.CA_HEAD})
# Within a need-to-know department, the head and the deputy reach every record.
ALL_RECORD_KINDS = frozenset({Position.Kind.HEAD, Position.Kind.DEPUTY})
TERRITORIAL_KINDS = frozenset({Unit.Kind.TERRITORIAL, Unit.Kind.TERRITORIAL_ISD})


def department_access(user, department: str) -> Decision:
    """May `user` open the pages and records of `department` at all? Its members may, and the
    positions outside it that it reports to (its registration says which)."""
    person = person_of(user)
    position = person.position if person is not None else None
    rules = departments.department(department)
    if rules is None:
        return Decision(False, "", gettext("Unknown department."), person)
    if position is not None and position.kind in rules.readers_outside:
        return Decision(True, rules.access_clause, str(rules.reason_reader_outside), person)
    if position is not None and position.unit.department == department:
        return Decision(True, rules.access_clause, str(rules.reason_member), person)
    return Decision(False, rules.access_clause, str(rules.reason_refused), person)


def departments_visible_to(user) -> list[str]:
    return [code for code in departments.codes() if department_access(user, code)]


class Reach(enum.Enum):
    ALL = "all"
    REGION = "region"
    GRANTED = "granted"
    NONE = "none"


@dataclass(frozen=True)
class RecordsReach:
    kind: Reach
    region_id: int | None = None


def records_reach(user, department: str) -> RecordsReach:
    """Which records of `department` `user` reaches. A department that is not need-to-know:
    all of them if he may open it. A need-to-know one (ISD 7): all for the positions outside
    it that it reports to and for its head and deputy; his region's for a territorial unit;
    otherwise only the records granted to him."""
    if not department_access(user, department):
        return RecordsReach(Reach.NONE)
    if not departments.department(department).need_to_know:
        return RecordsReach(Reach.ALL)
    position = person_of(user).position
    if position.unit.department != department:
        return RecordsReach(Reach.ALL)  # a reader outside it: the positions it reports to
    if position.unit.kind in TERRITORIAL_KINDS:
        return RecordsReach(Reach.REGION, position.unit.region_id)
    if position.kind in ALL_RECORD_KINDS:
        return RecordsReach(Reach.ALL)
    return RecordsReach(Reach.GRANTED)


def live_grant(at=None) -> Q:
    """A need-to-know grant not lapsed at `at` (now by default): without an end, or ending later."""
    return Q(valid_until__isnull=True) | Q(valid_until__gt=at or timezone.now())


def active_grants(grant_model, user, at=None):
    """Grants of `grant_model` held by `user` and not lapsed at `at`."""
    return grant_model.objects.filter(user_id=user.pk).filter(live_grant(at))


def records_within_reach(queryset, user, *, department: str, grant_model, region_field: str = "region", at=None):
    """Filter a department's records to those `user` may open, in the same single query as
    the list. Records outside the reach are simply absent, so a detail view built on this
    answers 404."""
    reach = records_reach(user, department)
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
