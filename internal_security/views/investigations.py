"""Pages of official investigations (ISD 6.21, 6.22, 5.2, 5.3, 5.9): the team's and the
leadership's; 404 for anyone outside the ISD's reach (ISD 7)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import flash_errors, service_flash, service_result
from courtadmin.core.pagination import CappedPaginator

from ..export import investigations_workbook
from ..forms.complaints import AssignForm, ExtendForm
from ..forms.investigations import (
    ConcludeForm,
    ExplanationForm,
    FileGrantForm,
    FileRequestForm,
    InterviewForm,
    InvestigationFilterForm,
    InvestigationForm,
    LinkForm,
    MaterialForm,
    PersonForm,
)
from ..models import Investigation, JudgeInterview, PersonalFileRequest
from ..permissions import is_isd_manager, require_isd_access
from ..selectors import investigations as selectors
from ..selectors.complaints import isd_officers
from ..services import investigations as services
from ..workflow import investigation_conclude

PAGE_SIZE = 50


def _investigations(request):
    form = InvestigationFilterForm(request.GET or None)
    criteria = form.cleaned_data if form.is_valid() else {}
    return form, selectors.investigation_registry(request.user, **criteria)


def investigation_list(request):
    require_isd_access(request.user)
    form, investigations = _investigations(request)
    page = CappedPaginator(investigations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "investigations": page.object_list,
        "query": query.urlencode(),
        "may_open": is_isd_manager(request.user),
    }
    return render(request, "internal_security/investigation_list.html", context)


def investigation_export(request):
    """The same rows as the list, as XLSX, written to the read log (issue 7.6)."""
    require_isd_access(request.user)
    _form, investigations = _investigations(request)
    content = investigations_workbook(investigations)
    read_record(user=request.user, obj=Investigation, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(content, "investigations.xlsx")


@require_http_methods(["GET", "POST"])
def investigation_create(request):
    """ISD 6.21: entered by the ISD head or deputy on the instruction it records."""
    if not is_isd_manager(request.user):
        raise Http404
    form = InvestigationForm(
        request.POST or None,
        instance=Investigation(),
        instructing=selectors.instructing_people(),
        convictions=selectors.convictions_within_reach(request.user),
        initial={"conviction_case": request.GET.get("conviction_case"), "basis": request.GET.get("basis")},
    )
    if request.method == "POST":
        done, investigation = service_result(
            form,
            lambda: services.investigation_open(
                actor=request.user, investigation=form.instance, persons=form.persons()
            ),
        )
        if done:
            messages.success(request, _("The investigation is opened."))
            return redirect(investigation)
    return render(request, "internal_security/investigation_form.html", {"form": form})


def investigation_detail(request, pk, **bound):
    """The investigation's page; `bound` holds a form posted from it that was refused, shown
    again with its errors beside the fields and what was typed."""
    context = selectors.investigation_page(request.user, pk)
    investigation = context["investigation"]
    read_record(user=request.user, obj=investigation)
    offered = selectors.signals_to_link(request.user, investigation, context["persons"]) if context["may_work"] else []
    context.update(
        {
            "extend_form": ExtendForm(),
            "person_form": PersonForm(),
            "link_form": LinkForm(offered=offered),
            "material_form": MaterialForm(),
            "team_form": AssignForm(officers=isd_officers()),
            "explanation_form": ExplanationForm(),
            "interview_form": InterviewForm(),
            "file_request_form": FileRequestForm(),
            "file_request_forms": [
                (file_request, FileGrantForm(file_request=file_request)) for file_request in context["file_requests"]
            ],
            "conclude_form": ConcludeForm(),
            **bound,
        }
    )
    return render(request, "internal_security/investigation_detail.html", context)


def _posted(request, investigation, form, call, success, *, name=None):
    """A form posted from the investigation's page: done, back to the page with a message;
    refused, the page again with the form as typed (`name`), or the reasons on top of it."""
    if name is None:
        service_flash(request, form, call, success)
        return redirect(investigation)
    done, _result = service_result(form, call)
    if not done:
        return investigation_detail(request, investigation.pk, **{name: form})
    messages.success(request, success)
    return redirect(investigation)


@require_POST
def investigation_team_add(request, pk):
    investigation = selectors.get_investigation_for_user(request.user, pk)
    form = AssignForm(request.POST, officers=isd_officers())
    return _posted(
        request,
        investigation,
        form,
        lambda: services.investigation_team_add(
            actor=request.user,
            investigation=investigation,
            officers=form.cleaned_data["officers"],
            valid_until=form.cleaned_data["valid_until"],
        ),
        _("The team is updated."),
    )


@require_POST
def investigation_explanation_add(request, pk):
    investigation = selectors.get_investigation_for_user(request.user, pk)
    form = ExplanationForm(request.POST, request.FILES)
    return _posted(
        request,
        investigation,
        form,
        lambda: services.explanation_add(
            actor=request.user,
            investigation=investigation,
            person=form.cleaned_data["person"],
            summoned_on=form.cleaned_data["summoned_on"],
            given_on=form.cleaned_data["given_on"],
            upload=form.cleaned_data["file"],
        ),
        _("The explanation is added."),
        name="explanation_form",
    )


def investigation_explanation_download(request, pk, explanation_pk):
    investigation = selectors.get_investigation_for_user(request.user, pk)
    explanation = get_object_or_404(investigation.explanations, pk=explanation_pk)
    read_record(user=request.user, obj=investigation, action="download", label=explanation.original_name)
    return stored_file_response(explanation)


@require_POST
def investigation_interview_add(request, pk):
    investigation = selectors.get_investigation_for_user(request.user, pk)
    form = InterviewForm(request.POST, instance=JudgeInterview())
    return _posted(
        request,
        investigation,
        form,
        lambda: services.interview_record(actor=request.user, investigation=investigation, interview=form.instance),
        _("The interview is recorded."),
        name="interview_form",
    )


@require_POST
def investigation_personal_file_add(request, pk):
    investigation = selectors.get_investigation_for_user(request.user, pk)
    form = FileRequestForm(request.POST)
    return _posted(
        request,
        investigation,
        form,
        lambda: services.personal_file_request(
            actor=request.user,
            investigation=investigation,
            person=form.cleaned_data["person"],
            reason=form.cleaned_data["reason"],
        ),
        _("The request is sent to the leadership."),
        name="file_request_form",
    )


@require_POST
def investigation_personal_file_grant(request, pk, personal_file_pk):
    investigation = selectors.get_investigation_for_user(request.user, pk)
    file_request = get_object_or_404(PersonalFileRequest, investigation=investigation, pk=personal_file_pk)
    form = FileGrantForm(request.POST, file_request=file_request)
    return _posted(
        request,
        investigation,
        form,
        lambda: services.personal_file_grant(
            actor=request.user, request=file_request, valid_until=form.cleaned_data["valid_until"]
        ),
        _("The study of the personal file is permitted."),
    )


@require_POST
def investigation_conclusion(request, pk):
    investigation = selectors.get_investigation_for_user(request.user, pk)
    form = ConcludeForm(request.POST)
    done, document = service_result(
        form, lambda: services.conclusion_prepare(actor=request.user, investigation=investigation)
    )
    if not done:
        flash_errors(request, form)
        return redirect(investigation)
    return redirect(document)


@require_POST
def investigation_close(request, pk):
    investigation = selectors.get_investigation_for_user(request.user, pk)
    form = ConcludeForm(request.POST)
    return _posted(
        request,
        investigation,
        form,
        lambda: investigation_conclude(
            investigation=investigation, actor=request.user, outcome=form.cleaned_data["outcome"]
        ),
        _("The investigation is concluded."),
    )


@require_POST
def investigation_extend(request, pk):
    """ISD 6.21: the Chairman or the Head who instructed it extends the term, on his decision."""
    investigation = selectors.get_investigation_for_user(request.user, pk)
    form = ExtendForm(request.POST)
    return _posted(
        request,
        investigation,
        form,
        lambda: services.investigation_extend(actor=request.user, investigation=investigation, **form.cleaned_data),
        _("The term is extended."),
        name="extend_form",
    )


@require_POST
def investigation_person_add(request, pk):
    investigation = selectors.get_investigation_for_user(request.user, pk)
    form = PersonForm(request.POST)
    return _posted(
        request,
        investigation,
        form,
        lambda: services.investigation_person_add(
            actor=request.user, investigation=investigation, person=form.instance
        ),
        _("The person is added."),
        name="person_form",
    )


@require_POST
def investigation_link(request, pk):
    investigation = selectors.get_investigation_for_user(request.user, pk)
    offered = selectors.signals_to_link(request.user, investigation, list(investigation.persons.all()))
    form = LinkForm(request.POST, offered=offered)
    return _posted(
        request,
        investigation,
        form,
        lambda: services.investigation_link(
            actor=request.user,
            investigation=investigation,
            complaint_numbers=form.cleaned_data["complaint_numbers"],
            signals=list(form.cleaned_data["signals"]),
        ),
        _("The records are linked."),
        name="link_form",
    )


@require_POST
def investigation_file_add(request, pk):
    investigation = selectors.get_investigation_for_user(request.user, pk)
    form = MaterialForm(request.POST, request.FILES)
    return _posted(
        request,
        investigation,
        form,
        lambda: services.investigation_material_add(
            actor=request.user,
            investigation=investigation,
            upload=form.cleaned_data["file"],
            description=form.cleaned_data["description"],
        ),
        _("The file is attached."),
        name="material_form",
    )


def investigation_file_download(request, pk, file_pk):
    investigation = selectors.get_investigation_for_user(request.user, pk)
    material = get_object_or_404(investigation.materials.all(), pk=file_pk)
    read_record(user=request.user, obj=investigation, action="download", label=material.original_name)
    return stored_file_response(material)
