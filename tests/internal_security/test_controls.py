"""Compliance with anti-corruption law in public procurement (ISD 6.19) and personnel matters
(ISD 6.20): a procedure, appointment or competition taken under control with what is checked,
completed with the findings and, for a violation, the measures taken; kept by the central ISD
and the region's territorial ISD unit alone."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from courtadmin.org.models import Region
from internal_security.models import ComplianceControl
from internal_security.services import controls as services
from internal_security.workflow import control_move
from tests.conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def a_control(people, username="isd_almaty", area="procurement", checks=("conflict", "splitting"), **fields):
    defaults = {
        "subject": "Бейнебақылау жабдығын сатып алу",
        "reference": "№ 1234567, 01.11.2026",
        "subdivision": "Алматы қаласы бойынша сот әкімшілігі",
        "region": Region.objects.get(code=fields.pop("region", "almaty")),
        "started_on": TODAY.date() - timedelta(days=3),
    }
    return services.control_open(
        actor=people[username].user,
        control=ComplianceControl(area=area, checks=list(checks), **{**defaults, **fields}),
    )


def test_a_procurement_control_is_completed_with_its_findings_and_measures_isd_6_19(people):
    control = a_control(people)
    almaty = people["isd_almaty"].user
    with pytest.raises(ValidationError) as refused:
        control_move(control=control, move="complete", actor=almaty, violation=True, findings="Бөлшектеу анықталды")
    assert refused.value.error_dict["measures"][0].code == "required"  # a violation calls for measures
    with pytest.raises(ValidationError) as refused:
        control_move(control=control, move="complete", actor=almaty, findings="Бұзушылық жоқ")
    assert refused.value.error_dict["violation"][0].code == "required"
    control_move(
        control=control,
        move="complete",
        actor=almaty,
        violation=True,
        findings="Бөлшектеу анықталды",
        measures="Материалдар прокуратураға жіберілді",
    )
    control.refresh_from_db()
    assert control.status == ComplianceControl.Status.COMPLETED and control.completed_on == TODAY.date()
    assert control.violation is True and control.measures == "Материалдар прокуратураға жіберілді"


def test_a_check_outside_the_area_is_refused_isd_6_20(people):
    with pytest.raises(ValidationError) as refused:
        a_control(people, area="personnel", checks=("splitting",))  # splitting is a purchase's
    assert refused.value.error_dict["checks"][0].code == "outside_area"
    control = a_control(people, area="personnel", checks=("competition", "kinship"), subject="Конкурс")
    assert control.get_checks_display() == [
        str(ComplianceControl.Check.COMPETITION.label),
        str(ComplianceControl.Check.KINSHIP.label),
    ]


def test_a_unit_keeps_its_regions_controls_alone(people, client_for):
    theirs = a_control(people, "isd_officer", region="shymkent")
    own = a_control(people, "isd_almaty", region="shymkent")
    assert own.region.code == "almaty"
    client = client_for("isd_almaty")
    assert client.get(theirs.get_absolute_url()).status_code == 404
    assert [row.pk for row in client.get(reverse("internal_security:control-list")).context["controls"]] == [own.pk]
    with pytest.raises(PermissionDenied):
        a_control(people, "ir_head")


def test_the_completion_form_keeps_what_was_typed(people, client_for):
    control = a_control(people)
    page = client_for("isd_almaty").post(
        reverse("internal_security:control-move", args=[control.pk, "complete"]),
        {"violation": "yes", "findings": "Бөлшектеу", "measures": ""},
    )
    assert page.status_code == 200
    form = next(form for move, form in page.context["moves"] if move.name == "complete")
    assert form.errors["measures"] and form["findings"].value() == "Бөлшектеу"


def test_the_register_is_filtered_and_exported(people, client_for):
    a_control(people)
    a_control(people, area="personnel", checks=("qualification",), subject="Кеңсе меңгерушісін тағайындау")
    client = client_for("isd_head")
    rows = client.get(reverse("internal_security:control-list"), {"area": "personnel"}).context["controls"]
    assert [row.subject for row in rows] == ["Кеңсе меңгерушісін тағайындау"]
    response = client.get(reverse("internal_security:control-export"), {"area": "procurement"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Бейнебақылау жабдығын сатып алу"]


@pytest.mark.parametrize("name", ["control-list", "control-create", "control-export"])
def test_the_registers_pages_are_404_to_outsiders(name, people, client_for):
    for username in ("ir_head", "ca_deputy", "sysadmin", "legal_officer", "hr_keeper"):
        assert client_for(username).get(reverse(f"internal_security:{name}")).status_code == 404, username
