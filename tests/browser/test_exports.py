"""Exports in a real browser (the working-day issue): while the workbook is being made the
link says so and cannot be clicked twice; then the file is saved under the server's name; a
failure is said on the link and the page stays."""

from io import BytesIO

from openpyxl import load_workbook

from tests.browser.test_second_factor import sign_in_with_password
from tests.international.factories import la_request


def test_an_export_says_it_is_being_prepared_then_saves_the_workbook(page, people, catalogs):
    la_request(people["ir_officer"].user, number="77/2026")
    sign_in_with_password(page, "ir_officer")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto("/ir/requests/")
    link = page.locator("a[data-download]")
    label = link.inner_text()

    # The request is held until the test has seen the link's busy state.
    held = []
    page.route("**/ir/requests/export/**", lambda route: held.append(route))
    with page.expect_download() as download_info:
        link.click()
        page.wait_for_function("() => document.querySelector('a[data-download]').getAttribute('aria-busy') === 'true'")
        assert link.inner_text() == link.get_attribute("data-download")
        assert page.locator(".download-status").inner_text() == link.get_attribute("data-download")
        link.dispatch_event("click")  # a second click while busy sends nothing more
        page.wait_for_timeout(200)
        assert len(held) == 1
        held[0].continue_()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    with open(download.path(), "rb") as saved:
        workbook = load_workbook(BytesIO(saved.read()))
    rows = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    assert any(value == "77/2026" for row in rows for value in row)
    page.wait_for_function("() => !document.querySelector('a[data-download]').hasAttribute('aria-busy')")
    assert link.inner_text() == label
    assert page.console_errors == []


def test_a_failed_export_is_said_on_the_link_and_the_page_stays(page, people):
    sign_in_with_password(page, "ir_officer")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto("/ir/requests/")
    page.route("**/ir/requests/export/**", lambda route: route.fulfill(status=503, body="down"))
    link = page.locator("a[data-download]")
    link.click()
    page.wait_for_function(
        "() => document.querySelector('a[data-download]').textContent"
        " === document.querySelector('a[data-download]').getAttribute('data-download-failed')"
    )
    assert page.url.endswith("/ir/requests/")
