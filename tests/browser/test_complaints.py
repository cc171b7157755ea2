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
from tests.browser.test_second_factor import sign_in_with_password
from tests.browser.test_signing import code_at
from tests.conftest import DEMO_TEST_PASSWORD


def enrolled(user):
    device = second_factor_enrolment_start(user=user)
    second_factor_enrol(user=user, device=device, code=code_at(device, -1))
    device.refresh_from_db()
    return device


def signed_in(page, username, device):
    """Each person at his own browser, signed in once: one code each, no code used twice."""
    sign_in_with_password(page, username)
    page.wait_for_url(lambda url: "/accounts/second-factor/" in url)
    page.fill("#id_code", code_at(device, 0))
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "second-factor" not in url)
    return page


def test_a_complaint_from_registration_to_the_signed_answer(page, other_browser, people, monkeypatch):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)  # the PDF task runs at once
    load_demo_signing(people)
    officer, head, deputy = (people[name].user for name in ("isd_officer", "isd_head", "isd_deputy"))
    devices = {user.username: enrolled(user) for user in (officer, head, deputy)}
    received = timezone.localdate() - timedelta(days=2)
    while not is_working_day(received):
        received -= timedelta(days=1)

    signed_in(page, "isd_officer", devices["isd_officer"])
    head_page, deputy_page = (signed_in(other_browser(), name, devices[name]) for name in ("isd_head", "isd_deputy"))
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

    head_page.goto(complaint.get_absolute_url())
    head_page.check(f"#assign-form input[value='{officer.pk}']")
    head_page.click("#assign-form button[type=submit]")
    head_page.wait_for_selector("#complaint-status")
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.IN_WORK

    page.goto(complaint.get_absolute_url())
    page.select_option("#move-decide select", "not_confirmed")
    page.fill("#move-decide textarea", "Фактілер расталмады")
    page.click("#move-decide button[type=submit]")
    page.click("#prepare-answer")
    page.wait_for_url(lambda url: "/documents/" in url)
    page.click("form[action$='/move/submit/'] button")
    page.wait_for_selector("#document-status")
    answer = Document.objects.get(kind="isd.complainant_answer")
    assert answer.status == Document.Status.APPROVED  # no visa: the applicant is for the head and the officers
    assert deputy_page.goto(f"/documents/{answer.pk}/").status == 404  # the deputy does not see the applicant

    head_page.goto(f"/documents/{answer.pk}/")
    head_page.click("#sign-button")
    head_page.fill("#id_password", DEMO_TEST_PASSWORD)
    head_page.fill("#id_code", code_at(devices["isd_head"], 1))  # a code not used yet
    head_page.click("#confirm-signature")
    head_page.wait_for_selector("#pdf-download")

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
