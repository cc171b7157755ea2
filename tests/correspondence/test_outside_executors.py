"""A letter executed by another subdivision (issue 20, item 5; IR 7.12: the IR follows the
execution of foreign correspondence by the competent subdivisions). Whoever executes an IR
letter reads that letter, and nothing else of the IR; an ISD letter never leaves the ISD
(ISD 7)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courtadmin.core.navigation import navigation_for
from courtadmin.correspondence.models import IncomingLetter
from courtadmin.correspondence.selectors import executor_candidates, letters_visible_to
from courtadmin.correspondence.services import letter_file_add
from courtadmin.correspondence.workflow import letter_move
from tests.conftest import refusal_codes

from .conftest import register, resolve

S = IncomingLetter.Status
PDF = b"%PDF-1.7\n%%EOF\n"
OUTSIDERS = ("legal_officer", "analyst", "court_almaty")


def test_the_ir_head_gives_a_letter_to_another_subdivision_which_executes_it_ir_7_12(users, client_for):
    head, legal = users["ir_head"], users["legal_officer"]
    letter = register(users["ir_officer"])
    scan = letter_file_add(actor=users["ir_officer"], letter=letter, upload=SimpleUploadedFile("scan.pdf", PDF))
    other = register(users["ir_officer"], subject="Another letter of the IR")

    resolve(letter, head, [legal], lead=legal, text="Дать правовое заключение")
    assert set(letters_visible_to(legal)) == {letter}

    client = client_for("legal_officer")
    listing = client.get(reverse("correspondence:letter-list"))
    assert listing.status_code == 200
    assert letter.registration_number in listing.content.decode()
    assert other.registration_number not in listing.content.decode()
    assert client.get(reverse("correspondence:letter-detail", args=[letter.pk])).status_code == 200
    download = reverse("correspondence:letter-file-download", args=[letter.pk, scan.pk])
    assert client.get(download).status_code == 200
    assert client.get(reverse("correspondence:letter-detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("international:home")).status_code == 404

    letter_move(letter=letter, move="report", actor=legal, report="Заключение направлено в отдел")
    assert letter.status == S.EXECUTED and letter.reported_by == legal
    letter_move(letter=letter, move="close", actor=head)
    assert letter.status == S.CLOSED and letter.term_kept is True


def test_the_people_of_subdivisions_and_courts_are_offered_for_an_ir_letter_not_for_an_isd_one_isd_7(users):
    ir = set(executor_candidates("IR").values_list("username", flat=True))
    isd = set(executor_candidates("ISD").values_list("username", flat=True))
    assert {"ir_officer", "legal_officer", "analyst", "court_almaty", "hr_keeper"} <= ir
    assert not ir & {"isd_officer", "isd_almaty", "chairman", "ca_head"}
    assert isd >= {"isd_officer", "isd_almaty"}
    assert not isd & {*OUTSIDERS, "ir_officer", "hr_keeper"}


def test_an_isd_letter_is_refused_to_a_court_isd_7(users):
    letter = register(users["isd_officer"], department="ISD")
    court = users["court_almaty"]
    refused = refusal_codes(
        letter_move,
        letter=letter,
        move="resolve",
        actor=users["isd_head"],
        text="Проверить",
        executors=[court],
        lead=court,
        working_days=5,
    )
    assert refused == {"outside"}
    letter.refresh_from_db()
    assert letter.status == S.REGISTERED and not letters_visible_to(court).exists()


def test_people_outside_the_departments_see_only_what_they_execute_and_no_register(users, client_for):
    letter = register(users["ir_officer"])
    for username in OUTSIDERS:
        keys = {item.key for item in navigation_for(users[username])}
        assert "correspondence" in keys and not keys & {"ir", "isd", "documents", "dashboard"}, username
        client = client_for(username)
        assert client.get(reverse("correspondence:letter-detail", args=[letter.pk])).status_code == 404
        page = client.get(reverse("correspondence:letter-list")).content.decode()
        assert letter.registration_number not in page, username
        # No link to a journal that is not his (the outgoing one answers him 404).
        assert reverse("correspondence:outgoing-list") not in page, username
        assert client.get(reverse("correspondence:outgoing-list")).status_code == 404
        export = client.get(reverse("correspondence:letter-export"))
        assert export.status_code == 200
        assert letter.registration_number.encode() not in b"".join(export.streaming_content), username


def test_an_executor_moved_out_of_the_isd_reads_its_letter_no_more_isd_7(users, people):
    letter = register(users["isd_officer"], department="ISD")
    officer = users["isd_officer2"]
    resolve(letter, users["isd_head"], [officer], lead=officer)
    assert letters_visible_to(officer).filter(pk=letter.pk).exists()
    people["isd_officer2"].position = people["legal_officer"].position
    people["isd_officer2"].save()
    officer = type(officer).objects.get(pk=officer.pk)  # a new request: nothing cached
    assert not letters_visible_to(officer).filter(pk=letter.pk).exists()


def test_reach_is_the_same_whether_ones_own_letters_are_few_or_many_isd_7(users, monkeypatch):
    """selectors._own: a few own letters are found through their indexes, many are tested row
    by row in the journal's order (core.search.few_or_many); both give the same letters, and
    never another's."""
    from courtadmin.core import search

    officer, other = users["isd_officer"], users["isd_officer2"]
    mine = [register(officer, department="ISD", subject=f"ISD {n}") for n in range(3)]
    given = register(other, department="ISD")
    resolve(given, users["isd_head"], [officer], lead=officer)
    register(other, department="ISD", subject="not his")
    official = register(users["ir_head"], marking=IncomingLetter.Marking.OFFICIAL_USE)
    resolve(official, users["ir_head"], [users["ir_officer"]])
    register(users["ir_head"], marking=IncomingLetter.Marking.OFFICIAL_USE, subject="not given to him")
    ordinary = register(users["ir_head"], subject="ordinary")

    few = {
        "isd_officer": set(letters_visible_to(officer)),
        "ir_officer": set(letters_visible_to(users["ir_officer"])),
    }
    assert few["isd_officer"] == {*mine, given}
    assert few["ir_officer"] == {official, ordinary}
    monkeypatch.setattr(search, "COMMON", 1)
    assert set(letters_visible_to(officer)) == few["isd_officer"]
    assert set(letters_visible_to(users["ir_officer"])) == few["ir_officer"]
