"""The CEPEJ evaluation cycle (issue 22, item 6; IR 7.28): the questionnaire's questions imported
from a spreadsheet, answered by the subdivisions that hold the data, checked against the
previous cycle, approved by the IR's head and exported in the questionnaire's order."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from courtadmin.audit.models import AuditEvent
from international.models import Question, Questionnaire
from international.selectors import cepej as selectors
from international.services import cepej as services
from tests.conftest import page_queries, refusal_codes

from .factories import workbook_rows, xlsx_table

pytestmark = pytest.mark.time_machine(date(2026, 12, 7))

S = Question.Status
HEADER = ("code", "question", "type", "unit")
ROWS = [
    ("1.1.1", "Number of professional judges (FTE)", "number", "analytics"),
    ("2.1.1", "Approved annual budget of the courts, EUR", "number", "analytics"),
    ("3.2", "Describe the system of legal aid", "text", "legal"),
]


def questionnaire(officer, year, **fields) -> Questionnaire:
    record = Questionnaire(
        title=f"CEPEJ evaluation, {year} data",
        data_year=year,
        due_on=date(year + 2, 3, 1),
        officer=officer,
        **fields,
    )
    return services.questionnaire_save(actor=officer, questionnaire=record)


def imported(officer, year, rows=ROWS) -> Questionnaire:
    cycle = questionnaire(officer, year)
    services.questions_import(
        actor=officer, questionnaire=cycle, upload=xlsx_table(HEADER, rows), due_on=date(2027, 1, 29)
    )
    return cycle


def answer_all(cycle, users, figures):
    """Each question answered by its subdivision and accepted by the IR."""
    for question in cycle.questions.order_by("order"):
        actor = users["analyst"] if question.unit.code == "analytics" else users["legal_officer"]
        if question.numeric:
            services.question_move(question=question, move="answer", actor=actor, value=figures[question.code])
        else:
            services.question_move(question=question, move="answer", actor=actor, answer="Тегін заң көмегі")
        services.question_move(question=question, move="accept", actor=users["ir_officer"])


def test_a_cycle_goes_from_import_to_export_with_one_answer_flagged_and_corrected_ir_7_28(users, client_for):
    officer, analyst = users["ir_officer"], users["analyst"]
    last_year = imported(officer, 2023)
    answer_all(last_year, users, {"1.1.1": Decimal(1000), "2.1.1": Decimal(50_000_000)})
    services.questionnaire_move(questionnaire=last_year, move="approve", actor=users["ir_head"])

    cycle = imported(officer, 2024)
    judges, budget, legal_aid = cycle.questions.order_by("order")
    assert [q.code for q in (judges, budget, legal_aid)] == ["1.1.1", "2.1.1", "3.2"]
    assert {q.status for q in (judges, budget, legal_aid)} == {S.ASSIGNED}
    assert (judges.unit.code, legal_aid.numeric) == ("analytics", False)

    # Within the threshold (20 %): not flagged. Beyond it: flagged, and not accepted unexplained.
    services.question_move(question=judges, move="answer", actor=analyst, value=Decimal(1100))
    judges.refresh_from_db()
    assert (judges.previous_value, judges.flagged) == (Decimal(1000), False)
    client = client_for("analyst")
    response = client.post(
        reverse("international:question-move", args=[budget.pk, "answer"]), {"answer-value": "5000000"}
    )
    assert response.status_code == 302
    budget.refresh_from_db()
    assert budget.flagged and budget.change_percent == Decimal(-90)
    assert "quality-warning" in client.get(budget.get_absolute_url()).content.decode()
    assert refusal_codes(services.question_move, question=budget, move="accept", actor=officer) == {"unexplained"}
    services.question_move(
        question=budget, move="return", actor=officer, reason="A digit is missing?", due_on=date(2027, 1, 15)
    )
    services.question_move(question=budget, move="answer", actor=analyst, value=Decimal(52_000_000))
    budget.refresh_from_db()
    assert (budget.status, budget.flagged) == (S.ANSWERED, False)
    flags = AuditEvent.objects.filter(action="ir.question.answer", object_id=str(budget.pk)).order_by("pk")
    assert [event.after["flagged"] for event in flags] == [True, False]

    # Approval waits for every answer, and is the head's.
    assert refusal_codes(services.questionnaire_move, questionnaire=cycle, move="approve", actor=users["ir_head"]) == {
        "not_accepted"
    }
    services.question_move(question=legal_aid, move="answer", actor=users["legal_officer"], answer="Тегін заң көмегі")
    for question in (judges, budget, legal_aid):
        services.question_move(question=question, move="accept", actor=officer)
    assert refusal_codes(services.questionnaire_move, questionnaire=cycle, move="approve", actor=officer) == {
        "not_yours"
    }
    services.questionnaire_move(questionnaire=cycle, move="approve", actor=users["ir_head"])
    cycle.refresh_from_db()
    assert (cycle.status, cycle.approved_by) == (Questionnaire.Status.APPROVED, users["ir_head"])
    # Approved, nothing in it moves any more.
    assert refusal_codes(
        services.question_move, question=budget, move="return", actor=officer, reason="x", due_on=date(2027, 2, 1)
    ) == {"approved"}

    rows = workbook_rows(client_for("ir_head").get(reverse("international:questionnaire-export", args=[cycle.pk])))
    assert [(row[0], row[1], row[3]) for row in rows[1:]] == [
        (1, "1.1.1", 1100),
        (2, "2.1.1", 52_000_000),
        (3, "3.2", None),
    ]
    assert rows[3][4] == "Тегін заң көмегі"


def test_a_flagged_answer_explained_in_its_comment_is_accepted(users):
    officer, analyst = users["ir_officer"], users["analyst"]
    answer_all(imported(officer, 2023), users, {"1.1.1": Decimal(1000), "2.1.1": Decimal(100)})
    cycle = imported(officer, 2024)
    judges = cycle.questions.get(code="1.1.1")
    services.question_move(
        question=judges, move="answer", actor=analyst, value=Decimal(1500), comment="Жаңа аудандық соттар ашылды."
    )
    judges.refresh_from_db()
    assert judges.flagged
    services.question_move(question=judges, move="accept", actor=officer)
    assert Question.objects.get(pk=judges.pk).status == S.ACCEPTED


def test_a_figure_is_required_of_a_numeric_question_and_a_file_with_a_bad_row_imports_nothing(users, client_for):
    officer = users["ir_officer"]
    cycle = imported(officer, 2024)
    judges = cycle.questions.get(code="1.1.1")
    assert refusal_codes(services.question_move, question=judges, move="answer", actor=users["analyst"]) == {"required"}
    bad = [("4.1", "Clearance rate", "percent", ""), ("1.1.1", "Again", "", "")]
    response = client_for("ir_officer").post(
        reverse("international:questionnaire-import", args=[cycle.pk]), {"file": xlsx_table(HEADER, bad)}
    )
    assert [error.code for error in response.context["import_form"].errors.as_data()["file"]] == ["import_row"] * 2
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        services.questions_import(actor=officer, questionnaire=cycle, upload=xlsx_table(HEADER, bad))
    rows = [message.split(":")[0] for message in refused.value.message_dict["file"]]
    assert rows == ["Row 2", "Row 3"]
    assert cycle.questions.count() == 3


def test_a_subdivision_sees_only_the_questions_assigned_to_it(users, client_for):
    cycle = imported(users["ir_officer"], 2024)
    legal_aid = cycle.questions.get(code="3.2")
    judges = cycle.questions.get(code="1.1.1")
    assert set(selectors.questions_visible_to(users["legal_officer"])) == {legal_aid}
    client = client_for("legal_officer")
    assert list(client.get(reverse("international:question-list")).context["page"].object_list) == [legal_aid]
    rows = workbook_rows(client.get(reverse("international:question-export")))
    assert [row[1] for row in rows[1:]] == ["3.2"]
    assert client.get(legal_aid.get_absolute_url()).status_code == 200
    for url in (
        judges.get_absolute_url(),
        cycle.get_absolute_url(),
        reverse("international:questionnaire-list"),
        reverse("international:questionnaire-export", args=[cycle.pk]),
    ):
        assert client.get(url).status_code == 404, url
    # The analytics department may not answer the legal department's question.
    assert (
        client_for("analyst").post(reverse("international:question-move", args=[legal_aid.pk, "answer"])).status_code
        == 404
    )
    for username in ("isd_officer", "court_almaty", "sysadmin"):
        assert client_for(username).get(reverse("international:question-list")).status_code == 404, username


def test_the_pages_cost_the_same_for_three_questions_and_for_thirty(users, client_for):
    officer = users["ir_officer"]
    cycle = imported(officer, 2024)
    client = client_for("ir_officer")
    urls = [
        reverse("international:questionnaire-list"),
        cycle.get_absolute_url(),
        reverse("international:question-list"),
        cycle.questions.first().get_absolute_url(),
    ]
    few = [page_queries(client, url) for url in urls]
    more = [(f"9.{n}", f"Question {n}", "number", "analytics") for n in range(27)]
    services.questions_import(
        actor=officer, questionnaire=cycle, upload=xlsx_table(HEADER, more), due_on=date(2027, 1, 29)
    )
    assert [page_queries(client, url) for url in urls] == few
