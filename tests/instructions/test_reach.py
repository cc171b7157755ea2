"""Who reads which instruction (ISD 7): a department's instructions for those who reach all
its records; below that only what one gave or executes, and the chain of parent and children
only as far as one reaches each record. 404 everywhere else: detail, file, export, search."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from courtadmin.audit.models import ReadEvent
from courtadmin.instructions.models import InstructionFile
from courtadmin.instructions.selectors import instructions_visible_to

from .conftest import give, interim, pdf, split

SUBDIVISIONS = ("legal_officer", "analyst", "court_almaty")


@pytest.fixture
def isd_chain(users):
    """The CA head's instruction to the ISD head, split to the Almaty ISD unit, with a file."""
    parent = give(users["ca_head"], [users["isd_head"]], department="ISD", working_days=10, text="Анализ ОВБ")
    child = split(users["isd_head"], parent, [users["isd_almaty"]], text="Отчёт Алматы")
    interim(child, users["isd_almaty"], files=[pdf()])
    return parent, child


def test_who_reads_the_isd_instructions_isd_7(people, users, isd_chain):
    parent, child = isd_chain
    for username in ("chairman", "ca_head", "isd_head", "isd_deputy"):
        assert set(instructions_visible_to(users[username])) == {parent, child}, username
    assert set(instructions_visible_to(users["isd_almaty"])) == {child}
    for username in ("ca_deputy", "ir_head", "ir_officer", "isd_officer", "hr_keeper", "sysadmin", *SUBDIVISIONS):
        assert not instructions_visible_to(users[username]).exists(), username


def test_the_ir_instructions_for_its_members_and_the_leadership_ir_11(people, users):
    instruction = give(users["chairman"], [users["ir_head"]])
    for username in ("chairman", "ca_head", "ca_deputy", "ir_head", "ir_deputy_legal", "ir_officer"):
        assert list(instructions_visible_to(users[username])) == [instruction], username
    for username in ("isd_head", "isd_officer", "isd_almaty", "sysadmin", *SUBDIVISIONS):
        assert not instructions_visible_to(users[username]).exists(), username


def test_the_chain_shows_only_what_the_reader_reaches_isd_7(people, users, client_for, isd_chain):
    """The Almaty unit opens its child but not the CA head's instruction it came from; the
    ISD head sees both ends."""
    parent, child = isd_chain
    html = client_for("isd_almaty").get(child.get_absolute_url()).content.decode()
    assert parent.get_absolute_url() not in html and "Анализ ОВБ" not in html
    assert client_for("isd_almaty").get(parent.get_absolute_url()).status_code == 404
    html = client_for("isd_head").get(parent.get_absolute_url()).content.decode()
    assert child.get_absolute_url() in html
    html = client_for("isd_head").get(child.get_absolute_url()).content.decode()
    assert parent.get_absolute_url() in html


@pytest.mark.parametrize("username", ["ir_officer", "ca_deputy", "isd_officer", "sysadmin", *SUBDIVISIONS])
def test_outside_reach_404_on_detail_file_and_pages_of_an_isd_instruction_isd_7(
    people, users, client_for, isd_chain, username
):
    parent, child = isd_chain
    stored = InstructionFile.objects.get()
    client = client_for(username)
    for instruction in (parent, child):
        assert client.get(instruction.get_absolute_url()).status_code == 404
        assert client.get(reverse("instructions:instruction-split", args=[instruction.pk])).status_code == 404
        for move in ("report", "accept", "return", "give"):
            url = reverse("instructions:instruction-move", args=[instruction.pk, move])
            assert client.post(url, {f"{move}-text": "x"}).status_code == 404
        url = reverse("instructions:instruction-report-add", args=[instruction.pk])
        assert client.post(url, {"interim-text": "x"}).status_code == 404
    url = reverse("instructions:instruction-file-download", args=[child.pk, stored.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("username", ["ir_officer", "isd_officer", *SUBDIVISIONS])
def test_outside_reach_not_in_the_list_the_export_nor_the_search_isd_7(people, users, client_for, isd_chain, username):
    client = client_for(username)
    listed = client.get(reverse("instructions:instruction-list"))
    if listed.status_code == 200:
        assert not list(listed.context["page"].object_list)
        assert b"\xd0\x9f-1/" not in listed.content  # "П-1/"
        export = client.get(reverse("instructions:instruction-export"))
        sheet = load_workbook(BytesIO(b"".join(export.streaming_content))).active
        assert len(list(sheet.iter_rows(values_only=True))) == 1  # the header alone
        figures = client.get(reverse("instructions:instruction-figures")).context["figures"]
        assert figures == {"executors": [], "units": []}
    else:
        # Someone of no department has no register at all.
        assert listed.status_code == 404 and username in SUBDIVISIONS
        assert client.get(reverse("instructions:instruction-export")).status_code == 404
        assert client.get(reverse("instructions:instruction-figures")).status_code == 404
        assert client.get(reverse("instructions:instruction-create")).status_code == 404
    html = client.get(reverse("core:search"), {"q": "Алматы"}).content.decode()
    assert "/instructions/" not in html.split("<main", 1)[-1]


def test_the_isd_read_log_records_opening_downloading_and_exporting_isd_7(people, users, client_for, isd_chain):
    _parent, child = isd_chain
    stored = InstructionFile.objects.get()
    client = client_for("isd_almaty")
    assert client.get(child.get_absolute_url()).status_code == 200
    assert client.get(reverse("instructions:instruction-file-download", args=[child.pk, stored.pk])).status_code == 200
    assert client.get(reverse("instructions:instruction-export")).status_code == 200
    assert set(ReadEvent.objects.filter(user=users["isd_almaty"]).values_list("action", flat=True)) == {
        "open",
        "download",
        "export",
    }


def test_the_search_finds_an_instruction_within_reach(people, users, client_for, isd_chain):
    _parent, child = isd_chain
    html = client_for("isd_almaty").get(reverse("core:search"), {"q": "Отчёт Алматы"}).content.decode()
    assert child.get_absolute_url() in html
    html = client_for("isd_almaty").get(reverse("core:search"), {"q": child.registration_number}).content.decode()
    assert child.get_absolute_url() in html


def test_ones_own_instructions_are_the_same_whether_few_or_many_isd_7(people, users, isd_chain, monkeypatch):
    """selectors._own (core.search.few_or_many): a few are found through their indexes, many
    tested row by row in the list's order; both give the same instructions, never another's."""
    from courtadmin.core import search

    parent, child = isd_chain
    ir = give(users["ir_head"], [users["ir_officer"]], text="IR")
    few = {name: set(instructions_visible_to(users[name])) for name in ("isd_almaty", "isd_head", "ir_officer")}
    assert few == {"isd_almaty": {child}, "isd_head": {parent, child}, "ir_officer": {ir}}
    monkeypatch.setattr(search, "COMMON", 0)
    for name, seen in few.items():
        reader = type(users[name]).objects.get(pk=users[name].pk)  # a new request: nothing kept
        assert set(instructions_visible_to(reader)) == seen, name


def test_whoever_leaves_the_isd_stops_reading_its_instructions_isd_7(people, users, client_for, isd_chain):
    _parent, child = isd_chain
    assert set(instructions_visible_to(users["isd_almaty"])) == {child}
    people["isd_almaty"].position = people["legal_officer"].position
    people["isd_almaty"].save()
    moved = type(users["isd_almaty"]).objects.get(pk=users["isd_almaty"].pk)
    assert not instructions_visible_to(moved).exists()
    assert client_for("isd_almaty").get(child.get_absolute_url()).status_code == 404
