"""In a real browser (issue 7, ISD 6.23 and ISD 15): an ISD officer registers a complaint, the
ISD head assigns it to him, the officer decides it and drafts the answer, the deputy gives his
visa and the head signs it; the officer closes the complaint as answered. Screenshots of the
complaint and the list in Kazakh and Russian are kept in var/screenshots."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from courtadmin.accounts.services import second_factor_enrol, second_factor_enrolment_start
from courtadmin.celery import app as celery_app
from courtadmin.deadlines.calendar import ALMATY, is_working_day
from courtadmin.documents.demo import load_demo_signing
from courtadmin.documents.models import Document
from courtadmin.org.models import Region
from internal_security.models import Complaint
from tests.browser.conftest import screenshot
from tests.browser.test_legal_assistance import sign_in
from tests.browser.test_signing import code_at
from tests.conftest import DEMO_TEST_PASSWORD


def enrolled(user):
    device = second_factor_enrolment_start(user=user)
    second_factor_enrol(user=user, device=device, code=code_at(device, -1))
    device.refresh_from_db()
    return device


def test_a_complaint_from_registration_to_the_signed_answer(page, people, monkeypatch):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)  # the PDF task runs at once
    load_demo_signing(people)
    officer, head, deputy = (people[name].user for name in ("isd_officer", "isd_head", "isd_deputy"))
    devices = {user.username: enrolled(user) for user in (officer, head, deputy)}
    received = timezone.localdate() - timedelta(days=2)
    while not is_working_day(received):
        received -= timedelta(days=1)

    sign_in(page, "isd_officer", devices["isd_officer"])
    page.goto("/isd/complaints/new/")
    page.fill("#id_received_at", datetime.combine(received, time(10, 0), tzinfo=ALMATY).strftime("%Y-%m-%dT%H:%M"))
    page.select_option("#id_channel", "e_otinish")
    page.fill("#id_applicant_name", "Омаров Ерлан Серікұлы")
    page.fill("#id_applicant_address", "Астана қ., Сарыарқа д-лы, 5")
    page.fill("#id_person_concerned", "Сот отырысының хатшысы")
    page.select_option("#id_region", str(Region.objects.get(code="astana").pk))
    page.fill("#id_court", "Астана қаласы Сарыарқа аудандық соты")
    page.fill("#id_summary", "Іс материалдарымен танысу үшін ақы сұрау")
    page.fill("#id_substance", "Хатшы іс материалдарымен танысуды тездету үшін ақша сұрады.")
    page.click("#complaint-form button[type=submit]")
    page.wait_for_url(lambda url: url.endswith("/isd/complaints/"))  # not assigned yet: not his to open
    complaint = Complaint.objects.get()
    assert complaint.number in page.inner_text(".alert-success")
    assert complaint.number.startswith("ІҚБ-") and complaint.status == Complaint.Status.REGISTERED

    sign_in(page, "isd_head", devices["isd_head"], step=0)
    page.goto(complaint.get_absolute_url())
    page.check(f"#assign-form input[value='{officer.pk}']")
    page.click("#assign-form button[type=submit]")
    page.wait_for_selector("#complaint-status")
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.IN_WORK

    sign_in(page, "isd_officer", devices["isd_officer"], step=1)
    page.goto(complaint.get_absolute_url())
    page.select_option("#move-decide select", "not_confirmed")
    page.fill("#move-decide textarea", "Фактілер расталмады")
    page.click("#move-decide button[type=submit]")
    page.click("#prepare-answer")
    page.wait_for_url(lambda url: "/documents/" in url)
    page.click("form[action$='/move/submit/'] button")
    answer = Document.objects.get(kind="isd.complainant_answer")

    sign_in(page, "isd_deputy", devices["isd_deputy"], step=0)
    page.goto(f"/documents/{answer.pk}/")
    page.click("form[action$='/move/approve/'] button")
    answer.refresh_from_db()
    assert answer.status == Document.Status.APPROVED

    sign_in(page, "isd_head", devices["isd_head"], step=1)
    page.goto(f"/documents/{answer.pk}/")
    page.click("#sign-button")
    page.fill("#id_password", DEMO_TEST_PASSWORD)
    page.fill("#id_code", code_at(devices["isd_head"], 2))
    page.click("#confirm-signature")
    page.wait_for_selector("#pdf-download")

    sign_in(page, "isd_officer", devices["isd_officer"], step=2)
    page.goto(complaint.get_absolute_url())
    page.click("#move-answer button[type=submit]")
    page.wait_for_selector("#complaint-status")
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.ANSWERED

    for language in ("kk", "ru"):
        officer.language = language
        officer.save(update_fields=["language"])
        page.goto(complaint.get_absolute_url())
        assert page.locator("html").get_attribute("lang") == language
        screenshot(page, f"isd-complaint-{language}")
        page.goto("/isd/complaints/")
        screenshot(page, f"isd-complaints-{language}")
    assert page.console_errors == []
