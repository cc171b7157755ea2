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
from django.utils import timezone, translation
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
    # IR 7.20: the leadership's own correspondence, prepared by a department.
    CHAIRMAN = "chairman", _("Chairman of the Supreme Court")
    ACTING_CHAIRMAN = "acting_chairman", _("acting Chairman of the Supreme Court")
    CA_HEAD = "ca_head", _("Head of the Court Administration")
    ACTING_CA_HEAD = "acting_ca_head", _("acting Head of the Court Administration")


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

    def capacity_by_language(self) -> dict[str, str]:
        """The capacity as the records keep it, in each language they are read in (kk, ru)."""
        said = {}
        for language in ("kk", "ru"):
            with translation.override(language):
                said[language] = self.capacity_display
        return said

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
    holders = Person.objects.filter(position__kind=post.position_kind)
    if not post.outside:
        holders = holders.filter(
            position__line_of_work=post.position_line,
            position__unit__department=department,
            position__unit__kind=Unit.Kind.STRUCTURAL,
        )
    return holders.order_by("pk").first()


def is_absent(person: Person, day: date) -> bool:
    """Absent on `day`: an absence is recorded, or someone replaces him for all powers."""
    return (
        Absence.objects.covering(day).filter(person=person).exists()
        or ActingAppointment.objects.covering(day).filter(replaced=person, scope=ActingAppointment.ALL_POWERS).exists()
    )


def _holder_decision(clause: str, holder: Person, post: SigningPost) -> Decision:
    return Decision(
        True,
        clause,
        gettext("%(person)s holds the post that signs these documents.") % {"person": holder},
        person=holder,
        capacity=post.capacity,
    )


def _acting_decision(clause: str, appointment: ActingAppointment, holder: Person, post: SigningPost) -> Decision:
    return Decision(
        True,
        clause,
        gettext("%(person)s replaces %(holder)s under order No. %(number)s.")
        % {"person": appointment.acting, "holder": holder, "number": appointment.order_number},
        person=appointment.acting,
        capacity=post.acting_capacity,
        appointment=appointment,
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
    for post in rules.posts_signing(line_of_work):
        holder = _post_holder(department, post)
        if holder is None:
            continue
        clause = post.clause or rules.signing_clause
        if not is_absent(holder, day):
            own.append(_holder_decision(clause, holder, post))
        appointments = ActingAppointment.objects.covering(day).filter(replaced=holder).select_related("acting")
        acting += [
            _acting_decision(clause, appointment, holder, post)
            for appointment in appointments
            if appointment.covers_line(line_of_work)
        ]
    return own + acting


def signing_authority(person: Person | None, department: str, line_of_work: str | None = None, at=None) -> Decision:
    """May `person` sign a document of `department` (and `line_of_work`) at `at`? With the reason.

    He may if he holds a post that signs it and is not absent, or if an order in effect makes
    him act for a holder of such a post (for all powers, or for this line)."""
    rules = departments.department(department)
    if rules is None:
        return Decision(False, "", gettext("Unknown department."), person=person)
    posts = rules.posts_signing(line_of_work)
    position = person.position if person is not None else None
    if position is not None:
        day = _day(at)
        held = _signing_posts_held(position)
        for post in posts:
            if (department, post) in held and not is_absent(person, day):
                return _holder_decision(post.clause or rules.signing_clause, person, post)
        appointments = (
            ActingAppointment.objects.covering(day)
            .filter(acting=person)
            .select_related("acting", "replaced__position__unit")
            .order_by("start", "pk")
        )
        for appointment in appointments:
            if not appointment.covers_line(line_of_work):
                continue
            replaced_posts = _signing_posts_held(appointment.replaced.position)
            for post in posts:
                if (department, post) in replaced_posts:
                    clause = post.clause or rules.signing_clause
                    return _acting_decision(clause, appointment, appointment.replaced, post)
    clause = next((post.clause for post in posts if post.clause), rules.signing_clause)
    return Decision(False, clause, str(rules.refusal_to_sign(line_of_work)), person=person)


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


# The units of no department whose people a department may bring in to its work (issue 20,
# item 5): the structural subdivisions of the Court Administration, its territorial offices
# and the local courts.
OUTSIDE_UNIT_KINDS = frozenset({Unit.Kind.STRUCTURAL, Unit.Kind.TERRITORIAL, Unit.Kind.COURT})


def people_brought_in(department: str, prefix: str = "") -> Q:
    """The people of no department `department` may bring in, as a filter on Person (on
    User with `prefix` "person__"): to execute its letter (IR 7.12) or to visa its document.
    None for a need-to-know department: its records never leave it (ISD 7)."""
    rules = departments.department(department)
    if rules is None or rules.need_to_know:
        return Q(pk__in=[])
    return Q(**{f"{prefix}position__unit__department": "", f"{prefix}position__unit__kind__in": OUTSIDE_UNIT_KINDS})


def brought_in(user, department: str) -> bool:
    """Whether `user` is one of the people `department` may bring in (`people_brought_in`)."""
    person = person_of(user)
    position = person.position if person is not None else None
    rules = departments.department(department)
    return bool(
        rules is not None
        and not rules.need_to_know
        and position is not None
        and not position.unit.department
        and position.unit.kind in OUTSIDE_UNIT_KINDS
    )


def people_with_access(department: str) -> Q:
    """The people `department_access` opens the department to, as a filter on Person."""
    rules = departments.department(department)
    if rules is None:
        return Q(pk__in=[])
    return Q(position__unit__department=department) | Q(position__kind__in=rules.readers_outside)


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


# --- Keeping the organisation: absences, appointments, positions (the security issue) --------
#
# Nobody, a superuser included, gives himself reach or the power to sign. The organisation's
# records are kept by those the orders give it to: a person's superior (the head of his unit,
# or, for a head, the leadership his department reports to) and the personnel office (the
# positions that keep the organisation); never by a subordinate for his head, never by the
# system administrator, who holds no position. A change that gives someone a department's
# reach or its signature takes effect once a second person confirms it: that department's
# head or the leadership it reports to, neither the one who proposed it nor the one it empowers.

ORGANISATION_WIDE_KINDS = frozenset({Position.Kind.CHAIRMAN, Position.Kind.CA_HEAD})
CA_LEADERSHIP_KINDS = frozenset({Position.Kind.CHAIRMAN, Position.Kind.CA_HEAD, Position.Kind.CA_DEPUTY})


def _position_of(user) -> Position | None:
    person = person_of(user)
    return person.position if person is not None else None


def is_organisation_keeper(user) -> bool:
    """A holder of a personnel office's post (Position.keeps_organisation)."""
    position = _position_of(user)
    return position is not None and position.keeps_organisation


def _below(position: Position | None) -> Q:
    """The people a position stands above. A head: the others of his unit. The Chairman and
    the Head of the Court Administration: the members of every department that reports to
    them and of the units of no department, and the leadership below them (the CA head and
    deputies for the Chairman, the deputies for the CA head)."""
    if position is None:
        return Q(pk__in=[])
    if position.kind == Position.Kind.HEAD:
        return Q(position__unit_id=position.unit_id) & ~Q(position__kind=Position.Kind.HEAD)
    if position.kind not in ORGANISATION_WIDE_KINDS:
        return Q(pk__in=[])
    reporting = [rules.code for rules in departments.registered() if position.kind in rules.readers_outside]
    members = Q(position__unit__department__in=[*reporting, ""]) & ~Q(position__kind__in=CA_LEADERSHIP_KINDS)
    leaders_below = {Position.Kind.CA_DEPUTY} | (
        {Position.Kind.CA_HEAD} if position.kind == Position.Kind.CHAIRMAN else set()
    )
    return members | Q(position__kind__in=leaders_below)


def is_superior(actor: Person | None, person: Person) -> bool:
    """Does `actor` stand above `person` (the head of his unit, or the leadership above)?
    Never oneself."""
    if actor is None or actor.pk == person.pk:
        return False
    return Person.objects.filter(_below(actor.position), pk=person.pk).exists()


def people_managed_by(user):
    """People whose absences `user` keeps: himself, those he stands above, and everyone for
    the personnel office. The system administrator, who holds no position, keeps nobody's."""
    person = person_of(user)
    if person is None:
        return Person.objects.none()
    if is_organisation_keeper(user):
        return Person.objects.all()
    return Person.objects.filter(Q(pk=person.pk) | _below(person.position))


def may_manage_absences_of(user, person: Person) -> bool:
    return people_managed_by(user).filter(pk=person.pk).exists()


def may_keep_appointments(user) -> bool:
    """Acting appointments are recorded by those who stand above someone (heads, the
    leadership) and by the personnel office; not by staff, not by the system administrator."""
    position = _position_of(user)
    if position is None:
        return False
    return position.keeps_organisation or position.kind in (Position.Kind.HEAD, *ORGANISATION_WIDE_KINDS)


def may_manage_appointments_for(user, replaced: Person) -> bool:
    """May `user` record who replaces `replaced`: his superior or the personnel office."""
    if not may_keep_appointments(user):
        return False
    return is_organisation_keeper(user) or is_superior(person_of(user), replaced)


# --- Powers a position gives, and who confirms a change that gives them -------------------------


def _signing_posts_held(position: Position | None) -> frozenset[tuple[str, SigningPost]]:
    """(department, post) for each signing post `position` is: a post of the department held
    in its structural unit, or a post of the leadership (IR 7.20)."""
    if position is None:
        return frozenset()
    held = set()
    for rules in departments.registered():
        member = position.unit.department == rules.code and position.unit.kind == Unit.Kind.STRUCTURAL
        for post in rules.signing_posts:
            if post.outside:
                holds = post.position_kind == position.kind
            else:
                holds = member and (post.position_kind, post.position_line) == (position.kind, position.line_of_work)
            if holds:
                held.add((rules.code, post))
    return frozenset(held)


def _reach_powers(position: Position | None) -> frozenset[tuple[str, str]]:
    if position is None:
        return frozenset()
    return frozenset(
        ("reach", rules.code)
        for rules in departments.registered()
        if rules.need_to_know and (position.unit.department == rules.code or position.kind in rules.readers_outside)
    )


def position_powers(position: Position | None) -> frozenset[tuple[str, str]]:
    """("reach", department) for each need-to-know department the position opens, and
    ("sign", department) for each department whose signing post it is."""
    return _reach_powers(position) | {("sign", code) for code, _post in _signing_posts_held(position)}


def identity_powers(person: Person) -> frozenset[tuple[str, str]]:
    """("eds", department) for each department where `person` would sign with his national EDS
    once his IIN is recorded: the departments his posts sign for, and his own unit's."""
    position = person.position
    codes = {code for kind, code in position_powers(position) if kind == "sign"}
    if position is not None and position.unit.department:
        codes.add(position.unit.department)
    return frozenset(("eds", code) for code in codes)


def _covers(own: SigningPost, post: SigningPost) -> bool:
    """Does holding `own` already sign whatever `post` signs? The same post, or the head's
    (every document of the department) over a deputy's line; never a leadership post's."""
    return own == post or (own.lines_signed is None and not own.outside and not post.outside)


def appointment_powers(appointment: ActingAppointment) -> frozenset[tuple[str, str]]:
    """What an appointment gives the acting person that he does not hold already: a reach he
    lacks, or a signature his own posts do not cover (the head's is given to the deputy who
    signs only legal assistance; the Chairman's to the Head, who signs only his own)."""
    replaced, acting = appointment.replaced.position, appointment.acting.position
    held = _signing_posts_held(acting)
    posts = {
        (code, post)
        for code, post in _signing_posts_held(replaced)
        if not any(code == own_code and _covers(own, post) for own_code, own in held)
    }
    if appointment.scope != ActingAppointment.ALL_POWERS:
        posts = {(code, post) for code, post in posts if appointment.scope in (post.lines_signed or ())}
        return frozenset(("sign", code) for code, _post in posts)
    return (_reach_powers(replaced) - _reach_powers(acting)) | {("sign", code) for code, _post in posts}


def confirmer_ids(code: str) -> frozenset[int]:
    """Who confirms a change giving power in a department: its head (the head's post of its
    structural unit) or a holder of the positions outside it that it reports to."""
    rules = departments.department(code)
    return frozenset(
        Person.objects.filter(
            Q(position__kind=Position.Kind.HEAD, position__unit__department=code, position__unit__kind="structural")
            | Q(position__kind__in=rules.readers_outside)
        ).values_list("pk", flat=True)
    )


def may_confirm(user, change, *, powers, empowered: Person, confirmers=None) -> Decision:
    """May `user` confirm (or refuse) `change`, which gives `empowered` these `powers`? He must
    be a confirmer of every department concerned (`confirmers`: their ids by department, when
    the caller has read them already)."""
    person = person_of(user)
    if person is None:
        return Decision(False, "", gettext("Only a person of the organisation confirms a change."))
    if change.proposed_by_id == user.pk:
        return Decision(False, "", gettext("The one who proposed a change does not confirm it."), person)
    if person.pk == empowered.pk:
        return Decision(False, "", gettext("Nobody confirms a power given to himself."), person)
    concerned = {code for _kind, code in powers}
    by_department = confirmers or {}
    if not concerned or any(
        person.pk not in (by_department[code] if code in by_department else confirmer_ids(code)) for code in concerned
    ):
        return Decision(
            False,
            "",
            gettext("A change of who signs or who sees is confirmed by the department's head or the leadership."),
            person,
        )
    return Decision(True, "", gettext("The department's head or the leadership it reports to."), person)
