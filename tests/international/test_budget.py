"""The budget programmes "Foreign business trips" and "Representation expenses", and the souvenirs'
stock (issue 21, item 4; IR 7.21)."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from courtadmin.audit.models import AuditEvent
from international.models import BudgetLine, Programme, Souvenir, SouvenirMovement, Spending
from international.selectors import budget as selectors
from international.services import budget as services
from tests.conftest import refusal_codes
from tests.international.factories import delegation, event, trip

pytestmark = pytest.mark.time_machine(date(2026, 12, 6))


def line(actor, *, planned="1000000", item="Тәуліктік шығыстар", programme=Programme.TRIPS, year=2026):
    return services.budget_line_save(
        actor=actor, line=BudgetLine(year=year, programme=programme, item=item, planned=Decimal(planned))
    )


def post(actor, against, amount, *, over_plan=False, **purpose):
    spending = Spending(amount=Decimal(amount), on=date(2026, 12, 1), description="Іссапар шығыстары", **purpose)
    return services.spending_post(actor=actor, line=against, spending=spending, over_plan=over_plan)


def test_spending_for_a_trip_a_visit_and_an_event_is_posted_against_the_plan_ir_7_21(users):
    officer = users["ir_officer"]
    item = line(officer)
    post(officer, item, "300000", trip=trip(officer))
    paid = post(officer, item, "200000", delegation=delegation(officer, arrives_on=date(2026, 11, 20)))
    post(officer, item, "100000", event=event(officer))
    services.spending_paid(actor=officer, spending=paid, amount=Decimal("180000"))
    figures = selectors.line_figures(selectors.get_line_for_user(users["ir_head"], item.pk))
    assert (figures.planned, figures.posted, figures.paid) == (Decimal(1000000), Decimal(580000), Decimal(180000))
    assert (figures.committed, figures.remaining, figures.warning) == (Decimal(400000), Decimal(420000), "")
    assert AuditEvent.objects.filter(action="ir.budget.spending_posted", object_id=str(item.pk)).count() == 3


def test_an_over_spend_is_warned_before_and_posted_only_when_confirmed_ir_7_21(users):
    officer = users["ir_officer"]
    item = line(officer, planned="500000")
    post(officer, item, "460000")
    assert selectors.line_figures(selectors.get_line_for_user(officer, item.pk)).warning == "near"
    assert refusal_codes(post, actor=officer, against=item, amount="50000") == {"over_plan"}
    assert Spending.objects.filter(line=item).count() == 1  # nothing posted on the warning
    over = post(officer, item, "50000", over_plan=True)
    assert over.over_plan
    figures = selectors.line_figures(selectors.get_line_for_user(officer, item.pk))
    assert (figures.remaining, figures.warning) == (Decimal(-10000), "over")
    # A payment larger than its commitment is an over-spend too.
    committed = Spending.objects.filter(line=item, over_plan=False).get()
    assert refusal_codes(services.spending_paid, actor=officer, spending=committed, amount=Decimal("470000")) == {
        "over_plan"
    }


def test_the_plan_is_never_set_below_what_is_posted_nor_spending_dated_in_another_year(users):
    officer = users["ir_officer"]
    item = line(officer, planned="500000")
    post(officer, item, "400000")
    item.planned = Decimal("300000")
    assert refusal_codes(services.budget_line_save, actor=officer, line=item) == {"below_posted"}
    other_year = Spending(amount=Decimal(1000), on=date(2025, 12, 30), description="x")
    assert refusal_codes(services.spending_post, actor=officer, line=item, spending=other_year) == {"other_year"}


@pytest.mark.parametrize("username", ["chairman", "isd_head", "legal_officer"])
def test_only_ir_staff_keep_the_budget(users, username):
    with pytest.raises(PermissionDenied):
        line(users[username])


def test_the_over_spend_warning_is_shown_beside_the_amount_and_what_was_typed_stays(users, client_for):
    officer = users["ir_officer"]
    item = line(officer, planned="100000")
    data = {"stage": "committed", "amount": "150000", "on": "2026-12-01", "description": "Қабылдау"}
    url = reverse("international:budget-spending-add", args=[item.pk])
    response = client_for("ir_officer").post(url, data)
    assert response.status_code == 200 and not Spending.objects.exists()
    form = response.context["spending_form"]
    assert form.has_error("amount", "over_plan") and form["description"].value() == "Қабылдау"
    assert client_for("ir_officer").post(url, {**data, "over_plan": "on"}).status_code == 302
    assert Spending.objects.get().over_plan


def test_the_years_budget_page_and_its_export_show_both_programmes(users, client_for):
    officer = users["ir_officer"]
    post(officer, line(officer), "250000")
    line(officer, programme=Programme.REPRESENTATION, item="Ресми қабылдаулар", planned="400000")
    page = client_for("ir_head").get(reverse("international:budget-list"), {"year": 2026})
    programmes = {row["code"]: row for row in page.context["programmes"]}
    assert programmes[Programme.TRIPS]["total"].remaining == Decimal(750000)
    assert programmes[Programme.REPRESENTATION]["total"].planned == Decimal(400000)
    response = client_for("ir_head").get(reverse("international:budget-export"), {"year": 2026})
    rows = list(load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert rows[1][1:] == ("Тәуліктік шығыстар", 1000000, 250000, 0, 750000)
    assert client_for("isd_head").get(reverse("international:budget-list")).status_code == 404


def test_the_budget_page_costs_the_same_for_two_items_and_for_twenty(users, client_for):
    officer = users["ir_officer"]
    client = client_for("ir_head")
    url = reverse("international:budget-list")
    for n in range(2):
        post(officer, line(officer, item=f"Бап {n}"), "1000")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    few = queries()
    for n in range(2, 20):
        post(officer, line(officer, item=f"Бап {n}"), "1000")
    assert queries() == few


# --- The souvenirs' stock ----------------------------------------------------------------------


def test_souvenirs_are_received_and_issued_to_an_event_never_beyond_the_stock_ir_7_21(users):
    officer = users["ir_officer"]
    pens = services.souvenir_save(actor=officer, souvenir=Souvenir(name="Жоғарғы Сот логотипі бар қалам"))
    services.souvenir_move(actor=officer, souvenir=pens, movement=SouvenirMovement(quantity=50, on=date(2026, 12, 1)))
    seminar = event(officer)
    services.souvenir_move(
        actor=officer, souvenir=pens, movement=SouvenirMovement(quantity=-20, on=date(2026, 12, 2), event=seminar)
    )
    assert pens.in_stock == 30
    too_many = SouvenirMovement(quantity=-31, on=date(2026, 12, 3), event=seminar)
    assert refusal_codes(services.souvenir_move, actor=officer, souvenir=pens, movement=too_many) == {"beyond_stock"}
    nowhere = SouvenirMovement(quantity=-1, on=date(2026, 12, 3))
    assert refusal_codes(services.souvenir_move, actor=officer, souvenir=pens, movement=nowhere) == {"required"}
    pens.refresh_from_db()
    assert pens.in_stock == 30 and pens.movements.count() == 2


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_an_items_page_and_a_souvenirs_page_cost_the_same_for_two_rows_and_for_thirty(users, client_for):
    officer = users["ir_officer"]
    client = client_for("ir_officer")
    item = line(officer)
    pens = services.souvenir_save(actor=officer, souvenir=Souvenir(name="Қалам"))
    seminar = event(officer)

    def add(count):
        for _n in range(count):
            post(officer, item, "1000", event=seminar)
            services.souvenir_move(
                actor=officer, souvenir=pens, movement=SouvenirMovement(quantity=1, on=date(2026, 12, 1))
            )

    urls = [item.get_absolute_url(), pens.get_absolute_url(), reverse("international:souvenir-list")]
    add(2)
    few = [_queries(client, url) for url in urls]
    add(28)
    assert [_queries(client, url) for url in urls] == few
