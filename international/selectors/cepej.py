"""Reads of the CEPEJ questionnaires (IR 7.28). The IR's staff and the Court Administration's
leadership read every questionnaire and question; a subdivision reads the questions assigned
to it, or to one of its people by name, and nothing else of the IR (404 everywhere)."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.core.search import containing

from ..models import Question, Questionnaire
from ..permissions import assigned_to, reads_ir

S = Question.Status


def questionnaires_visible_to(user):
    return Questionnaire.objects.all() if reads_ir(user) else Questionnaire.objects.none()


def questions_visible_to(user):
    return Question.objects.all() if reads_ir(user) else Question.objects.filter(assigned_to(user))


def reads_questions(user) -> bool:
    return reads_ir(user) or questions_visible_to(user).exists()


def questionnaire_register(user):
    return (
        questionnaires_visible_to(user)
        .annotate(
            total=Count("questions"),
            accepted=Count("questions", filter=Q(questions__status=S.ACCEPTED)),
            flagged=Count("questions", filter=Q(questions__flagged=True)),
        )
        .order_by("-data_year")
    )


@dataclass(frozen=True)
class QuestionFilter:
    text: str = ""
    questionnaire: object = None
    status: str = ""
    unit: object = None
    flagged: bool = False
    overdue: bool = False


def question_register(user, filters: QuestionFilter = QuestionFilter()):
    questions = questions_visible_to(user)
    if filters.questionnaire is not None:
        questions = questions.filter(questionnaire=filters.questionnaire)
    if filters.status:
        questions = questions.filter(status=filters.status)
    if filters.unit is not None:
        questions = questions.filter(unit=filters.unit)
    if filters.flagged:
        questions = questions.filter(flagged=True)
    if filters.overdue:
        questions = questions.filter(status__in=Question.WITH_UNIT, due_on__lt=timezone.localdate())
    if text := filters.text.strip():
        questions = containing(questions, ("code", "text"), text)
    return questions.select_related("questionnaire", "unit").order_by("-questionnaire__data_year", "order")


def get_questionnaire_for_user(user, pk) -> Questionnaire:
    return get_object_or_404(
        questionnaires_visible_to(user).select_related("officer__person", "approved_by__person"), pk=pk
    )


def get_question_for_user(user, pk) -> Question:
    return get_object_or_404(
        questions_visible_to(user).select_related(
            "questionnaire__officer__person", "unit", "executor__person", "answered_by__person"
        ),
        pk=pk,
    )


def questionnaire_questions(questionnaire):
    """Its questions in the questionnaire's order, with their subdivisions."""
    return questionnaire.questions.select_related("unit").order_by("order")


def previous_value(question):
    """The same question's figure in the latest earlier cycle that answered it (by its CEPEJ
    code), or None."""
    return (
        Question.objects.filter(
            code=question.code,
            questionnaire__data_year__lt=question.questionnaire.data_year,
            value__isnull=False,
        )
        .order_by("-questionnaire__data_year")
        .values_list("value", flat=True)
        .first()
    )
