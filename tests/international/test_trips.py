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


# --- Visits of foreign delegations (IR 7.17, IR 5.2) ------------------------------------------


def _visit(users, **fields):
    return delegation(users["ir_officer"], arrives_on=date(2026, 12, 14), days=2, **fields)


@pytest.mark.time_machine(date(2026, 12, 7))
def test_a_visit_is_planned_consented_held_with_its_gifts_and_expenses_posted_against_the_plan_ir_7_17(users):
    """Issue 21's walk: a visit planned with its members, programme and an escort from the Legal
    Department; consented by the CA head; held; its reception posted against the plan and a
    gift received above the threshold, read by the ISD head."""
    from decimal import Decimal

    import time_machine

    from international.models import BudgetLine, Gift, Spending
    from international.selectors import budget as budget_selectors
    from international.selectors import gifts as gift_selectors
    from international.services import budget, gifts

    officer = users["ir_officer"]
    visit = _visit(users)
    trips.delegation_save(
        actor=officer,
        delegation=visit,
        members=[("Mehmet Yılmaz", "Төраға", "U1234567"), ("Ayşe Demir", "Судья", "")],
        programme=[(date(2026, 12, 14), time_of(10), "Жоғарғы Сот Төрағасымен кездесу", "Жоғарғы Сот")],
        escorts=[users["legal_officer"]],
    )
    assert visit.status == Delegation.Status.PLANNED
    assert refusal_codes(trips.delegation_move, delegation=visit, move="consent", actor=users["ir_head"]) == {
        "not_leadership"
    }
    trips.delegation_move(delegation=visit, move="consent", actor=users["ca_head"])
    assert (visit.status, visit.consented_by) == (Delegation.Status.CONSENTED, users["ca_head"])
    assert refusal_codes(trips.delegation_move, delegation=visit, move="hold", actor=officer) == {"not_arrived"}
    line = budget.budget_line_save(
        actor=officer,
        line=BudgetLine(year=2026, programme="representation", item="Ресми қабылдаулар", planned=Decimal(1_000_000)),
    )
    with time_machine.travel(date(2026, 12, 15)):
        trips.delegation_move(delegation=visit, move="hold", actor=officer)
        budget.spending_post(
            actor=officer,
            line=line,
            spending=Spending(amount=Decimal(650_000), on=date(2026, 12, 15), description="Қабылдау", delegation=visit),
        )
        gift = gifts.gift_save(
            actor=officer,
            gift=Gift(
                direction="received",
                description="Күміс ыдыс",
                value=Decimal(500_000),
                on=date(2026, 12, 15),
                counterpart="Mehmet Yılmaz",
                person=users["chairman"],
                disposition="state",
                delegation=visit,
            ),
        )
    assert visit.status == Delegation.Status.HELD
    figures = budget_selectors.line_figures(budget_selectors.get_line_for_user(officer, line.pk))
    assert (figures.posted, figures.remaining) == (Decimal(650_000), Decimal(350_000))
    assert list(gift_selectors.gifts_visible_to(users["isd_head"])) == [gift]
    assert list(visit.spendings.all()) == list(line.spendings.all())


def time_of(hour):
    from datetime import time

    return time(hour, 0)


def test_only_people_of_other_subdivisions_are_brought_in_and_a_new_escort_asks_for_consent_again(users):
    officer = users["ir_officer"]
    visit = _visit(users)
    assert refusal_codes(
        trips.delegation_save, actor=officer, delegation=visit, escorts=[users["ir_head"], users["isd_officer"]]
    ) == {"not_outside"}
    trips.delegation_save(actor=officer, delegation=visit, escorts=[users["legal_officer"]])
    trips.delegation_move(delegation=visit, move="consent", actor=users["chairman"])
    trips.delegation_save(actor=officer, delegation=visit, escorts=[users["legal_officer"], users["analyst"]])
    visit.refresh_from_db()
    assert (visit.status, visit.consented_by) == (Delegation.Status.PLANNED, None)


def test_the_programme_keeps_to_the_visits_days(users):
    visit = _visit(users)
    programme = [(date(2026, 12, 20), time_of(9), "Экскурсия", "")]
    assert refusal_codes(trips.delegation_save, actor=users["ir_officer"], delegation=visit, programme=programme) == {
        "outside_visit"
    }


@pytest.mark.time_machine(date(2026, 12, 7))
def test_the_security_of_courts_reads_the_visitors_access_list_and_no_other_subdivision_does(users, client_for):
    officer = users["ir_officer"]
    consented, planned = _visit(users), _visit(users, organisation="Басқа сот")
    for visit in (consented, planned):
        trips.delegation_save(actor=officer, delegation=visit, members=[("Mehmet Yılmaz", "Төраға", "U1234567")])
    trips.delegation_move(delegation=consented, move="consent", actor=users["ca_head"])
    url = reverse("international:delegation-access")
    for username in ("isd_head", "isd_officer", "ir_officer"):
        listed = list(client_for(username).get(url).context["visits"])
        assert listed == [consented], username
    for username in ("legal_officer", "court_almaty"):
        assert client_for(username).get(url).status_code == 404, username
    assert client_for("isd_officer").get(consented.get_absolute_url()).status_code == 404


def test_a_member_without_a_position_is_refused_beside_the_row_and_what_was_typed_stays(users, client_for):
    data = {
        "country": Country.objects.get(code="TR").pk,
        "organisation": "Кассациялық сот",
        "head": "Төраға",
        "size": "2",
        "arrives_on": "2026-12-14",
        "leaves_on": "2026-12-16",
        "officer": users["ir_officer"].pk,
        "members-TOTAL_FORMS": "1",
        "members-INITIAL_FORMS": "0",
        "members-0-full_name": "Mehmet Yılmaz",
        "members-0-position": "",
        "programme-TOTAL_FORMS": "0",
        "programme-INITIAL_FORMS": "0",
    }
    response = client_for("ir_officer").post(reverse("international:delegation-create"), data)
    assert response.status_code == 200 and not Delegation.objects.exists()
    row = response.context["members"].forms[0]
    assert row.has_error("position", "required") and row["full_name"].value() == "Mehmet Yılmaz"


def test_the_leadership_consents_on_the_visits_page_and_nobody_else_can(users, client_for):
    visit = _visit(users)
    url = reverse("international:delegation-move", args=[visit.pk, "consent"])
    assert 'id="move-consent"' in client_for("ca_head").get(visit.get_absolute_url()).content.decode()
    assert 'id="move-consent"' not in client_for("ir_officer").get(visit.get_absolute_url()).content.decode()
    assert client_for("ir_head").post(url).status_code == 404
    assert client_for("ca_head").post(url).status_code == 302
    visit.refresh_from_db()
    assert (visit.status, visit.consented_by) == (Delegation.Status.CONSENTED, users["ca_head"])
