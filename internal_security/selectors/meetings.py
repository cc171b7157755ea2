"""Reads of the meetings with the territorial units (ISD 5.11, 5.13): every one for the ISD's
staff and those it reports to, those a unit takes part in for that unit
(`permissions.meetings_within_reach`); anyone else finds none, and 404 on each page."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from ..models import UnitMeeting, UnitMeetingFile
from ..permissions import meetings_within_reach


def meetings_visible_to(user):
    return meetings_within_reach(UnitMeeting.objects.all(), user)


def get_meeting_for_user(user, pk) -> UnitMeeting:
    return get_object_or_404(meetings_visible_to(user), pk=pk)


def get_meeting_file_for_user(user, pk, file_pk) -> UnitMeetingFile:
    meeting = get_meeting_for_user(user, pk)
    return get_object_or_404(UnitMeetingFile.objects.select_related("meeting"), meeting=meeting, pk=file_pk)


def meeting_register(user, *, text="", kind="", status="", year=None, region=None):
    meetings = meetings_visible_to(user)
    for lookup, value in (("kind", kind), ("status", status), ("held_on__year", year)):
        if value:
            meetings = meetings.filter(**{lookup: value})
    if region:
        meetings = meetings.filter(Q(regions=region) | Q(regions__isnull=True)).distinct()
    if text.strip():
        text = text.strip()
        meetings = meetings.filter(Q(topic__icontains=text) | Q(minutes__icontains=text))
    return meetings.order_by("-held_on", "-pk")
