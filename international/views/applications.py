"""Pages of applications about legal assistance (IR 7.25): the list, registration, one
application with its term and its answer. Reading: IR staff and the leadership; writing:
IR staff (international/permissions.py); 404 for anyone else."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.forms import service_result
from courtadmin.core.pagination import CappedPaginator
from courtadmin.core.receipts import receipt_response
from courtadmin.documents.models import Document

from .. import workflow
from ..forms.applications import ApplicationForm
from ..permissions import is_ir_staff, require_ir_access, require_ir_staff
from ..selectors import applications as selectors
from ..services import applications as services

PAGE_SIZE = 50


def _flash_refusal(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def application_list(request):
    require_ir_access(request.user)
    page = CappedPaginator(selectors.applications_visible_to(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "may_register": is_ir_staff(request.user)}
    return render(request, "international/application_list.html", context)


@require_http_methods(["GET", "POST"])
def application_create(request):
    require_ir_staff(request.user)
    form = ApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST":
        done, application = service_result(
            form, lambda: services.application_register(actor=request.user, application=form.instance)
        )
        if done:
            messages.success(request, _("The application is registered."))
            return redirect(application)
    return render(request, "international/application_form.html", {"form": form})


def application_detail(request, pk):
    return render(request, "international/application_detail.html", selectors.application_page(request.user, pk))


@require_POST
def application_answer(request, pk):
    application = selectors.get_application_for_user(request.user, pk)
    require_ir_staff(request.user)
    try:
        document = services.application_answer_prepare(actor=request.user, application=application)
    except ValidationError as error:
        _flash_refusal(request, error)
        return redirect(application)
    if document.status == Document.Status.DRAFT and document.author_id == request.user.pk:
        messages.success(request, _("The draft answer is ready: complete its text, then send it for signature."))
        return redirect("documents:document-update", pk=document.pk)
    return redirect(document)


@require_POST
def application_close(request, pk):
    application = selectors.get_application_for_user(request.user, pk)
    require_ir_staff(request.user)
    try:
        workflow.application_close(actor=request.user, application=application)
    except ValidationError as error:
        _flash_refusal(request, error)
    else:
        messages.success(request, _("The application is closed as answered."))
    return redirect(application)


def application_receipt(request, pk):
    """The applicant's receipt (талон) of the application, in its language, to print."""
    application = selectors.get_application_for_user(request.user, pk)
    return receipt_response(request, lambda a: selectors.application_receipt(request.user, a), application)
