"""Search across everything the reader may see (the working-day issue): one box, results by
kind, never a record outside the reader's reach (ISD 7, IR 1-3), in any case and alphabet,
at a cost that does not grow with the records found."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from internal_security.services import complaints as isd
from tests.conftest import PAGE, requires_postgres
from tests.documents.conftest import draft
from tests.internal_security.factories import register

pytestmark = pytest.mark.django_db


def found(client, text: str) -> str:
    page = client.get(reverse("core:search"), {"q": text})
    assert page.status_code == 200
    return page.content.decode()


def test_an_officer_finds_the_complaints_he_is_assigned_and_no_other(client_for, people):
    head, officer = people["isd_head"].user, people["isd_officer"].user
    mine = register(people, person_concerned="Ахметов Бауыржан")
    other = register(people, person_concerned="Ахметова Сәуле")
    isd.complaint_assign(actor=head, complaint=mine, officers=[officer])

    html = found(client_for("isd_officer"), "ахметов")  # in small letters
    assert mine.get_absolute_url() in html and other.get_absolute_url() not in html
    head_sees = found(client_for("isd_head"), "АХМЕТОВ")
    assert mine.get_absolute_url() in head_sees and other.get_absolute_url() in head_sees
    assert mine.get_absolute_url() not in found(client_for("ir_officer"), "Ахметов")  # not the IR's


def test_a_document_is_found_by_its_readers_and_not_by_others(client_for, people):
    letter = draft(people["ir_officer"].user, subject="Минскіге хат туралы")
    assert letter.get_absolute_url() in found(client_for("ir_officer"), "минскіге")
    assert letter.get_absolute_url() not in found(client_for("isd_officer"), "минскіге")


def test_people_are_found_by_name_in_either_language(client_for, people):
    deputy = people["ir_deputy_legal"]
    html = found(client_for("isd_officer"), deputy.full_name_ru.split()[-1][:6])
    assert 'id="search-people"' in html and deputy.position.title in html


def test_a_search_too_short_finds_nothing_and_says_why(client_for):
    html = found(client_for("ir_officer"), "а")
    assert '<section class="mb-4"' not in html and 'id="nothing-found"' not in html


def test_the_search_costs_the_same_for_a_few_and_for_many_hits(client_for, people):
    """At most ten hits a kind, each kind in at most two steps of one query per condition
    (core.search.newest_matching): thirty complaints more add no query; found among the
    newest, they spare the second step."""
    client = client_for("isd_head")
    register(people, person_concerned="Серіков А.")
    found(client, "Серіков")
    with CaptureQueriesContext(connection) as few:
        found(client, "Серіков")
    for _ in range(30):
        register(people, person_concerned="Серіков Б.")
    with CaptureQueriesContext(connection) as many:
        html = found(client, "Серіков")
    # PAGE; of each kind at most two steps a condition: documents 4, letters 2,
    # requests 2, instructions 2 and how many IR ones are his own (1), complaints 4,
    # investigations 4, criminal cases 2, people 1.
    assert len(many.captured_queries) <= len(few.captured_queries) <= PAGE + 4 + 2 + 2 + 3 + 4 + 4 + 2 + 1
    assert html.count("/isd/complaints/") == 10 + 0 and "search-isd-complaints" in html


def test_a_rare_match_beyond_the_newest_records_is_found_and_a_common_one_newest_first(people, monkeypatch):
    """The two steps of newest_matching: among the newest WINDOW records first; a match
    older than those is found through the indexes' step, and hits come newest first."""
    from courtadmin.core import search
    from courtadmin.documents.models import Document
    from courtadmin.documents.search import _documents

    monkeypatch.setattr(search, "WINDOW", 3)
    author = people["ir_officer"].user
    oldest = draft(author, subject="Сирек кездесетін хат")
    newer = [draft(author, subject=f"Кәдімгі хат {n}") for n in range(5)]
    hits, more = _documents(author, "сирек", 10)
    assert [hit.url for hit in hits] == [oldest.get_absolute_url()] and not more
    hits, more = _documents(author, "кәдімгі", 2)
    assert [hit.url for hit in hits] == [newer[4].get_absolute_url(), newer[3].get_absolute_url()] and more
    assert Document.objects.count() == 6


@requires_postgres()
def test_the_portal_compiles_no_query_just_in_time():
    """settings (issue 27): PostgreSQL's JIT is off on the portal's connections. A search's
    bounded query carries a large estimated cost for the fallback it never runs, and JIT
    compiled it for 230 ms where running it took 0.1 ms."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
