"""The ISD's work plan (ISD 7, ISD 9, ISD 14): drawn up on the leadership's priorities, each
item tied to a function of ISD 6, approved by the ISD head's signed document, executed
quarter by quarter; a territorial unit's plan for that unit and the central ISD alone."""

from datetime import date
from io import BytesIO

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courtadmin.dashboard.panels import LEADERSHIP
from courtadmin.deadlines.models import Deadline
from courtadmin.documents import services as documents
from courtadmin.documents.workflow import SigningConfirmation
from courtadmin.org.models import Region
from internal_security.dashboard import isd_overview
from internal_security.models import PlanItem, WorkPlan
from internal_security.selectors.plans import plan_execution
from internal_security.services import plans as services
from internal_security.workflow import plan_item_move, plan_move
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db
YEAR = TODAY.year


def a_plan(people, username="isd_officer", region=None, year=YEAR):
    return services.plan_draw_up(
        actor=people[username].user, plan=WorkPlan(year=year, region=region, basis="Төрағаның басымдықтары.")
    )


def an_item(people, plan, username="isd_officer", function="6.13", executor="isd_officer", due_on=None):
    item = PlanItem(
        function=function, title="Тәуекелдерді талдау", executor=people[executor], due_on=due_on or date(YEAR, 3, 1)
    )
    return services.plan_item_add(actor=people[username].user, plan=plan, item=item)


def signed(people, plan, preparer="isd_officer"):
    document = services.plan_document_prepare(actor=people[preparer].user, plan=plan)
    documents.document_act(document=document, move="submit", actor=people[preparer].user)
    head = people["isd_head"].user
    documents.document_sign_confirmed(
        document=document, actor=head, confirmation=SigningConfirmation(user_id=head.pk, at=timezone.now())
    )
    return document


@time_machine.travel(TODAY)
@pytest.mark.parametrize("function", ["", "7.1", "6.24", "court bailiffs' pay"])
def test_a_plan_item_outside_isd_6_is_refused_isd_14(people, function):
    plan = a_plan(people)
    with pytest.raises(ValidationError) as refused:
        an_item(people, plan, function=function)
    assert refused.value.error_dict["function"][0].code == "outside_isd_6"
    assert not PlanItem.objects.exists()
    assert an_item(people, plan, function="6.23").function == "6.23"  # the function beside it is taken


@time_machine.travel(TODAY)
def test_the_database_refuses_an_item_outside_isd_6_whoever_writes_it(people):
    from django.db import IntegrityError, transaction

    plan = a_plan(people)
    with pytest.raises(IntegrityError), transaction.atomic():
        PlanItem.objects.create(plan=plan, function="9.9", title="—", executor=people["isd_officer"], due_on=TODAY)


@time_machine.travel(TODAY)
def test_an_items_executor_is_the_plans_own_staff_and_its_term_in_the_plans_year(people):
    plan = a_plan(people)
    with pytest.raises(ValidationError) as refused:
        an_item(people, plan, executor="ir_officer", due_on=date(YEAR + 1, 1, 15))
    errors = refused.value.error_dict
    assert (errors["executor"][0].code, errors["due_on"][0].code) == ("outsider", "outside_year")
    almaty = a_plan(people, "isd_almaty")
    with pytest.raises(ValidationError) as refused:
        an_item(people, almaty, "isd_almaty", executor="isd_officer")  # the central ISD's officer
    assert refused.value.error_dict["executor"][0].code == "outsider"
    assert an_item(people, almaty, "isd_almaty", executor="isd_almaty").plan == almaty


@time_machine.travel(TODAY)
def test_the_plan_is_approved_only_by_the_isd_heads_signed_document_isd_9(signing):
    people = signing
    plan = a_plan(people)
    with pytest.raises(ValidationError) as refused:
        plan_move(plan=plan, move="approve", actor=people["isd_head"].user)
    assert refused.value.code == "no_items"
    item = an_item(people, plan)
    with pytest.raises(ValidationError) as refused:
        plan_move(plan=plan, move="approve", actor=people["isd_head"].user)
    assert refused.value.code == "plan_unsigned"
    signed(people, plan)
    with pytest.raises(ValidationError) as refused:
        plan_move(plan=plan, move="approve", actor=people["isd_deputy"].user)
    assert refused.value.code == "not_yours"
    plan_move(plan=plan, move="approve", actor=people["isd_head"].user)
    plan.refresh_from_db()
    assert (plan.status, plan.approved_on) == (WorkPlan.Status.APPROVED, timezone.localdate())
    term = Deadline.objects.get(kind="isd.plan_item", record_id=str(item.pk))
    assert (term.due_on, term.responsible) == (item.due_on, people["isd_officer"].user)
    # Approved, its items no longer change.
    with pytest.raises(ValidationError) as refused:
        an_item(people, plan)
    assert refused.value.code == "closed"


@time_machine.travel(TODAY)
def test_items_do_not_change_while_the_plans_document_is_signed(people):
    plan = a_plan(people)
    item = an_item(people, plan)
    services.plan_document_prepare(actor=people["isd_officer"].user, plan=plan)
    with pytest.raises(ValidationError) as refused:
        services.plan_item_remove(actor=people["isd_officer"].user, item=item)
    assert refused.value.code == "in_signing"
    assert PlanItem.objects.filter(pk=item.pk).exists()


@time_machine.travel(TODAY)
def test_an_item_reported_done_closes_its_term_and_counts_in_its_quarter(signing):
    people = signing
    plan = a_plan(people)
    early = an_item(people, plan, due_on=date(YEAR, 2, 10))
    late = an_item(people, plan, due_on=date(YEAR, 2, 20))
    dropped = an_item(people, plan, due_on=date(YEAR, 5, 5))
    still_open = an_item(people, plan, due_on=date(YEAR, 6, 30))
    coming = an_item(people, plan, due_on=date(YEAR, 12, 20))
    with pytest.raises(ValidationError) as refused:  # a draft's items are not reported
        plan_item_move(item=early, move="report", actor=people["isd_officer"].user, result="—", on=date(YEAR, 2, 1))
    assert refused.value.code == "not_under_way"
    signed(people, plan)
    plan_move(plan=plan, move="approve", actor=people["isd_head"].user)
    officer = people["isd_officer"].user
    with pytest.raises(ValidationError) as refused:
        plan_item_move(item=early, move="report", actor=officer, result=" ", on=date(YEAR + 1, 1, 1))
    assert set(refused.value.error_dict) == {"result", "on"}
    plan_item_move(item=early, move="report", actor=officer, result="Анықтама", on=date(YEAR, 2, 9))
    plan_item_move(item=late, move="report", actor=officer, result="Анықтама", on=date(YEAR, 3, 2))
    plan_item_move(item=dropped, move="fail", actor=people["isd_head"].user, result="Басымдық өзгерді")
    with pytest.raises(ValidationError) as refused:
        plan_item_move(item=still_open, move="report", actor=people["isd_officer2"].user, result="—", on=TODAY.date())
    assert refused.value.code == "not_yours"
    states = dict(Deadline.objects.filter(kind="isd.plan_item").values_list("record_id", "state"))
    assert states[str(early.pk)] == Deadline.State.MET and states[str(late.pk)] == Deadline.State.MISSED
    assert states[str(coming.pk)] in (Deadline.State.OPEN, Deadline.State.EXTENDED)
    quarters = plan_execution(list(plan.items.all()), timezone.localdate())
    assert [(q.due, q.done_in_term, q.done_late, q.not_done, q.open, q.overdue) for q in quarters] == [
        (2, 1, 1, 0, 0, 0),
        (2, 0, 0, 1, 1, 1),  # the one due on 30 June is past its term on 24 November
        (0, 0, 0, 0, 0, 0),
        (1, 0, 0, 0, 1, 0),
    ]
    board = isd_overview(people["chairman"].user, LEADERSHIP, _year_period())
    table = next(table for table in board.tables if table.key == "plan_execution")
    assert [(row.url, row.values) for row in table.rows] == [
        (plan.get_absolute_url(), ["2 / 2", "0 / 2", "0 / 0", "0 / 1"])
    ]


def _year_period():
    from courtadmin.dashboard.periods import period_of

    return period_of("year", timezone.localdate())


@time_machine.travel(TODAY)
def test_a_unit_draws_up_its_own_plan_and_never_the_central_one_or_another_regions(people):
    almaty = Region.objects.get(code="almaty")
    shymkent = Region.objects.exclude(pk=almaty.pk).first()
    own = a_plan(people, "isd_almaty", region=shymkent)  # its own region, whatever was posted
    assert own.region == almaty
    central = a_plan(people)
    with pytest.raises(ValidationError) as refused:
        an_item(people, central, "isd_almaty", executor="isd_officer")
    assert refused.value.code == "not_yours"
    with pytest.raises(PermissionDenied):
        a_plan(people, "ir_head", region=almaty)


@time_machine.travel(TODAY)
def test_the_almaty_unit_sees_almatys_plan_and_404_for_the_central_and_another_regions(people, client_for):
    almaty = a_plan(people, "isd_almaty")
    central = a_plan(people)
    other = a_plan(people, region=Region.objects.exclude(code="almaty").first())
    client = client_for("isd_almaty")
    rows = client.get(reverse("internal_security:plan-list")).context["plans"]
    assert [row.pk for row in rows] == [almaty.pk]
    assert client.get(almaty.get_absolute_url()).status_code == 200
    for plan in (central, other):
        assert client.get(plan.get_absolute_url()).status_code == 404
    head = client_for("isd_head")
    assert {row.pk for row in head.get(reverse("internal_security:plan-list")).context["plans"]} == {
        almaty.pk,
        central.pk,
        other.pk,
    }
    for outsider in ("ir_head", "ca_deputy", "legal_officer"):
        assert client_for(outsider).get(reverse("internal_security:plan-list")).status_code == 404


@time_machine.travel(TODAY)
def test_the_plans_are_filtered_and_exported_item_by_item(people, client_for):
    central = a_plan(people)
    an_item(people, central, function="6.5")
    an_item(people, central, function="6.18")
    a_plan(people, region=Region.objects.get(code="almaty"))
    client = client_for("isd_head")
    rows = client.get(reverse("internal_security:plan-list"), {"central": "on"}).context["plans"]
    assert [(row.pk, row.item_count, row.done_count) for row in rows] == [(central.pk, 2, 0)]
    response = client.get(reverse("internal_security:plan-export"), {"central": "on"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert sorted(row[2] for row in sheet.iter_rows(min_row=2, values_only=True)) == ["6.18", "6.5"]


@time_machine.travel(TODAY)
def test_an_item_refused_on_the_page_keeps_what_was_typed_beside_its_field(people, client_for):
    plan = a_plan(people)
    client = client_for("isd_officer")
    posted = {"function": "6.5", "title": "Кесте", "executor": people["isd_officer"].pk, "due_on": f"{YEAR + 1}-02-01"}
    page = client.post(reverse("internal_security:plan-item-add", args=[plan.pk]), posted)
    assert page.status_code == 200
    form = page.context["item_form"]
    assert form.errors.as_data()["due_on"][0].code == "outside_year"
    assert form["title"].value() == "Кесте"
    outside = client.post(reverse("internal_security:plan-item-add", args=[plan.pk]), {**posted, "function": "9.1"})
    assert outside.status_code == 200 and "function" in outside.context["item_form"].errors
    assert not PlanItem.objects.exists()


@time_machine.travel(TODAY)
def test_the_report_form_on_the_plans_page_keeps_the_reason_beside_the_items_field(signing, client_for):
    people = signing
    plan = a_plan(people)
    item = an_item(people, plan)
    signed(people, plan)
    plan_move(plan=plan, move="approve", actor=people["isd_head"].user)
    client = client_for("isd_officer")
    url = reverse("internal_security:plan-item-move", args=[plan.pk, item.pk, "report"])
    page = client.post(url, {f"item{item.pk}-report-result": "Анықтама", f"item{item.pk}-report-on": "2099-01-01"})
    assert page.status_code == 200
    row = next(moves for row_item, moves in page.context["rows"] if row_item.pk == item.pk)
    form = next(form for move, form in row if move.name == "report")
    assert form.errors.as_data()["on"][0].code == "future"
    assert form["result"].value() == "Анықтама"
    done = client.post(url, {f"item{item.pk}-report-result": "Анықтама", f"item{item.pk}-report-on": "2026-03-01"})
    assert done.status_code == 302 and PlanItem.objects.get(pk=item.pk).status == PlanItem.Status.DONE


@time_machine.travel(TODAY)
def test_a_second_plan_for_the_same_year_is_refused_on_the_page_and_what_was_typed_stays(people, client_for):
    a_plan(people)
    a_plan(people, "isd_almaty")
    for username, data in (("isd_officer", {"year": YEAR, "region": ""}), ("isd_almaty", {"year": YEAR})):
        page = client_for(username).post(reverse("internal_security:plan-create"), {**data, "basis": "Екінші"})
        assert page.status_code == 200, username
        assert page.context["form"].non_field_errors() and page.context["form"]["basis"].value() == "Екінші"
    assert WorkPlan.objects.count() == 2
