"""The registry's pages (IR 7.22, IR 7.27): who reaches them, what bad input gets, what they cost."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from international.models import Country, ForeignAuthority, KazakhCourt, LegalAssistanceRequest, TreatyBasis
from international.selectors import figures
from international.workflow import request_move

from .factories import authority, la_request

R = LegalAssistanceRequest


def registration(**overrides) -> dict:
    """The registration form as an officer fills it in, one person concerned."""
    country = Country.objects.get(code="RU")
    data = {
        "registration_number": "15/2026",
        "received_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "direction": "incoming",
        "subject": "service",
        "category": "civil",
        "country": country.pk,
        "foreign_authority": authority("RU").pk,
        "court": "",
        "case_name": "Петров П. v. Серікбаев Е.",
        "case_number": "2-77/2026",
        "asked": "Вручить повестку",
        "treaty": "",
        "original_language": "ru",
        "act_effective_on": "",
        "officer": "",
        "related_numbers": "",
        "parties-TOTAL_FORMS": "2",
        "parties-INITIAL_FORMS": "0",
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "1000",
        "parties-0-role": "addressee",
        "parties-0-kind": "individual",
        "parties-0-name": "Серікбаев Ерлан",
        "parties-0-address": "Қарағанды қ.",
        "parties-1-role": "",
        "parties-1-kind": "individual",
    }
    data.update(overrides)
    return data


def codes(form, field) -> set[str]:
    return {error.code for error in form.errors.as_data()[field]}


@pytest.fixture
def officer_client(client_for, users):
    client = client_for("ir_officer")
    client.officer = users["ir_officer"]
    return client


def post_registration(client, **overrides):
    data = registration(**overrides)
    data["officer"] = data["officer"] or client.officer.pk
    return client.post(reverse("international:request-create"), data)


def test_an_officer_registers_a_request_and_the_minsk_basis_is_suggested(officer_client):
    response = post_registration(officer_client)
    request = R.objects.get(registration_number="15/2026")
    assert response.status_code == 302 and response["Location"] == request.get_absolute_url()
    assert request.treaty.code == "minsk-1993" and request.parties.get().name == "Серікбаев Ерлан"
    assert "серікбаев" in request.search_text


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"foreign_authority": ""}, "foreign_authority", "no_requester"),
        ({"received_on": (timezone.localdate() + timedelta(days=1)).isoformat()}, "received_on", "future"),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_keeps_what_was_typed(officer_client, overrides, field, code):
    response = post_registration(officer_client, **overrides)
    assert response.status_code == 200
    form = response.context["form"]
    assert codes(form, field) == {code}
    assert 'value="2-77/2026"' in response.content.decode()
    assert not R.objects.exists()


def test_a_duplicate_registration_number_is_refused_with_the_date_of_the_first(officer_client):
    la_request(officer_client.officer, number="15/2026")
    response = post_registration(officer_client)
    assert codes(response.context["form"], "registration_number") == {"duplicate"}
    assert R.objects.count() == 1


def test_a_treaty_not_binding_the_two_states_is_registered_only_once_confirmed(officer_client):
    chisinau = TreatyBasis.objects.get(code="chisinau-2002")  # Russia did not ratify it
    response = post_registration(officer_client, treaty=chisinau.pk)
    assert codes(response.context["form"], "treaty") == {"treaty_mismatch"}
    assert 'name="confirm_treaty"' in response.content.decode() and not R.objects.exists()
    response = post_registration(officer_client, treaty=chisinau.pk, confirm_treaty="on")
    assert response.status_code == 302
    assert R.objects.get().treaty_mismatch_confirmed


def request_urls(request) -> list[str]:
    return [
        reverse("international:request-list"),
        reverse("international:request-figures"),
        reverse("international:request-export"),
        reverse("international:request-figures-export"),
        reverse("international:request-detail", args=[request.pk]),
        reverse("international:request-check", args=[request.pk]),
        reverse("international:request-update", args=[request.pk]),
        reverse("international:request-create"),
    ]


@pytest.mark.parametrize("username", ["isd_officer", "isd_head", "sysadmin"])
def test_isd_staff_and_a_bare_superuser_get_404_everywhere_in_the_registry(people, client_for, username):
    request = la_request(people["ir_officer"].user)
    client = client_for(username)
    for url in request_urls(request):
        assert client.get(url).status_code == 404, url
    move_url = reverse("international:request-move", args=[request.pk, "check"])
    assert client.post(move_url).status_code == 404


def test_the_leadership_reads_the_registry_but_does_not_keep_it(people, client_for):
    request = la_request(people["ir_officer"].user)
    client = client_for("chairman")
    for url in request_urls(request)[:5]:
        assert client.get(url).status_code == 200, url
    for url in request_urls(request)[5:]:
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("international:request-move", args=[request.pk, "refuse"]), {"refuse-reason": "x"})
    assert response.status_code == 404
    assert R.objects.get().status == R.Status.REGISTERED


def many_requests(officer, count: int, start: int = 100):
    country = Country.objects.get(code="RU")
    treaty = TreatyBasis.objects.get(code="minsk-1993")
    court = KazakhCourt.objects.get(code="astana-regional")
    foreign = authority("RU")
    R.objects.bulk_create(
        R(
            registration_number=f"{start + n}/2025",
            received_on=timezone.localdate() - timedelta(days=n),
            direction="incoming",
            subject="service",
            category="civil",
            country=country,
            foreign_authority=foreign,
            court=court,
            case_name="Case",
            case_number=f"2-{n}",
            asked="Serve",
            treaty=treaty,
            original_language="ru",
            officer=officer,
        )
        for n in range(count)
    )


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
    from .factories import party

    many_requests(officer_client.officer, 3)
    request = la_request(officer_client.officer, parties=[party(name=f"Person {n}") for n in range(parties)])
    url = reverse("international:request-detail", args=[request.pk])
    officer_client.get(url)
    with django_assert_num_queries(14):
        response = officer_client.get(url)
    assert len(response.context["parties"]) == parties


def test_filters_and_search_find_the_request(people, officer_client):
    officer = officer_client.officer
    target = la_request(officer, number="7/2026", case_number="2-999/2026", country="KG", subject="evidence")
    la_request(officer, number="8/2026", case_number="2-111/2026")
    url = reverse("international:request-list")
    for query in ({"text": "2-999"}, {"text": "СЕРІКБАЕВ", "country": target.country_id}, {"subject": "evidence"}):
        rows = officer_client.get(url, query).context["rows"]
        assert [row.pk for row in rows] == [target.pk], query


def test_the_list_and_the_figures_export_to_xlsx(people, officer_client):
    la_request(officer_client.officer, number="7/2026")
    response = officer_client.get(reverse("international:request-export"), {"text": "7/2026"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == "7/2026"
    response = officer_client.get(reverse("international:request-figures-export"))
    book = load_workbook(BytesIO(b"".join(response.streaming_content)))
    assert len(book.sheetnames) == 6


def test_figures_count_overdue_and_compute_median_and_90th_percentile(people):
    """IR 7.27: days from receipt to execution, by year and quarter of execution."""
    officer = people["ir_officer"].user
    received = timezone.localdate() - timedelta(days=200)
    for n, days in enumerate([10, 20, 30, 40, 100]):
        request = la_request(officer, number=f"{n}/2026", received_on=received)
        R.objects.filter(pk=request.pk).update(executed_on=received + timedelta(days=days), status="executed")
    overdue = la_request(officer, number="9/2026", received_on=received)
    request_move(request=overdue, move="check", actor=officer)
    R.objects.filter(pk=overdue.pk).update(court=KazakhCourt.objects.first(), status="sent_to_court")
    request_move(request=overdue, move="court_received", actor=officer, on=received + timedelta(days=1))
    result = figures(officer)
    assert result["total"] == 6 and result["overdue"] == 1
    times = {(row["year"], row["quarter"]): row for row in result["execution_times"]}
    assert sum(row["count"] for row in times.values()) == 5
    if len(times) == 1:  # all five executed in one quarter: the exact figures
        (row,) = times.values()
        assert row["median"] == 30 and row["p90"] == pytest.approx(76.0)


def test_isd_staff_cannot_download_a_request_file(people, client_for):
    request = la_request(people["ir_officer"].user)
    file = request.files.create(
        kind="request",
        language="ru",
        original_name="r.pdf",
        content_type="application/pdf",
        size=1,
        sha256="0" * 64,
        uploaded_by=people["ir_officer"].user,
    )
    url = reverse("international:request-file-download", args=[request.pk, file.pk])
    assert client_for("isd_officer").get(url).status_code == 404


def test_a_foreign_authority_of_another_state_is_refused(officer_client):
    other = ForeignAuthority.objects.create(
        name="Court", name_kk="Court", name_ru="Court", country=Country.objects.get(code="KG")
    )
    response = post_registration(officer_client, foreign_authority=other.pk)
    assert codes(response.context["form"], "foreign_authority") == {"other_state"}


def test_a_file_of_a_forbidden_type_is_refused_beside_the_field(people, officer_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    request = la_request(officer_client.officer)
    url = reverse("international:request-file-add", args=[request.pk])
    upload = SimpleUploadedFile("macro.exe", b"MZ\x90\x00binary", content_type="application/octet-stream")
    response = officer_client.post(url, {"file": upload, "kind": "request", "language": "ru"})
    assert response.status_code == 200 and response.context["file_form"].errors["file"]
    assert not request.files.exists()


def test_the_export_says_when_it_stops_at_its_limit(people, officer_client, monkeypatch):
    from international import export

    monkeypatch.setattr(export, "EXPORT_LIMIT", 2)
    many_requests(officer_client.officer, 3)
    response = officer_client.get(reverse("international:request-export"))
    rows = list(load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert len(rows) == 4 and rows[3][1] is None and "2" in rows[3][0]


def test_a_row_of_the_list_shows_the_request_escaped_with_its_due_date(officer_client):
    from courtadmin.deadlines.models import Deadline

    request = la_request(officer_client.officer, number="7/2026", case_number='2-<b>15</b>/"26"')
    request_move(request=request, move="check", actor=officer_client.officer)
    LegalAssistanceRequest.objects.filter(pk=request.pk).update(
        court=KazakhCourt.objects.first(), status="sent_to_court"
    )
    request_move(request=request, move="court_received", actor=officer_client.officer, on=timezone.localdate())
    html = officer_client.get(reverse("international:request-list")).content.decode()
    row = html[html.index('<tr class="request-row">') : html.index("</tr>", html.index('<tr class="request-row">'))]
    assert f'<a href="{reverse("international:request-detail", args=[request.pk])}">7/2026</a>' in row
    assert "2-&lt;b&gt;15&lt;/b&gt;/&quot;26&quot;" in row and "<b>" not in row
    assert str(KazakhCourt.objects.first()) in row and "text-bg-danger" not in row
    Deadline.objects.filter(record_id=str(request.pk)).update(due_on=timezone.localdate() - timedelta(days=1))
    html = officer_client.get(reverse("international:request-list")).content.decode()
    assert '<span class="badge text-bg-danger">' in html
