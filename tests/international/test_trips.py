"""Business trips abroad and foreign delegations (IR 7.11, 7.16, 7.17)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from courtadmin.audit.models import AuditEvent
from international.models import Country, Delegation, Trip
from international.selectors import trips as trip_selectors
from international.services import trips
from tests.conftest import refusal_codes
from tests.international.factories import delegation, trip

REPORT = b"%PDF-1.7\n%report\n"


def report_upload():
    return SimpleUploadedFile("report.pdf", REPORT, content_type="application/pdf")


def test_ir_staff_enter_a_trip_and_its_report_is_awaited_after_the_return_ir_7_11(users):
    officer = users["ir_officer"]
    back = trip(officer)
    coming = trip(officer, departs_on=timezone.localdate() + timedelta(days=5))
    assert back.awaits_report and not coming.awaits_report
    assert list(trip_selectors.awaiting_report(Trip.objects.all())) == [back]
    assert AuditEvent.objects.filter(action="ir.trip.created").count() == 2


def test_the_report_is_received_then_published_and_the_trip_no_longer_waits_ir_7_11(users):
    officer = users["ir_officer"]
    back = trip(officer)
    assert refusal_codes(trips.trip_report_published, actor=officer, trip=back, on=timezone.localdate()) == {
        "no_report"
    }
    trips.trip_report_add(actor=officer, trip=back, upload=report_upload())
    assert back.report_received_on == timezone.localdate() and not back.awaits_report
    assert not trip_selectors.awaiting_report(Trip.objects.all()).exists()
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert refusal_codes(trips.trip_report_published, actor=officer, trip=back, on=tomorrow) == {"future"}
    trips.trip_report_published(actor=officer, trip=back, on=timezone.localdate())
    assert back.report_published_on == timezone.localdate()


def test_no_report_before_the_trip_begins(users):
    coming = trip(users["ir_officer"], departs_on=timezone.localdate() + timedelta(days=3))
    assert refusal_codes(trips.trip_report_add, actor=users["ir_officer"], trip=coming, upload=report_upload()) == {
        "not_begun"
    }
    assert not coming.reports.exists()


@pytest.mark.parametrize("username", ["chairman", "ca_deputy", "isd_head"])
def test_only_ir_staff_enter_trips_and_delegations(users, username):
    with pytest.raises(PermissionDenied):
        trip(users[username])
    with pytest.raises(PermissionDenied):
        delegation(users[username], arrives_on=timezone.localdate())


def test_a_return_before_the_departure_is_refused_beside_its_field_and_kept(users, client_for):
    today = timezone.localdate()
    data = {
        "purpose": "Семинар",
        "country": Country.objects.get(code="DE").pk,
        "participants": "Судья А.",
        "departs_on": today.isoformat(),
        "returns_on": (today - timedelta(days=1)).isoformat(),
        "officer": users["ir_officer"].pk,
    }
    response = client_for("ir_officer").post(reverse("international:trip-create"), data)
    assert response.status_code == 200
    assert {e.code for e in response.context["form"].errors.as_data()["returns_on"]} == {"before_departure"}
    assert 'value="Семинар"' in response.content.decode() and not Trip.objects.exists()
    data["returns_on"] = (today + timedelta(days=2)).isoformat()
    assert client_for("ir_officer").post(reverse("international:trip-create"), data).status_code == 302


def test_a_report_uploaded_through_the_page_is_downloaded_by_the_leadership(users, client_for):
    back = trip(users["ir_officer"])
    url = reverse("international:trip-report-add", args=[back.pk])
    assert client_for("ir_officer").post(url, {"file": report_upload()}).status_code == 302
    report = back.reports.get()
    download = reverse("international:trip-report-download", args=[back.pk, report.pk])
    assert b"".join(client_for("chairman").get(download).streaming_content) == REPORT
    assert client_for("isd_head").get(download).status_code == 404


def test_the_list_shows_the_trips_awaiting_their_report(users, client_for):
    back = trip(users["ir_officer"])
    trip(users["ir_officer"], departs_on=timezone.localdate() + timedelta(days=5))
    rows = client_for("ir_head").get(reverse("international:trip-list"), {"awaiting": "on"}).context["page"]
    assert [row.pk for row in rows] == [back.pk]
    assert client_for("isd_head").get(reverse("international:trip-list")).status_code == 404


def test_a_delegation_visiting_is_one_whose_stay_meets_the_period_ir_7_17(users):
    officer, today = users["ir_officer"], timezone.localdate()
    start, end = today.replace(day=1), today.replace(day=1) + timedelta(days=27)
    across = delegation(officer, arrives_on=start - timedelta(days=2), days=4)  # arrives before, leaves within
    within = delegation(officer, arrives_on=start + timedelta(days=10))
    delegation(officer, arrives_on=start - timedelta(days=10), days=2)  # gone before the period
    delegation(officer, arrives_on=end + timedelta(days=1))  # comes after it
    assert set(trip_selectors.visiting(Delegation.objects.all(), start, end)) == {across, within}
