"""The ISD in figures (issue 7.6, ISD 7): each figure equals a direct count of the same records,
for the head and the leadership only."""

from collections import Counter
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courtadmin.org.models import Region
from internal_security.models import Complaint, CriminalCase, Investigation
from internal_security.services import cases as services
from internal_security.workflow import case_move

from .factories import a_case, open_investigation, register


@pytest.fixture
def records(people):
    """Two complaints in two regions, two investigations (one concluded), three criminal cases
    in two regions and stages, and one case of last year that no figure of this year counts."""
    day = register(people).received_on  # ten days back or more: every record is of its year
    register(people, region=Region.objects.get(code="almaty"))
    open_investigation(people, instruction_date=day)
    concluded = open_investigation(people, instruction_number="13-т", instruction_date=day)
    Investigation.objects.filter(pk=concluded.pk).update(
        status=Investigation.Status.CONCLUDED, outcome=Investigation.Outcome.DISCIPLINARY
    )
    almaty = people["isd_almaty"].user
    services.criminal_case_save(actor=almaty, case=a_case(opened_on=day), opening_decision="СДТБ")
    in_court = services.criminal_case_save(actor=almaty, case=a_case(opened_on=day), opening_decision="СДТБ")
    case_move(
        case=in_court,
        move="to_court",
        actor=almaty,
        decided_on=day + timedelta(days=1),
        authority="Прокуратура",
        decision="Іс сотқа жіберілді",
    )
    shymkent = Region.objects.get(code="shymkent")
    for opened_on in (day, day.replace(year=day.year - 1)):
        # as the Shymkent unit would have entered them
        a_case(region=shymkent, opened_on=opened_on, entered_by=almaty).save()
    return day.year


@pytest.mark.parametrize("username", ["isd_head", "chairman", "ca_head"])
def test_each_figure_equals_a_direct_count(records, client_for, username):
    year = records
    figures = client_for(username).get(reverse("internal_security:complaint-figures"), {"year": year}).context

    complaints = Complaint.objects.filter(received_on__year=year)
    assert figures["total"] == complaints.count() == 2
    by_region = Counter(complaints.values_list("region__code", flat=True))
    assert {region.code: total for region, _months, total in figures["rows"]} == by_region
    assert sum(count for _label, count in figures["by_status"]) == complaints.count()

    investigations = Investigation.objects.filter(instruction_date__year=year)
    labels = dict(Investigation.Status.choices)
    assert dict(figures["investigations_by_status"]) == {
        labels[status]: count for status, count in Counter(investigations.values_list("status", flat=True)).items()
    }
    assert dict(figures["investigations_by_outcome"]) == {Investigation.Outcome.DISCIPLINARY.label: 1}

    cases = CriminalCase.objects.filter(opened_on__year=year)
    stages = [value for value, _label in CriminalCase.Stage.choices]
    expected = {
        region.code: [cases.filter(region=region, stage=stage).count() for stage in stages]
        for region in Region.objects.filter(criminalcase__in=cases).distinct()
    }
    assert {region.code: counts for region, counts, _total in figures["case_rows"]} == expected
    assert expected == {"almaty": [1, 1, 0, 0], "shymkent": [1, 0, 0, 0]}


def test_the_year_chosen_is_the_year_counted(records, client_for):
    last_year = (
        client_for("isd_head").get(reverse("internal_security:complaint-figures"), {"year": records - 1}).context
    )
    assert last_year["total"] == 0
    assert [(region.code, total) for region, _counts, total in last_year["case_rows"]] == [("shymkent", 1)]


def test_the_figures_are_for_the_head_and_the_leadership(people, client_for):
    year = register(people).received_on.year
    url = reverse("internal_security:complaint-figures")
    for username in ("isd_head", "chairman", "ca_head"):
        page = client_for(username).get(url, {"year": year})
        assert page.status_code == 200 and page.context["total"] == 1, username
    for username in ("isd_officer", "isd_deputy", "ir_head", "sysadmin"):
        assert client_for(username).get(url).status_code == 404, username


@pytest.mark.parametrize("username", ["isd_deputy", "isd_officer", "isd_almaty", "ca_deputy", "ir_head", "sysadmin"])
def test_nobody_else_reads_the_figures_isd_7(records, client_for, username):
    assert client_for(username).get(reverse("internal_security:complaint-figures")).status_code == 404


def test_complaints_closed_before_the_field_existed_take_their_terms_ending(people):
    """Migration 0009 copies each closed complaint's АППК term ending onto it."""
    from importlib import import_module
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    from internal_security.workflow import complaint_move

    complaint = register(people)
    complaint_move(complaint=complaint, move="forward", actor=people["isd_head"].user, forwarded_to="Бас прокуратура")
    running = register(people)
    Complaint.objects.update(term_kept=None)
    migration = import_module("internal_security.migrations.0009_dashboard_figures")

    def execute(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)

    # What the migration uses of its schema editor (a real one cannot open inside a test on SQLite).
    migration.copy_term_endings(apps, SimpleNamespace(connection=connection, execute=execute))
    assert Complaint.objects.get(pk=complaint.pk).term_kept is True
    assert Complaint.objects.get(pk=running.pk).term_kept is None


@pytest.mark.parametrize("year", ["0", "99999", "1991", "2200", "-1", "twenty"])
def test_a_year_outside_the_years_kept_is_said_beside_the_field_never_a_500(client_for, year):
    """The security issue: year 0 or 99999 on the figures page answered a bare 500."""
    response = client_for("isd_head").get(reverse("internal_security:complaint-figures"), {"year": year})
    assert response.status_code == 200
    assert response.context["form"].errors["year"]
    assert response.context["year"] == timezone.localdate().year
    assert 'aria-invalid="true"' in response.content.decode()
