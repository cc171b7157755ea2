"""Four journeys end to end in a real browser, each person at his own browser (the working-day
issue: the news of every move, "My work", each record's history), in Kazakh and in Russian:

a. IR 7.22, IR 13: a legal-assistance request from its check to its answer and close;
b. ISD 6.23, ISD 7, ISD 15: a complaint from its assignment to its answer;
c. a document's visas, a return for rework, and its signature (IR 13);
d. the Chairman's drill-down from the dashboard to a record (ISD 7).

At each stage each person concerned is asked what the portal tells him: his notifications
(exactly, in his language, each naming the record), his home page's panels, and the record's
history (the people by their names, the moves in order); and a person not concerned is
told nothing. Records are created through the services, where the browser adds nothing; the
moves that matter are clicked. Screenshots: var/screenshots/journey-<name>-<lang>-<step>.png.

Every test states its today: the suite's (tests/conftest.py, TODAY, a working Tuesday).
"""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from courtadmin.celery import app as celery_app
from courtadmin.core.history import CHANGES
from courtadmin.core.workflow import workflow_of
from courtadmin.deadlines.kinds import get_deadline_kind
from courtadmin.deadlines.models import Deadline
from courtadmin.documents.demo import load_demo_signing
from courtadmin.documents.models import Document
from internal_security.models import Complaint
from internal_security.services.complaints import complaint_assign
from international.models import KazakhCourt, LegalAssistanceRequest
from international.workflow import request_move
from tests.browser.conftest import screenshot
from tests.browser.test_complaints import enrolled
from tests.browser.test_signing import code_at
from tests.conftest import DEMO_TEST_PASSWORD, TODAY, mark_second_factor_given
from tests.dashboard.test_dashboard import board_url
from tests.documents.conftest import draft
from tests.internal_security.factories import register
from tests.international.factories import la_request

pytestmark = pytest.mark.time_machine(TODAY)

LANGUAGES = ["kk", "ru"]
WORKFLOWS = {Document: "document.", LegalAssistanceRequest: "ir.request.", Complaint: "isd.complaint."}


# --- Each person at his own browser ----------------------------------------------------------


@dataclass
class Desk:
    """One person at his own browser, signed in, reading the portal in the journey's language;
    `news` is what he should have been told so far, newest first, as his notifications page
    lists them."""

    username: str
    user: object
    page: object
    device: object
    language: str
    codes_used: int = 0
    news: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """His name as the pages write it in the journey's language (never his login)."""
        with translation.override(self.language):
            return str(self.user.person)

    def code(self) -> str:
        """A code of his authenticator not used yet: a later time step each time (the portal
        learns the drift)."""
        code = code_at(self.device, self.codes_used)
        self.codes_used += 1
        return code

    def told(self, record, move: str, by: "Desk", why: str = "") -> str:
        """He is to be told of `move`, just made on `record` by `by` (for the reason `why`, if
        it gave one): the notification's text, as the move's news is written
        (deadlines.services.move_news_deliver), in his language."""
        record.refresh_from_db()
        workflow = workflow_of(WORKFLOWS[type(record)])
        with translation.override(self.language):
            words = {
                "record": f"{type(record)._meta.verbose_name.capitalize()} {record}",
                "move": str(workflow.moves[move].label),
                "actor": str(by.user.person),
                "status": record.get_status_display(),
                "why": why,
            }
            if why:
                text = gettext("%(record)s: %(move)s (%(actor)s): %(why)s. Now: %(status)s.") % words
            else:
                text = gettext("%(record)s: %(move)s (%(actor)s). Now: %(status)s.") % words
        self.news.insert(0, text)
        return text


def desks(other_browser, people, language, live_server):
    """Seat a person at his own browser (a context of its own), signed in with his second
    factor given (the sign-in itself is test_second_factor's), his account reading
    `language`; a signer's authenticator enrolled, for the code his signature asks."""

    def seat(username: str, signs: bool = False) -> Desk:
        user = people[username].user
        user.language = language
        user.save(update_fields=["language"])
        device = enrolled(user) if signs else None
        client = Client()
        client.force_login(user)
        mark_second_factor_given(client)
        page = other_browser()
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
        page.console_errors = []
        page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
        return Desk(username, user, page, device, language)

    return seat


def notifications(desk: Desk) -> list[str]:
    """The titles on his notifications page, newest first."""
    desk.page.goto("/notifications/")
    assert desk.page.locator("html").get_attribute("lang") == desk.language
    return [text.strip() for text in desk.page.locator("#notifications li a").all_inner_texts()]


def assert_told(*people: Desk) -> None:
    """Each has been told exactly what he should have been, and nothing else."""
    for desk in people:
        assert notifications(desk) == desk.news, desk.username


def bell(desk: Desk) -> int:
    """The bell's count of unread notifications, as it shows once fetched after the page loads."""
    desk.page.goto("/")
    return int(desk.page.locator("#bell-count").inner_text())


def my_work(desk: Desk) -> dict[str, list[str]]:
    """His home page: each panel of "My work" by its code, with its lines as read."""
    desk.page.goto("/")
    return desk.page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("section[id^='work-']")].map(
            section => [section.id.slice(5),
                        [...section.querySelectorAll("li")].map(li => li.innerText.replace(/\\s+/g, " ").trim())]))"""
    )


def history(page) -> list[list[str]]:
    """The history panel of the record's page: who, what, status after; oldest first."""
    return page.evaluate(
        """() => [...document.querySelectorAll("#history tbody tr")].map(
            row => [...row.cells].slice(1).map(cell => cell.innerText.trim()))"""
    )


def line(desk: Desk, by: Desk | None, what, status=None) -> list[str]:
    """One expected line of a history, in `desk`'s language: a workflow's move or a change's label."""
    with translation.override(desk.language):
        return [by.name if by else "", str(what), str(status) if status is not None else ""]


def move_label(model, move: str):
    return workflow_of(WORKFLOWS[model]).moves[move].label


def record_line(desk: Desk, record) -> str:
    """How "My work" lists a record in someone's charge (core.work.record_lines)."""
    record.refresh_from_db()
    with translation.override(desk.language):
        kind = type(record)._meta.verbose_name.capitalize()
        note = gettext("status: %(status)s") % {"status": record.get_status_display()}
        return f"{kind} {record} — {note}"


def term_line(desk: Desk, kind: str, record, due) -> str:
    """How "My work" lists a running term (deadlines.work)."""
    with translation.override(desk.language):
        note = gettext("due %(date)s") % {"date": date_format(due, "SHORT_DATE_FORMAT")}
        return f"{get_deadline_kind(kind).label}: {record} — {note}"


def waiting_line(desk: Desk, document, why: str) -> str:
    """How "My work" lists a document waiting for his visa or signature (documents.work)."""
    document.refresh_from_db()
    with translation.override(desk.language):
        note = gettext("for your visa") if why == "visa" else gettext("for your signature")
        return f"{document.kind_label}: {document.subject} — {note}"


def sign(desk: Desk, document) -> None:
    """On the document's page, he signs with his password and a fresh code of his authenticator
    (what stands in for the national signing application in the tests), and waits for the
    signed PDF."""
    page = desk.page
    if not page.url.endswith(document.get_absolute_url()):
        page.goto(document.get_absolute_url())
    click_and_wait(page, "#sign-button", "#confirm-signature")
    page.fill("#id_password", DEMO_TEST_PASSWORD)
    page.fill("#id_code", desk.code())
    page.click("#confirm-signature")
    page.wait_for_selector("#pdf-download")
    document.refresh_from_db()
    assert document.status == Document.Status.SIGNED and document.signature.signer == desk.user


def click_and_wait(page, selector: str, ready: str) -> None:
    """Click what leads to another page (a link, a form's button) and wait for that page."""
    with page.expect_navigation():
        page.click(selector)
    page.wait_for_selector(ready)


def absent_for(desk: Desk, url: str) -> bool:
    """Does `url` answer 404 to him (ISD 7: out of reach looks like nothing there)? The
    browser's console reports that one 404 as an error; any other error stays."""
    errors = len(desk.page.console_errors)
    status = desk.page.goto(url).status
    assert desk.page.console_errors[errors:] == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    ]
    del desk.page.console_errors[errors:]
    return status == 404


def no_console_errors(*people: Desk) -> None:
    for desk in people:
        assert desk.page.console_errors == [], desk.username


@pytest.fixture
def eager_jobs(monkeypatch):
    """The jobs a move promises (its news, the signed PDF) run at once, in the live server's
    own process, as in the embedded default."""
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)


# --- a. IR: a legal-assistance request --------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_legal_assistance_request_from_its_check_to_its_answer_ir_7_22(
    language, other_browser, live_server, people, catalogs, eager_jobs
):
    """IR 7.22, IR 13. GIVEN an incoming request registered for the IR officer
    WHEN he checks it, prepares the cover letter to the court, the deputy supervising legal
    assistance signs it from his home page, the officer sends the request to the court, records
    the court's receipt and the execution, has the letter back signed, answers and closes it
    THEN the deputy and the head (who sign legal-assistance letters) are told of every move,
    the officer of each signature; the protocol deputy, not concerned, of nothing; the officer's
    home lists the request in his charge and its execution term while they run, and not after;
    the deputy's lists each letter for his signature until he signs it; the request's history
    names the officer at every move, in order."""
    R, S = LegalAssistanceRequest, LegalAssistanceRequest.Status
    load_demo_signing(people)
    seat = desks(other_browser, people, language, live_server)
    request = la_request(people["ir_officer"].user, number=f"J-{language}/2026")  # registered, a service
    officer, deputy, head, bystander = (
        seat("ir_officer"),
        seat("ir_deputy_legal", signs=True),
        seat("ir_head"),
        seat("ir_deputy_protocol"),
    )
    shot = f"journey-ir-request-{language}"

    def moved(move: str) -> None:
        for signer in (deputy, head):
            assert request.registration_number in signer.told(request, move, by=officer)

    work = my_work(officer)
    assert work["international"] == [record_line(officer, request)]
    assert work["terms"] == [] and work["news"] == []
    assert "internal_security" not in work  # ISD 7: no part of the ISD for the IR's people
    screenshot(officer.page, f"{shot}-1-home")

    # The officer opens it from "My work" and checks it (IR 7.22).
    page = officer.page
    click_and_wait(page, f"#work-international a[href='{request.get_absolute_url()}']", "#request-status")
    click_and_wait(page, f"a[href='/ir/requests/{request.pk}/check/']", "main form")
    for box in page.locator("input[name=confirmed]").all():
        box.check()
    click_and_wait(page, "main form button[type=submit]", "#court-suggestion")
    moved("check")
    assert_told(deputy, head)
    screenshot(page, f"{shot}-2-checked")

    # The cover letter to the court the portal suggests, straight to its signers (IR 13).
    karaganda = KazakhCourt.objects.get(code="karaganda-regional")
    assert page.input_value("#move-forward_to_court select") == str(karaganda.pk)
    page.click("#move-forward_to_court form[action$='/letter/forward_to_court/'] button")
    page.wait_for_url(lambda url: "/documents/" in url)
    letter = Document.objects.get(record_id=str(request.pk), status=Document.Status.DRAFT)
    click_and_wait(page, "form[action$='/move/submit/'] button", "#document-status")
    assert request.registration_number in letter.subject
    for signer in (deputy, head):
        signer.told(letter, "submit", by=officer)
    assert_told(deputy, head, officer)
    for signer in (deputy, head):
        assert my_work(signer)["documents"] == [waiting_line(signer, letter, "signature")]
    screenshot(deputy.page, f"{shot}-3-deputy-home")

    # The deputy opens it from his home page and signs it; it waits for nobody now.
    click_and_wait(deputy.page, f"#work-documents a[href='{letter.get_absolute_url()}']", "#sign-button")
    sign(deputy, letter)
    screenshot(deputy.page, f"{shot}-4-letter-signed")
    assert letter.registration_number in officer.told(letter, "sign", by=deputy)
    assert_told(officer, head)  # the head is not told of a signature that is not his work
    for signer in (deputy, head):
        assert my_work(signer)["documents"] == []

    # Sent to the court; the court's receipt starts the treaty's execution term.
    page.goto(request.get_absolute_url())
    click_and_wait(page, "#move-forward_to_court form[action$='/move/forward_to_court/'] button", "#request-status")
    moved("forward_to_court")
    received = timezone.localdate() - timedelta(days=10)
    page.fill("#id_court_received-on", received.isoformat())
    click_and_wait(page, "#move-court_received button[type=submit]", "#request-status")
    moved("court_received")
    term = Deadline.objects.get(record_id=str(request.pk), kind="ir.rogatory_execution")
    work = my_work(officer)
    assert work["terms"] == [term_line(officer, "ir.rogatory_execution", request, term.due_on)]
    assert work["international"] == [record_line(officer, request)]
    screenshot(officer.page, f"{shot}-5-officer-home")

    page.goto(request.get_absolute_url())
    page.fill("#id_execution_received-on", timezone.localdate().isoformat())
    click_and_wait(page, "#move-execution_received button[type=submit]", "#request-status")
    moved("execution_received")
    assert my_work(officer)["terms"] == []  # the term is met: no longer his to watch

    # The letter back to the requesting authority, signed by the deputy again.
    page.goto(request.get_absolute_url())
    page.click("#move-answer form[action$='/letter/answer/'] button")
    page.wait_for_url(lambda url: "/documents/" in url)
    back = Document.objects.get(record_id=str(request.pk), status=Document.Status.DRAFT)
    click_and_wait(page, "form[action$='/move/submit/'] button", "#document-status")
    for signer in (deputy, head):
        signer.told(back, "submit", by=officer)
    assert my_work(deputy)["documents"] == [waiting_line(deputy, back, "signature")]
    click_and_wait(deputy.page, f"#work-documents a[href='{back.get_absolute_url()}']", "#sign-button")
    sign(deputy, back)
    officer.told(back, "sign", by=deputy)

    page.goto(request.get_absolute_url())
    click_and_wait(page, "#move-answer form[action$='/move/answer/'] button", "#request-status")
    moved("answer")
    click_and_wait(page, "#move-close button[type=submit]", "#request-status")
    moved("close")
    request.refresh_from_db()
    assert request.status == S.CLOSED
    screenshot(page, f"{shot}-6-closed")

    assert_told(officer, deputy, head)
    assert notifications(bystander) == []  # IR staff who may open it, but not concerned
    assert bell(officer) == len(officer.news) == 2
    work = my_work(officer)
    assert work["international"] == [] and work["terms"] == []
    assert len(work["news"]) == 2  # the signatures, unread

    page.goto(request.get_absolute_url())
    assert history(page) == [
        line(officer, officer, CHANGES["registered"], S.REGISTERED.label),
        line(officer, officer, move_label(R, "check"), S.CHECKED.label),
        line(officer, officer, CHANGES["court_chosen"]),
        line(officer, officer, move_label(R, "forward_to_court"), S.SENT_TO_COURT.label),
        line(officer, officer, move_label(R, "court_received"), S.EXECUTING.label),
        line(officer, officer, move_label(R, "execution_received"), S.EXECUTED.label),
        line(officer, officer, move_label(R, "answer"), S.ANSWERED.label),
        line(officer, officer, move_label(R, "close"), S.CLOSED.label),
    ]
    page.goto(letter.get_absolute_url())
    D = Document.Status
    assert history(page) == [
        line(officer, officer, CHANGES["created"]),
        line(officer, officer, CHANGES["route_set"]),  # no visas: straight to the signer
        line(officer, officer, move_label(Document, "submit"), D.APPROVED.label),
        line(officer, deputy, move_label(Document, "sign"), D.SIGNED.label),
        line(officer, None, CHANGES["pdf_signed"]),
    ]
    screenshot(page, f"{shot}-7-letter-history")
    no_console_errors(officer, deputy, head, bystander)


# --- b. ISD: a complaint --------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_complaint_from_its_assignment_to_its_answer_isd_6_23(
    language, other_browser, live_server, people, eager_jobs
):
    """ISD 6.23, ISD 7, ISD 9, ISD 15. GIVEN a complaint registered by one ISD officer
    WHEN the ISD head assigns it to another, who decides it and drafts the answer, and the
    head signs the answer from his home page and the officer closes the complaint as answered
    THEN the assigned officer is told of his assignment and of the signature, the head and
    the deputy of every move on the complaint, the head alone of the answer waiting for his
    signature (the deputy may not open it); the officer who registered it, who may not open
    it, and the Chairman, who may but is not concerned, are told nothing; the officer's home
    lists the complaint and its term while they run, and not once it is answered; the
    complaint's history names each person at his move, in order."""
    C, S = Complaint, Complaint.Status
    load_demo_signing(people)
    seat = desks(other_browser, people, language, live_server)
    complaint = register(people, "isd_officer2")  # registered the day it came, a service
    head, deputy, officer, registrar, chairman = (
        seat("isd_head", signs=True),
        seat("isd_deputy"),
        seat("isd_officer"),
        seat("isd_officer2"),
        seat("chairman"),
    )
    shot = f"journey-isd-complaint-{language}"

    def moved(move: str, by: Desk, told=(), why: str = "") -> None:
        for desk in told or (head, deputy):
            if desk is not by:
                assert complaint.number in desk.told(complaint, move, by=by, why=why)

    work = my_work(officer)
    assert work["internal_security"] == [] and "international" not in work  # not his yet; not his department
    # ISD 9: the head finds it waiting for his assignment on his home page, and opens it there.
    assert [line for line in my_work(head)["internal_security_to_assign"] if complaint.number in line]
    click_and_wait(
        head.page, f"#work-internal_security_to_assign a[href='{complaint.get_absolute_url()}']", "#complaint-status"
    )
    head.page.check(f"#assign-form input[value='{officer.user.pk}']")
    click_and_wait(head.page, "#assign-form button[type=submit]", "#complaint-status")
    moved("assign", by=head, told=(officer, deputy))
    assert_told(officer, deputy, head)
    screenshot(head.page, f"{shot}-1-assigned")
    assert not [line for line in my_work(head)["internal_security_to_assign"] if complaint.number in line]

    term = Deadline.objects.get(record_id=str(complaint.pk), kind="isd.appeal")
    work = my_work(officer)
    assert work["internal_security"] == [record_line(officer, complaint)]
    assert work["terms"] == [term_line(officer, "isd.appeal", complaint, term.due_on)]
    assert len(work["news"]) == 1
    screenshot(officer.page, f"{shot}-2-officer-home")

    # The officer opens it from "My work", decides it and drafts the answer (ISD 15 names its signer).
    page = officer.page
    click_and_wait(page, f"#work-internal_security a[href='{complaint.get_absolute_url()}']", "#complaint-status")
    page.select_option("#move-decide select", "not_confirmed")
    page.fill("#move-decide textarea", "Фактілер расталмады / Факты не подтвердились")
    click_and_wait(page, "#move-decide button[type=submit]", "#complaint-status")
    moved("decide", by=officer, why="Фактілер расталмады / Факты не подтвердились")
    page.click("#prepare-answer")
    page.wait_for_url(lambda url: "/documents/" in url)
    answer = Document.objects.get(kind="isd.complainant_answer")
    click_and_wait(page, "form[action$='/move/submit/'] button", "#document-status")
    head.told(answer, "submit", by=officer)  # the deputy signs only while acting (ISD 15)
    assert_told(head, deputy)
    assert my_work(head)["documents"] == [waiting_line(head, answer, "signature")]
    assert my_work(deputy)["documents"] == []
    screenshot(head.page, f"{shot}-3-head-home")

    click_and_wait(head.page, f"#work-documents a[href='{answer.get_absolute_url()}']", "#sign-button")
    sign(head, answer)
    assert answer.registration_number in officer.told(answer, "sign", by=head)
    assert my_work(head)["documents"] == []

    page.goto(complaint.get_absolute_url())
    click_and_wait(page, "#move-answer button[type=submit]", "#complaint-status")
    moved("answer", by=officer)
    complaint.refresh_from_db()
    assert complaint.status == S.ANSWERED and complaint.term_kept
    screenshot(page, f"{shot}-4-answered")

    assert_told(officer, head, deputy, registrar, chairman)  # the last two: nothing
    assert absent_for(registrar, complaint.get_absolute_url())  # ISD 7: not his
    work = my_work(officer)
    assert work["internal_security"] == [] and work["terms"] == []
    assert bell(head) == len(head.news) == 3

    head.page.goto(complaint.get_absolute_url())
    assert history(head.page) == [
        line(head, registrar, CHANGES["registered"]),
        line(head, head, CHANGES["grant"]),
        line(head, head, move_label(C, "assign"), S.IN_WORK.label),
        line(head, officer, move_label(C, "decide"), S.DECIDED.label),
        line(head, officer, move_label(C, "answer"), S.ANSWERED.label),
    ]
    screenshot(head.page, f"{shot}-5-history")
    no_console_errors(head, deputy, officer, registrar, chairman)


# --- c. A document's visas and signature -----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_letters_visas_a_return_for_rework_and_its_signature_ir_13(
    language, other_browser, live_server, people, eager_jobs
):
    """IR 13 (the head signs the IR's letters), the approval route of C2. GIVEN an IR officer's
    letter with two visas in turn, the protocol deputy's then the CA deputy head's
    WHEN the officer sends it for approval, the first approver returns it with a comment, the
    officer sends it again from the news on his home page, both approve and the head signs
    THEN each is told when it waits for him, and only then (the second approver not before
    the first has given his visa), the author when it is returned and when it is signed; the
    legal-assistance deputy, not on its route, of nothing; each home lists the letter while
    it waits for him; the letter's history names everybody at his move, in order."""
    D = Document.Status
    load_demo_signing(people)
    seat = desks(other_browser, people, language, live_server)
    author, first, second, head, bystander = (
        seat("ir_officer"),
        seat("ir_deputy_protocol"),
        seat("ca_deputy"),
        seat("ir_head", signs=True),
        seat("ir_deputy_legal"),
    )
    letter = draft(
        author.user,
        route=[[people["ir_deputy_protocol"]], [people["ca_deputy"]]],
        subject=f"Семинар туралы хат / Письмо о семинаре ({language})",
    )
    shot = f"journey-document-{language}"

    def act(desk: Desk, move: str, comment: str = "") -> None:
        """He opens the letter from his home page and makes the move."""
        desk.page.goto("/")
        click_and_wait(desk.page, f"#work-documents a[href='{letter.get_absolute_url()}']", f"#move-{move}")
        if comment:
            desk.page.fill(f"#move-{move} textarea", comment)
        click_and_wait(desk.page, f"#move-{move} button[type=submit]", "#document-status")

    author.page.goto(letter.get_absolute_url())
    click_and_wait(author.page, "#move-submit button[type=submit]", "#document-status")
    first.told(letter, "submit", by=author)
    assert_told(first, second, head)
    assert my_work(first)["documents"] == [waiting_line(first, letter, "visa")]
    work = my_work(second)
    assert work["documents"] == []  # his visa comes after the first
    assert "internal_security" not in work  # ISD 7: the CA deputy head reads the IR only
    screenshot(first.page, f"{shot}-1-first-home")

    act(first, "return", comment="Күнін нақтылаңыз / Уточните дату")
    author.told(letter, "return", by=first, why="Күнін нақтылаңыз / Уточните дату")
    assert my_work(first)["documents"] == []
    work = my_work(author)
    assert work["news"][0].startswith(author.news[0])
    screenshot(author.page, f"{shot}-2-returned")

    # The author opens the news from his home page (it is read now) and sends the letter again.
    click_and_wait(author.page, "#work-news a", "#document-status")
    assert author.page.url.endswith(letter.get_absolute_url())
    click_and_wait(author.page, "#move-submit button[type=submit]", "#document-status")
    first.told(letter, "submit", by=author)
    assert my_work(author)["news"] == []

    act(first, "approve")
    second.told(letter, "approve", by=first)
    assert_told(first, second, head)
    assert my_work(second)["documents"] == [waiting_line(second, letter, "visa")]
    act(second, "approve")
    head.told(letter, "approve", by=second)
    assert_told(second, head)
    assert my_work(head)["documents"] == [waiting_line(head, letter, "signature")]
    screenshot(head.page, f"{shot}-3-head-home")

    click_and_wait(head.page, f"#work-documents a[href='{letter.get_absolute_url()}']", "#sign-button")
    sign(head, letter)
    assert letter.registration_number in author.told(letter, "sign", by=head)
    screenshot(head.page, f"{shot}-4-signed")

    assert_told(author, first, second, head, bystander)
    for desk in (first, second, head):
        assert my_work(desk)["documents"] == []
    assert bell(author) == 1  # the return was read from the home page; the signature is new

    author.page.goto(letter.get_absolute_url())
    assert history(author.page) == [
        line(author, author, CHANGES["created"]),
        line(author, author, CHANGES["route_set"]),  # the kind's default route
        line(author, author, CHANGES["route_set"]),  # the author's own
        line(author, author, move_label(Document, "submit"), D.ON_APPROVAL.label),
        line(author, first, move_label(Document, "return"), D.DRAFT.label),
        line(author, author, move_label(Document, "submit"), D.ON_APPROVAL.label),
        line(author, first, move_label(Document, "approve"), D.ON_APPROVAL.label),
        line(author, second, move_label(Document, "approve"), D.APPROVED.label),
        line(author, head, move_label(Document, "sign"), D.SIGNED.label),
        line(author, None, CHANGES["pdf_signed"]),
    ]
    screenshot(author.page, f"{shot}-5-history")
    no_console_errors(author, first, second, head, bystander)


# --- d. The Chairman's drill-down ------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chairman_drills_down_from_the_dashboard_to_a_record_within_his_reach_isd_7(
    language, other_browser, live_server, people, catalogs, eager_jobs
):
    """ISD 7 (the ISD reports to the Chairman and the CA head alone), C5 (drill-down where the
    viewer may see the records). GIVEN a request the IR officer checked and a complaint the
    ISD head assigned, both this month
    WHEN the Chairman opens the leadership's board, follows the ISD's "complaints received"
    and the IR's "requests received" to their lists and opens a record of each
    THEN each list holds as many records as its figure says; the complaint's page shows him
    its status and history but not the applicant, nor any move; the request's page its
    history, no move; he, not concerned by any move, has been told nothing; the CA deputy
    head, who reads the IR only, has no ISD panel and finds the complaint absent (404)."""
    C, R = Complaint, LegalAssistanceRequest
    officer_user = people["ir_officer"].user
    request = la_request(
        officer_user, number=f"D-{language}/2026", received_on=timezone.localdate() - timedelta(days=3)
    )
    request_move(request=request, move="check", actor=officer_user)
    complaint = register(people, "isd_officer")
    complaint_assign(actor=people["isd_head"].user, complaint=complaint, officers=[people["isd_officer"].user])
    seat = desks(other_browser, people, language, live_server)
    chairman, ca_deputy = seat("chairman"), seat("ca_deputy")
    ir_officer, isd_officer, isd_head = (
        Desk(n, people[n].user, None, None, language) for n in ("ir_officer", "isd_officer", "isd_head")
    )
    shot = f"journey-dashboard-{language}"

    page = chairman.page
    page.goto(board_url())
    assert page.locator("html").get_attribute("lang") == language
    screenshot(page, f"{shot}-1-board")
    received = page.locator("#panel-isdoverview .figure-link").first
    figure = int(received.inner_text())
    click_and_wait(page, "#panel-isdoverview .figure-link >> nth=0", ".complaint-row, main table")
    assert "/isd/complaints/" in page.url
    assert page.locator("tr.complaint-row").count() == figure == C.objects.count() == 1
    screenshot(page, f"{shot}-2-complaints")
    click_and_wait(page, f"tr.complaint-row a[href='{complaint.get_absolute_url()}']", "#complaint-status")
    with translation.override(language):
        assert page.inner_text("#complaint-status") == complaint.get_status_display()
        assert page.inner_text("#applicant em") == gettext("applicant hidden")  # issue 7.2
    assert complaint.applicant_name not in page.content()
    assert page.locator("#assign-form, [id^='move-'], #prepare-answer").count() == 0
    assert history(page) == [
        line(chairman, isd_officer, CHANGES["registered"]),
        line(chairman, isd_head, CHANGES["grant"]),
        line(chairman, isd_head, move_label(C, "assign"), C.Status.IN_WORK.label),
    ]
    screenshot(page, f"{shot}-3-complaint")

    page.goto(board_url())
    figure = int(page.locator("#panel-irlegal_assistance .figure-link").first.inner_text())
    click_and_wait(page, "#panel-irlegal_assistance .figure-link >> nth=0", "main table")
    assert "/ir/requests/" in page.url
    assert page.locator("tr.request-row").count() == figure == 1
    click_and_wait(page, f"tr.request-row a[href='{request.get_absolute_url()}']", "#request-status")
    assert page.locator("[id^='move-'], a[href$='/check/']").count() == 0  # the IR's staff move it
    assert history(page) == [
        line(chairman, ir_officer, CHANGES["registered"], R.Status.REGISTERED.label),
        line(chairman, ir_officer, move_label(R, "check"), R.Status.CHECKED.label),
    ]
    screenshot(page, f"{shot}-4-request")

    assert_told(chairman)  # he reaches both records, and no move concerned him
    work = my_work(chairman)
    assert work["news"] == [] and work["documents"] == [] and work["terms"] == []

    page = ca_deputy.page
    page.goto(board_url())
    assert page.locator("#panel-isdoverview").count() == 0 and page.locator("#panel-irlegal_assistance").count() == 1
    assert absent_for(ca_deputy, complaint.get_absolute_url())
    screenshot(page, f"{shot}-5-ca-deputy-board")
    no_console_errors(chairman, ca_deputy)
