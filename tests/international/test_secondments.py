"""Judges in international bodies (issue 22, item 4; IR 7.3): who is sent where, for what term,
the support given, and the judge's reports by their terms."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courtadmin.deadlines.models import Deadline
from international.models import Secondment
from international.selectors import secondments as selectors
from international.services import secondments as services
from tests.conftest import page_queries, refusal_codes

from .factories import workbook_rows

pytestmark = pytest.mark.time_machine(date(2026, 12, 7))


def sent(officer, **fields) -> Secondment:
    record = Secondment(
        judge=fields.pop("judge", "Асқар Бекұлы Сәрсенов"),
        body=fields.pop("body", "Еуропалық судьялардың консультативтік кеңесі (CCJE)"),
        role="Бақылаушы",
        order_number="12-к",
        order_date=date(2026, 1, 15),
        starts_on=fields.pop("starts_on", date(2026, 2, 1)),
        ends_on=fields.pop("ends_on", date(2028, 1, 31)),
        officer=officer,
        **fields,
    )
    return services.secondment_save(actor=officer, secondment=record)


def test_a_judge_is_sent_supported_and_reports_by_the_term_ir_7_3(users, client_for):
    officer = users["ir_officer"]
    judge = sent(officer, report_due_on=date(2027, 1, 29))
    term = Deadline.objects.get(kind=services.REPORT_TERM, record_id=str(judge.pk))
    assert (term.due_on, term.responsible) == (date(2027, 1, 29), officer)
    services.support_add(actor=officer, secondment=judge, on=date(2026, 11, 20), what="Шенгендік виза ресімделді")
    client = client_for("ir_officer")
    response = client.post(
        reverse("international:secondment-report-add", args=[judge.pk]),
        {"file": SimpleUploadedFile("report.pdf", b"%PDF-1.7\n%report\n", content_type="application/pdf")},
    )
    assert response.status_code == 302
    judge.refresh_from_db()
    term.refresh_from_db()
    assert term.state == Deadline.State.MET and judge.report_due_on is None
    page = client.get(judge.get_absolute_url())
    assert [line.what for line in page.context["support"]] == ["Шенгендік виза ресімделді"]
    assert [report.original_name for report in page.context["reports"]] == ["report.pdf"]
    # The next report's term, set later, runs anew; a past one is refused beside its field.
    judge.report_due_on = date(2026, 12, 1)
    assert refusal_codes(services.secondment_save, actor=officer, secondment=judge) == {"past"}
    judge.report_due_on = date(2027, 7, 30)
    services.secondment_save(actor=officer, secondment=judge)
    assert Deadline.objects.get(kind=services.REPORT_TERM, record_id=str(judge.pk), state="open").due_on == date(
        2027, 7, 30
    )


def test_the_register_filters_the_serving_and_the_late_and_is_the_irs_only(users, client_for):
    officer = users["ir_officer"]
    serving = sent(officer, report_due_on=date(2026, 12, 21))
    over = sent(officer, judge="Бұрынғы мүше", starts_on=date(2020, 1, 1), ends_on=date(2022, 1, 1))
    assert list(selectors.secondment_register(users["ir_head"], selectors.SecondmentFilter(current=True))) == [serving]
    assert over in selectors.secondment_register(users["ir_head"])
    rows = workbook_rows(client_for("ir_head").get(reverse("international:secondment-export") + "?current=on"))
    assert [row[0] for row in rows[1:]] == [serving.judge]
    assert refusal_codes(
        services.support_add, actor=officer, secondment=serving, on=date(2026, 12, 20), what="Кейін"
    ) == {"future"}
    for username in ("legal_officer", "isd_head", "court_almaty", "sysadmin"):
        client = client_for(username)
        assert client.get(serving.get_absolute_url()).status_code == 404, username
        assert client.get(reverse("international:secondment-list")).status_code == 404, username


def test_the_pages_cost_the_same_for_one_and_for_twenty(users, client_for):
    officer = users["ir_officer"]
    judge = sent(officer)
    client = client_for("ir_officer")
    urls = [reverse("international:secondment-list"), judge.get_absolute_url()]
    few = [page_queries(client, url) for url in urls]
    for n in range(19):
        sent(officer, judge=f"Судья {n}")
        services.support_add(actor=officer, secondment=judge, on=date(2026, 11, 1), what=f"Көмек {n}")
    assert [page_queries(client, url) for url in urls] == few
