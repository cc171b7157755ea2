"""Reads of the organisation, always through what the user may see or keep."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .authority import (
    departments_visible_to,
    may_keep_appointments,
    people_managed_by,
    person_of,
    signing_authority,
    signing_departments,
)
from .models import Absence, ActingAppointment, Person


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
    if not may_keep_appointments(user):
        return get_object_or_404(ActingAppointment.objects.none(), pk=pk)
    return get_object_or_404(ActingAppointment.objects.filter(replaced__in=people_managed_by(user)), pk=pk)


def people_keepable_by(user):
    return people_managed_by(user).select_related("position__unit").order_by("full_name")


def acting_candidates(user):
    """Whom an appointment may name as acting: anyone holding a position."""
    return Person.objects.filter(position__isnull=False).select_related("position__unit").order_by("full_name")


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
            ActingAppointment.objects.filter(acting=person, end__gte=today)
            .select_related("replaced__position")
            .order_by("start")
        ),
        "my_absences": list(Absence.objects.filter(person=person, end__gte=today).order_by("start")),
    }
