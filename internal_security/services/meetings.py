"""Writes of the meetings with the territorial units (ISD 5.11, 5.13), each audited: a meeting
planned by the central ISD, a file attached; its moves are `workflow.meeting_move`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields

from ..models import UnitMeeting, UnitMeetingFile
from ..permissions import isd_position


def meeting_plan(*, actor, meeting: UnitMeeting, regions=()) -> UnitMeeting:
    """Plan a meeting, seminar or methodological help with the units taking part (none named:
    every unit): the central ISD's staff."""
    if isd_position(actor) is None:
        raise PermissionDenied
    meeting.planned_by = actor
    meeting.full_clean()
    with transaction.atomic():
        meeting.save()
        meeting.regions.set(regions)
        audit_record(
            actor=actor,
            action="isd.meeting.registered",
            obj=meeting,
            after={"held_on": meeting.held_on, "regions": sorted(region.pk for region in regions)},
        )
    return meeting


def meeting_file_add(*, actor, meeting: UnitMeeting, upload) -> UnitMeetingFile:
    """A file of the meeting (its signed minutes, its materials), by the central ISD's staff."""
    if isd_position(actor) is None:
        raise ValidationError(_("Only the central ISD's staff attach the meeting's files."), code="not_yours")
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        stored = UnitMeetingFile.objects.create(meeting=meeting, uploaded_by=actor, **fields)
        audit_record(
            actor=actor,
            action="isd.meeting.file_added",
            obj=meeting,
            after={"file": stored.pk, "name": stored.original_name, "sha256": stored.sha256},
        )
    return stored
