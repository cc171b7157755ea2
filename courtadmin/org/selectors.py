"""Reads of the organisation, always through what the user may see or keep."""

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext

from .authority import (
    appointment_powers,
    confirmer_ids,
    departments_visible_to,
    identity_powers,
    is_organisation_keeper,
    may_confirm,
    may_keep_appointments,
    may_manage_appointments_for,
    people_managed_by,
    person_of,
    position_powers,
    signing_authority,
    signing_departments,
)
from .models import Absence, ActingAppointment, Confirmation, IdentityNumberChange, Person, Position, PositionAssignment


def absences_visible_to(user):
    """Absences of the people the user keeps (himself, his unit, or everyone for the CA head)."""
    return (
        Absence.objects.filter(person__in=people_managed_by(user))
        .select_related("person__position__unit")
        .order_by("-start", "pk")
    )


def get_absence_for_user(user, pk) -> Absence:
    return get_object_or_404(absences_visible_to(user), pk=pk)


def acting_appointments_visible_to(user):
    """Acting appointments of the people the user keeps, and those naming him as acting."""
    person = person_of(user)
    mine = Q(acting=person) if person is not None else Q(pk__in=[])
    return (
        ActingAppointment.objects.filter(Q(replaced__in=people_managed_by(user)) | mine)
        .select_related("replaced__position__unit", "acting__position__unit")
        .order_by("-start", "pk")
    )


def get_acting_appointment_kept_by(user, pk) -> ActingAppointment:
    """An appointment the user may change; anything else answers 404."""
    appointment = get_object_or_404(
        ActingAppointment.objects.select_related("replaced__position__unit", "acting__position__unit"), pk=pk
    )
    if not may_manage_appointments_for(user, appointment.replaced):
        raise Http404
    return appointment


def people_keepable_by(user):
    return people_managed_by(user).select_related("position__unit").order_by("full_name")


def people_replaceable_by(user):
    """Whose acting appointments `user` records: those he stands above, or anyone holding a
    position for the personnel office; never himself."""
    if not may_keep_appointments(user):
        return Person.objects.none()
    me = person_of(user)
    people = Person.objects.all() if is_organisation_keeper(user) else people_managed_by(user)
    return (
        people.filter(position__isnull=False).exclude(pk=me.pk).select_related("position__unit").order_by("full_name")
    )


def acting_candidates(user):
    """Whom an appointment may name as acting: anyone holding a position but oneself."""
    me = person_of(user)
    people = Person.objects.filter(position__isnull=False).select_related("position__unit").order_by("full_name")
    return people.exclude(pk=me.pk) if me is not None else people


@dataclass(frozen=True)
class AwaitingChange:
    """A change waiting for a second person, as the one who may decide it sees it."""

    change: object
    kind: str  # "acting_appointment" | "position_assignment" | "identity_number_change"
    empowered: Person
    powers: list[str]


def changes_awaiting(user) -> list[AwaitingChange]:
    """The changes of who signs or who sees that `user` may confirm or refuse now."""
    if person_of(user) is None:
        return []
    pending = (
        [
            (appointment, "acting_appointment", appointment.acting, appointment_powers(appointment))
            for appointment in ActingAppointment.objects.filter(state=Confirmation.AWAITING).select_related(
                "replaced__position__unit", "acting__position__unit", "proposed_by__person"
            )
        ]
        + [
            (
                assignment,
                "position_assignment",
                assignment.person,
                position_powers(assignment.position) - position_powers(assignment.person.position),
            )
            for assignment in PositionAssignment.objects.filter(state=Confirmation.AWAITING).select_related(
                "person__position__unit", "position__unit", "proposed_by__person"
            )
        ]
        + [
            (change, "identity_number_change", change.person, identity_powers(change.person))
            for change in IdentityNumberChange.objects.filter(state=Confirmation.AWAITING).select_related(
                "person__position__unit", "proposed_by__person"
            )
        ]
    )
    # Who confirms for each department, read once for the page, whatever the number of changes.
    concerned = {code for *_rest, powers in pending for _kind, code in powers}
    confirmers = {code: confirmer_ids(code) for code in sorted(concerned)}
    return [
        AwaitingChange(change, kind, empowered, _labels(powers))
        for change, kind, empowered, powers in pending
        if may_confirm(user, change, powers=powers, empowered=empowered, confirmers=confirmers)
    ]


def _labels(powers) -> list[str]:
    from . import departments

    labels = {
        "reach": gettext("sees the records of %(department)s"),
        "sign": gettext("signs for %(department)s"),
        "eds": gettext("signs for %(department)s with his national EDS"),
    }
    return sorted(labels[kind] % {"department": departments.department(code).name} for kind, code in powers)


def get_awaiting_change(user, kind: str, pk: int):
    """A change awaiting a second person that `user` may decide; anything else answers 404."""
    for awaiting in changes_awaiting(user):
        if awaiting.kind == kind and awaiting.change.pk == pk:
            return awaiting.change
    raise Http404


def people_kept_by(user):
    """The people and their positions, for the personnel office alone (404 for anyone else)."""
    if not is_organisation_keeper(user):
        raise Http404
    return Person.objects.select_related("position__unit", "user").order_by("full_name")


def get_person_kept_by(user, pk) -> Person:
    return get_object_or_404(people_kept_by(user), pk=pk)


def positions_for_assignment():
    return Position.objects.select_related("unit").order_by("unit__name", "kind", "title")


def assignments_of(person: Person):
    return person.position_assignments.select_related("position__unit", "proposed_by", "decided_by")


def identity_number_changes_of(person: Person):
    return person.identity_number_changes.select_related("proposed_by", "decided_by")


def my_work(user) -> dict:
    """What the home page shows the signed-in person today."""
    person = person_of(user)
    today = timezone.localdate()
    if person is None:
        return {"person": None}
    powers = []
    for department, line in signing_departments():
        decision = signing_authority(person, department, line, today)
        if decision and decision not in powers:
            powers.append(decision)
    return {
        "person": person,
        "today": today,
        "departments": departments_visible_to(user),
        "signing_powers": powers,
        "acting_now": list(
            ActingAppointment.objects.filter(acting=person, end__gte=today, state=Confirmation.EFFECTIVE)
            .select_related("replaced__position")
            .order_by("start")
        ),
        "my_absences": list(Absence.objects.filter(person=person, end__gte=today).order_by("start")),
    }
