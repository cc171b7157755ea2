"""The ISD head's evaluations of the territorial units' heads (ISD 9): recorded by the ISD head
alone, on the report heard, with a proposal of reward or penalty and its grounds; read by the
ISD head and deputy and those the ISD reports to, by nobody else."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courtadmin.org.models import Region
from internal_security.models import HeadEvaluation
from internal_security.services.evaluations import evaluation_record
from tests.conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]


def an_evaluation(people, username="isd_head", **fields):
    defaults = {
        "region": Region.objects.get(code="almaty"),
        "head": "Ерлан Жақсылықов",
        "year": 2025,
        "heard_on": date(2026, 1, 20),
        "report": "Жыл ішінде 12 тексеру өткізілді.",
        "assessment": HeadEvaluation.Assessment.MEETS,
    }
    return evaluation_record(actor=people[username].user, evaluation=HeadEvaluation(**{**defaults, **fields}))


def test_the_isd_head_evaluates_a_units_head_with_a_proposal_and_its_grounds_isd_9(people):
    with pytest.raises(ValidationError) as refused:
        an_evaluation(people, proposal=HeadEvaluation.Proposal.PENALTY)
    assert refused.value.error_dict["proposal_text"][0].code == "required"
    with pytest.raises(ValidationError) as refused:
        an_evaluation(people, heard_on=timezone.localdate() + timedelta(days=1))
    assert refused.value.error_dict["heard_on"][0].code == "future"
    evaluation = an_evaluation(people, proposal=HeadEvaluation.Proposal.REWARD, proposal_text="Алғыс хат")
    assert (evaluation.evaluated_by, evaluation.proposal) == (people["isd_head"].user, "reward")
    with pytest.raises(ValidationError):  # once a year for one head
        an_evaluation(people)


@pytest.mark.parametrize("username", ["isd_deputy", "isd_officer", "chairman", "isd_almaty"])
def test_nobody_but_the_isd_head_evaluates(people, username):
    with pytest.raises(PermissionDenied):
        an_evaluation(people, username)
    assert not HeadEvaluation.objects.exists()


def test_an_evaluation_is_read_by_the_isd_managers_and_the_leadership_alone_isd_7(people, client_for):
    evaluation = an_evaluation(people)
    for username in ("isd_head", "isd_deputy", "chairman", "ca_head"):
        client = client_for(username)
        assert client.get(evaluation.get_absolute_url()).status_code == 200, username
        assert [row.pk for row in client.get(reverse("internal_security:evaluation-list")).context["evaluations"]] == [
            evaluation.pk
        ]
    for username in ("isd_officer", "isd_almaty", "ir_head", "ca_deputy", "hr_keeper"):
        client = client_for(username)
        for url in (evaluation.get_absolute_url(), reverse("internal_security:evaluation-list")):
            assert client.get(url).status_code == 404, (username, url)


def test_the_register_is_filtered_and_exported(people, client_for):
    an_evaluation(people)
    an_evaluation(people, head="Айгүл Сейітова", assessment=HeadEvaluation.Assessment.FAILS)
    client = client_for("isd_head")
    rows = client.get(reverse("internal_security:evaluation-list"), {"assessment": "fails"}).context["evaluations"]
    assert [row.head for row in rows] == ["Айгүл Сейітова"]
    response = client.get(reverse("internal_security:evaluation-export"), {"assessment": "fails"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Айгүл Сейітова"]


def test_a_refused_evaluation_keeps_what_was_typed_beside_its_field(people, client_for):
    page = client_for("isd_head").post(
        reverse("internal_security:evaluation-create"),
        {
            "region": Region.objects.get(code="almaty").pk,
            "head": "Ерлан Жақсылықов",
            "year": "2025",
            "heard_on": "2026-01-20",
            "report": "Есеп",
            "assessment": "partly",
            "proposal": "penalty",
            "proposal_text": "",
        },
    )
    assert page.status_code == 200 and "proposal_text" in page.context["form"].errors
    assert page.context["form"]["report"].value() == "Есеп"
    assert client_for("isd_deputy").get(reverse("internal_security:evaluation-create")).status_code == 404
