"""Passes and service IDs (ISD 5.5, 6.6): a permanent pass to a court building issued by whoever
keeps its region, an ISD officer's service ID issued by the ISD head or deputy alone, each
withdrawn with the reason; the building's rules of the regime filed and replaced; a region's
passes for its unit, 404 for anyone else."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from internal_security.models import AccessPass, RegimeRules
from internal_security.services import buildings as building_services
from internal_security.services import passes as services
from internal_security.workflow import pass_move
from tests.conftest import TODAY, refusal_codes

from .test_buildings import a_building

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def a_pass(people, building=None, username="isd_almaty", kind="permanent", number="П-1", days=365, **fields):
    defaults = {"holder": "Сәрсенова Ж. Т.", "holder_post": "Судья"}
    return services.pass_issue(
        actor=people[username].user,
        access_pass=AccessPass(
            kind=kind,
            number=number,
            building=building,
            issued_on=TODAY.date() - timedelta(days=10),
            valid_until=TODAY.date() + timedelta(days=days),
            **{**defaults, **fields},
        ),
    )


def test_a_permanent_pass_is_issued_to_a_building_and_withdrawn_with_the_reason_isd_6_6(people, client_for):
    building = a_building(people)
    issued = a_pass(people, building)
    assert (issued.region_id, issued.status) == (building.region_id, "valid")
    page = client_for("isd_almaty").get(building.get_absolute_url())
    assert page.context["passes_in_force"] == 1
    almaty = people["isd_almaty"].user
    assert refusal_codes(pass_move, access_pass=issued, move="withdraw", actor=almaty, reason=" ") == {"required"}
    pass_move(access_pass=issued, move="withdraw", actor=almaty, reason="Судья отставкаға кетті")
    issued.refresh_from_db()
    assert (issued.status, issued.withdrawn_on) == ("withdrawn", TODAY.date())
    assert client_for("isd_almaty").get(building.get_absolute_url()).context["passes_in_force"] == 0
    with pytest.raises(ValidationError) as refused:
        a_pass(people, None)
    assert refused.value.error_dict["building"][0].code == "required"
    with pytest.raises(ValidationError) as refused:
        a_pass(people, building, number="П-1")  # the number is given once
    assert refused.value.error_dict


def test_a_service_id_goes_to_an_isd_officer_from_the_isd_head_alone_isd_5_5(people):
    officer = people["isd_almaty"]
    issued = a_pass(people, username="isd_head", kind="service_id", number="ҚҚ-017", person=officer, holder="")
    assert (issued.holder, issued.region_id, issued.building_id) == (
        officer.full_name,
        officer.position.unit.region_id,
        None,
    )
    central = a_pass(people, username="isd_head", kind="service_id", number="ҚҚ-001", person=people["isd_officer"])
    assert central.region_id is None  # a central officer's ID belongs to no region
    assert refusal_codes(
        a_pass, people=people, username="isd_almaty", kind="service_id", number="ҚҚ-2", person=officer
    ) == {"not_yours"}
    assert refusal_codes(
        a_pass, people=people, username="isd_head", kind="service_id", number="ҚҚ-3", person=people["ir_officer"]
    ) == {"not_isd"}
    assert refusal_codes(
        pass_move, access_pass=issued, move="withdraw", actor=people["isd_almaty"].user, reason="."
    ) == {"not_yours"}


def test_passes_are_a_regions_for_its_unit_and_404_for_anyone_else(people, client_for):
    theirs = a_pass(people, a_building(people, "isd_head", region="shymkent"), username="isd_head", number="Ш-1")
    central = a_pass(people, username="isd_head", kind="service_id", number="ҚҚ-1", person=people["isd_officer"])
    ours = a_pass(people, a_building(people), number="А-1")
    for username in ("chairman", "isd_head", "isd_officer"):
        assert client_for(username).get(theirs.get_absolute_url()).status_code == 200, username
    for username in ("isd_almaty", "ir_head", "sysadmin", "court_almaty"):
        assert client_for(username).get(theirs.get_absolute_url()).status_code == 404, username
    listed = client_for("isd_almaty").get(reverse("internal_security:pass-list")).context["passes"]
    assert [p.pk for p in listed] == [ours.pk]
    assert client_for("isd_almaty").get(central.get_absolute_url()).status_code == 404


def test_the_register_is_filtered_by_validity_and_exported(people, client_for):
    building = a_building(people)
    lapsing, lasting = a_pass(people, building, number="1", days=20), a_pass(people, building, number="2", days=200)
    client = client_for("isd_head")
    url = reverse("internal_security:pass-list")
    assert [p.pk for p in client.get(url + "?validity=lapsing").context["passes"]] == [lapsing.pk]
    assert {p.pk for p in client.get(url + "?validity=in_force").context["passes"]} == {lapsing.pk, lasting.pk}
    assert [p.pk for p in client.get(url + f"?building={building.pk}&text=2").context["passes"]] == [lasting.pk]
    response = client.get(reverse("internal_security:pass-export"), {"validity": "lapsing"})
    rows = list(
        load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(min_row=2, values_only=True)
    )
    assert [row[1] for row in rows] == ["1"]


def test_the_rules_of_the_regime_are_filed_and_replaced_by_the_next_isd_6_6(people, client_for):
    building = a_building(people)
    almaty = people["isd_almaty"].user

    def rules(number):
        return building_services.regime_rules_file(
            actor=almaty,
            building=building,
            rules=RegimeRules(number=number, approved_on=TODAY.date()),
            upload=SimpleUploadedFile("rules.pdf", b"%PDF-1.7\n%%EOF\n"),
        )

    first = rules("1")
    second = rules("2")
    first.refresh_from_db()
    assert first.replaced_on == TODAY.date() and second.replaced_on is None
    assert client_for("isd_almaty").get(building.get_absolute_url()).context["rules"].pk == second.pk
    download = reverse("internal_security:building-rules-download", args=[building.pk, first.pk])
    assert client_for("isd_head").get(download).status_code == 200
    assert client_for("ir_head").get(download).status_code == 404


@pytest.mark.parametrize("name", ["pass-list", "pass-create", "pass-export"])
def test_the_registers_pages_are_404_to_outsiders(name, people, client_for):
    for username in ("ir_head", "ca_deputy", "sysadmin", "legal_officer", "hr_keeper"):
        assert client_for(username).get(reverse(f"internal_security:{name}")).status_code == 404, username
