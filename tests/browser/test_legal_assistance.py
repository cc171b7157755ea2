"""In a real browser (issue 6, IR 7.22 and IR 13): an officer working in Kazakh registers an
incoming request, checks it and prepares the cover letter to the court the portal suggests;
the deputy supervising legal assistance signs it; the officer sends the request to the court.
Screenshots of the list, the detail page and the figures page in Kazakh and Russian are kept
in var/screenshots as test artifacts."""

from django.utils import timezone

from courtadmin.accounts.services import second_factor_enrol, second_factor_enrolment_start
from courtadmin.celery import app as celery_app
from courtadmin.documents.demo import load_demo_signing
from courtadmin.documents.models import Document
from courtadmin.org.models import Region
from international.models import Country, KazakhCourt, LegalAssistanceRequest
from tests.browser.conftest import screenshot
from tests.browser.test_second_factor import sign_in_with_password
from tests.browser.test_signing import code_at
from tests.conftest import DEMO_TEST_PASSWORD
from tests.international.factories import authority

PAGES = {"list": "/ir/requests/", "figures": "/ir/requests/figures/"}


def sign_in(page, username, device=None):
    sign_in_with_password(page, username)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if "/accounts/second-factor/" in page.url and device is not None:
        page.fill("#id_code", code_at(device, 0))
        page.click("main form button[type=submit]")
        page.wait_for_url(lambda url: "second-factor" not in url)


def test_an_officer_registers_a_request_in_kazakh_and_the_deputy_signs_its_cover_letter(
    page, other_browser, people, catalogs, monkeypatch
):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)  # the PDF task runs at once
    load_demo_signing(people)
    deputy = people["ir_deputy_legal"].user
    device = second_factor_enrolment_start(user=deputy)
    second_factor_enrol(user=deputy, device=device, code=code_at(device, -1))
    device.refresh_from_db()
    requesting = authority("RU", "Верховный Суд Российской Федерации")

    sign_in(page, "ir_officer")
    page.goto("/ir/requests/new/")
    assert page.locator("html").get_attribute("lang") == "kk"
    page.fill("#id_received_on", timezone.localdate().isoformat())
    page.select_option("#id_direction", "incoming")
    page.select_option("#id_subject", "service")
    page.select_option("#id_category", "civil")
    page.select_option("#id_original_language", "kk")
    page.select_option("#id_country", str(Country.objects.get(code="RU").pk))
    page.select_option("#id_foreign_authority", str(requesting.pk))
    page.fill("#id_case_name", "Иванов С. v. Серікбаев Е.")
    page.fill("#id_case_number", "2-4411/2026")
    page.fill("#id_asked", "Жауапкерге шақыру қағазын табыс ету")
    page.select_option("#id_parties-0-role", "addressee")
    page.fill("#id_parties-0-name", "Серікбаев Ерлан")
    page.fill("#id_parties-0-address", "Қарағанды қ., Бұқар жырау д-лы, 1")
    page.select_option("#id_parties-0-region", str(Region.objects.get(code="karaganda").pk))
    screenshot(page, "legal-assistance-register-kk")
    page.click("#request-form button[type=submit]")
    page.wait_for_selector("#request-status")
    request = LegalAssistanceRequest.objects.get(case_number="2-4411/2026")
    assert request.treaty.code == "minsk-1993"

    page.click(f"a[href='/ir/requests/{request.pk}/check/']")
    if page.locator("#confirm-contents").count():
        page.check("#confirm-contents")  # date of birth not given: the officer's judgement
    page.click("main form button[type=submit]")
    page.wait_for_selector("#court-suggestion")
    karaganda = KazakhCourt.objects.get(code="karaganda-regional")
    assert page.input_value("#move-forward_to_court select") == str(karaganda.pk)
    page.click("#move-forward_to_court form button[type=submit]")
    page.wait_for_url(lambda url: "/documents/" in url)
    page.click("form[action$='/move/submit/'] button")
    letter = Document.objects.get(record_id=str(request.pk))
    assert letter.status == Document.Status.APPROVED

    deputy_page = other_browser()  # the deputy at his own browser
    sign_in(deputy_page, "ir_deputy_legal", device)
    deputy_page.goto(f"/documents/{letter.pk}/")
    deputy_page.click("#sign-button")
    deputy_page.fill("#id_password", DEMO_TEST_PASSWORD)
    deputy_page.fill("#id_code", code_at(device, 1))
    deputy_page.click("#confirm-signature")
    deputy_page.wait_for_selector("#pdf-download")
    letter.refresh_from_db()
    assert letter.status == Document.Status.SIGNED and letter.signature.signer == deputy

    page.goto(f"/ir/requests/{request.pk}/")
    page.click("#move-forward_to_court form[action$='/move/forward_to_court/'] button")
    page.wait_for_selector("#request-status")
    request.refresh_from_db()
    assert request.status == LegalAssistanceRequest.Status.SENT_TO_COURT and request.court == karaganda

    officer = people["ir_officer"].user
    for language in ("kk", "ru"):
        officer.language = language
        officer.save(update_fields=["language"])
        for name, url in {**PAGES, "detail": f"/ir/requests/{request.pk}/"}.items():
            page.goto(url)
            assert page.locator("html").get_attribute("lang") == language
            screenshot(page, f"legal-assistance-{name}-{language}")
    assert page.console_errors == []
