"""The translation of a foreign letter (IR 7.12): its page shows the original and the
translation side by side, with the files, the moves (submit, accept, return) and the history.
A translation is read by whoever reads its letter and by its translator; outside that, 404 on
every page; every opening and download of a need-to-know department's goes to its read log."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import stored_file_response
from courtadmin.core.forms import flash_errors, posted_on_page
from courtadmin.core.history import record_history
from courtadmin.org import departments

from .. import selectors, services, workflow
from ..forms import TranslationFileForm, translation_move_form


def _read(request, translation, action: str = "open", label: str = "") -> None:
    """ISD 7: a need-to-know department's letters and their translations are read on the record."""
    if departments.department(translation.letter.department).need_to_know:
        read_record(user=request.user, obj=translation, action=action, label=label)


def translation_detail(request, pk, **bound):
    """Side by side (IR 7.12): the original's text and scans, and the translation's text."""
    translation = selectors.get_translation_for_user(request.user, pk)
    _read(request, translation)
    letter = translation.letter
    refused = bound.pop("move_form", None)
    moves = workflow.translation_moves_open_to(translation, request.user)
    if refused is not None and refused.prefix not in {move.name for move in moves}:
        flash_errors(request, refused)  # a move no longer open to him (another made it first)
    may_add_file = translation.status == translation.Status.ASSIGNED and workflow.may_submit_translation(
        request.user, translation
    )
    context = {
        "translation": translation,
        "letter": letter,
        "letter_reached": selectors.letters_visible_to(request.user).filter(pk=letter.pk).exists(),
        "original_files": letter.files.all(),
        "files": translation.files.select_related("uploaded_by__person"),
        "file_form": TranslationFileForm() if may_add_file else None,
        "move_forms": [
            (
                move,
                refused
                if refused is not None and refused.prefix == move.name
                else translation_move_form(move.name, translation=translation),
            )
            for move in moves
        ],
        "history": record_history(translation),
        **bound,
    }
    return render(request, "correspondence/translation_detail.html", context)


@require_POST
def translation_move(request, pk, move):
    translation = selectors.get_translation_for_user(request.user, pk)
    if move not in workflow.TRANSLATION_MOVES:
        raise Http404
    form = translation_move_form(move, translation=translation, data=request.POST)
    return posted_on_page(
        request,
        translation,
        form,
        lambda: workflow.translation_move(translation=translation, move=move, actor=request.user, **form.inputs()),
        _("Done: %(move)s.") % {"move": workflow.TRANSLATION_MOVES[move].label},
        lambda form: translation_detail(request, pk, move_form=form),
    )


@require_POST
def translation_file_add(request, pk):
    translation = selectors.get_translation_for_user(request.user, pk)
    if not workflow.may_submit_translation(request.user, translation):
        raise Http404
    form = TranslationFileForm(request.POST, request.FILES)
    return posted_on_page(
        request,
        translation,
        form,
        lambda: services.translation_file_add(
            actor=request.user, translation=translation, upload=form.cleaned_data["file"]
        ),
        _("The file is attached."),
        lambda form: translation_detail(request, pk, file_form=form),
    )


def translation_file_download(request, pk, file_pk):
    stored = selectors.get_translation_file_for_user(request.user, pk, file_pk)
    _read(request, stored.translation, "download", stored.original_name)
    return stored_file_response(stored)


def translation_original_download(request, pk, file_pk):
    """The original's scan, for the side-by-side reading of whoever reads the translation."""
    stored = selectors.get_original_file_for_translation(request.user, pk, file_pk)
    if departments.department(stored.letter.department).need_to_know:
        read_record(user=request.user, obj=stored.letter, action="download", label=stored.original_name)
    return stored_file_response(stored)
