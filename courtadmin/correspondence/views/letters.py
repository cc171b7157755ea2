"""Pages of incoming correspondence (issue 20, item 1): the journal within the reader's
reach, registration by the department's staff, the letter's page with its files, resolution
and moves. Outside reach, 404 on every page (ISD 7); every opening, download and export of
a need-to-know department's letter goes to its read log."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_export, read_record
from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import flash_errors, posted_on_page, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import CappedPaginator
from courtadmin.org import departments

from .. import selectors, services, workflow
from ..export import letters_workbook
from ..forms import AnswerStartForm, LetterFileForm, LetterFilterForm, LetterForm, TranslationTaskForm, move_form
from ..models import IncomingLetter

PAGE_SIZE = 50


def _read(request, letter, action: str = "open", label: str = "") -> None:
    """ISD 7: a need-to-know department's letters are read on the record."""
    if departments.department(letter.department).need_to_know:
        read_record(user=request.user, obj=letter, action=action, label=label)


def _reached(request) -> list[str]:
    if not selectors.opens_correspondence(request.user):
        raise Http404
    return selectors.departments_of_letters(request.user)


def _filter_form(request, reached):
    return LetterFilterForm(request.GET or None, reached=reached)


def letter_list(request):
    reached = _reached(request)
    form = _filter_form(request, reached)
    page = CappedPaginator(selectors.letter_register(request.user, form.filters()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "may_register": bool(selectors.registering_departments(request.user)),
        # The outgoing journal is for those who reach a department's letters (not an executor
        # of another subdivision).
        "outgoing_open": bool(reached),
    }
    return render(request, "correspondence/letter_list.html", context)


def letter_export(request):
    """The same rows as the list, as XLSX; an export that may hold a need-to-know
    department's letters goes to its read log."""
    reached = _reached(request)
    filters = _filter_form(request, reached).filters()
    content = letters_workbook(selectors.letter_register(request.user, filters))
    read_export(
        user=request.user,
        model=IncomingLetter,
        reached=reached,
        department=filters.department,
        query=request.GET.urlencode(),
    )
    return xlsx_response(content, "incoming-letters.xlsx")


@require_http_methods(["GET", "POST"])
def letter_create(request):
    registering = selectors.registering_departments(request.user)
    if not registering:
        raise Http404
    form = LetterForm(request.POST or None, instance=IncomingLetter(), registering=registering)
    if request.method == "POST":
        done, letter = service_result(form, lambda: services.letter_register(actor=request.user, letter=form.instance))
        if done:
            messages.success(request, _("Registered under No. %(number)s.") % {"number": letter.registration_number})
            return redirect(letter)
    return render(request, "correspondence/letter_form.html", {"form": form})


def letter_detail(request, pk, **bound):
    """The letter's page; `bound` holds a form posted from it that was refused, shown again as
    typed with the reasons beside its fields (a move's form by its move's name)."""
    letter = selectors.get_letter_for_user(request.user, pk)
    _read(request, letter)
    refused = bound.pop("move_form", None)
    moves = workflow.moves_open_to(letter, request.user)
    if refused is not None and refused.prefix not in {move.name for move in moves}:
        flash_errors(request, refused)  # a move no longer open to him (another made it first): said on top
    resolution = getattr(letter, "resolution", None)  # RelatedObjectDoesNotExist is an AttributeError
    translations = selectors.translations_of(letter)
    # IR 7.12: whoever may give the resolution gives the translation task (already asked when
    # the resolution is open to give).
    if letter.status == IncomingLetter.Status.REGISTERED:
        may_translate = any(move.name == "resolve" for move in moves)
    else:
        may_translate = workflow.may_resolve(request.user, letter.department)
    may_answer = workflow.may_start_answer(request.user, letter)
    context = {
        "letter": letter,
        "resolution": resolution,
        "executors": selectors.executors_of(letter) if resolution else [],
        "files": letter.files.select_related("uploaded_by__person"),
        "may_attach": letter.department in selectors.registering_departments(request.user),
        "file_form": LetterFileForm(),
        "move_forms": [
            (
                move,
                refused
                if refused is not None and refused.prefix == move.name
                else move_form(move.name, letter=letter, user=request.user),
            )
            for move in moves
        ],
        "history": record_history(letter, along=translations),
        "translations": translations,
        "translation_form": TranslationTaskForm(letter=letter) if may_translate else None,
        "answer_form": AnswerStartForm(letter=letter) if may_answer else None,
        **bound,
    }
    return render(request, "correspondence/letter_detail.html", context)


@require_POST
def letter_move(request, pk, move):
    letter = selectors.get_letter_for_user(request.user, pk)
    if move not in workflow.MOVES:
        raise Http404
    form = move_form(move, letter=letter, user=request.user, data=request.POST)
    return posted_on_page(
        request,
        letter,
        form,
        lambda: workflow.letter_move(letter=letter, move=move, actor=request.user, **form.inputs()),
        _("Done: %(move)s.") % {"move": workflow.MOVES[move].label},
        lambda form: letter_detail(request, pk, move_form=form),
    )


@require_POST
def letter_file_add(request, pk):
    letter = selectors.get_letter_for_user(request.user, pk)
    if letter.department not in selectors.registering_departments(request.user):
        raise Http404
    form = LetterFileForm(request.POST, request.FILES)
    return posted_on_page(
        request,
        letter,
        form,
        lambda: services.letter_file_add(actor=request.user, letter=letter, upload=form.cleaned_data["file"]),
        _("The file is attached."),
        lambda form: letter_detail(request, pk, file_form=form),
    )


def letter_file_download(request, pk, file_pk):
    stored = selectors.get_letter_file_for_user(request.user, pk, file_pk)
    _read(request, stored.letter, "download", stored.original_name)
    return stored_file_response(stored)


@require_POST
def letter_answer_start(request, pk):
    """An executor of the department starts the answer from the letter's page (issue 20, item
    7): a draft linked to the letter, opened for editing."""
    letter = selectors.get_letter_for_user(request.user, pk)
    if not workflow.may_start_answer(request.user, letter):
        raise Http404
    form = AnswerStartForm(request.POST, letter=letter)
    done, document = service_result(
        form, lambda: services.letter_answer_start(actor=request.user, letter=letter, kind=form.cleaned_data["kind"])
    )
    if not done:
        return letter_detail(request, pk, answer_form=form)
    messages.success(request, _("The answer's draft is made: write it and send it for approval."))
    return redirect("documents:document-update", pk=document.pk)


@require_POST
def letter_translation_give(request, pk):
    """IR 7.12: the translation task, given from the letter's page."""
    letter = selectors.get_letter_for_user(request.user, pk)
    if not workflow.may_resolve(request.user, letter.department):
        raise Http404
    form = TranslationTaskForm(request.POST, letter=letter)
    return posted_on_page(
        request,
        letter,
        form,
        lambda: services.translation_task_give(actor=request.user, letter=letter, **form.inputs()),
        _("The translation task is given."),
        lambda form: letter_detail(request, pk, translation_form=form),
    )
