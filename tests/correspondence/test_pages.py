"""The pages of incoming correspondence: 404 outside reach on every page (ISD 7), the action
panels that keep what was typed, the export of the filtered rows, the query budgets."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from courtadmin.audit.models import ReadEvent
from courtadmin.correspondence.models import IncomingLetter, LetterFile
from courtadmin.correspondence.services import letter_file_add
from tests.conftest import PAGE, READ_LOG_QUERIES

from .conftest import register, resolve

S = IncomingLetter.Status
PDF = b"%PDF-1.7\n%%EOF\n"


def _pages(letter, file_pk):
    return [
        reverse("correspondence:letter-detail", args=[letter.pk]),
        reverse("correspondence:letter-file-download", args=[letter.pk, file_pk]),
    ]


def test_an_ir_officer_gets_404_on_every_isd_letter_and_vice_versa(people, users, client_for):
    isd_letter = register(users["isd_officer"], department="ISD")
    isd_file = letter_file_add(actor=users["isd_officer"], letter=isd_letter, upload=SimpleUploadedFile("a.pdf", PDF))
    ir_letter = register(users["ir_officer"])
    ir_file = letter_file_add(actor=users["ir_officer"], letter=ir_letter, upload=SimpleUploadedFile("b.pdf", PDF))
    for username, letter, stored in (("ir_officer", isd_letter, isd_file), ("isd_head", ir_letter, ir_file)):
        client = client_for(username)
        for url in _pages(letter, stored.pk):
            assert client.get(url).status_code == 404, (username, url)
        for move in ("resolve", "report", "return", "close"):
            url = reverse("correspondence:letter-move", args=[letter.pk, move])
            assert client.post(url, {f"{move}-text": "x"}).status_code == 404
        url = reverse("correspondence:letter-file-add", args=[letter.pk])
        assert client.post(url, {"file": SimpleUploadedFile("c.pdf", PDF)}).status_code == 404
        listed = client.get(reverse("correspondence:letter-list"), {"text": letter.subject})
        assert letter not in listed.context["page"].object_list


def test_an_isd_officer_not_an_executor_gets_404_isd_7(people, users, client_for):
    letter = register(users["isd_officer2"], department="ISD")
    stored = letter_file_add(actor=users["isd_officer2"], letter=letter, upload=SimpleUploadedFile("a.pdf", PDF))
    client = client_for("isd_officer")
    for url in _pages(letter, stored.pk):
        assert client.get(url).status_code == 404
    resolve(letter, users["isd_head"], [users["isd_officer"]])
    for url in _pages(letter, stored.pk):
        assert client.get(url).status_code == 200
    # Every opening and download of an ISD letter is on the read log (ISD 7).
    assert ReadEvent.objects.filter(user=users["isd_officer"], department="ISD").count() == 2


def test_the_administrator_has_no_correspondence_and_people_of_no_department_register_none(people, users, client_for):
    """The administrator holds no position: nothing. The personnel office may be given a letter
    to execute (issue 20, item 5): its list opens, empty, and it registers nothing."""
    client = client_for("sysadmin")
    for url in ("letter-list", "letter-export", "letter-create"):
        assert client.get(reverse(f"correspondence:{url}")).status_code == 404
    assert b"/correspondence/" not in client.get(reverse("core:home")).content
    client = client_for("hr_keeper")
    assert client.get(reverse("correspondence:letter-list")).status_code == 200
    assert client.get(reverse("correspondence:letter-create")).status_code == 404
    # The leadership reads, it does not register.
    assert client_for("chairman").get(reverse("correspondence:letter-create")).status_code == 404


def test_the_life_through_the_pages(people, users, client_for):
    """Register, resolve, report and close through the letter's page and its panels."""
    officer_client = client_for("ir_officer")
    data = {
        "department": "IR",
        "received_on": "2026-11-24",
        "channel": "diplomatic",
        "sender_kind": "foreign_court",
        "sender_name": "Supreme Court of Korea",
        "sender_number": "SC-1",
        "sender_date": "2026-11-10",
        "language": "en",
        "subject": "Delegations",
        "marking": "ordinary",
    }
    response = officer_client.post(reverse("correspondence:letter-create"), data)
    letter = IncomingLetter.objects.get()
    assert response.status_code == 302 and response.url == letter.get_absolute_url()
    head_client = client_for("ir_head")
    page = head_client.get(letter.get_absolute_url()).content.decode()
    assert 'id="move-resolve"' in page and "ВХ-1/2026" in page
    move = reverse("correspondence:letter-move", args=[letter.pk, "resolve"])
    response = head_client.post(
        move,
        {
            "resolve-text": "Подготовить ответ",
            "resolve-executors": [users["ir_officer"].pk],
            "resolve-lead": users["ir_officer"].pk,
            "resolve-working_days": "5",
        },
    )
    assert response.status_code == 302
    officer_client = client_for("ir_officer")
    page = officer_client.get(letter.get_absolute_url()).content.decode()
    assert 'id="move-report"' in page and 'id="move-resolve"' not in page
    response = officer_client.post(
        reverse("correspondence:letter-move", args=[letter.pk, "report"]), {"report-report": "Готово"}
    )
    assert response.status_code == 302
    head_client = client_for("ir_head")
    response = head_client.post(reverse("correspondence:letter-move", args=[letter.pk, "close"]))
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == S.CLOSED and letter.term_kept is True
    page = head_client.get(letter.get_absolute_url()).content.decode()
    assert 'id="history"' in page and 'id="term-kept"' in page


def test_bad_input_keeps_what_was_typed_and_says_why_beside_the_field(people, users, client_for):
    officer_client = client_for("ir_officer")
    response = officer_client.post(
        reverse("correspondence:letter-create"),
        {"department": "ISD", "received_on": "31.02.2026", "channel": "pigeon", "subject": "Ещё не забыто"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"department", "received_on", "channel", "sender_kind", "sender_name", "language"} <= set(form.errors)
    assert "Ещё не забыто" in response.content.decode()
    response = officer_client.post(
        reverse("correspondence:letter-create"),
        {
            "department": "IR",
            "received_on": "2027-01-10",
            "channel": "post",
            "sender_kind": "embassy",
            "sender_name": "Посольство",
            "language": "ru",
            "subject": "Будущее",
            "marking": "ordinary",
        },
    )
    assert response.status_code == 200 and "received_on" in response.context["form"].errors
    assert not IncomingLetter.objects.exists()

    letter = register(users["ir_officer"])
    head_client = client_for("ir_head")
    move = reverse("correspondence:letter-move", args=[letter.pk, "resolve"])
    response = head_client.post(
        move,
        {
            "resolve-text": "Сохранить набранное",
            "resolve-executors": [users["ir_officer"].pk],
            "resolve-lead": users["ir_deputy_legal"].pk,
            "resolve-working_days": "abc",
        },
    )
    assert response.status_code == 200
    form = dict(response.context["move_forms"])
    resolve_form = next(f for m, f in response.context["move_forms"] if m.name == "resolve")
    assert set(resolve_form.errors) == {"working_days"}
    page = response.content.decode()
    assert "Сохранить набранное" in page and 'id="id_resolve-working_days_error"' in page
    response = head_client.post(
        move,
        {
            "resolve-text": "Сохранить набранное",
            "resolve-executors": [users["ir_officer"].pk],
            "resolve-lead": users["ir_deputy_legal"].pk,
            "resolve-working_days": "3",
        },
    )
    resolve_form = next(f for m, f in response.context["move_forms"] if m.name == "resolve")
    assert set(resolve_form.errors) == {"lead"} and "Сохранить набранное" in response.content.decode()
    assert form  # the panels were on the page
    letter.refresh_from_db()
    assert letter.status == S.REGISTERED

    bomb = officer_client.post(
        reverse("correspondence:letter-file-add", args=[letter.pk]), {"file": SimpleUploadedFile("x.pdf", b"MZ\x90")}
    )
    assert bomb.status_code == 200 and "file" in bomb.context["file_form"].errors
    assert not LetterFile.objects.exists()


def test_the_term_is_extended_from_the_letters_page_what_was_typed_kept_on_a_refusal(people, users, client_for):
    letter = register(users["ir_officer"])
    resolve(letter, users["ir_head"], [users["ir_officer"]], working_days=2)
    assert 'id="move-extend"' not in client_for("ir_officer").get(letter.get_absolute_url()).content.decode()
    head = client_for("ir_head")
    assert 'id="move-extend"' in head.get(letter.get_absolute_url()).content.decode()
    url = reverse("correspondence:letter-move", args=[letter.pk, "extend"])
    response = head.post(url, {"extend-to": "2026-12-20", "extend-decision": ""})
    extend_form = next(f for m, f in response.context["move_forms"] if m.name == "extend")
    assert response.status_code == 200 and set(extend_form.errors) == {"decision"}
    assert 'value="2026-12-20"' in response.content.decode()
    response = head.post(url, {"extend-to": "2026-12-20", "extend-decision": "Запрошены материалы"})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.resolution.due_on.isoformat() == "2026-12-20"


def test_the_export_holds_the_filtered_rows_only(people, users, client_for):
    officer = users["ir_officer"]
    kept = register(officer, sender_name="Embassy of Japan", sender_kind="embassy")
    register(officer, sender_name="Supreme Court of Korea")
    register(users["isd_officer"], department="ISD", sender_name="Embassy of Japan", sender_kind="embassy")
    client = client_for("ir_officer")
    response = client.get(reverse("correspondence:letter-export"), {"sender_kind": "embassy"})
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == kept.registration_number and rows[1][5] == "Embassy of Japan"


def test_the_list_filters(people, users, client_for):
    officer = users["ir_officer"]
    given = register(officer, subject="Конференция CEPEJ")
    register(officer, channel="email", subject="Прочее")
    resolve(given, users["ir_head"], [officer], working_days=1)
    client = client_for("ir_officer")
    url = reverse("correspondence:letter-list")

    def listed(**query):
        return [letter.pk for letter in client.get(url, query).context["page"].object_list]

    assert listed(text="cepej") == [given.pk]
    assert listed(status="on_execution") == [given.pk]
    assert len(listed(channel="diplomatic")) == 1
    assert listed(overdue="on") == []
    assert client.get(url, {"department": "ISD"}).context["form"].errors  # not a department he reaches


def test_a_common_search_reads_the_journal_in_its_order_and_finds_the_same_letters(people, users, monkeypatch):
    """core.search.containing: a string matching more than COMMON letters is looked for while
    the journal is read in its order, not through the indexes; the letters found are the same,
    in the same order, and a line break joining the fields matches nothing across them."""
    from courtadmin.core import search
    from courtadmin.correspondence.selectors import LetterFilter, letter_register

    officer = users["ir_officer"]
    seminars = [register(officer, subject=f"Семинар судей {n}") for n in range(3)]
    register(officer, subject="Прочее", sender_name="Судебный департамент")

    def listed(text):  # every letter found, not the page: a common search's page is capped
        return [letter.pk for letter in letter_register(officer, LetterFilter(text=text))]

    rare = listed("семинар")
    monkeypatch.setattr(search, "COMMON", 2)
    assert listed("семинар") == rare == [letter.pk for letter in reversed(seminars)]
    assert len(listed("суд")) == 4  # the subject of three, the sender of the fourth
    assert listed("прочее\nсудеб") == []


def test_a_common_search_is_not_counted_and_the_list_says_more_than(people, users, client_for, monkeypatch):
    """core.pagination: a search known to match more than COMMON letters is not counted (the
    count would read every match up to its cap); the list says "more than COMMON", and a rare
    search next to it is counted exactly."""
    from courtadmin.core import search

    officer = users["ir_officer"]
    for n in range(3):
        register(officer, subject=f"Семинар судей {n}")
    client = client_for("ir_officer")
    url = reverse("correspondence:letter-list")
    monkeypatch.setattr(search, "COMMON", 2)
    with CaptureQueriesContext(connection) as common:
        response = client.get(url, {"text": "семинар"})
    page = response.context["page"]
    assert (page.paginator.count, page.paginator.capped, len(page.object_list)) == (2, True, 2)
    assert not [q for q in common.captured_queries if "COUNT(" in q["sql"].upper()]
    with translation.override("kk"):
        assert gettext("More than %(total)s letters") % {"total": 2} in response.content.decode()
    monkeypatch.setattr(search, "COMMON", 3)
    page = client.get(url, {"text": "семинар"}).context["page"]
    assert (page.paginator.count, page.paginator.capped) == (3, False)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the planner's statistics are PostgreSQL's")
def test_a_string_the_statistics_call_common_is_read_in_order_without_gathering_its_matches(people, users, monkeypatch):
    """core.search.surely_common: when the columns' statistics expect a search to match
    SURELY_COMMON letters or more, the trigram indexes are not asked for its first COMMON + 1
    matches (which would gather every match first); the journal is read in its order. A string
    the statistics call rare is still looked up through the indexes and counted."""
    from courtadmin.core import search
    from courtadmin.correspondence.selectors import LetterFilter, letter_register

    officer = users["ir_officer"]
    seminars = [register(officer, subject=f"Семинар судей {n}") for n in range(40)]
    other = register(officer, subject="Прочее")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE correspondence_incomingletter")
    monkeypatch.setattr(search, "SURELY_COMMON", 10)

    def probed(queries) -> bool:  # the ids of the first COMMON + 1 matches asked of the indexes
        return any(
            "LIKE" in q["sql"] and f"LIMIT {search.COMMON + 1}" in q["sql"] and not q["sql"].startswith("EXPLAIN")
            for q in queries.captured_queries
        )

    with CaptureQueriesContext(connection) as common:
        letters = letter_register(officer, LetterFilter(text="семинар"))
        found = [letter.pk for letter in letters]
    assert search.known_common(letters) and found == [letter.pk for letter in reversed(seminars)]
    assert not probed(common)

    with CaptureQueriesContext(connection) as rare:
        letters = letter_register(officer, LetterFilter(text="прочее"))
        found = [letter.pk for letter in letters]
    assert not search.known_common(letters) and found == [other.pk]
    assert probed(rare)


# --- Query budgets: the same for 2 letters as for 50 ----------------------------------------------

# Every page costs PAGE (tests/conftest.py) and what is said beside its count.
# Reading letters within reach first asks how many are his own, at most a few thousand (1: the
# selectors' `_own`, so that the list costs the same for a few and for a hundred thousand).
BUDGET = {
    # whether his own letters are few, the count, the page (its resolutions joined)
    "letter-list": PAGE + 1 + 2,
    # the letter (registrar, answer, reporter, resolution and its giver joined), the moves open
    # to the reader (is he the lead: one query; how its term stands: one), its executors, its
    # history (with its translations'), its files, the report form's documents; its
    # translations, and whether he may give a translation task (IR 7.12: whether he signs for
    # the IR today, 1), whether he executes it on the department's staff and so may draft its
    # answer (1)
    "letter-detail": PAGE + 1 + 7 + 1 + 1 + 1,
}


def _many(officer, head, count):
    letters = [register(officer, subject=f"Письмо {n}") for n in range(count)]
    for letter in letters:
        resolve(letter, head, [officer])
        letter_file_add(actor=officer, letter=letter, upload=SimpleUploadedFile("a.pdf", PDF))
    return letters


@pytest.mark.parametrize("rows", [2, 50])
def test_the_list_costs_the_same_for_2_and_50_letters(people, users, client_for, django_assert_num_queries, rows):
    _many(users["ir_officer"], users["ir_head"], rows)
    client = client_for("ir_officer")
    url = reverse("correspondence:letter-list")
    client.get(url)
    with django_assert_num_queries(BUDGET["letter-list"]):
        response = client.get(url, {"status": "on_execution"})
    assert len(response.context["page"].object_list) == rows


@pytest.mark.parametrize("rows", [2, 50])
def test_the_detail_costs_the_same_whatever_the_number_of_letters(
    people, users, client_for, django_assert_num_queries, rows
):
    letters = _many(users["ir_officer"], users["ir_head"], rows)
    client = client_for("ir_officer")
    url = letters[0].get_absolute_url()
    client.get(url)
    with django_assert_num_queries(BUDGET["letter-detail"]):
        assert client.get(url).status_code == 200


def test_an_isd_detail_adds_its_read_log_line(people, users, client_for, django_assert_num_queries):
    letter = register(users["isd_officer"], department="ISD")
    client = client_for("isd_officer")
    client.get(letter.get_absolute_url())
    # whether his own letters are few, the letter, its read-log line, whether he may resolve (who
    # signs for the ISD today, in one query: ISD 15), its history, its files, its translations
    with django_assert_num_queries(PAGE + 1 + 1 + READ_LOG_QUERIES + 1 + 2 + 1):
        assert client.get(letter.get_absolute_url()).status_code == 200


def test_my_work_lists_the_letters_i_execute_the_lead_first(people, users, client_for):
    """ "My work": the letters on execution with me, in my department's panel (ISD 7: the ISD's
    panel is not built for the IR's people)."""
    officer, deputy, head = users["ir_officer"], users["ir_deputy_protocol"], users["ir_head"]
    led = register(officer, subject="Ведущий исполнитель")
    helped = register(officer, subject="Соисполнитель")
    resolve(led, head, [officer, deputy], lead=officer)
    resolve(helped, head, [deputy, officer], lead=deputy)
    html = client_for("ir_officer").get(reverse("core:home")).content.decode()
    panel = html[html.index('id="work-letters-ir"') :]
    assert panel.index(led.get_absolute_url()) < panel.index(helped.get_absolute_url())
    assert 'id="work-letters-isd"' not in html
    html = client_for("isd_officer").get(reverse("core:home")).content.decode()
    assert 'id="work-letters-isd"' in html and 'id="work-letters-ir"' not in html
    assert led.get_absolute_url() not in html


def test_a_move_another_made_first_is_said_on_top_of_the_page(people, users, client_for):
    letter = register(users["ir_officer"])
    resolve(letter, users["ca_head"], [users["ir_officer"]])
    response = client_for("ir_head").post(
        reverse("correspondence:letter-move", args=[letter.pk, "resolve"]),
        {"resolve-text": "Поздно", "resolve-executors": [users["ir_officer"].pk], "resolve-working_days": "3"},
    )
    assert response.status_code == 200
    assert [str(message) for message in response.context["messages"]]


def test_the_search_finds_a_letter_within_reach_only(people, users, client_for):
    """The header's search finds a letter by its sender; an ISD letter not given to the
    officer is never found (ISD 7)."""
    ir_letter = register(users["ir_officer"], sender_name="Embassy of Finland")
    isd_letter = register(users["isd_officer2"], department="ISD", sender_name="Embassy of Finland")
    html = client_for("ir_officer").get(reverse("core:search"), {"q": "finland"}).content.decode()
    assert ir_letter.get_absolute_url() in html and isd_letter.get_absolute_url() not in html
    html = client_for("isd_officer").get(reverse("core:search"), {"q": "finland"}).content.decode()
    assert isd_letter.get_absolute_url() not in html
