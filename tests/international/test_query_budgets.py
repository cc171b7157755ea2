"""Query budgets of the IR's list and detail pages: an exact count of queries for each, the
same for 2 rows as for 50 (house style, "Lists without a query budget")."""

from datetime import datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from courtadmin.core import rollups
from courtadmin.deadlines.calendar import ALMATY
from courtadmin.documents.models import Document
from international.models import (
    Application,
    Country,
    ForeignAuthority,
    KazakhCourt,
    LegalAssistanceRequest,
    RequestFile,
    RequestLetter,
    TreatyBasis,
    TripReport,
)
from international.services import applications
from tests.conftest import PAGE, TODAY

from .factories import delegation, la_request, many_requests, party, trip
from .test_applications import new_application, register
from .test_catalogs import add_courts

# Its dates are set around the suite's today, which it states (time-machine).
pytestmark = pytest.mark.time_machine(TODAY)

ROWS = [2, 50]
PDF = {"content_type": "application/pdf", "size": 1, "sha256": "0" * 64}

# The queries of each page: PAGE (tests/conftest.py), and what each page reads besides, said
# beside its count.
BUDGET = {
    # who signs IR documents today, and legal-assistance ones (IR 13): the head twice and the
    # deputy supervising legal assistance, each the post's holder, his absence, an acting
    # appointment and who acts
    "home": PAGE + 12,
    # the country filtered on, the count, the page (country and court joined, its running term's
    # due date on the row), its officers and their persons; the filter's countries, treaties,
    # courts and officers
    "request-list": PAGE + 9,
    # the request (country, treaty, court, authority, officer joined), its persons, files,
    # letters, terms and related requests, the treaty's parties (the checklist), the court
    # suggested, its history
    "request-detail": PAGE + 9,
    # the same without the court suggested
    "request-check": PAGE + 8,
    # counts by status, country, treaty and court with their names, overdue, the times to
    # execution; the filter's countries
    "request-figures": PAGE + 10,
    # the count, the page with its terms (one query)
    "application-list": PAGE + 2,
    # the application with its term's due date, its term, its answer, its history
    "application-detail": PAGE + 4,
    # the count, the page (country and officer joined); the filter's countries and officers
    "trip-list": PAGE + 4,
    # the trip, its travellers (with their units), its judges (with their courts), its reports
    "trip-detail": PAGE + 4,
    # the count, the page; the filter's countries
    "delegation-list": PAGE + 3,
    # the visit, its members, its programme, its escorts (with their units), its spending (with
    # its items), its gifts, its history (with the actors' persons)
    "delegation-detail": PAGE + 7,
    # the number of entries of each of the four catalogs
    "catalog-index": PAGE + 4,
    # the count, the page with its related rows joined (courts: region, higher court)
    "catalog-list": PAGE + 2,
    # the same, the parties of the page's treaties in one more query
    "catalog-list-treaties": PAGE + 3,
    # the entry, and its form's choices (a court: regions, higher courts; a treaty: its parties, countries)
    "catalog-update": PAGE + 3,
}


def page(client, url, data=None):
    """The page once, so that what a session does on its first request is not counted."""
    client.get(url, data)
    return url


def request_files(request, count, officer):
    RequestFile.objects.bulk_create(
        RequestFile(
            request=request,
            kind="translation",
            language="kk",
            certified=True,
            uploaded_by=officer,
            file=f"f{n}",
            original_name=f"{n}.pdf",
            **PDF,
        )
        for n in range(count)
    )


# --- Legal-assistance requests (IR 7.22, 7.27) ---------------------------------------------------


@pytest.mark.parametrize("rows", ROWS)
def test_home(officer_client, django_assert_num_queries, rows):
    many_requests(officer_client.officer, rows)
    url = page(officer_client, reverse("international:home"))
    with django_assert_num_queries(BUDGET["home"]):
        response = officer_client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("count", ROWS)
def test_the_list_costs_the_same_for_2_and_50_requests(officer_client, django_assert_num_queries, count):
    many_requests(officer_client.officer, count)
    url = reverse("international:request-list")
    officer_client.get(url)  # the session's first touches
    query = {"overdue": "", "country": Country.objects.get(code="RU").pk}
    with django_assert_num_queries(BUDGET["request-list"]):
        response = officer_client.get(url, query)
    assert len(response.context["rows"]) == count


@pytest.mark.parametrize("parties", ROWS)
def test_the_detail_page_costs_the_same_for_2_and_50_persons(
    people, officer_client, django_assert_num_queries, parties
):
    many_requests(officer_client.officer, 3)
    request = la_request(officer_client.officer, parties=[party(name=f"Person {n}") for n in range(parties)])
    url = reverse("international:request-detail", args=[request.pk])
    officer_client.get(url)
    with django_assert_num_queries(BUDGET["request-detail"]):
        response = officer_client.get(url)
    assert len(response.context["parties"]) == parties


@pytest.mark.parametrize("rows", ROWS)
def test_the_detail_page_costs_the_same_for_2_and_50_files_letters_and_related_requests(
    officer_client, django_assert_num_queries, rows
):
    officer = officer_client.officer
    request = la_request(officer)
    request_files(request, rows, officer)
    many_requests(officer, rows)
    request.related.set(LegalAssistanceRequest.objects.exclude(pk=request.pk))
    letters = Document.objects.bulk_create(
        Document(
            department="IR",
            kind="ir.rogatory_cover_letter",
            subject=f"Хат {n}",
            addressee="Сот",
            author=officer,
            record_type=ContentType.objects.get_for_model(request),
            record_id=str(request.pk),
        )
        for n in range(rows)
    )
    RequestLetter.objects.bulk_create(RequestLetter(request=request, move="answer", document=d) for d in letters)
    url = page(officer_client, reverse("international:request-detail", args=[request.pk]))
    with django_assert_num_queries(BUDGET["request-detail"]):
        response = officer_client.get(url)
    context = response.context
    assert len(context["files"]) == len(context["letters"]) == len(context["related"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_request_check(officer_client, django_assert_num_queries, rows):
    """GIVEN a request in English with `rows` persons and translations WHEN the officer checks it
    THEN the checklist costs the same."""
    officer = officer_client.officer
    request = la_request(officer, parties=[party(name=f"Person {n}") for n in range(rows)], language="en")
    request_files(request, rows, officer)
    url = page(officer_client, reverse("international:request-check", args=[request.pk]))
    with django_assert_num_queries(BUDGET["request-check"]):
        response = officer_client.get(url)
    assert len(response.context["parties"]) == len(response.context["files"]) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_request_figures(officer_client, django_assert_num_queries, rows):
    many_requests(officer_client.officer, rows)
    LegalAssistanceRequest.objects.filter(pk__in=LegalAssistanceRequest.objects.values("pk")[: rows // 2]).update(
        executed_on=timezone.localdate(), status="executed"
    )
    rollups.rebuild(LegalAssistanceRequest)  # the update above bypasses the saves that keep the figures
    url = page(officer_client, reverse("international:request-figures"))
    with django_assert_num_queries(BUDGET["request-figures"]):
        response = officer_client.get(url)
    assert response.context["figures"]["total"] == rows


# --- Applications (IR 7.25) ------------------------------------------------------------------------


@pytest.mark.parametrize("rows", ROWS)
def test_the_list_costs_the_same_for_2_and_50_applications(client_for, people, django_assert_num_queries, rows):
    """GIVEN applications, the oldest overdue WHEN the registry is listed THEN each row shows its
    due date and overdue mark, in the same number of queries whatever the number of rows."""
    register(people, number="ЗЛ-0", received_at=datetime(2026, 9, 1, 10, 0, tzinfo=ALMATY))
    for n in range(1, rows):
        register(people, number=f"ЗЛ-{n}")
    client = client_for("ir_officer")
    client.get(reverse("international:home"))  # warm the session
    with django_assert_num_queries(BUDGET["application-list"]):
        response = client.get(reverse("international:application-list"))
    page = response.content.decode()
    assert page.count("application-row") == rows
    assert page.count("text-bg-danger") == 1  # ЗЛ-0, due 22.09.2026
    assert "22.09.2026" in page


@pytest.mark.parametrize("rows", ROWS)
def test_application_detail(client_for, people, django_assert_num_queries, rows):
    """GIVEN an application with its term and its draft answer, among `rows` others, WHEN its
    officer opens it THEN the page costs the same."""
    application = register(people)
    applications.application_answer_prepare(actor=people["ir_officer"].user, application=application)
    Application.objects.bulk_create(new_application(people, number=f"ЗЛ-Б-{n}") for n in range(rows))
    client = client_for("ir_officer")
    url = page(client, reverse("international:application-detail", args=[application.pk]))
    with django_assert_num_queries(BUDGET["application-detail"]):
        response = client.get(url)
    assert response.context["term"] is not None and response.context["may_edit_answer"]


# --- Trips and delegations (IR 7.11, 7.16, 7.17) ---------------------------------------------------


@pytest.mark.parametrize("count", ROWS)
def test_the_lists_cost_the_same_queries_for_2_and_50(users, client_for, django_assert_num_queries, count):
    officer, today = users["ir_officer"], timezone.localdate()
    for number in range(count):
        trip(officer, departs_on=today - timedelta(days=number + 10))
        delegation(officer, arrives_on=today - timedelta(days=number))
    client = client_for("ir_head")
    client.get(reverse("international:trip-list"))  # sessions and caches warmed
    with django_assert_num_queries(BUDGET["trip-list"]):
        assert len(client.get(reverse("international:trip-list")).context["page"]) == count
    with django_assert_num_queries(BUDGET["delegation-list"]):
        assert len(client.get(reverse("international:delegation-list")).context["page"]) == count


@pytest.mark.parametrize("rows", ROWS)
def test_trip_detail(users, client_for, django_assert_num_queries, rows):
    from international.models import KazakhCourt
    from international.services.trips import trip_save

    officer = users["ir_officer"]
    record = trip(officer)
    court = KazakhCourt.objects.order_by("pk").first()
    travellers, judges = list(users.values())[:rows], [(f"Судья {n}", court) for n in range(rows)]
    trip_save(actor=officer, trip=record, travellers=travellers, judges=judges)
    TripReport.objects.bulk_create(
        TripReport(trip=record, uploaded_by=officer, file=f"r{n}", original_name=f"{n}.pdf", **PDF) for n in range(rows)
    )
    client = client_for("ir_head")
    url = page(client, reverse("international:trip-detail", args=[record.pk]))
    with django_assert_num_queries(BUDGET["trip-detail"]):
        response = client.get(url)
    assert len(response.context["reports"]) == len(response.context["judges"]) == rows
    assert len(response.context["travellers"]) == min(rows, len(users))  # the demo has 17 people


@pytest.mark.parametrize("rows", ROWS)
def test_delegation_detail(users, client_for, django_assert_num_queries, rows):
    from datetime import time

    from international.services.trips import delegation_save

    officer, today = users["ir_officer"], timezone.localdate()
    visit = delegation(officer, arrives_on=today, days=2)
    delegation_save(
        actor=officer,
        delegation=visit,
        members=[(f"Member {n}", "Судья", "") for n in range(rows)],
        programme=[(today, time(9, n % 60), f"Кездесу {n}", "Жоғарғы Сот") for n in range(rows)],
        escorts=[users["legal_officer"], users["analyst"]][: min(rows, 2)],
    )
    client = client_for("ir_head")
    url = page(client, reverse("international:delegation-detail", args=[visit.pk]))
    with django_assert_num_queries(BUDGET["delegation-detail"]):
        response = client.get(url)
    assert len(response.context["members"]) == len(response.context["programme"]) == rows


# --- Catalogs (IR 7.22) ------------------------------------------------------------------------------


@pytest.mark.parametrize("extra", ROWS)
def test_catalog_index(client_for, django_assert_num_queries, extra):
    add_courts(extra)
    client = client_for("ir_officer")
    url = page(client, reverse("international:catalog-index"))
    with django_assert_num_queries(BUDGET["catalog-index"]):
        response = client.get(url)
    assert {catalog.slug: count for catalog, count in response.context["catalogs"]}["courts"] == 20 + extra


@pytest.mark.parametrize("extra", ROWS)
def test_the_court_list_costs_the_same_for_2_and_50_more_courts(client_for, django_assert_num_queries, extra):
    add_courts(extra)
    client = client_for("ir_officer")
    client.get(reverse("international:catalog-index"))  # warm the session
    with django_assert_num_queries(BUDGET["catalog-list"]):
        response = client.get(reverse("international:catalog-list", args=["courts"]))
    assert response.content.decode().count("catalog-row") == min(20 + extra, 50)


@pytest.mark.parametrize("extra", ROWS)
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
    with django_assert_num_queries(BUDGET["catalog-list-treaties"]):
        response = client.get(reverse("international:catalog-list", args=["treaties"]))
    assert response.content.decode().count("catalog-row") == min(TreatyBasis.objects.count(), 50)


@pytest.mark.parametrize("rows", ROWS)
def test_the_authority_list(client_for, django_assert_num_queries, rows):
    countries = list(Country.objects.exclude(code="KZ").order_by("code")[:rows])
    ForeignAuthority.objects.bulk_create(
        ForeignAuthority(name=f"Court {n}", name_kk=f"Сот {n}", name_ru=f"Суд {n}", country=country)
        for n, country in enumerate(countries)
    )
    client = client_for("ir_officer")
    url = page(client, reverse("international:catalog-list", args=["authorities"]))
    with django_assert_num_queries(BUDGET["catalog-list"]):
        response = client.get(url)
    assert len(response.context["page"].object_list) == rows


@pytest.mark.parametrize(("query", "rows"), [("Kazakhstan", 1), ("", 50)])
def test_the_country_list(client_for, django_assert_num_queries, query, rows):
    """The 249 countries are there already: one found by its name, or a full page."""
    client = client_for("ir_officer")
    url = page(client, reverse("international:catalog-list", args=["countries"]), {"q": query})
    with django_assert_num_queries(BUDGET["catalog-list"]):
        response = client.get(url, {"q": query})
    assert len(response.context["page"].object_list) == rows


@pytest.mark.parametrize("rows", ROWS)
def test_a_treaty_entry(client_for, django_assert_num_queries, rows):
    treaty = TreatyBasis.objects.get(code="minsk-1993")
    treaty.parties.set(Country.objects.order_by("code")[:rows])
    client = client_for("ir_officer")
    url = page(client, reverse("international:catalog-update", args=["treaties", treaty.pk]))
    with django_assert_num_queries(BUDGET["catalog-update"]):
        response = client.get(url)
    assert len(response.context["form"].initial["parties"]) == rows


@pytest.mark.parametrize("extra", ROWS)
def test_a_court_entry(client_for, django_assert_num_queries, extra):
    add_courts(extra)
    court = KazakhCourt.objects.get(code="karaganda-district-0")
    client = client_for("ir_officer")
    url = page(client, reverse("international:catalog-update", args=["courts", court.pk]))
    with django_assert_num_queries(BUDGET["catalog-update"]):
        response = client.get(url)
    assert response.context["entry"] == court
