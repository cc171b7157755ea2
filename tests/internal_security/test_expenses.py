"""Security spending proposals (ISD 6.8): a proposal for a building's item in a year, sent with
its technical specification, included in the year's proposals or declined with the reason by
the ISD head or deputy; the list's totals; a region's for its unit, 404 for anyone else."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from internal_security.models import SpendingProposal
from internal_security.services import expenses as services
from internal_security.workflow import expense_move
from tests.conftest import TODAY, refusal_codes

from .test_buildings import a_building

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def a_proposal(people, building, username="isd_almaty", item="video", amount="4500000", specification=True):
    proposal = services.expense_add(
        actor=people[username].user,
        proposal=SpendingProposal(
            year=TODAY.year + 1,
            building=building,
            item=item,
            description="Артқы кіреберіске 4 бейнекамера және тіркеуіш",
            amount=Decimal(amount),
        ),
    )
    if specification:
        services.specification_add(
            actor=people[username].user,
            proposal=proposal,
            upload=SimpleUploadedFile("ts.pdf", b"%PDF-1.7\n%%EOF\n"),
        )
    return proposal


def test_a_proposal_is_sent_with_its_specification_and_decided_by_the_isd_head_isd_6_8(people, client_for):
    building = a_building(people)
    bare = a_proposal(people, building, specification=False)
    almaty, head = people["isd_almaty"].user, people["isd_head"].user
    assert refusal_codes(expense_move, proposal=bare, move="send", actor=almaty) == {"no_specification"}
    proposal = a_proposal(people, building, item="access", amount="2000000")
    expense_move(proposal=proposal, move="send", actor=almaty)
    assert refusal_codes(expense_move, proposal=proposal, move="include", actor=almaty) == {"not_yours"}
    assert refusal_codes(
        services.specification_add,
        actor=almaty,
        proposal=proposal,
        upload=SimpleUploadedFile("late.pdf", b"%PDF-1.7\n%%EOF\n"),
    ) == {"sent"}
    expense_move(proposal=proposal, move="include", actor=head)
    proposal.refresh_from_db()
    assert proposal.status == "included"
    other = a_proposal(people, building, item="fire", amount="500000")
    expense_move(proposal=other, move="send", actor=almaty)
    assert refusal_codes(expense_move, proposal=other, move="decline", actor=head, decision=" ") == {"required"}
    expense_move(proposal=other, move="decline", actor=head, decision="Келесі жылға қалдырылды")
    totals = client_for("isd_head").get(reverse("internal_security:expense-list")).context["totals"]
    assert (totals["count"], totals["total"], totals["included"], totals["declined"]) == (
        3,
        Decimal("7000000"),
        Decimal("2000000"),
        Decimal("500000"),
    )


def test_a_proposal_is_a_regions_for_its_unit_and_404_for_anyone_else(people, client_for):
    theirs = a_proposal(people, a_building(people, "isd_head", region="shymkent"), username="isd_head")
    stored = theirs.specifications.get()
    download = reverse("internal_security:expense-file-download", args=[theirs.pk, stored.pk])
    for username in ("chairman", "isd_head", "isd_officer"):
        assert client_for(username).get(theirs.get_absolute_url()).status_code == 200, username
        assert client_for(username).get(download).status_code == 200, username
    for username in ("isd_almaty", "ir_head", "sysadmin", "court_almaty"):
        assert client_for(username).get(theirs.get_absolute_url()).status_code == 404, username
        assert client_for(username).get(download).status_code == 404, username


def test_the_register_is_filtered_and_exported(people, client_for):
    building = a_building(people)
    a_proposal(people, building)
    a_proposal(people, building, item="works", amount="9000000")
    client = client_for("isd_head")
    url = reverse("internal_security:expense-list")
    assert len(client.get(url + "?item=works").context["proposals"]) == 1
    assert client.get(url + "?item=works").context["totals"]["total"] == Decimal("9000000")
    response = client.get(reverse("internal_security:expense-export"), {"item": "video"})
    rows = list(
        load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(min_row=2, values_only=True)
    )
    assert [(row[0], row[5]) for row in rows] == [(TODAY.year + 1, 4500000)]


@pytest.mark.parametrize("name", ["expense-list", "expense-create", "expense-export"])
def test_the_registers_pages_are_404_to_outsiders(name, people, client_for):
    for username in ("ir_head", "ca_deputy", "sysadmin", "legal_officer", "hr_keeper"):
        assert client_for(username).get(reverse(f"internal_security:{name}")).status_code == 404, username
