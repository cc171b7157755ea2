"""Business trips abroad and foreign delegations (IR 7.11, 7.16, 7.17)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from courtadmin.audit.models import AuditEvent
from international.models import Country, Delegation, KazakhCourt, Trip
from international.selectors import trips as trip_selectors
from international.services import trips
from tests.conftest import refusal_codes
from tests.international.factories import delegation, trip

REPORT = b"%PDF-1.7\n%report\n"
PUBLICATION = "https://sud.gov.kz/kaz/news/report-2026"


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
    assert refusal_codes(
        trips.trip_report_published, actor=officer, trip=back, on=timezone.localdate(), url=PUBLICATION
    ) == {"no_report"}
    trips.trip_report_add(actor=officer, trip=back, upload=report_upload())
    assert back.report_received_on == timezone.localdate() and not back.awaits_report
    assert not trip_selectors.awaiting_report(Trip.objects.all()).exists()
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert refusal_codes(trips.trip_report_published, actor=officer, trip=back, on=tomorrow, url=PUBLICATION) == {
        "future"
    }
    assert refusal_codes(trips.trip_report_published, actor=officer, trip=back, on=timezone.localdate(), url=" ") == {
        "required"
    }
    trips.trip_report_published(actor=officer, trip=back, on=timezone.localdate(), url=PUBLICATION)
    assert (back.report_published_on, back.publication_url) == (timezone.localdate(), PUBLICATION)


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
        "financing": "budget",
        "judges-TOTAL_FORMS": "0",
        "judges-INITIAL_FORMS": "0",
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


# --- The trip order, its travellers and the report's term (IR 7.11, 7.16) ---------------------


@pytest.mark.time_machine(date(2026, 12, 7))
def test_a_report_late_by_the_orders_term_escalates_to_the_ir_head_and_is_then_published_ir_7_11(users):
    from courtadmin.deadlines.models import Deadline, Reminder
    from courtadmin.deadlines.services import reminders_scan

    officer = users["ir_officer"]
    late = trip(
        officer,
        departs_on=date(2026, 11, 16),
        days=4,
        order_number="45-к",
        order_date=date(2026, 11, 10),
        report_due_on=date(2026, 11, 30),
    )
    term = Deadline.objects.get(record_id=str(late.pk), kind="ir.trip_report")
    assert (term.due_on, term.responsible) == (date(2026, 11, 30), officer)
    assert late.report_late
    reminders_scan(date(2026, 12, 7))
    escalations = Reminder.objects.filter(deadline=term, key__startswith="escalation:")
    assert {reminder.recipient for reminder in escalations} == {users["ir_head"]}
    trips.trip_report_add(actor=officer, trip=late, upload=report_upload())
    term.refresh_from_db()
    assert term.state == Deadline.State.MISSED and not late.report_late
    trips.trip_report_published(actor=officer, trip=late, on=date(2026, 12, 7), url=PUBLICATION)
    assert late.report_published_on == date(2026, 12, 7) and late.publication_url == PUBLICATION


@pytest.mark.time_machine(date(2026, 12, 7))
def test_a_later_order_extends_the_reports_term_an_earlier_one_is_refused(users):
    from courtadmin.deadlines.models import Deadline

    officer = users["ir_officer"]
    coming = trip(officer, departs_on=date(2026, 12, 14), days=3, order_number="50-к", report_due_on=date(2026, 12, 28))
    coming.report_due_on, coming.order_number = date(2027, 1, 11), "52-к"
    trips.trip_save(actor=officer, trip=coming)
    term = Deadline.objects.get(record_id=str(coming.pk), kind="ir.trip_report")
    assert (term.due_on, term.state, term.extension_decision) == (date(2027, 1, 11), Deadline.State.EXTENDED, "52-к")
    coming.report_due_on = date(2026, 12, 30)
    assert refusal_codes(trips.trip_save, actor=officer, trip=coming) == {"not_later"}
    coming.report_due_on = date(2026, 12, 15)  # before the return
    assert refusal_codes(trips.trip_save, actor=officer, trip=coming) == {"before_return"}


def test_travellers_of_the_portal_and_judges_of_local_courts_go_with_the_trip_ir_7_16(users, client_for):
    officer = users["ir_officer"]
    court = KazakhCourt.objects.order_by("pk").first()
    record = trip(officer)
    trips.trip_save(
        actor=officer,
        trip=record,
        travellers=[users["chairman"], users["ir_head"]],
        judges=[("Әлиев Нұрлан", court), ("  ", court)],  # an empty row is none
    )
    assert set(record.travellers.all()) == {users["chairman"], users["ir_head"]}
    assert [(judge.full_name, judge.court) for judge in record.judges.all()] == [("Әлиев Нұрлан", court)]
    page = client_for("ir_officer").get(record.get_absolute_url()).content.decode()
    assert "Әлиев Нұрлан" in page and str(court) in page


def test_a_judge_without_a_court_is_refused_beside_the_row_and_what_was_typed_stays(users, client_for):
    officer = users["ir_officer"]
    data = {
        "purpose": "Семинар",
        "country": Country.objects.get(code="DE").pk,
        "financing": "budget",
        "departs_on": "2026-12-20",
        "returns_on": "2026-12-22",
        "officer": officer.pk,
        "judges-TOTAL_FORMS": "2",
        "judges-INITIAL_FORMS": "0",
        "judges-0-full_name": "Әлиев Нұрлан",
        "judges-0-court": "",
        "judges-1-full_name": "",
        "judges-1-court": "",
    }
    response = client_for("ir_officer").post(reverse("international:trip-create"), data)
    assert response.status_code == 200 and not Trip.objects.exists()
    row = response.context["judges"].forms[0]
    assert row.has_error("court", "required") and row["full_name"].value() == "Әлиев Нұрлан"
