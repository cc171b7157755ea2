"""Printing a record's page (the working-day issue): the record and its history on paper,
without the navigation, the action panels and the buttons; the page's button prints it."""

from tests.browser.conftest import screenshot
from tests.browser.test_second_factor import sign_in_with_password
from tests.documents.conftest import draft


def test_a_documents_page_prints_without_navigation_forms_or_buttons(page, people):
    letter = draft(people["ir_officer"].user, subject="Хат / Письмо")
    sign_in_with_password(page, "ir_officer")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(letter.get_absolute_url())
    assert page.locator("nav.navbar-portal").is_visible() and page.locator("[data-print]").is_visible()

    page.emulate_media(media="print")
    assert page.locator("nav.navbar-portal").is_hidden()
    assert page.locator("main form").first.is_hidden() and page.locator("[data-print]").is_hidden()
    assert page.locator("#history").is_visible() and page.locator("h1").is_visible()
    screenshot(page, "document-print-kk")
    page.emulate_media(media="screen")

    page.evaluate("window.print = () => { window.printed = true; }")  # the dialog, as the test sees it
    page.click("[data-print]")
    assert page.evaluate("window.printed") is True
    assert page.console_errors == []
