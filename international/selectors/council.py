"""Reads of the International Council at the Supreme Court (IR 7.29): its members, meetings and
decisions, for the IR's staff and the Court Administration's leadership; 404 otherwise."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import Councillor, Meeting
from ..permissions import reads_ir


def meetings_visible_to(user):
    return Meeting.objects.all() if reads_ir(user) else Meeting.objects.none()


def councillors_visible_to(user):
    return Councillor.objects.all() if reads_ir(user) else Councillor.objects.none()


def council_members(user, *, on=None):
    """The members serving on `on` (today), chair first."""
    on = on or timezone.localdate()
    return (
        councillors_visible_to(user)
        .filter(since__lte=on)
        .exclude(until__lt=on)
        .select_related("country")
        .order_by("role", "full_name", "pk")
    )


def meeting_register(user):
    return meetings_visible_to(user).select_related("officer__person").order_by("-on", "-pk")


def get_meeting_for_user(user, pk) -> Meeting:
    return get_object_or_404(meetings_visible_to(user).select_related("officer__person"), pk=pk)


def get_councillor_for_user(user, pk) -> Councillor:
    return get_object_or_404(councillors_visible_to(user), pk=pk)


def meeting_decisions(meeting):
    return meeting.decisions.select_related("instruction").order_by("pk")
