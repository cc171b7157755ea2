"""Best practice in security and anti-corruption (ISD 6.2): a practice studied, the proposal
made from it to the leadership and its fate, recorded by the ISD head or deputy; read by the
ISD and those it reports to, not by a territorial unit."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from openpyxl import load_workbook

from internal_security.models import Practice
from internal_security.services import practices as services
from internal_security.workflow import practice_move
from tests.conftest import TODAY, refusal_codes

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def a_practice(people, username="isd_officer", **fields):
    defaults = {
        "title": "Судьяларды кездейсоқ бөлудің электрондық жүйесі",
        "origin": Practice.Origin.FOREIGN,
        "source": "Грузия, Әділет жоғары кеңесі",
        "summary": "Істерді судьялар арасында автоматты түрде бөлу.",
        "studied_on": TODAY.date() - timedelta(days=10),
    }
    return services.practice_add(actor=people[username].user, practice=Practice(**{**defaults, **fields}))


def test_a_practice_is_proposed_and_its_fate_recorded_by_the_head_isd_6_2(people):
    practice = a_practice(people)
    officer, head = people["isd_officer"].user, people["isd_head"].user
    assert refusal_codes(practice_move, practice=practice, move="propose", actor=officer, proposal=" ") == {"required"}
    practice_move(practice=practice, move="propose", actor=officer, proposal="Сот әкімшілігінде енгізу ұсынылады.")
    assert refusal_codes(practice_move, practice=practice, move="adopt", actor=officer, decision="Иә") == {"not_yours"}
    practice_move(practice=practice, move="adopt", actor=head, decision="Төрағаның 20.11.2026 тапсырмасы")
    practice.refresh_from_db()
    assert practice.status == Practice.Status.ADOPTED and practice.proposed_on == TODAY.date()
    assert practice.decision == "Төрағаның 20.11.2026 тапсырмасы"


def test_only_the_central_isd_records_a_practice(people, client_for):
    for username in ("isd_almaty", "ir_head"):
        with pytest.raises(PermissionDenied):
            a_practice(people, username)
    practice = a_practice(people)
    assert client_for("isd_almaty").get(practice.get_absolute_url()).status_code == 404
    assert client_for("ca_head").get(practice.get_absolute_url()).status_code == 200


def test_the_register_is_filtered_and_exported(people, client_for):
    a_practice(people)
    a_practice(people, title="Сот ғимараттарына кіруді бақылау", origin=Practice.Origin.DOMESTIC, source="Қостанай")
    client = client_for("isd_head")
    rows = client.get(reverse("internal_security:practice-list"), {"origin": "domestic"}).context["practices"]
    assert [row.source for row in rows] == ["Қостанай"]
    response = client.get(reverse("internal_security:practice-export"), {"text": "Грузия"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Грузия, Әділет жоғары кеңесі"]


@pytest.mark.parametrize("name", ["practice-list", "practice-create", "practice-export"])
def test_the_registers_pages_are_404_to_outsiders_and_to_a_unit(name, people, client_for):
    for username in ("ir_head", "ca_deputy", "sysadmin", "legal_officer", "hr_keeper", "isd_almaty"):
        assert client_for(username).get(reverse(f"internal_security:{name}")).status_code == 404, username
