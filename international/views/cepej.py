"""Pages of the CEPEJ questionnaires (IR 7.28). Reading: the IR's staff and the leadership read
everything; a subdivision reads the questions assigned to it and gets 404 for the rest.
Writing: the IR's staff; the subdivision answers; the IR's head approves."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, service_result
from courtadmin.core.history import record_history

from ..export import questionnaire_workbook, questions_workbook
from ..forms.cepej import MOVE_FORMS, QuestionFilterForm, QuestionnaireForm, QuestionsImportForm
from ..models import Questionnaire
from ..permissions import is_ir_staff, reads_ir, require_ir_access, require_ir_staff
from ..selectors import cepej as selectors
from ..selectors.obligations import status_counts
from ..services import cepej as services
from .trips import _page


def questionnaire_list(request):
    require_ir_access(request.user)
    context = {"questionnaires": selectors.questionnaire_register(request.user), "may_write": is_ir_staff(request.user)}
    return render(request, "international/questionnaire_list.html", context)


@require_http_methods(["GET", "POST"])
def questionnaire_edit(request, pk=None):
    require_ir_staff(request.user)
    questionnaire = selectors.get_questionnaire_for_user(request.user, pk) if pk else Questionnaire()
    form = QuestionnaireForm(request.POST or None, instance=questionnaire)
    if request.method == "POST":
        done, questionnaire = service_result(
            form, lambda: services.questionnaire_save(actor=request.user, questionnaire=form.instance)
        )
        if done:
            messages.success(request, _("The questionnaire is saved."))
            return redirect(questionnaire)
    return render(request, "international/questionnaire_form.html", {"form": form, "questionnaire": questionnaire})


def questionnaire_detail(request, pk, import_form=None):
    questionnaire = selectors.get_questionnaire_for_user(request.user, pk)
    may_write = is_ir_staff(request.user) and questionnaire.status == Questionnaire.Status.OPEN
    context = {
        "questionnaire": questionnaire,
        "questions": selectors.questionnaire_questions(questionnaire),
        "counts": status_counts(questionnaire.questions.all()),
        "moves": [(move, None) for move in services.questionnaire_moves_open_to(questionnaire, request.user)],
        "may_write": may_write,
        "import_form": (import_form or QuestionsImportForm()) if may_write else None,
        "history": record_history(questionnaire),
    }
    return render(request, "international/questionnaire_detail.html", context)


@require_POST
def questionnaire_import(request, pk):
    questionnaire = selectors.get_questionnaire_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = QuestionsImportForm(request.POST, request.FILES)
    done, created = service_result(
        form,
        lambda: services.questions_import(
            actor=request.user,
            questionnaire=questionnaire,
            upload=form.cleaned_data["file"],
            due_on=form.cleaned_data["due_on"],
        ),
    )
    if not done:
        return questionnaire_detail(request, pk, import_form=form)
    messages.success(request, _("Questions imported: %(count)s.") % {"count": len(created)})
    return redirect(questionnaire)


def questionnaire_export(request, pk):
    """The answers in the questionnaire's order, for the CEPEJ Secretariat."""
    questionnaire = selectors.get_questionnaire_for_user(request.user, pk)
    content = questionnaire_workbook(questionnaire, selectors.questionnaire_questions(questionnaire))
    return xlsx_response(content, f"cepej-{questionnaire.data_year}.xlsx")


@require_POST
def questionnaire_move(request, pk, move):
    questionnaire = selectors.get_questionnaire_for_user(request.user, pk)
    spec = services.QUESTIONNAIRE_WORKFLOW.moves.get(move)
    if spec is None or not services.QUESTIONNAIRE_WORKFLOW.may(spec, questionnaire, request.user):
        raise Http404
    return posted_move(
        request,
        questionnaire,
        move=move,
        move_forms={},
        perform=lambda: services.questionnaire_move(questionnaire=questionnaire, move=move, actor=request.user),
        page=lambda bound: questionnaire_detail(request, pk),
    )


def _require_reader(user) -> None:
    if not selectors.reads_questions(user):
        raise Http404


def question_list(request):
    _require_reader(request.user)
    form = QuestionFilterForm(request.GET or None, questionnaires=selectors.questionnaires_visible_to(request.user))
    context = _page(request, selectors.question_register(request.user, form.filters()), form)
    context["reads_all"] = reads_ir(request.user)
    return render(request, "international/question_list.html", context)


def question_export(request):
    _require_reader(request.user)
    form = QuestionFilterForm(request.GET or None, questionnaires=selectors.questionnaires_visible_to(request.user))
    return xlsx_response(
        questions_workbook(selectors.question_register(request.user, form.filters())), "cepej-questions.xlsx"
    )


def question_detail(request, pk, bound=None):
    question = selectors.get_question_for_user(request.user, pk)
    bound = bound or {}
    moves = services.moves_open_to(question, request.user)
    context = {
        "question": question,
        "change": services.change_shown(question),
        "moves": moves_with_forms(moves, MOVE_FORMS, bound, prefixed=True),
        "reads_all": reads_ir(request.user),
        "history": record_history(question),
    }
    return render(request, "international/question_detail.html", context)


@require_POST
def question_move(request, pk, move):
    question = selectors.get_question_for_user(request.user, pk)
    spec = services.MOVES.get(move)
    if spec is None or not services.QUESTION_WORKFLOW.may(spec, question, request.user):
        raise Http404
    return posted_move(
        request,
        question,
        move=move,
        move_forms=MOVE_FORMS,
        perform=lambda **inputs: services.question_move(question=question, move=move, actor=request.user, **inputs),
        page=lambda bound: question_detail(request, pk, bound=bound),
        prefixed=True,
    )
