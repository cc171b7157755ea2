"""The criminal-case registry (ISD 6.16): the territorial ISD unit keeps its region's cases,
the ISD sees them all, nobody else any (ISD 7); the dates follow one another."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from courtadmin.audit.models import ReadEvent
from courtadmin.org.models import Region
from internal_security.models import CriminalCase
from internal_security.services import cases as services

from .factories import a_case


def test_the_territorial_unit_enters_a_case_of_its_own_region(people):
    case = services.criminal_case_save(actor=people["isd_almaty"].user, case=a_case())
    assert case.region.code == "almaty" and case.entered_by == people["isd_almaty"].user


@pytest.mark.parametrize("username", ["isd_officer", "isd_head", "chairman", "ir_head"])
def test_only_a_territorial_unit_keeps_the_registry(people, username):
    with pytest.raises(PermissionDenied):
        services.criminal_case_save(actor=people[username].user, case=a_case())


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"opened_on": timezone.localdate() + timedelta(days=1)}, "opened_on", "future"),
        ({"stage": "in_court"}, "sent_to_court_on", "required"),
        ({"sent_to_court_on": timezone.localdate() - timedelta(days=90)}, "sent_to_court_on", "order"),
        ({"stage": "verdict", "sent_to_court_on": timezone.localdate() - timedelta(days=30)}, "outcome", "required"),
    ],
)
def test_dates_and_stages_must_agree(people, fields, field, code):
    with pytest.raises(ValidationError) as refused:
        services.criminal_case_save(actor=people["isd_almaty"].user, case=a_case(**fields))
    assert code in {error.code for error in refused.value.error_dict[field]}
    assert not CriminalCase.objects.exists()


def test_the_isd_sees_every_case_a_territorial_unit_its_own_and_others_none(people, client_for):
    almaty = services.criminal_case_save(actor=people["isd_almaty"].user, case=a_case())
    elsewhere = a_case(
        person="Судья Л.", region=Region.objects.get(code="astana"), entered_by=people["isd_almaty"].user
    )
    elsewhere.save()  # as an Astana unit would have entered it
    for username in ("isd_officer", "isd_head", "chairman", "ca_head"):
        rows = client_for(username).get(reverse("internal_security:case-list")).context["cases"]
        assert {case.pk for case in rows} == {almaty.pk, elsewhere.pk}, username
    rows = client_for("isd_almaty").get(reverse("internal_security:case-list")).context["cases"]
    assert [case.pk for case in rows] == [almaty.pk]
    assert client_for("isd_almaty").get(elsewhere.get_absolute_url()).status_code == 404
    for username in ("ir_head", "ca_deputy", "sysadmin"):
        assert client_for(username).get(almaty.get_absolute_url()).status_code == 404, username


def test_opening_a_case_is_in_the_read_log(people, client_for):
    case = services.criminal_case_save(actor=people["isd_almaty"].user, case=a_case())
    client_for("isd_officer").get(case.get_absolute_url())
    assert ReadEvent.objects.filter(user=people["isd_officer"].user, record_id=str(case.pk), action="open").exists()


def test_a_case_is_linked_only_to_complaints_its_keeper_reaches(people, client_for):
    """isd_almaty reaches Almaty's complaints; an Astana complaint's number is "not within
    your reach", which tells nothing of whether it exists (ISD 7)."""
    from .factories import register

    almaty = register(people, region=Region.objects.get(code="almaty"))
    astana = register(people)
    keeper = people["isd_almaty"].user
    with pytest.raises(ValidationError) as refused:
        services.criminal_case_save(actor=keeper, case=a_case(), complaint_numbers=[astana.number])
    assert {error.code for error in refused.value.error_dict["complaint_numbers"]} == {"unknown"}
    assert not CriminalCase.objects.exists()
    case = services.criminal_case_save(actor=keeper, case=a_case(), complaint_numbers=[almaty.number])
    page = client_for("isd_head").get(case.get_absolute_url())
    assert [c.pk for c in page.context["complaints"]] == [almaty.pk]


def test_the_registry_is_filtered_and_exported_within_reach_and_the_export_logged(people, client_for):
    from io import BytesIO

    from openpyxl import load_workbook

    keeper = people["isd_almaty"].user
    services.criminal_case_save(actor=keeper, case=a_case())
    services.criminal_case_save(actor=keeper, case=a_case(person="Судья П.", article="367-бап", corruption=False))
    client = client_for("isd_officer")
    listed = client.get(reverse("internal_security:case-list"), {"text": "367"}).context["cases"]
    assert [case.person for case in listed] == ["Судья П."]
    listed = client.get(reverse("internal_security:case-list"), {"corruption": "on"}).context["cases"]
    assert [case.person for case in listed] == ["Сот приставы К."]
    response = client.get(reverse("internal_security:case-export"), {"text": "367"})
    rows = list(load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["Судья П."]
    assert ReadEvent.objects.filter(user=people["isd_officer"].user, action="export").exists()
    assert client_for("ir_head").get(reverse("internal_security:case-export")).status_code == 404
