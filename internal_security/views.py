from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courtadmin.core.downloads import stored_file_response
from courtadmin.core.forms import service_result

from . import selectors, services
from .forms import AttachmentForm

LIST_PAGE_SIZE = 50


def home(request):
    context = selectors.department_overview(request.user)
    context["complaints"] = selectors.complaints_visible_to(request.user)[:LIST_PAGE_SIZE]
    return render(request, "internal_security/home.html", context)


def complaint_list(request):
    selectors.require_isd_access(request.user)
    complaints = selectors.complaints_visible_to(request.user)[:LIST_PAGE_SIZE]
    return render(request, "internal_security/complaint_list.html", {"complaints": complaints})


def complaint_detail(request, pk, attachment_form=None):
    complaint = selectors.get_complaint_for_user(request.user, pk)
    context = {
        "complaint": complaint,
        "attachments": complaint.attachments.select_related("uploaded_by"),
        "attachment_form": attachment_form or AttachmentForm(),
    }
    return render(request, "internal_security/complaint_detail.html", context)


@require_POST
def complaint_attachment_add(request, pk):
    complaint = selectors.get_complaint_for_user(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    done, _attachment = service_result(
        form,
        lambda: services.complaint_attachment_add(
            actor=request.user, complaint=complaint, upload=form.cleaned_data["file"]
        ),
    )
    if not done:
        return complaint_detail(request, pk, attachment_form=form)
    messages.success(request, _("The file is attached."))
    return redirect("internal_security:complaint-detail", pk=complaint.pk)


def complaint_attachment_download(request, pk, attachment_pk):
    attachment = selectors.get_complaint_attachment_for_user(request.user, pk, attachment_pk)
    return stored_file_response(attachment)
