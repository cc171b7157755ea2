"""Threats to judges and their families, incidents in court buildings and at hearings, and
unlawful interference in the work of judges and staff (ISD 6.3, 6.4, 6.5): each seen by the
ISD head and deputy, the officers granted it, the leadership (ISD 7) and the territorial unit
of its region, and 404 for everyone else; its measures with law enforcement and its outcome."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from courtadmin.org.models import Region
from internal_security.models import IncidentMeasure, SecurityIncident
from internal_security.services import incidents as services
from internal_security.workflow import incident_move
from tests.conftest import TODAY, refusal_codes

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def an_incident(people, username="isd_head", kind="threat_judge", region="almaty", **fields):
    defaults = {
        "court": "Алматы қаласы Медеу аудандық соты",
        "person": "Судья Ж.",
        "occurred_on": TODAY.date() - timedelta(days=2),
        "description": "Судьяға телефон арқылы қоқан-лоққы жасалды.",
        "reported_by": "Судьяның өзі",
    }
    return services.incident_register(
        actor=people[username].user,
        incident=SecurityIncident(kind=kind, region=Region.objects.get(code=region), **{**defaults, **fields}),
    )


def test_a_threat_to_a_judge_is_seen_by_the_leadership_the_head_the_granted_officer_and_its_unit_isd_7(
    people, client_for
):
    """GIVEN a threat to an Almaty judge, granted to isd_officer
    THEN the chairman, the CA head, the ISD head and deputy, isd_officer and the Almaty unit
    open it; isd_officer2, the IR, the CA deputy, the administrator, the personnel office, a
    subdivision and a court get 404 on its page, in the list and in the export."""
    threat = an_incident(people)
    services.incident_assign(actor=people["isd_head"].user, incident=threat, officers=[people["isd_officer"].user])
    for username in ("chairman", "ca_head", "isd_head", "isd_deputy", "isd_officer", "isd_almaty"):
        assert client_for(username).get(threat.get_absolute_url()).status_code == 200, username
    for username in ("isd_officer2", "ir_head", "ca_deputy", "sysadmin", "hr_keeper", "legal_officer", "court_almaty"):
        client = client_for(username)
        assert client.get(threat.get_absolute_url()).status_code == 404, username
        listed = client.get(reverse("internal_security:incident-list"))
        assert listed.status_code == 404 or threat.pk not in [i.pk for i in listed.context["incidents"]], username


def test_another_regions_unit_does_not_see_it_and_an_officer_does_not_record_one(people, client_for):
    theirs = an_incident(people, region="shymkent")
    assert client_for("isd_almaty").get(theirs.get_absolute_url()).status_code == 404
    own = an_incident(people, "isd_almaty", region="shymkent")  # a unit records its own region's
    assert own.region.code == "almaty"
    with pytest.raises(PermissionDenied):
        an_incident(people, "isd_officer")  # he would not see it afterwards: given by a grant instead


def test_its_measures_with_law_enforcement_and_its_outcome_isd_6_3(people):
    threat = an_incident(people)
    almaty = people["isd_almaty"].user
    services.incident_measure_add(
        actor=almaty,
        incident=threat,
        measure=IncidentMeasure(taken_on=TODAY.date(), text="Судьяның үйіне күзет қойылды", with_body="Полиция"),
    )
    assert refusal_codes(incident_move, incident=threat, move="close", actor=almaty, outcome=" ") == {"required"}
    incident_move(incident=threat, move="close", actor=almaty, outcome="Қоқан-лоққы жасаған адам анықталды")
    threat.refresh_from_db()
    assert threat.status == SecurityIncident.Status.CLOSED and threat.closed_on == TODAY.date()
    with pytest.raises(ValidationError):  # nothing more on a closed one
        services.incident_measure_add(
            actor=almaty, incident=threat, measure=IncidentMeasure(taken_on=TODAY.date(), text=".")
        )
    officer = people["isd_officer"].user  # not granted: neither sees nor works on it
    assert refusal_codes(incident_move, incident=an_incident(people), move="close", actor=officer, outcome=".") == {
        "not_yours"
    }


def test_a_threat_names_whom_it_threatens_and_the_form_keeps_what_was_typed(people, client_for):
    page = client_for("isd_head").post(
        reverse("internal_security:incident-create"),
        {
            "kind": "threat_family",
            "region": Region.objects.get(code="almaty").pk,
            "court": "Медеу аудандық соты",
            "person": "",
            "occurred_on": TODAY.date().isoformat(),
            "description": "Хат",
            "reported_by": "Судья",
            "law_enforcement": "",
        },
    )
    assert page.status_code == 200 and page.context["form"].errors["person"]
    assert page.context["form"]["description"].value() == "Хат" and not SecurityIncident.objects.exists()


def test_the_register_is_filtered_and_exported(people, client_for):
    an_incident(people)
    an_incident(people, kind="building", person="", court="Шымкент қалалық соты", region="shymkent")
    client = client_for("isd_head")
    rows = client.get(reverse("internal_security:incident-list"), {"kind": "building"}).context["incidents"]
    assert [row.court for row in rows] == ["Шымкент қалалық соты"]
    response = client.get(reverse("internal_security:incident-export"), {"kind": "threat_judge"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Судья Ж."]


@pytest.mark.parametrize("name", ["incident-list", "incident-create", "incident-export"])
def test_the_registers_pages_are_404_to_outsiders(name, people, client_for):
    for username in ("ir_head", "ca_deputy", "sysadmin", "legal_officer", "hr_keeper"):
        assert client_for(username).get(reverse(f"internal_security:{name}")).status_code == 404, username
