"""In a real browser (issue 5): the bell shows the unread count, the list shows each
reminder in its reader's language (Kazakh for one, Russian for the other), and a
notification opens its record."""

from datetime import date

from django.utils import translation
from django.utils.translation import gettext

from courtadmin.deadlines import services
from tests.browser.conftest import screenshot
from tests.browser.test_second_factor import sign_in_with_password
from tests.deadlines.conftest import complaints_like, open_appeal

DUE = date(2026, 12, 14)


def expected_title(language: str) -> str:
    with translation.override(language):
        return gettext("%(kind)s: due today, %(due)s.") % {"kind": gettext("Answer to an appeal"), "due": "14.12.2026"}


def test_the_bell_and_the_list_in_kazakh_and_russian(page, people, complaint, settings):
    settings.SECOND_FACTOR_ENFORCED = False  # the factor has its own browser test
    readers = (("isd_head", "kk"), ("isd_deputy", "ru"))
    records = dict(zip([username for username, _language in readers], complaints_like(complaint, 2), strict=True))
    for username, language in readers:
        user = people[username].user
        user.language = language
        user.save()
        open_appeal(records[username], people, responsible=username)
    services.reminders_scan(DUE)
    services.reminders_send()

    for username, language in (("isd_head", "kk"), ("isd_deputy", "ru")):
        sign_in_with_password(page, username)
        page.wait_for_selector("#bell-count")
        assert page.inner_text("#bell-count") == "1"
        page.click("#bell")
        page.wait_for_selector("#notifications")
        assert page.locator("#notifications a").first.inner_text() == expected_title(language)
        screenshot(page, f"notifications-{language}")
        page.click("#notifications a")
        page.wait_for_url(lambda url, record=records[username]: f"/isd/complaints/{record.pk}/" in url)
        page.goto("/")
        assert page.locator("#bell-count").count() == 0 or page.inner_text("#bell-count") == "0"
        page.click("form[action$='/accounts/logout/'] button")
    assert expected_title("kk") != expected_title("ru")
    assert page.console_errors == []
