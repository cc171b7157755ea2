"""Pages of the international documents (IR 7.2, 7.10). Reading: the IR's staff and the
leadership read everything; a subdivision asked for its comments reads that document's
versions and its own comments and gets 404 for the rest. Writing: the IR's staff; the
subdivision gives its comments."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, service_result
from courtadmin.core.history import record_history

from ..export import agreements_workbook
from ..forms.agreements import COMMENT_FORMS, AgreementFilterForm, AgreementForm, VersionForm, move_forms
from ..models import Agreement
from ..permissions import is_ir_staff, reads_ir, require_ir_staff
from ..selectors import agreements as selectors
from ..services import agreements as services
from .trips import _page


def _require_reader(user) -> None:
    if not reads_ir(user) and not selectors.agreements_visible_to(user).exists():
        raise Http404


def agreement_list(request):
    _require_reader(request.user)
    form = AgreementFilterForm(request.GET or None)
    context = _page(request, selectors.agreement_register(request.user, form.filters()), form)
    context["reads_all"] = reads_ir(request.user)
    return render(request, "international/agreement_list.html", context)


def agreement_export(request):
    _require_reader(request.user)
    agreements = selectors.agreement_register(request.user, AgreementFilterForm(request.GET or None).filters())
    return xlsx_response(agreements_workbook(agreements), "international-documents.xlsx")


@require_http_methods(["GET", "POST"])
def agreement_edit(request, pk=None):
    require_ir_staff(request.user)
    agreement = selectors.get_agreement_for_user(request.user, pk) if pk else Agreement()
    form = AgreementForm(request.POST or None, instance=agreement)
    if request.method == "POST":
        done, agreement = service_result(
            form, lambda: services.agreement_save(actor=request.user, agreement=form.instance)
        )
        if done:
            messages.success(request, _("The document is saved."))
            return redirect(agreement)
    return render(request, "international/agreement_form.html", {"form": form, "agreement": agreement})


def agreement_detail(request, pk, bound=None, version_form=None, comment_bound=None):
    agreement = selectors.get_agreement_for_user(request.user, pk)
    bound = bound or {}
    may_write = is_ir_staff(request.user)
    comments = selectors.agreement_comments(agreement, request.user)
    context = {
        "agreement": agreement,
        "versions": selectors.agreement_versions(agreement),
        "comments": [
            (
                comment,
                moves_with_forms(services.COMMENT_WORKFLOW.moves_open_to(comment, request.user), COMMENT_FORMS, {}),
            )
            for comment in comments
        ],
        "moves": moves_with_forms(
            services.moves_open_to(agreement, request.user), move_forms(request.user), bound, prefixed=True
        ),
        "version_form": (version_form or VersionForm()) if may_write and agreement.status in services.OPEN else None,
        "reads_all": reads_ir(request.user),
        "may_write": may_write,
        "history": record_history(agreement) if reads_ir(request.user) else [],
    }
    return render(request, "international/agreement_detail.html", context)


@require_POST
def agreement_move(request, pk, move):
    agreement = selectors.get_agreement_for_user(request.user, pk)
    spec = services.MOVES.get(move)
    if spec is None or not services.AGREEMENT_WORKFLOW.may(spec, agreement, request.user):
        raise Http404
    return posted_move(
        request,
        agreement,
        move=move,
        move_forms=move_forms(request.user),
        perform=lambda **inputs: services.agreement_move(agreement=agreement, move=move, actor=request.user, **inputs),
        page=lambda bound: agreement_detail(request, pk, bound=bound),
        prefixed=True,
    )


@require_POST
def agreement_file_add(request, pk):
    agreement = selectors.get_agreement_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = VersionForm(request.POST, request.FILES)
    done, _version = service_result(
        form,
        lambda: services.version_add(
            actor=request.user, agreement=agreement, upload=form.cleaned_data["file"], note=form.cleaned_data["note"]
        ),
    )
    if not done:
        return agreement_detail(request, pk, version_form=form)
    messages.success(request, _("The version is attached."))
    return redirect(agreement)


def agreement_file_download(request, pk, file_pk):
    return stored_file_response(selectors.get_version_for_user(request.user, pk, file_pk))


@require_POST
def comment_move(request, pk, move):
    """A subdivision's comments on a draft, given from the document's page."""
    comment = selectors.get_comment_for_user(request.user, pk)
    spec = services.COMMENT_WORKFLOW.moves.get(move)
    if spec is None or not services.COMMENT_WORKFLOW.may(spec, comment, request.user):
        raise Http404
    return posted_move(
        request,
        comment.agreement,
        move=move,
        move_forms=COMMENT_FORMS,
        perform=lambda **inputs: services.comment_move(comment=comment, move=move, actor=request.user, **inputs),
        page=lambda bound: agreement_detail(request, comment.agreement_id, comment_bound={comment.pk: bound}),
    )
