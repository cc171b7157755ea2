"""Projects with international organisations (issue 22, item 2; IR 4.4, 7.7-7.9): a proposal
asked of a subdivision, made a project, approved through a signed document, executed in
activities given to subdivisions with terms, monitored (a late activity escalates), reported
on per period and completed on its signed final report."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from courtadmin.deadlines.models import Deadline, Reminder
from courtadmin.deadlines.services import reminders_scan
from courtadmin.org.models import Unit
from international.models import Activity, Project, Proposal
from international.selectors import projects as selectors
from international.services import projects as services
from tests.conftest import page_queries, refusal_codes
from tests.documents.conftest import approved

from .factories import workbook_rows
from .test_agreements import signed_by_the_head, signed_document
from .test_partners import partner

pytestmark = pytest.mark.time_machine(date(2026, 12, 7))

P = Project.Status


def proposed(users) -> Proposal:
    (proposal,) = services.proposals_ask(
        actor=users["ir_officer"],
        topic="БҰҰДБ-мен сот төрелігіне қол жеткізу жобасы",
        units=[Unit.objects.get(code="legal")],
        due_on=date(2026, 12, 21),
    )
    services.proposal_move(
        proposal=proposal,
        move="propose",
        actor=users["legal_officer"],
        text="Тегін заң көмегі туралы ақпараттық науқан және судьяларға арналған семинарлар.",
    )
    return proposal


def project_of(users, proposal=None, **fields) -> Project:
    officer = users["ir_officer"]
    record = Project(
        title=fields.pop("title", "Сот төрелігіне қол жеткізу"),
        partner=partner(officer, name="UNDP in Kazakhstan", kind="organisation", country=None),
        goals="Тегін заң көмегінің қолжетімділігін арттыру.",
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31),
        officer=officer,
    )
    return services.project_save(
        actor=officer,
        project=record,
        proposal=proposal,
        funding=[{"source": "partner", "planned": Decimal(40_000_000), "spent": 0}],
        indicators=[{"name": "Оқытылған судьялар", "baseline": Decimal(0), "target": Decimal(120)}],
        risks=[{"description": "Тренерлердің кешігуі", "level": "medium", "mitigation": "Резервтік тренерлер"}],
    )


def test_a_project_goes_from_proposal_to_its_final_report_ir_7_7_ir_7_8_ir_7_9(users, client_for, signing):
    officer, legal = users["ir_officer"], users["legal_officer"]
    proposal = proposed(users)
    assert Deadline.objects.get(kind=services.PROPOSAL_TERM, record_id=str(proposal.pk)).state == Deadline.State.MET
    project = project_of(users, proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED and project.proposal == proposal
    assert (project.funding.get().planned, project.indicators.get().target) == (Decimal(40_000_000), Decimal(120))

    # The plan: activities with their subdivisions and terms, given out once approved.
    legal_unit, analytics = Unit.objects.get(code="legal"), Unit.objects.get(code="analytics")
    seminar = services.activity_add(
        actor=officer, project=project, title="Судьяларға арналған семинар", unit=legal_unit, due_on=date(2027, 3, 31)
    )
    survey = services.activity_add(
        actor=officer, project=project, title="Соттарға сауалнама", unit=analytics, due_on=date(2027, 6, 30)
    )
    assert seminar.status == Activity.Status.RECEIVED
    assert not selectors.activities_visible_to(legal).exists()  # planned is still the IR's
    assert refusal_codes(services.project_move, project=project, move="approve", actor=officer) == {"forbidden_move"}
    unsigned = approved(officer)
    services.project_move(project=project, move="submit", actor=officer, document=unsigned)
    assert refusal_codes(services.project_move, project=project, move="approve", actor=officer) == {"not_approved"}
    signed_by_the_head(unsigned, users)
    with time_machine.travel(date(2027, 1, 5)):
        services.project_move(project=project, move="approve", actor=officer)
        seminar.refresh_from_db()
        assert (project.status, seminar.status) == (P.EXECUTION, Activity.Status.ASSIGNED)
        term = Deadline.objects.get(kind=services.ACTIVITY_TERM, record_id=str(seminar.pk))
        assert term.due_on == date(2027, 3, 31)

    # Late, the activity escalates to the IR's head and the project shows it.
    reminders_scan(date(2027, 4, 5))
    assert {r.recipient for r in Reminder.objects.filter(deadline=term, key__startswith="escalation:")} == {
        users["ir_head"]
    }
    with time_machine.travel(date(2027, 4, 5)):
        assert [activity.pk for activity in selectors.project_parts(project)["late"]] == [seminar.pk]
        client = client_for("legal_officer")
        response = client.post(
            reverse("international:activity-move", args=[seminar.pk, "done"]),
            {"done-result": "Семинар өтті: 64 судья оқытылды."},
        )
        assert response.status_code == 302
    seminar.refresh_from_db()
    assert seminar.status == Activity.Status.DONE
    term.refresh_from_db()
    assert term.state == Deadline.State.MISSED
    services.activity_move(activity=survey, move="done", actor=users["analyst"], result="Сауалнама жүргізілді.")

    # Reports per period; the final one, signed, completes the project.
    services.report_add(
        actor=officer,
        project=project,
        period_start=date(2027, 1, 1),
        period_end=date(2027, 6, 30),
        document=approved(officer),
    )
    assert refusal_codes(services.project_move, project=project, move="complete", actor=officer) == {"no_final_report"}
    services.report_add(
        actor=officer,
        project=project,
        period_start=date(2027, 1, 1),
        period_end=date(2027, 12, 31),
        document=signed_document(users),
        final=True,
    )
    services.project_move(project=project, move="complete", actor=officer)
    project.refresh_from_db()
    assert project.status == P.COMPLETED


def test_completion_waits_for_every_activity_and_a_declined_proposal_says_why(users, signing):
    officer = users["ir_officer"]
    project = project_of(users)
    services.activity_add(
        actor=officer, project=project, title="Семинар", unit=Unit.objects.get(code="legal"), due_on=date(2027, 3, 31)
    )
    services.project_move(project=project, move="submit", actor=officer, document=signed_document(users))
    with time_machine.travel(date(2027, 1, 5)):
        services.project_move(project=project, move="approve", actor=officer)
    services.report_add(
        actor=officer,
        project=project,
        period_start=date(2027, 1, 1),
        period_end=date(2027, 12, 31),
        document=signed_document(users),
        final=True,
    )
    assert refusal_codes(services.project_move, project=project, move="complete", actor=officer) == {"activities_open"}
    (other,) = services.proposals_ask(
        actor=officer, topic="IRZ", units=[Unit.objects.get(code="analytics")], due_on=date(2026, 12, 21)
    )
    services.proposal_move(proposal=other, move="propose", actor=users["analyst"], text="Медиация")
    assert refusal_codes(services.proposal_move, proposal=other, move="decline", actor=officer, reason=" ") == {
        "required"
    }
    # An activity's term falls within the project's dates.
    assert refusal_codes(
        services.activity_add,
        actor=officer,
        project=project,
        title="Кейін",
        unit=Unit.objects.get(code="legal"),
        due_on=date(2028, 3, 1),
    ) == {"outside_project"}


def test_a_subdivision_sees_its_activities_and_proposals_and_nothing_else(users, client_for, signing):
    officer = users["ir_officer"]
    proposal = proposed(users)
    project = project_of(users)
    mine = services.activity_add(
        actor=officer, project=project, title="Семинар", unit=Unit.objects.get(code="legal"), due_on=date(2027, 3, 31)
    )
    theirs = services.activity_add(
        actor=officer,
        project=project,
        title="Сауалнама",
        unit=Unit.objects.get(code="analytics"),
        due_on=date(2027, 3, 31),
    )
    services.project_move(project=project, move="submit", actor=officer, document=signed_document(users))
    with time_machine.travel(date(2027, 1, 5)):
        services.project_move(project=project, move="approve", actor=officer)
    client = client_for("legal_officer")
    assert list(client.get(reverse("international:activity-list")).context["page"].object_list) == [mine]
    assert [row[0] for row in workbook_rows(client.get(reverse("international:activity-export")))[1:]] == ["Семинар"]
    assert client.get(mine.get_absolute_url()).status_code == 200
    assert client.get(proposal.get_absolute_url()).status_code == 200
    for url in (
        theirs.get_absolute_url(),
        project.get_absolute_url(),
        reverse("international:project-list"),
        reverse("international:project-create") + f"?proposal={proposal.pk}",
    ):
        assert client.get(url).status_code == 404, url
    # Another subdivision may not report the legal department's activity.
    assert client_for("analyst").post(reverse("international:activity-move", args=[mine.pk, "done"])).status_code == 404
    for username in ("isd_officer", "court_almaty", "sysadmin"):
        assert client_for(username).get(reverse("international:activity-list")).status_code == 404, username


def test_the_pages_cost_the_same_for_two_activities_and_for_twenty(users, client_for):
    officer = users["ir_officer"]
    project = project_of(users)
    client = client_for("ir_officer")
    add = lambda n: services.activity_add(  # noqa: E731
        actor=officer,
        project=project,
        title=f"Іс-шара {n}",
        unit=Unit.objects.get(code="legal"),
        due_on=date(2027, 3, 31),
    )
    add(0)
    add(1)
    urls = [reverse("international:project-list"), project.get_absolute_url(), reverse("international:activity-list")]
    few = [page_queries(client, url) for url in urls]
    for n in range(2, 20):
        add(n)
    assert [page_queries(client, url) for url in urls] == few
