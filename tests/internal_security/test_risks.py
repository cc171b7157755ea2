"""Corruption risks (ISD 6.13, 6.14): found by the ISD's internal analysis per process and
subdivision, with their cause, likelihood and impact; removed by measures with owners and
terms, each controlled until done with its evidence; the analysis of a period signed by the
ISD head; a heat map of the open risks by process and region. Kept by the central ISD and
the region's territorial ISD unit alone."""

from datetime import datetime, time, timedelta
from io import BytesIO

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courtadmin.deadlines.calendar import ALMATY, WorkingCalendar
from courtadmin.deadlines.models import Deadline, Reminder
from courtadmin.deadlines.services import reminders_scan
from courtadmin.documents import services as documents
from courtadmin.documents.workflow import SigningConfirmation
from courtadmin.org.models import Region
from internal_security.models import CorruptionRisk, RiskAnalysis, RiskMeasure
from internal_security.selectors.risks import heat_map
from internal_security.services import risks as services
from internal_security.workflow import risk_measure_move, risk_move
from tests.conftest import TODAY, refusal_codes

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def a_risk(people, username="isd_almaty", region="almaty", likelihood=3, impact=2, process="procurement", **fields):
    return services.risk_identify(
        actor=people[username].user,
        risk=CorruptionRisk(
            process=process,
            subdivision=fields.pop("subdivision", "Алматы облысы бойынша сот әкімшілігі"),
            region=Region.objects.get(code=region),
            description="Бір жеткізушіден бөлшектеп сатып алу",
            cause="Сатып алу жоспары бекітілмеген",
            likelihood=likelihood,
            impact=impact,
            identified_on=fields.pop("identified_on", TODAY.date() - timedelta(days=5)),
        ),
    )


def a_measure(people, risk, username="isd_almaty", days=10):
    return services.risk_measure_add(
        actor=people[username].user,
        risk=risk,
        measure=RiskMeasure(
            text="Сатып алу жоспарын бекіту", owner="Бас маман Ә.", due_on=TODAY.date() + timedelta(days=days)
        ),
    )


def test_an_overdue_measure_escalates_and_the_risk_is_removed_only_when_none_is_left_open_isd_6_14(people):
    """GIVEN the Almaty unit's risk with two measures under control
    WHEN one is done and the other's term passes
    THEN the ISD head is escalated the overdue one; the risk is not removed while it is open,
    and once it is done the risk is removed, each term closed as met or missed."""
    almaty = people["isd_almaty"].user
    risk = a_risk(people)
    assert refusal_codes(risk_move, risk=risk, move="remove", actor=almaty, note="Жойылды") == {"no_measures"}
    first, second = a_measure(people, risk, days=5), a_measure(people, risk, days=8)
    term = Deadline.objects.get(kind="isd.risk_measure", record_id=str(first.pk))
    assert (term.due_on, term.responsible) == (first.due_on, almaty)

    risk_measure_move(measure=first, move="report", actor=almaty, result="Жоспар бекітілді", on=TODAY.date())
    assert refusal_codes(risk_move, risk=risk, move="remove", actor=almaty, note="Жойылды") == {"measures_open"}

    overdue = WorkingCalendar().add_working_days(second.due_on, 1)
    reminders_scan(overdue)
    escalated = Reminder.objects.filter(key__startswith="escalation:", deadline__kind="isd.risk_measure")
    assert set(escalated.values_list("recipient", flat=True)) == {people["isd_head"].user_id}
    with time_machine.travel(datetime.combine(overdue, time(10), ALMATY)):
        risk_measure_move(measure=second, move="report", actor=almaty, result="Бұйрық № 5", on=overdue)
        risk_move(risk=risk, move="remove", actor=almaty, note="Екі шара орындалды")
    risk.refresh_from_db()
    assert risk.status == CorruptionRisk.Status.REMOVED and risk.removal_note == "Екі шара орындалды"
    states = dict(Deadline.objects.filter(kind="isd.risk_measure").values_list("record_id", "state"))
    assert states == {str(first.pk): Deadline.State.MET, str(second.pk): Deadline.State.MISSED}


def test_a_unit_keeps_its_regions_risks_alone(people, client_for):
    theirs = a_risk(people, "isd_officer", region="shymkent")
    own = a_risk(people, "isd_almaty", region="shymkent")  # a unit's risk is its own region's
    assert own.region.code == "almaty"
    with pytest.raises(ValidationError) as refused:
        a_measure(people, theirs)
    assert refused.value.code == "not_yours"
    client = client_for("isd_almaty")
    assert client.get(theirs.get_absolute_url()).status_code == 404
    rows = client.get(reverse("internal_security:risk-list")).context["risks"]
    assert [row.pk for row in rows] == [own.pk]
    with pytest.raises(PermissionDenied):
        a_risk(people, "ir_head")


def test_a_measure_is_due_after_today_and_its_form_keeps_what_was_typed(people, client_for):
    risk = a_risk(people)
    page = client_for("isd_almaty").post(
        reverse("internal_security:risk-measure-add", args=[risk.pk]),
        {"text": "Оқыту", "owner": "Кадр қызметі", "due_on": TODAY.date().isoformat()},
    )
    assert page.status_code == 200 and page.context["measure_form"].errors["due_on"]
    assert page.context["measure_form"]["text"].value() == "Оқыту" and not risk.measures.exists()


def test_the_heat_map_counts_open_risks_by_process_and_region_with_the_highest_level(people, client_for):
    a_risk(people, likelihood=3, impact=3)  # high, Almaty procurement
    a_risk(people, likelihood=1, impact=2)  # low, the same cell
    a_risk(people, "isd_officer", region="shymkent", process="personnel", likelihood=2, impact=2)  # medium
    cells = heat_map(CorruptionRisk.objects.all())
    rows = dict(cells["rows"])
    regions = [region.code for region in cells["regions"]]
    procurement = rows[CorruptionRisk.Process.PROCUREMENT.label][regions.index("almaty")]
    personnel = rows[CorruptionRisk.Process.PERSONNEL.label][regions.index("shymkent")]
    assert (procurement["count"], procurement["top"]) == (2, 9) and (personnel["count"], personnel["top"]) == (1, 4)
    assert rows[CorruptionRisk.Process.PROCUREMENT.label][regions.index("shymkent")] is None

    page = client_for("isd_head").get(reverse("internal_security:risk-list")).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and 'aria-labelledby="risk-heat-map-title' in page
    assert ": 2," in page  # the text alternative says the number of each cell


def test_the_register_is_filtered_by_level_and_exported(people, client_for):
    a_risk(people, likelihood=3, impact=3, subdivision="Жоғары")
    a_risk(people, likelihood=1, impact=1, subdivision="Төмен")
    client = client_for("isd_head")
    rows = client.get(reverse("internal_security:risk-list"), {"level": 3}).context["risks"]
    assert [row.subdivision for row in rows] == ["Жоғары"]
    response = client.get(reverse("internal_security:risk-export"), {"level": 1})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Төмен"]


def test_the_analysis_of_a_period_is_drafted_from_its_risks_and_signed_by_the_isd_head_isd_6_13(signing, client_for):
    people = signing
    a_risk(people, identified_on=TODAY.date().replace(month=8, day=3))
    officer, head = people["isd_officer"].user, people["isd_head"].user
    analysis = RiskAnalysis(year=TODAY.year, period=RiskAnalysis.Period.SECOND_HALF)
    document = services.risk_analysis_prepare(actor=officer, analysis=analysis)
    assert document.kind == "isd.risk_analysis" and document.language == "kk"
    text = document.versions.get().text
    assert "Сатып алу жоспары бекітілмеген" in text and "\n1. " in text  # one line for each risk
    again = services.risk_analysis_prepare(actor=officer, analysis=RiskAnalysis(year=TODAY.year, period="h2"))
    assert again.pk == document.pk and RiskAnalysis.objects.count() == 1  # its live draft is reused
    documents.document_act(document=document, move="submit", actor=officer)
    documents.document_sign_confirmed(
        document=document, actor=head, confirmation=SigningConfirmation(user_id=head.pk, at=timezone.now())
    )
    document.refresh_from_db()
    assert document.status == "signed" and document.signature.signer == head
    listed = client_for("isd_head").get(reverse("internal_security:risk-list")).context["analyses"]
    assert [(a.period, d.pk) for a, d in listed] == [("h2", document.pk)]
    with pytest.raises(ValidationError) as refused:  # no risk in the first half-year
        services.risk_analysis_prepare(actor=officer, analysis=RiskAnalysis(year=TODAY.year, period="h1"))
    assert refused.value.code == "no_risks"
    with pytest.raises(PermissionDenied):  # a unit does not draw up the ISD's analysis
        services.risk_analysis_prepare(actor=people["isd_almaty"].user, analysis=analysis)


@pytest.mark.parametrize("name", ["risk-list", "risk-create", "risk-export"])
def test_the_registers_pages_are_404_to_outsiders(name, people, client_for):
    for username in ("ir_head", "ca_deputy", "sysadmin", "legal_officer", "hr_keeper"):
        assert client_for(username).get(reverse(f"internal_security:{name}")).status_code == 404, username
    for username in ("ir_head", "isd_almaty", "legal_officer", "chairman"):
        page = client_for(username).post(reverse("internal_security:risk-analysis"), {"analysis-year": 2026})
        assert page.status_code == 404, username
