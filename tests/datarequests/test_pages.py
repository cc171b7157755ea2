"""The pages of requests: the register and the inbox with their filters, figures and export,
the draft and the moves through the pages, the navigation of the requested side, the demo,
the query budgets (2 rows cost what 50 cost)."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from courtadmin.datarequests.models import DataRequest
from courtadmin.datarequests.workflow import request_move
from courtadmin.org.models import Unit
from tests.conftest import PAGE, READ_LOG_QUERIES

from .conftest import answered, draft, pdf, sent

S = DataRequest.Status
COURT = "court-almaty-economic"


@pytest.mark.parametrize("username", ["court_almaty", "legal_officer", "analyst"])
def test_the_requested_side_has_its_inbox_in_the_navigation_though_it_reaches_no_department_isd_5_6(
    client_for, people, username
):
    html = client_for(username).get(reverse("core:home")).content.decode()
    assert reverse("datarequests:request-inbox") in html
    assert f'href="{reverse("datarequests:request-list")}"' not in html
    assert client_for(username).get(reverse("datarequests:request-inbox")).status_code == 200


def test_those_of_no_unit_to_address_have_no_inbox(client_for, people):
    for username in ("chairman", "sysadmin"):
        assert client_for(username).get(reverse("datarequests:request-inbox")).status_code == 404
    for username in ("hr_keeper", "sysadmin", "court_almaty"):
        assert client_for(username).get(reverse("datarequests:request-create")).status_code == 404
        assert client_for(username).get(reverse("datarequests:request-list")).status_code == 404
        assert client_for(username).get(reverse("datarequests:request-figures")).status_code == 404


def test_a_request_through_the_pages_drafted_sent_answered_returned_and_accepted_ir_5_1(people, users, client_for):
    officer_client = client_for("ir_officer")
    form = officer_client.get(reverse("datarequests:request-create")).context["form"]
    assert form.initial["legal_basis"].startswith("IR 5.1") and form.initial["working_days"] == 10
    legal = Unit.objects.get(code="legal")
    response = officer_client.post(
        reverse("datarequests:request-create"),
        {
            "department": "IR",
            "unit": legal.pk,
            "recipient": users["legal_officer"].pk,
            "subject": "Заключение по меморандуму",
            "text": "Прошу представить заключение.",
            "legal_basis": "IR 5.1",
            "working_days": "7",
        },
    )
    data_request = DataRequest.objects.get()
    assert response.status_code == 302 and response.url == data_request.get_absolute_url()
    page = officer_client.get(data_request.get_absolute_url()).content.decode()
    assert 'id="move-send"' not in page  # an officer drafts; the head sends
    head_client = client_for("ir_head")
    assert head_client.post(reverse("datarequests:request-move", args=[data_request.pk, "send"])).status_code == 302
    legal_client = client_for("legal_officer")
    refused = legal_client.post(reverse("datarequests:request-move", args=[data_request.pk, "answer"]), {})
    assert refused.status_code == 200 and 'id="id_answer-answer_error"' in refused.content.decode()
    response = legal_client.post(
        reverse("datarequests:request-move", args=[data_request.pk, "answer"]),
        {"answer-answer": "Заключение прилагается.", "answer-files": pdf("conclusion.pdf")},
    )
    assert response.status_code == 302
    officer_client = client_for("ir_officer")
    response = officer_client.post(
        reverse("datarequests:request-move", args=[data_request.pk, "return"]), {"return-reason": "Без подписи."}
    )
    assert response.status_code == 302
    legal_client = client_for("legal_officer")
    legal_client.post(
        reverse("datarequests:request-move", args=[data_request.pk, "answer"]), {"answer-answer": "С подписью."}
    )
    officer_client = client_for("ir_officer")
    assert (
        officer_client.post(reverse("datarequests:request-move", args=[data_request.pk, "accept"])).status_code == 302
    )
    data_request.refresh_from_db()
    assert data_request.status == S.ACCEPTED and data_request.term_kept is True
    page = officer_client.get(data_request.get_absolute_url()).content.decode()
    assert 'id="history"' in page and 'id="term-kept"' in page and "conclusion.pdf" in page


def test_a_draft_refused_keeps_what_was_typed(people, users, client_for):
    client = client_for("isd_officer")
    isd_unit = Unit.objects.filter(kind=Unit.Kind.STRUCTURAL, department="ISD").get()
    response = client.post(
        reverse("datarequests:request-create"),
        {"department": "ISD", "unit": isd_unit.pk, "subject": "Сохранить набранное", "working_days": "0"},
    )
    assert response.status_code == 200
    assert {"unit", "text", "legal_basis", "working_days"} <= set(response.context["form"].errors)
    assert "Сохранить набранное" in response.content.decode()
    assert not DataRequest.objects.exists()


def test_the_register_filters_and_its_export_holds_the_filtered_rows_only(people, users, client_for):
    officer, head, court = users["isd_officer"], users["isd_head"], users["court_almaty"]
    to_court = sent(officer, head, COURT, subject="Протоколы")
    answered(to_court, court)
    sent(officer, head, "analytics", subject="Статистика")
    draft(officer, "legal", subject="Черновик")
    sent(users["ir_officer"], users["ir_head"], "legal", department="IR", subject="Протоколы IR")
    client = client_for("isd_officer")
    url = reverse("datarequests:request-list")

    def listed(**query):
        return [r.subject for r in client.get(url, query).context["page"].object_list]

    assert sorted(listed()) == ["Протоколы", "Статистика", "Черновик"]
    assert listed(text="протокол") == ["Протоколы"]
    assert listed(unit=Unit.objects.get(code=COURT).pk) == ["Протоколы"]
    assert listed(term="awaiting") == ["Протоколы"] and listed(term="running") == ["Статистика"]
    assert listed(status="draft") == ["Черновик"]
    assert client.get(url, {"department": "IR"}).context["form"].errors  # not a department he reaches
    response = client.get(reverse("datarequests:request-export"), {"term": "awaiting"})
    rows = list(load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == to_court.registration_number and rows[1][3] == "Протоколы"


def test_the_search_finds_a_request_within_reach_only(people, users, client_for):
    sent(users["isd_officer"], users["isd_head"], COURT, subject="Аудиозаписи заседаний")
    for username, found in (("court_almaty", True), ("isd_head", True), ("analyst", False), ("ir_head", False)):
        html = client_for(username).get(reverse("core:search"), {"q": "Аудиозаписи"}).content.decode()
        assert ("Аудиозаписи заседаний" in html) is found, username


def test_my_work_the_unit_waits_to_answer_and_the_requester_to_accept(people, users, client_for):
    officer, head, court = users["isd_officer"], users["isd_head"], users["court_almaty"]
    waiting = sent(officer, head, COURT, subject="Ждёт ответа суда")
    html = client_for("court_almaty").get(reverse("core:home")).content.decode()
    assert 'id="work-requests-to-answer"' in html and waiting.get_absolute_url() in html
    answered(waiting, court)
    html = client_for("isd_officer").get(reverse("core:home")).content.decode()
    assert 'id="work-requests-to-accept"' in html and waiting.get_absolute_url() in html
    assert 'id="work-requests-to-accept"' not in client_for("court_almaty").get(reverse("core:home")).content.decode()


def test_the_demo_holds_both_registers_in_each_state_once(db, settings):
    import io

    from django.core.management import call_command

    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())
    first = sorted(DataRequest.objects.values_list("department", "registration_number", "status"))
    call_command("load_demo", stdout=io.StringIO())
    assert sorted(DataRequest.objects.values_list("department", "registration_number", "status")) == first
    assert {(department, status) for department, _number, status in first} >= {
        ("ISD", S.ACCEPTED),
        ("ISD", S.DRAFT),
        ("IR", S.SENT),
        ("IR", S.RETURNED),
    }
    accepted = DataRequest.objects.get(department="ISD", status=S.ACCEPTED)
    assert accepted.unit.code == COURT and accepted.record_id and accepted.files.exists()
    assert DataRequest.objects.filter(department="IR", status=S.SENT, due_on__lt=accepted.drafted_at.date()).exists()


# --- Query budgets: the same for 2 requests as for 50 --------------------------------------------


def _many(count):
    from courtadmin.org.models import Person

    officer = Person.objects.get(user__username="isd_officer").user
    head = Person.objects.get(user__username="isd_head").user
    court = Person.objects.get(user__username="court_almaty").user
    for n in range(count):
        data_request = sent(officer, head, COURT, subject=f"Запрос {n}")
        request_move(request=data_request, move="answer", actor=court, answer="...", files=[pdf()])
    return data_request


@pytest.mark.parametrize("rows", [2, 50])
@pytest.mark.parametrize(
    ("username", "url_name", "budget"),
    [("isd_head", "request-list", PAGE + 3), ("court_almaty", "request-inbox", PAGE + 2)],
)
def test_the_lists_cost_the_same_for_2_and_50_requests(
    people, users, client_for, django_assert_num_queries, rows, username, url_name, budget
):
    _many(rows)
    client = client_for(username)
    url = reverse(f"datarequests:{url_name}")
    client.get(url)
    # PAGE, the count and the page (2); the register besides its filter's units (1).
    with django_assert_num_queries(budget):
        response = client.get(url, {"status": "answered"})
    assert len(response.context["page"].object_list) == rows


@pytest.mark.parametrize("rows", [2, 50])
def test_the_detail_costs_the_same_whatever_the_number_of_requests(
    people, users, client_for, django_assert_num_queries, rows
):
    last = _many(rows)
    client = client_for("isd_head")
    client.get(last.get_absolute_url())
    # PAGE, the request with its people joined, the moves open to the head (who signs today),
    # its files, its history, the served case's reach; and the read log's line (ISD 7).
    with django_assert_num_queries(6 + READ_LOG_QUERIES):
        assert client.get(last.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("rows", [2, 50])
def test_the_control_of_the_terms_costs_the_same_for_2_and_50_requests(
    people, users, client_for, django_assert_num_queries, rows
):
    _many(rows)
    client = client_for("isd_head")
    url = reverse("datarequests:request-figures")
    client.get(url)
    # PAGE, the filter's units (1), the figures and their units (2).
    with django_assert_num_queries(PAGE + 3):
        response = client.get(url)
    assert response.context["totals"]["sent"] == rows and response.context["totals"]["awaiting"] == rows
    assert 'id="figures-period"' in response.content.decode()
