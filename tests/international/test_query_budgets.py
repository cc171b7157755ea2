"""Query budgets of the IR's list and detail pages: an exact count of queries for each, the
same for 2 rows as for 50 (house style, "Lists without a query budget")."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from courtadmin.deadlines.calendar import ALMATY
from international.models import Country, TreatyBasis

from .factories import delegation, la_request, many_requests, party, trip
from .test_applications import register
from .test_catalogs import add_courts


@pytest.mark.parametrize("count", [2, 50])
def test_the_list_costs_the_same_for_2_and_50_requests(officer_client, django_assert_num_queries, count):
    many_requests(officer_client.officer, count)
    url = reverse("international:request-list")
    officer_client.get(url)  # the session's first touches
    query = {"overdue": "", "country": Country.objects.get(code="RU").pk}
    with django_assert_num_queries(16):
        response = officer_client.get(url, query)
    assert len(response.context["rows"]) == count


@pytest.mark.parametrize("parties", [2, 50])
def test_the_detail_page_costs_the_same_for_2_and_50_persons(
    people, officer_client, django_assert_num_queries, parties
):

    many_requests(officer_client.officer, 3)
    request = la_request(officer_client.officer, parties=[party(name=f"Person {n}") for n in range(parties)])
    url = reverse("international:request-detail", args=[request.pk])
    officer_client.get(url)
    with django_assert_num_queries(14):
        response = officer_client.get(url)
    assert len(response.context["parties"]) == parties


# --- Applications (IR 7.25) ---


@pytest.mark.parametrize("rows", [2, 30])
def test_the_list_costs_the_same_for_2_and_30_applications(client_for, people, django_assert_num_queries, rows):
    """GIVEN applications, the oldest overdue WHEN the registry is listed THEN each row shows its
    due date and overdue mark, in the same number of queries whatever the number of rows."""
    register(people, number="ЗЛ-0", received_at=datetime(2026, 9, 1, 10, 0, tzinfo=ALMATY))
    for n in range(1, rows):
        register(people, number=f"ЗЛ-{n}")
    client = client_for("ir_officer")
    client.get(reverse("international:home"))  # warm the session
    # session, user, person (navigation), the count, the page with its terms (one query),
    # and the session's save (savepoint, update, release)
    with django_assert_num_queries(ApplicationsCountOf.list):
        response = client.get(reverse("international:application-list"))
    page = response.content.decode()
    assert page.count("application-row") == rows
    assert page.count("text-bg-danger") == 1  # ЗЛ-0, due 22.09.2026
    assert "22.09.2026" in page


class ApplicationsCountOf:
    list = 8


# --- Trips and delegations (IR 7.11, 7.16, 7.17) ---


@pytest.mark.parametrize("count", [2, 50])
def test_the_lists_cost_the_same_queries_for_2_and_50(users, client_for, django_assert_num_queries, count):
    officer, today = users["ir_officer"], timezone.localdate()
    for number in range(count):
        trip(officer, departs_on=today - timedelta(days=number + 10))
        delegation(officer, arrives_on=today - timedelta(days=number))
    client = client_for("ir_head")
    client.get(reverse("international:trip-list"))  # sessions and caches warmed
    with django_assert_num_queries(QUERIES["trips"]):
        assert len(client.get(reverse("international:trip-list")).context["page"]) == count
    with django_assert_num_queries(QUERIES["delegations"]):
        assert len(client.get(reverse("international:delegation-list")).context["page"]) == count


QUERIES = {"trips": 10, "delegations": 9}


# --- Catalogs (IR 7.22) ---


class CatalogsCountOf:
    # session, user, person (navigation), the count, the page with its region and higher
    # court (one join), and the session's save (savepoint, update, release)
    courts = 8
    # the same, the parties of the page's treaties in one more query
    treaties = 9


@pytest.mark.parametrize("extra", [2, 50])
def test_the_court_list_costs_the_same_for_2_and_50_more_courts(client_for, django_assert_num_queries, extra):
    add_courts(extra)
    client = client_for("ir_officer")
    client.get(reverse("international:catalog-index"))  # warm the session
    with django_assert_num_queries(CatalogsCountOf.courts):
        response = client.get(reverse("international:catalog-list", args=["courts"]))
    assert response.content.decode().count("catalog-row") == min(20 + extra, 50)


@pytest.mark.parametrize("extra", [2, 50])
def test_the_treaty_list_costs_the_same_for_2_and_50_more_treaties(client_for, django_assert_num_queries, extra):
    countries = list(Country.objects.order_by("code")[:5])
    for n in range(extra):
        treaty = TreatyBasis.objects.create(
            code=f"treaty-{n}",
            name=f"Шарт {n}",
            name_kk=f"Шарт {n}",
            name_ru=f"Договор {n}",
            kind="bilateral",
            subjects=["service"],
            channel="central",
            languages=["ru"],
        )
        treaty.parties.set(countries[: n % 5 + 1])
    client = client_for("ir_officer")
    client.get(reverse("international:catalog-index"))
    with django_assert_num_queries(CatalogsCountOf.treaties):
        response = client.get(reverse("international:catalog-list", args=["treaties"]))
    assert response.content.decode().count("catalog-row") == min(TreatyBasis.objects.count(), 50)
