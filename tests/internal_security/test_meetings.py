"""Meetings, seminars and methodological help for the territorial ISD units (ISD 5.11, 5.13):
planned by the central ISD with the units taking part, held with their minutes on or after
their day, or cancelled with the reason; a unit sees those it takes part in alone."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courtadmin.org.models import Region
from internal_security.models import UnitMeeting
from internal_security.services import meetings as services
from internal_security.workflow import meeting_move
from tests.conftest import TODAY, refusal_codes

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def a_meeting(people, regions=(), username="isd_officer", days=-3, **fields):
    meeting = UnitMeeting(
        kind=fields.pop("kind", UnitMeeting.Kind.SEMINAR),
        topic=fields.pop("topic", "Тәуекелдерді талдау әдістемесі"),
        held_on=timezone.localdate() + timedelta(days=days),
        **fields,
    )
    return services.meeting_plan(
        actor=people[username].user, meeting=meeting, regions=[Region.objects.get(code=c) for c in regions]
    )


def test_a_seminar_is_held_with_its_minutes_and_not_before_its_day_isd_5_13(people):
    officer = people["isd_officer"].user
    coming = a_meeting(people, days=5)
    assert refusal_codes(meeting_move, meeting=coming, move="hold", actor=officer, minutes="...") == {"not_yet"}
    held = a_meeting(people)
    assert refusal_codes(meeting_move, meeting=held, move="hold", actor=officer, minutes=" ") == {"required"}
    meeting_move(meeting=held, move="hold", actor=officer, minutes="Шешім: картаны жаңарту.")
    held.refresh_from_db()
    assert (held.status, held.minutes) == (UnitMeeting.Status.HELD, "Шешім: картаны жаңарту.")
    assert refusal_codes(meeting_move, meeting=held, move="cancel", actor=officer, reason="...") == {"forbidden_move"}
    meeting_move(meeting=coming, move="cancel", actor=officer, reason="Бөлімшелер іссапарда")
    coming.refresh_from_db()
    assert (coming.status, coming.closing_note) == (UnitMeeting.Status.CANCELLED, "Бөлімшелер іссапарда")


def test_only_the_central_isd_plans_moves_and_attaches(people):
    with pytest.raises(PermissionDenied):
        a_meeting(people, username="isd_almaty")
    meeting = a_meeting(people, regions=["almaty"])
    almaty = people["isd_almaty"].user
    assert refusal_codes(meeting_move, meeting=meeting, move="hold", actor=almaty, minutes="...") == {"not_yours"}
    with pytest.raises(ValidationError) as refused:
        services.meeting_file_add(
            actor=almaty, meeting=meeting, upload=SimpleUploadedFile("m.pdf", b"%PDF-1.7\n%%EOF\n")
        )
    assert refused.value.code == "not_yours"


def test_a_unit_sees_the_meetings_it_takes_part_in_and_404_for_another_regions_isd_5_11(people, client_for):
    everyone = a_meeting(people, topic="Барлық бөлімшелермен семинар")
    own = a_meeting(people, regions=["almaty"], kind=UnitMeeting.Kind.HELP, topic="Алматыға әдістемелік көмек")
    other = a_meeting(people, regions=["shymkent"], kind=UnitMeeting.Kind.HELP, topic="Шымкентке көмек")
    client = client_for("isd_almaty")
    rows = client.get(reverse("internal_security:meeting-list")).context["meetings"]
    assert {row.pk for row in rows} == {everyone.pk, own.pk}
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    rows = client_for("isd_head").get(reverse("internal_security:meeting-list")).context["meetings"]
    assert {row.pk for row in rows} == {everyone.pk, own.pk, other.pk}
    for outsider in ("ir_head", "ca_deputy", "court_almaty"):
        assert client_for(outsider).get(everyone.get_absolute_url()).status_code == 404, outsider


def test_the_register_is_filtered_and_exported(people, client_for):
    a_meeting(people, regions=["almaty"], kind=UnitMeeting.Kind.HELP, topic="Алматыға көмек")
    a_meeting(people, regions=["shymkent"], topic="Шымкентпен кеңес", kind=UnitMeeting.Kind.MEETING)
    client = client_for("isd_head")
    almaty = Region.objects.get(code="almaty").pk
    rows = client.get(reverse("internal_security:meeting-list"), {"region": almaty}).context["meetings"]
    assert [row.topic for row in rows] == ["Алматыға көмек"]
    response = client.get(reverse("internal_security:meeting-export"), {"kind": "meeting"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Шымкентпен кеңес"]


def test_the_minutes_form_keeps_the_reason_beside_its_field(people, client_for):
    meeting = a_meeting(people, days=2)
    page = client_for("isd_officer").post(
        reverse("internal_security:meeting-move", args=[meeting.pk, "hold"]), {"minutes": "Хаттама"}
    )
    assert page.status_code == 200  # its day is to come: said above the form, the minutes kept
    form = next(form for move, form in page.context["moves"] if move.name == "hold")
    assert form.non_field_errors().as_data()[0].code == "not_yet" and form["minutes"].value() == "Хаттама"
    assert UnitMeeting.objects.get(pk=meeting.pk).status == UnitMeeting.Status.PLANNED
    blank = client_for("isd_officer").post(
        reverse("internal_security:meeting-create"),
        {"kind": "seminar", "topic": "", "held_on": date(2026, 12, 1).isoformat()},
    )
    assert blank.status_code == 200 and "topic" in blank.context["form"].errors
