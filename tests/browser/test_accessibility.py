"""Independent checkers over the portal's pages (the gates issue), in Kazakh and in Russian,
as each of the roles that between them reach every page, on the demo's records:

- the pages of the navigation and every link on them (the department home pages' own links
  among them), and on from page to page, one page of a kind (a URL pattern): a list, a
  detail page and a form (create, edit) of every record kind;
- the detail page of a record in each of its states (requests, applications, complaints,
  investigations, documents), as the roles that act on them, since each state shows forms
  of its own;
- before sign-in, the sign-in page and the verification pages.

axe-core runs its WCAG 2.1 A and AA rules in the browser on each page as drawn (htmx's
fragments filled in), in Kazakh: its rules judge the markup, the colours and the accessible
names, which the two languages share from the same templates (the `lang` of every page is
checked in each language); the HTML the server sent for the pages of each language goes to
the Nu HTML Checker in one batch. Any violation or error fails the test, listed with its page.
Each role's test crawls in Kazakh, then in Russian, on one load of the demo, and writes its
counts to var/checkers/<role>-<language>.json; .ci/run adds them up.

The same crawl reads each page's text as drawn for the login names of the demo's people (the
working-day issue: people are shown by name, never by login), reads its text for words of
another language than the page's (languages.py: an untranslated string, a text made in the
wrong language; what is rightly in another language carries its own `lang`), and draws each
page as wide as a phone to see that it does not scroll sideways: any found fails the test too.
"""

import json
import re
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone

from courtadmin.celery import app as celery_app
from courtadmin.core.demo import demo_loaders
from courtadmin.org.demo import PEOPLE, load_demo_substitutions
from tests.browser.conftest import ROOT
from tests.browser.languages import PAGE_TEXT, foreign_words
from tests.conftest import mark_second_factor_given

RESULTS = ROOT / "var" / "checkers"
LANGUAGES = ("kk", "ru")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# WCAG 2.1's 4.1.1 (Parsing): axe-core files its rules under "obsolete", as WCAG 2.2 does,
# and leaves them off; the portal is held to 2.1.
WCAG_21_PARSING = {"duplicate-id": {"enabled": True}, "duplicate-id-active": {"enabled": True}}

# The kinds of page (URL patterns) each role must reach: a page the crawl no longer finds
# fails the test, so that no page drops out of the check unnoticed.
ROLES = {
    "anonymous": {"accounts/login/", "verify/", "verify/<str:token>/"},
    "ir_officer": {
        "",
        "search/",
        "ir/",
        "ir/requests/",
        "ir/requests/new/",
        "ir/requests/figures/",
        "ir/requests/<int:pk>/",
        "ir/requests/<int:pk>/edit/",
        "ir/requests/<int:pk>/check/",
        "ir/applications/",
        "ir/applications/new/",
        "ir/applications/<int:pk>/",
        "ir/trips/",
        "ir/trips/new/",
        "ir/trips/<int:pk>/",
        "ir/trips/<int:pk>/edit/",
        "ir/delegations/",
        "ir/delegations/new/",
        "ir/delegations/<int:pk>/",
        "ir/delegations/<int:pk>/edit/",
        # Issue 21: the events register, its calendar and figures.
        "ir/events/",
        "ir/events/new/",
        "ir/events/figures/",
        "ir/events/calendar/",
        "ir/events/<int:pk>/",
        "ir/events/<int:pk>/edit/",
        "ir/budgets/",
        "ir/budgets/new/",
        "ir/budgets/<int:pk>/",
        "ir/budgets/<int:pk>/edit/",
        "ir/souvenirs/",
        "ir/souvenirs/new/",
        "ir/souvenirs/<int:pk>/",
        "ir/gifts/",
        "ir/gifts/new/",
        "ir/gifts/<int:pk>/",
        "ir/gifts/<int:pk>/edit/",
        # Issue 22: partners, international documents, the UN bodies' recommendations, the CEPEJ cycle.
        "ir/partners/",
        "ir/partners/new/",
        "ir/partners/<int:pk>/",
        "ir/partners/<int:pk>/edit/",
        "ir/agreements/",
        "ir/agreements/new/",
        "ir/agreements/<int:pk>/",
        "ir/agreements/<int:pk>/edit/",
        "ir/projects/",
        "ir/projects/new/",
        "ir/projects/<int:pk>/",
        "ir/projects/<int:pk>/edit/",
        "ir/activities/",
        "ir/activities/<int:pk>/",
        "ir/proposals/",
        "ir/proposals/new/",
        "ir/proposals/<int:pk>/",
        "ir/secondments/",
        "ir/secondments/new/",
        "ir/secondments/<int:pk>/",
        "ir/secondments/<int:pk>/edit/",
        "ir/meetings/",
        "ir/meetings/new/",
        "ir/meetings/<int:pk>/",
        "ir/meetings/<int:pk>/edit/",
        "ir/councillors/new/",
        "ir/councillors/<int:pk>/edit/",
        "ir/reviews/",
        "ir/reviews/new/",
        "ir/reviews/<int:pk>/",
        "ir/reviews/<int:pk>/edit/",
        "ir/recommendations/",
        "ir/recommendations/figures/",
        "ir/recommendations/<int:pk>/",
        "ir/recommendations/<int:pk>/edit/",
        "ir/questionnaires/",
        "ir/questionnaires/new/",
        "ir/questionnaires/<int:pk>/",
        "ir/questionnaires/<int:pk>/edit/",
        "ir/questions/",
        "ir/questions/<int:pk>/",
        "ir/catalogs/",
        "ir/catalogs/<slug:catalog>/",
        "ir/catalogs/<slug:catalog>/new/",
        "ir/catalogs/<slug:catalog>/<int:pk>/",
        "ir/catalogs/courts/import/",
        "documents/",
        "documents/new/",
        "documents/<int:pk>/",
        "documents/<int:pk>/edit/",
        "documents/<int:pk>/route/",
        "documents/journal/<str:department>/",
        "notifications/",
        "org/absences/",
        "org/absences/new/",
        "accounts/security/",
        "accounts/security/password/",
        "accounts/second-factor/enrol/",
        # Issue 20: the journals of correspondence, the instructions, the requests.
        "correspondence/letters/",
        "correspondence/letters/new/",
        "correspondence/letters/<int:pk>/",
        "correspondence/outgoing/",
        "correspondence/translations/<int:pk>/",
        "instructions/",
        "instructions/figures/",
        "instructions/<int:pk>/",
        "requests/",
        "requests/figures/",
        "requests/new/",
        "requests/<int:pk>/",
    },
    "isd_head": {
        "isd/",
        "isd/complaints/",
        "isd/complaints/new/",
        "isd/complaints/<int:pk>/",
        "isd/complaints/<int:pk>/edit/",  # a correction with its reason (ISD 6.23)
        "isd/investigations/",
        "isd/investigations/new/",
        "isd/investigations/<int:pk>/",
        "isd/cases/",
        "isd/cases/<int:pk>/",
        "isd/signals/",
        "isd/on-record/",
        "isd/complaints/figures/",
        "isd/cases/figures/",
        "isd/notices/",  # ISD 13, from his work
        "isd/notices/<int:pk>/",
        "isd/plans/",  # ISD 9: the central plan and the units'
        "isd/plans/<int:pk>/",
        "isd/inspections/",  # ISD 5.10: every region's
        "isd/inspections/<int:pk>/",
        "isd/reports/",  # ISD 5.12: the units' reports, the forms and the call
        "isd/reports/<int:pk>/",
        "isd/evaluations/",  # ISD 9: his evaluations of the units' heads
        "isd/evaluations/new/",
        "isd/evaluations/<int:pk>/",
        "isd/meetings/",  # ISD 5.11, 5.13: meetings with the units
        "isd/meetings/<int:pk>/",
        "isd/regulations/",  # ISD 9: the units' regulations he agrees
        "isd/regulations/<int:pk>/",
        # Issue 24: information on corruption in depth, vetting, risks, programmes, controls, practice.
        "isd/signals/new/",
        "isd/signals/<int:pk>/",
        "isd/signals/<int:pk>/edit/",
        "isd/vettings/",
        "isd/vettings/new/",
        "isd/vettings/<int:pk>/",
        "isd/vettings/<int:pk>/search/",
        "isd/risks/",
        "isd/risks/new/",
        "isd/risks/<int:pk>/",
        "isd/programmes/",
        "isd/programmes/new/",
        "isd/programmes/<int:pk>/",
        "isd/controls/",
        "isd/controls/new/",
        "isd/controls/<int:pk>/",
        "isd/practices/",
        "isd/practices/new/",
        "isd/practices/<int:pk>/",
        # Issue 25: threats and incidents, hearings with heightened risk, bailiffs.
        "isd/incidents/",
        "isd/incidents/new/",
        "isd/incidents/<int:pk>/",
        "isd/hearings/",
        "isd/hearings/<int:pk>/",
        "isd/bailiffs/",
        "isd/buildings/",  # court buildings, their passports, surveys and equipment (ISD 6.7, 6.8)
        "isd/buildings/new/",
        "isd/buildings/<int:pk>/",
        "isd/contracts/",  # suppliers' contracts, their defects and claims (ISD 6.9)
        "isd/contracts/new/",
        "isd/contracts/<int:pk>/",
        "isd/suppliers/",
        "isd/suppliers/new/",
        "isd/suppliers/<int:pk>/",
        "isd/passes/",  # passes and service IDs (ISD 5.5, 6.6)
        "isd/passes/new/",
        "isd/passes/<int:pk>/",
        "isd/expenses/",  # security spending proposals (ISD 6.8)
        "isd/expenses/new/",
        "isd/expenses/<int:pk>/",
        "org/absences/",
        "audit/reads/<str:department>/",
        "dashboard/",
        "dashboard/<str:board>/",
        "documents/<int:pk>/sign/",
        "correspondence/letters/<int:pk>/",
        "instructions/new/",
        "instructions/<int:pk>/",
        "requests/<int:pk>/",
        "ir/gifts/<int:pk>/",  # a gift received above the threshold (ISD 6.14), from his work
        "ir/delegations/access/",  # the visitors the court buildings let in, from his work
    },
    "isd_officer": {
        "isd/complaints/<int:pk>/",
        "isd/investigations/<int:pk>/",
        "search/",
        "isd/vettings/<int:pk>/",  # the vetting he is assigned to (ISD 5.4)
        "isd/vettings/<int:pk>/search/",
        "isd/incidents/<int:pk>/",  # the threat to a judge granted to him (ISD 6.3)
    },
    "isd_almaty": {
        "isd/cases/new/",
        "isd/cases/<int:pk>/",
        "isd/cases/<int:pk>/edit/",
        "isd/signals/",
        "isd/plans/",  # its own plan being drawn up (ISD 9)
        "isd/plans/new/",
        "isd/plans/<int:pk>/",
        "isd/inspections/",  # its region's inspections and their recommendations (ISD 6.18)
        "isd/inspections/new/",
        "isd/inspections/<int:pk>/",
        "isd/reports/",  # its own reports to send (ISD 5.12)
        "isd/reports/<int:pk>/",
        "isd/meetings/",  # the meetings it takes part in (ISD 5.11)
        "isd/meetings/<int:pk>/",
        "isd/regulations/",  # its regulations, returned for rework (ISD 9)
        "isd/regulations/new/",
        "isd/regulations/<int:pk>/",
        "isd/risks/",  # its region's corruption risks and their measures (ISD 6.13, 6.14)
        "isd/risks/new/",
        "isd/risks/<int:pk>/",
        "isd/controls/",  # its region's compliance controls (ISD 6.19, 6.20)
        "isd/controls/new/",
        "isd/controls/<int:pk>/",
        "isd/vettings/<int:pk>/",  # its region's candidate (ISD 5.4, ISD 7)
        "isd/incidents/<int:pk>/",  # its region's threat to a judge (ISD 6.3, ISD 7)
        "isd/hearings/new/",  # its region's hearings with heightened risk and bailiffs (ISD 6.5, 6.11)
        "isd/hearings/<int:pk>/",
        "isd/bailiffs/new/",
        "isd/buildings/",  # its region's buildings and contracts (ISD 6.7, 6.8, 6.9)
        "isd/buildings/<int:pk>/",
        "isd/contracts/<int:pk>/",
        "isd/passes/",  # its region's passes and spending proposals (ISD 6.6, 6.8)
        "isd/passes/<int:pk>/",
        "isd/expenses/<int:pk>/",
    },
    "chairman": {"dashboard/<str:board>/", "dashboard/exports/<int:pk>/", "isd/investigations/<int:pk>/"},
    "ca_head": {"org/absences/", "org/acting/new/", "org/acting/<int:pk>/"},
    "hr_keeper": {
        "org/people/",
        "org/people/<int:pk>/position/",
        "org/absences/new/",
        "isd/notices/",  # ISD 13: the notices the personnel office files, from its work
        "isd/notices/new/",
        "isd/notices/<int:pk>/",
    },
    # Another subdivision and a court (issue 20): what is addressed to them, nothing else.
    "legal_officer": {
        "correspondence/letters/",
        "correspondence/letters/<int:pk>/",
        "requests/to-us/",
        "requests/<int:pk>/",
        # The events he takes part in (issue 21), from his work.
        "ir/events/",
        "ir/events/calendar/",
        "ir/events/<int:pk>/",
        # What the IR gave his subdivision (issue 22): recommendations, questions, drafts, activities, proposals.
        "ir/agreements/",
        "ir/agreements/<int:pk>/",
        "ir/recommendations/",
        "ir/recommendations/<int:pk>/",
        "ir/questions/",
        "ir/questions/<int:pk>/",
        "ir/activities/",
        "ir/activities/<int:pk>/",
        "ir/proposals/",
        "ir/proposals/<int:pk>/",
    },
    "court_almaty": {"requests/to-us/", "requests/<int:pk>/"},
    "sysadmin": {"audit/security/", "org/absences/"},
}

# Links that lead to no page of their own: the files, workbooks and calendar files (URL names
# ending so), a notification (it opens its record, or a 404 once the record is out of reach),
# the sign-out, the language switch (it would change the language under test); and Django's
# own admin.
NOT_PAGES = (
    "-download",
    "-export",
    "-pdf",
    "-xlsx",
    "-feed",
    "notification-open",
    "logout",
    "set-language",
    "health",
)


def page_kind(url: str, origin: str) -> str | None:
    """The URL pattern of a link to one of the portal's pages, or None for a link not
    followed. A string in the pattern (a catalog, a board, a department) makes a kind of its own."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    if "admin" in match.namespaces or (match.url_name or "").endswith(NOT_PAGES):
        return None
    named = sorted(f"{key}={value}" for key, value in match.kwargs.items() if isinstance(value, str))
    return " ".join([match.route, *named])


# Whose pages show a record's forms, state by state: the detail page of one record in each
# state, for the roles that act on that kind (to readers every state shows the same page).
EVERY_STATE = {
    "ir_officer": ("requests", "applications", "documents"),
    "isd_head": ("complaints", "investigations", "documents"),
    "isd_officer": ("complaints", "investigations"),
    "chairman": ("investigations",),  # he permits the study of personal files (ISD 5.9)
}


def detail_pages_in_every_state(role: str, user) -> list[str]:
    """One record in each state (a document also by its PDF's) of each kind the role acts on."""
    from courtadmin.documents.selectors import documents_visible_to
    from internal_security.selectors.complaints import complaints_visible_to
    from internal_security.selectors.investigations import investigations_visible_to
    from international.selectors.applications import applications_visible_to
    from international.selectors.requests import requests_visible_to

    kinds = {
        "requests": (requests_visible_to, lambda record: record.status),
        "applications": (applications_visible_to, lambda record: record.status),
        "complaints": (complaints_visible_to, lambda record: record.status),
        "investigations": (investigations_visible_to, lambda record: record.status),
        "documents": (documents_visible_to, lambda record: (record.status, record.pdf_status)),
    }
    urls = []
    for kind in EVERY_STATE.get(role, ()):
        visible_to, state = kinds[kind]
        first_of_state = {}
        for record in visible_to(user).order_by("pk"):
            first_of_state.setdefault(state(record), record)
        urls += [record.get_absolute_url() for record in first_of_state.values()]
    return urls


def start_pages(role: str, user) -> list[str]:
    from courtadmin.dashboard.models import BoardExport
    from courtadmin.documents.models import Document

    if user is None:
        token = Document.objects.exclude(verification_token=None).values_list("verification_token", flat=True)[0]
        return ["/accounts/login/", "/verify/", f"/verify/{token}/"]
    # The search page with hits of every kind the role reaches ("а" alone is too short).
    pages = ["/", "/search/?q=ан", *detail_pages_in_every_state(role, user)]
    if role == "chairman":  # the page a PDF export of his board opens, while it is prepared
        today = timezone.localdate()
        export = BoardExport.objects.create(
            requested_by=user,
            board="leadership",
            period_kind="month",
            start=today.replace(day=1),
            end=today,
            language=user.language,
        )
        pages.append(f"/dashboard/exports/{export.pk}/")
    return pages


def browser_context(browser, live_server, user, language):
    """A browser signed in as the user, second factor given (or a visitor choosing the
    language). The axe script is added to each page as a script element, which the portal's
    CSP forbids: this context alone bypasses the CSP."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    if user is None:
        cookie = {"name": settings.LANGUAGE_COOKIE_NAME, "value": language}
    else:
        client = Client()
        client.force_login(user)
        mark_second_factor_given(client)
        cookie = {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value}
    context.add_cookies([{**cookie, "url": live_server.url}])
    return context


def axe_check(page, axe_script) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA rules on the page as drawn, once htmx is done."""
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
    page.add_script_tag(path=str(axe_script))
    return page.evaluate(
        """async ([tags, rules]) => {
            const options = {runOnly: {type: "tag", values: tags}, rules, resultTypes: ["violations"]};
            const results = await axe.run(document, options);
            return results.violations.map(
                v => ({id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(" "))}));
        }""",
        [WCAG_21_AA, WCAG_21_PARSING],
    )


LOGIN_NAMES = re.compile(r"(?<![\w-])(" + "|".join(sorted(PEOPLE, key=len, reverse=True)) + r")(?![\w-])")


def crawl(page, origin: str, start: list[str], axe_script, language: str):
    """The start pages, and every page reached from them by links, one page of a kind;
    axe-core on each (unless `axe_script` is None), and its text read for login names and for
    words of another language.
    Returns the kinds reached, the server's HTML by URL, axe-core's violations, the login
    names shown, the foreign words and the pages that scroll sideways on a phone."""
    queue = [(origin + url, "start") for url in start]
    explicit = {url for url, _ in queue}
    kinds, seen, html, violations, logins, foreign, sideways = set(), set(), {}, [], [], [], []
    while queue:
        url, found_on = queue.pop(0)
        kind = page_kind(url, origin)
        if kind is None or url in seen or (kind in kinds and url not in explicit):
            continue
        seen.add(url)
        response = page.goto(url)
        assert response is not None and response.ok, f"{url} (a link on {found_on}): {response and response.status}"
        body = response.body()
        if not body.lstrip()[:15].lower().startswith(b"<!doctype html"):
            continue  # an htmx fragment: checked in the pages that load it
        kinds.add(kind)
        html[url] = body
        for violation in axe_check(page, axe_script) if axe_script else ():
            violations += [
                f"{violation['id']} on {url}: {target} ({violation['help']})" for target in violation["targets"]
            ]
        logins += [f"{name} on {url}" for name in sorted(set(LOGIN_NAMES.findall(page.inner_text("body"))))]
        foreign += [
            f"{word!r} on {url}: …{context}…" for word, context in foreign_words(page.evaluate(PAGE_TEXT), language)
        ]
        sideways += phone_overflow(page, url)
        links = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href.split('#')[0])")
        queue += [(link, url) for link in dict.fromkeys(links) if link not in seen]
    return kinds, html, violations, logins, foreign, sideways


PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 900}


def phone_overflow(page, url: str) -> list[str]:
    """The page drawn as wide as a phone: does it scroll sideways? (A wide table scrolls
    within its own box, .table-responsive; the page itself must not.)"""
    page.set_viewport_size(PHONE)
    try:
        extra = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        culprit = page.evaluate(WIDEST_ELEMENT) if extra > 1 else ""
    finally:
        page.set_viewport_size(DESK)
    return [f"{url} (+{extra} px: {culprit})"] if extra > 1 else []


# The outermost element that reaches past the right edge of the window while its parent does
# not, named by its tag, id and classes (the test's report says where to look).
WIDEST_ELEMENT = """() => {
  const edge = document.documentElement.clientWidth;
  const past = (element) => element.getBoundingClientRect().right > edge + 1;
  for (const element of document.body.querySelectorAll("*")) {
    if (past(element) && !past(element.parentElement) && !element.parentElement.closest(".table-responsive")) {
      return `${element.tagName.toLowerCase()}#${element.id}.${[...element.classList].join(".")}`;
    }
  }
  return "";
}"""


def vnu_check(vnu_command: list[str], pages: dict, folder) -> list[str]:
    """The Nu HTML Checker over the server's HTML of every page, in one run: its errors."""
    urls = {}
    for n, (url, html) in enumerate(pages.items()):
        (folder / f"page-{n:03d}.html").write_bytes(html)
        urls[f"page-{n:03d}.html"] = url
    run = subprocess.run(  # noqa: S603 - the jar of package-lock.json, on files we wrote
        [*vnu_command, "--errors-only", "--format", "json", "--stdout", *(str(folder / name) for name in urls)],
        capture_output=True,
        check=False,
        timeout=600,
    )
    try:
        messages = json.loads(run.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the Nu HTML Checker gave no report (exit {run.returncode}): {run.stderr.decode()[-2000:]}")
    return [
        f"{urls.get(message.get('url', '').rsplit('/', 1)[-1], message.get('url'))}:{message.get('lastLine', '?')}: "
        f"{message['message']} [{' '.join((message.get('extract') or '').split())[:120]}]"
        for message in messages
        if message.get("type") in ("error", "non-document-error")
    ]


@pytest.fixture
def demo(people, catalogs, monkeypatch):
    """The demo's records as `make run` loads them, the PDFs of its documents made at once;
    besides, a draft of the IR officer's, a signed document whose PDF is being prepared, and a
    second personal file awaiting the leadership's permission (a form for each on the page).

    Loaded in a thread of its own: Playwright's event loop runs in this one, and the signing
    of a PDF (pyHanko) runs its own."""
    from courtadmin.documents.demo import demo_document
    from courtadmin.documents.models import Document
    from internal_security.models import PersonalFileRequest
    from internal_security.services.investigations import personal_file_request

    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)

    def load():
        try:
            load_demo_substitutions(people)
            for loader in demo_loaders():
                loader(people)
            demo_document(
                author=people["ir_officer"].user,
                kind="ir.outgoing_letter",
                subject="Хаттың жобасы / Проект письма",
                addressee="Министерство юстиции Республики Казахстан",
                texts={"kk": "Хаттың жобасы.", "ru": "Проект письма."},
                state="draft",
            )
            signed = Document.objects.filter(status=Document.Status.SIGNED).order_by("-pk")[0]
            Document.objects.filter(pk=signed.pk).update(pdf_status="pending")  # its worker not done yet
            awaiting = PersonalFileRequest.objects.filter(granted_at=None).order_by("pk")[0]
            personal_file_request(
                actor=people["isd_head"].user,
                investigation=awaiting.investigation,
                person="Судья Е.",
                reason="Қызметтік тексеру",
            )
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(load).result()
    return people


@pytest.fixture
def trends_as_in_production(settings):
    """The dashboards' finished months kept in a cache, as production has them (the charts
    then say when they were counted), in a cache of this test's own."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "checkers"}}
    settings.DASHBOARD_TREND_CACHE_SECONDS = 3600


@pytest.mark.browser
@pytest.mark.parametrize("role", ROLES)
def test_every_page_passes_axe_and_the_html_checker(
    role, browser, live_server, checkers, demo, users, trends_as_in_production, tmp_path
):
    report = []
    for language in LANGUAGES:
        axe_script = checkers["axe"] if language == LANGUAGES[0] else None
        report += check_pages(role, language, users, browser, live_server, axe_script, checkers["vnu"], tmp_path)
    assert not report, "\n".join(report)


def check_pages(role, language, users, browser, live_server, axe_script, vnu, folder) -> list[str]:
    """The role's crawl in one language, its counts written to var/checkers; what it found."""
    started = time.monotonic()
    user = None if role == "anonymous" else users[role]
    if user is not None:
        user.language = language
        user.save(update_fields=["language"])
    context = browser_context(browser, live_server, user, language)
    page = context.new_page()
    try:
        kinds, html, violations, logins, foreign, sideways = crawl(
            page, live_server.url, start_pages(role, user), axe_script, language
        )
        assert page.locator("html").get_attribute("lang") == language
    finally:
        context.close()
    (folder / language).mkdir()
    errors = vnu_check(vnu, html, folder / language)

    RESULTS.mkdir(parents=True, exist_ok=True)
    counts = {
        "pages": len(html),
        "axe_pages": len(html) if axe_script else 0,
        "axe_violations": len(violations),
        "vnu_errors": len(errors),
        "foreign_words": len(foreign),
    }
    summary = {"role": role, "language": language, **counts, "seconds": round(time.monotonic() - started, 1)}
    (RESULTS / f"{role}-{language}.json").write_text(json.dumps(summary, indent=2) + "\n")

    routes = {kind.split(" ")[0] for kind in kinds}
    report = [f"not reached: {route}" for route in sorted(ROLES[role] - routes)]
    report += [f"axe-core: {line}" for line in violations] + [f"vnu: {line}" for line in errors]
    report += [f"login name shown: {line}" for line in logins]
    report += [f"another language than {language}: {line}" for line in foreign]
    report += [f"scrolls sideways on a phone: {line}" for line in sideways]
    if not report:
        return []
    heading = f"{role}, {language}: {len(html)} pages, {len(violations)} axe-core violations, {len(errors)} HTML errors"
    return [heading, *report]
