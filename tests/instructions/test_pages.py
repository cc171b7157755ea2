"""The pages of instructions: giving through the form (the refusals beside their fields, what
was typed kept), the instruction's page with its panels, the control list's filters and its
figures per executor and per unit on a known set, the export, my work, the query budgets."""

from datetime import date, datetime
from io import BytesIO

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from courtadmin.deadlines.calendar import ALMATY
from courtadmin.instructions.models import Instruction
from courtadmin.instructions.selectors import InstructionFilter, instruction_figures
from tests.conftest import PAGE, READ_LOG_QUERIES, TODAY

from .conftest import PDF, accept, give, interim, report, split

S, T = Instruction.Status, Instruction.Term


def test_the_journey_through_the_pages_isd_5_12(people, users, client_for):
    """The CA head gives through the form, the ISD head splits it to the Almaty unit through
    the split page, the unit reports with a file, the ISD head accepts."""
    client = client_for("ca_head")
    given = {
        "department": "ISD",
        "text": "Проанализировать работу подразделений",
        "executors": [users["isd_head"].pk],
        "lead": users["isd_head"].pk,
        "working_days": "10",
    }
    refused = client.post(reverse("instructions:instruction-create"), given)  # ISD 14: which function?
    assert refused.status_code == 200 and refused.context["form"].errors.as_data()["function"][0].code == "required"
    response = client.post(reverse("instructions:instruction-create"), {**given, "function": "6.18"})
    parent = Instruction.objects.get()
    assert response.status_code == 302 and response.url == parent.get_absolute_url()
    client = client_for("isd_head")
    page = client.get(parent.get_absolute_url()).content.decode()
    assert 'id="split-link"' in page and 'id="move-report"' in page
    split_url = reverse("instructions:instruction-split", args=[parent.pk])
    assert users["isd_almaty"].person.full_name in client.get(split_url).content.decode()
    response = client.post(
        split_url,
        {
            "text": "Представить отчёт по Алматы",
            "executors": [users["isd_almaty"].pk],
            "lead": users["isd_almaty"].pk,
            "working_days": "5",
        },
    )
    child = Instruction.objects.get(parent=parent)
    assert response.status_code == 302 and response.url == child.get_absolute_url()
    assert child.function == parent.function == "6.18"  # the split serves its parent's function
    client = client_for("isd_almaty")
    response = client.post(
        reverse("instructions:instruction-move", args=[child.pk, "report"]),
        {"report-text": "Отчёт представлен", "report-files": SimpleUploadedFile("r.pdf", PDF)},
    )
    assert response.status_code == 302
    client = client_for("isd_head")
    page = client.get(child.get_absolute_url()).content.decode()
    assert "r.pdf" in page and 'id="move-accept"' in page and 'id="move-return"' in page
    assert client.post(reverse("instructions:instruction-move", args=[child.pk, "accept"])).status_code == 302
    child.refresh_from_db()
    assert child.status == S.ACCEPTED and child.term_kept is True
    page = client.get(child.get_absolute_url()).content.decode()
    assert 'id="history"' in page and 'id="accepted"' in page


def test_a_refusal_is_said_beside_its_field_and_what_was_typed_stays(people, users, client_for):
    client = client_for("ca_deputy")
    response = client.post(
        reverse("instructions:instruction-create"),
        {"department": "ISD", "text": "Сохранить набранное", "executors": [users["isd_head"].pk], "working_days": "3"},
    )
    # ISD 7: the ISD is not even among the CA deputy's choices.
    assert response.status_code == 200 and "department" in response.context["form"].errors
    assert "Сохранить набранное" in response.content.decode()
    parent = give(users["ir_head"], [users["ir_officer"]], working_days=2)
    client = client_for("ir_head")
    response = client.post(
        reverse("instructions:instruction-create"),
        {
            "department": "IR",
            "text": "Ещё одно",
            "executors": [users["ir_officer"].pk],
            "lead": users["ir_officer"].pk,
            "working_days": "3",
            "due_on": "2026-12-01",
        },
    )
    assert response.status_code == 200 and set(response.context["form"].errors) == {"due_on"}
    assert 'id="id_due_on_error"' in response.content.decode()
    # The child's term beside the field.
    child_parent = give(users["chairman"], [users["ir_head"]], working_days=2)
    response = client.post(
        reverse("instructions:instruction-split", args=[child_parent.pk]),
        {"text": "Часть", "executors": [users["ir_officer"].pk], "lead": users["ir_officer"].pk, "working_days": "9"},
    )
    assert response.status_code == 200 and set(response.context["form"].errors) == {"working_days"}
    assert Instruction.objects.count() == 2 and parent.pk
    # An empty final report: the reason beside the field, on the instruction's page.
    client = client_for("ir_officer")
    response = client.post(reverse("instructions:instruction-move", args=[parent.pk, "report"]), {"report-text": ""})
    assert response.status_code == 200
    form = next(form for move, form in response.context["move_forms"] if move.name == "report")
    assert set(form.errors) == {"text"}


def _known_set(users):
    """Seven IR instructions on the suite's today (Tuesday 24.11.2026) and after:
    ir_officer: one on time, one late, one running, one overdue (by a report after its date
    still waiting); ir_deputy_protocol: one overdue unreported, one running with ir_officer,
    one done on time with ir_officer."""
    head, officer, deputy = users["ir_head"], users["ir_officer"], users["ir_deputy_protocol"]
    with time_machine.travel(TODAY):
        given = _give_known(head, officer, deputy)
    with time_machine.travel(datetime(2026, 11, 30, 10, 0, tzinfo=ALMATY)):
        report(given["late"], officer)
        accept(given["late"], head)
        report(given["reported_late"], officer)
    return given


def _give_known(head, officer, deputy):
    on_time = give(head, [officer], working_days=1, text="Вовремя")
    report(on_time, officer)
    accept(on_time, head)
    late = give(head, [officer], working_days=1, text="С опозданием")
    running = give(head, [officer], working_days=20, text="Идёт")
    reported_late = give(head, [officer], working_days=1, text="Доложено поздно")
    overdue = give(head, [deputy], working_days=1, text="Просрочено")
    shared = give(head, [deputy, officer], working_days=20, text="Совместно")
    together = give(head, [officer, deputy], working_days=1, text="Вместе вовремя")
    report(together, officer)
    accept(together, head)
    return {"late": late, "reported_late": reported_late, "running": running, "overdue": overdue, "shared": shared}


@pytest.mark.time_machine(datetime(2026, 12, 1, 10, 0, tzinfo=ALMATY))
def test_the_figures_per_executor_and_per_unit_on_a_known_set_ir_11(people, users, client_for):
    _known_set(users)
    figures = instruction_figures(users["ir_head"])
    by_name = {line.name: (line.on_time, line.late, line.running, line.overdue) for line in figures["executors"]}
    assert by_name == {
        str(users["ir_officer"].person): (2, 1, 2, 1),
        str(users["ir_deputy_protocol"].person): (1, 0, 1, 1),
    }
    # The unit counts each instruction once, however many of its people execute it.
    assert [(line.on_time, line.late, line.running, line.overdue) for line in figures["units"]] == [(2, 1, 2, 2)]
    officer_only = instruction_figures(users["ir_head"], InstructionFilter(executor=users["ir_officer"].pk))
    assert {line.name: line.total for line in officer_only["executors"]}[str(users["ir_officer"].person)] == 6
    # Their page shows them over this year by default, and the list filters by the term's state.
    client = client_for("ir_head")
    html = client.get(reverse("instructions:instruction-figures")).content.decode()
    assert 'id="figures-executors"' in html and 'id="figures-units"' in html
    assert "01.01.2026" in html and "01.12.2026" in html
    url = reverse("instructions:instruction-list")

    def listed(**query):
        return sorted(instruction.text for instruction in client.get(url, query).context["page"].object_list)

    assert listed(term="overdue") == ["Доложено поздно", "Просрочено"]
    assert listed(term="late") == ["С опозданием"]
    assert listed(term="on_time") == ["Вместе вовремя", "Вовремя"]
    assert listed(term="running") == ["Идёт", "Совместно"]
    assert listed(term="due_soon", within_days="60") == ["Идёт", "Совместно"]
    assert listed(term="due_soon", within_days="1") == []
    assert listed(executor=users["ir_deputy_protocol"].pk, status="on_execution") == ["Просрочено", "Совместно"]
    assert listed(text="вовремя") == ["Вместе вовремя", "Вовремя"]
    assert listed(giver=users["chairman"].pk) == []
    assert listed(due_from="2026-12-01") == ["Идёт", "Совместно"]
    assert client.get(url, {"department": "ISD"}).context["form"].errors  # not a department he reaches


@pytest.mark.time_machine(datetime(2026, 12, 1, 10, 0, tzinfo=ALMATY))
def test_the_figures_count_the_instructions_given_within_their_period_of_at_most_a_year(people, users, client_for):
    head, officer = users["ir_head"], users["ir_officer"]
    with time_machine.travel(datetime(2025, 3, 3, 10, 0, tzinfo=ALMATY)):
        give(head, [officer], working_days=1, text="Прошлогоднее")
    with time_machine.travel(datetime(2026, 1, 5, 10, 0, tzinfo=ALMATY)):
        give(head, [officer], working_days=1, text="Январское")
    give(head, [officer], working_days=5, text="Сегодняшнее")
    url = reverse("instructions:instruction-figures")
    client = client_for("ir_head")

    def counted(**query) -> tuple[int, object]:
        response = client.get(url, query)
        lines = response.context["figures"]["executors"]
        return sum(line.total for line in lines), response.context["period"]

    total, period = counted()
    assert total == 2 and (period.start, period.end, period.narrowed) == (date(2026, 1, 1), date(2026, 12, 1), False)
    assert counted(given_from="2025-01-01", given_to="2025-12-31")[0] == 1
    assert counted(given_from="2026-01-05", given_to="2026-01-05")[0] == 1  # the whole of its last day
    # A period longer than a year counts its last year, and says so.
    total, period = counted(given_from="2020-01-01", given_to="2026-12-01")
    assert total == 2 and period.narrowed and period.start == date(2025, 12, 1)
    assert 'id="figures-period"' in client.get(url, {"given_from": "2020-01-01"}).content.decode()
    # The list itself filters by any period.
    listed = client.get(reverse("instructions:instruction-list"), {"given_from": "2020-01-01"}).context["page"]
    assert len(listed.object_list) == 3


@pytest.mark.time_machine(datetime(2026, 12, 1, 10, 0, tzinfo=ALMATY))
def test_the_export_holds_the_filtered_rows_and_the_figures(people, users, client_for):
    _known_set(users)
    response = client_for("ir_officer").get(reverse("instructions:instruction-export"), {"term": "overdue"})
    book = load_workbook(BytesIO(b"".join(response.streaming_content)))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert sorted(row[4] for row in rows[1:]) == ["Доложено поздно", "Просрочено"]
    assert len(book.worksheets) == 3
    executors = list(book.worksheets[1].iter_rows(values_only=True))
    assert sorted(row[1:] for row in executors[1:-1]) == [(0, 0, 0, 1), (0, 0, 0, 1)]
    assert "01.01.2026" in executors[-1][0] and "01.12.2026" in executors[-1][0]  # the period counted


def test_my_work_shows_what_i_execute_and_what_waits_for_my_acceptance(people, users, client_for):
    head, officer = users["ir_head"], users["ir_officer"]
    led = give(head, [officer], text="Веду сам")
    reported = give(head, [officer], text="Жду приёма")
    report(reported, officer)
    html = client_for("ir_officer").get(reverse("core:home")).content.decode()
    panel = html[html.index('id="work-instructions-ir"') :]
    assert led.get_absolute_url() in panel and 'id="work-instructions-isd"' not in html
    assert 'id="work-instructions-to-accept"' not in html
    html = client_for("ir_head").get(reverse("core:home")).content.decode()
    panel = html[html.index('id="work-instructions-to-accept"') :]
    assert reported.get_absolute_url() in panel
    html = client_for("isd_almaty").get(reverse("core:home")).content.decode()
    assert 'id="work-instructions-isd"' in html and led.get_absolute_url() not in html


def test_an_interim_report_through_the_page(people, users, client_for):
    instruction = give(users["ir_head"], [users["ir_officer"], users["ir_deputy_protocol"]])
    client = client_for("ir_deputy_protocol")
    url = reverse("instructions:instruction-report-add", args=[instruction.pk])
    response = client.post(url, {"interim-text": "Ход", "interim-files": SimpleUploadedFile("x.pdf", b"MZ\x90")})
    assert response.status_code == 200 and "files" in response.context["report_form"].errors
    assert "Ход" in response.content.decode()
    assert (
        client.post(url, {"interim-text": "Ход", "interim-files": SimpleUploadedFile("h.pdf", PDF)}).status_code == 302
    )
    assert instruction.reports.get().files.count() == 1
    # The giver is not an executor: no interim report from him.
    assert client_for("ir_head").post(url, {"interim-text": "Я"}).status_code == 404


# --- Query budgets: the same for 2 instructions as for 50 -------------------------------------------

# Every page costs PAGE (tests/conftest.py) and what is said beside its count.
BUDGET = {
    # the filter's choices (givers, executors, units), the count, the page, its leads, whether
    # he may give (who replaces the heads today: IR 13, ISD 15)
    "instruction-list": PAGE + 3 + 2 + 1 + 2,
    # the filter's choices, the figures by executor and by unit and their names
    "instruction-figures": PAGE + 3 + 4,
    # the instruction, the moves open to him (is he the lead), its executors, its children, its
    # reports and their files, its history, whether he may split it (an executor: is he one,
    # who signs for the department today)
    "instruction-detail": PAGE + 9,
}


def _many(head, officer, count):
    instructions = [give(head, [officer], text=f"Поручение {n}") for n in range(count)]
    for instruction in instructions:
        interim(instruction, officer, files=[SimpleUploadedFile("a.pdf", PDF)])
    return instructions


@pytest.mark.parametrize("rows", [2, 50])
def test_the_list_costs_the_same_for_2_and_50_instructions(people, users, client_for, django_assert_num_queries, rows):
    _many(users["ir_head"], users["ir_officer"], rows)
    client = client_for("ir_officer")
    url = reverse("instructions:instruction-list")
    client.get(url)
    with django_assert_num_queries(BUDGET["instruction-list"]):
        response = client.get(url, {"status": "on_execution"})
    assert len(response.context["page"].object_list) == rows


@pytest.mark.parametrize("rows", [2, 50])
def test_the_figures_cost_the_same_for_2_and_50_instructions(
    people, users, client_for, django_assert_num_queries, rows
):
    _many(users["ir_head"], users["ir_officer"], rows)
    client = client_for("ir_officer")
    url = reverse("instructions:instruction-figures")
    client.get(url)
    with django_assert_num_queries(BUDGET["instruction-figures"]):
        response = client.get(url, {"status": "on_execution"})
    assert sum(line.running for line in response.context["figures"]["executors"]) == rows


@pytest.mark.parametrize("rows", [2, 50])
def test_the_detail_costs_the_same_whatever_the_number_of_instructions(
    people, users, client_for, django_assert_num_queries, rows
):
    instructions = _many(users["ir_head"], users["ir_officer"], rows)
    client = client_for("ir_officer")
    url = instructions[0].get_absolute_url()
    client.get(url)
    with django_assert_num_queries(BUDGET["instruction-detail"]):
        assert client.get(url).status_code == 200


def test_an_isd_detail_adds_its_read_log_line_and_the_split_check(people, users, client_for, django_assert_num_queries):
    parent = give(users["ca_head"], [users["isd_head"]], department="ISD")
    split(users["isd_head"], parent, [users["isd_almaty"]])
    client = client_for("isd_head")
    client.get(parent.get_absolute_url())
    # besides: the read-log line (ISD 7), the leads of its child, and how many IR instructions
    # he gave or executes, which he reads as his own (selectors._own)
    with django_assert_num_queries(BUDGET["instruction-detail"] + READ_LOG_QUERIES + 2):
        assert client.get(parent.get_absolute_url()).status_code == 200


def test_a_date_filter_and_a_bad_filter(people, users, client_for):
    give(users["ir_head"], [users["ir_officer"]])
    client = client_for("ir_officer")
    url = reverse("instructions:instruction-list")
    assert len(client.get(url, {"given_from": "2026-11-24"}).context["page"].object_list) == 1
    assert len(client.get(url, {"given_to": "2026-11-23"}).context["page"].object_list) == 0
    response = client.get(url, {"given_from": "31.02.2026"})
    assert response.status_code == 200 and response.context["form"].errors
    # The day given (the suite's today, 24.11.2026) is within its own bounds, whole.
    assert len(client.get(url, {"given_from": "2026-11-24", "given_to": "2026-11-24"}).context["page"].object_list) == 1
