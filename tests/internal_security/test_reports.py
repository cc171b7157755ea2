"""The territorial ISD units' periodic reports (ISD 5.12, 6.18): a form of report with its
period and term, the units called for a period, each unit's report sent with its files,
returned with the reason or accepted by the central ISD, its term met or missed and
escalated to the ISD head when missed; a unit sees its own reports alone."""

from datetime import date, datetime, time
from io import BytesIO

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from courtadmin.deadlines.calendar import ALMATY, WorkingCalendar
from courtadmin.deadlines.models import Deadline, Reminder
from courtadmin.deadlines.services import reminders_scan
from courtadmin.org.models import Region, Unit
from internal_security.models import ReportingForm, UnitReport
from internal_security.services import reports as services
from internal_security.workflow import report_move
from tests.conftest import TODAY, refusal_codes

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def a_form(people, period=ReportingForm.Period.MONTH, days_after=10, code="ІҚБ-1"):
    return services.reporting_form_add(
        actor=people["isd_head"].user,
        form=ReportingForm(code=code, title="Профилактика туралы есеп", period=period, days_after=days_after),
    )


def called(people, day=date(2026, 11, 2), **form):
    return services.reports_call(actor=people["isd_head"].user, form=a_form(people, **form), day=day)


def almatys(reports):
    return next(report for report in reports if report.region.code == "almaty")


def test_a_units_report_is_sent_returned_sent_again_and_accepted_in_its_term_isd_5_12(people):
    """GIVEN the monthly form, due 10 days after the month WHEN the ISD head calls the units
    for November THEN every territorial unit owes one report due on 10 December, its term
    running; the Almaty unit sends its report with a file, the central ISD returns it with
    the reason, the unit sends it again and it is accepted: the term met by the day it was
    sent; a second call for November calls nobody."""
    reports = called(people)
    units = Unit.objects.filter(kind=Unit.Kind.TERRITORIAL_ISD, region__isnull=False).values("region").distinct()
    assert len(reports) == units.count() > 1
    report = almatys(reports)
    assert (report.period_start, report.period_end, report.due_on) == (
        date(2026, 11, 1),
        date(2026, 11, 30),
        date(2026, 12, 10),
    )
    term = Deadline.objects.get(kind="isd.unit_report", record_id=str(report.pk))
    assert (term.due_on, term.responsible) == (date(2026, 12, 10), people["isd_almaty"].user)

    almaty, officer = people["isd_almaty"].user, people["isd_officer"].user
    upload = SimpleUploadedFile("kesté.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")
    services.report_file_add(actor=almaty, report=report, upload=upload)
    assert refusal_codes(report_move, report=report, move="submit", actor=almaty, text=" ") == {"required"}
    report_move(report=report, move="submit", actor=almaty, text="Қараша айында 3 іс-шара өткізілді.")
    assert refusal_codes(report_move, report=report, move="return", actor=officer, reason="") == {"required"}
    report_move(report=report, move="return", actor=officer, reason="Кестені толтырыңыз")
    report.refresh_from_db()
    assert (report.status, report.return_reason) == (UnitReport.Status.RETURNED, "Кестені толтырыңыз")
    report_move(report=report, move="submit", actor=almaty, text="Кесте толтырылды.")
    report_move(report=report, move="accept", actor=officer)
    term.refresh_from_db()
    assert (term.state, term.closed_on) == (Deadline.State.MET, date(2026, 11, 24))
    assert refusal_codes(
        services.reports_call, actor=people["isd_head"].user, form=report.form, day=date(2026, 11, 15)
    ) == {"called"}


def test_a_report_not_sent_in_its_term_escalates_to_the_isd_head_and_is_accepted_late(people):
    report = almatys(called(people))
    overdue_day = WorkingCalendar().add_working_days(report.due_on, 1)
    reminders_scan(report.due_on)
    assert not Reminder.objects.filter(key__startswith="escalation:").exists()
    reminders_scan(overdue_day)
    escalated = Reminder.objects.filter(key__startswith="escalation:")
    assert set(escalated.values_list("recipient", flat=True)) == {people["isd_head"].user_id}
    with time_machine.travel(datetime.combine(overdue_day, time(10), ALMATY)):
        report_move(report=report, move="submit", actor=people["isd_almaty"].user, text="Кешіктірілген есеп")
        report_move(report=report, move="accept", actor=people["isd_head"].user)
    assert Deadline.objects.get(kind="isd.unit_report", record_id=str(report.pk)).state == Deadline.State.MISSED


def test_only_the_unit_sends_and_only_the_central_isd_accepts(people):
    reports = called(people)
    report, other = almatys(reports), next(r for r in reports if r.region.code == "shymkent")
    assert refusal_codes(report_move, report=report, move="submit", actor=people["isd_officer"].user, text="...") == {
        "not_yours"
    }
    assert refusal_codes(report_move, report=other, move="submit", actor=people["isd_almaty"].user, text="...") == {
        "not_yours"
    }
    report_move(report=report, move="submit", actor=people["isd_almaty"].user, text="...")
    assert refusal_codes(report_move, report=report, move="accept", actor=people["isd_almaty"].user) == {"not_yours"}
    with pytest.raises(ValidationError) as refused:
        services.report_file_add(
            actor=people["isd_almaty"].user, report=report, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.7\n%%EOF\n")
        )
    assert refused.value.code == "closed"


def test_the_call_and_the_forms_are_the_isd_heads_and_deputys(people):
    with pytest.raises(PermissionDenied):
        services.reporting_form_add(
            actor=people["isd_officer"].user,
            form=ReportingForm(code="X", title="...", period="month", days_after=5),
        )
    form = a_form(people)
    with pytest.raises(PermissionDenied):
        services.reports_call(actor=people["isd_almaty"].user, form=form, day=date(2026, 11, 2))
    assert refusal_codes(services.reports_call, actor=people["isd_deputy"].user, form=form, day=date(2027, 1, 5)) == {
        "future"
    }
    assert not UnitReport.objects.exists()


def test_the_almaty_unit_sees_its_own_reports_and_404_for_another_regions(people, client_for):
    reports = called(people)
    own, other = almatys(reports), next(r for r in reports if r.region.code == "shymkent")
    client = client_for("isd_almaty")
    rows = client.get(reverse("internal_security:report-list")).context["reports"]
    assert [row.pk for row in rows] == [own.pk]
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    assert len(client_for("isd_head").get(reverse("internal_security:report-list")).context["reports"]) == len(reports)
    for outsider in ("ir_head", "ca_deputy", "court_almaty", "legal_officer"):
        assert client_for(outsider).get(reverse("internal_security:report-list")).status_code == 404, outsider


def test_the_register_filters_the_overdue_and_exports(people, client_for):
    reports = called(people, day=date(2026, 10, 5))  # October's, due 10 November: past on 24 November
    report_move(report=almatys(reports), move="submit", actor=people["isd_almaty"].user, text="...")
    client = client_for("isd_head")
    rows = client.get(reverse("internal_security:report-list"), {"overdue": "on"}).context["reports"]
    assert len(rows) == len(reports) - 1 and all(row.region.code != "almaty" for row in rows)
    response = client.get(reverse("internal_security:report-export"), {"region": Region.objects.get(code="almaty").pk})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["ІҚБ-1"]


def test_a_bad_form_or_call_is_refused_beside_its_field_and_kept(people, client_for):
    client = client_for("isd_head")
    page = client.post(
        reverse("internal_security:report-form-add"),
        {"form-code": "ІҚБ-2", "form-title": "Есеп", "form-period": "quarter", "form-days_after": "0"},
    )
    assert page.status_code == 200 and "days_after" in page.context["form_form"].errors
    assert page.context["form_form"]["title"].value() == "Есеп"
    form = a_form(people)
    page = client.post(reverse("internal_security:report-call"), {"call-form": form.pk, "call-day": "2027-03-01"})
    assert page.status_code == 200 and "day" in page.context["call_form"].errors
    assert not UnitReport.objects.exists()
