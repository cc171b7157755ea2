"""Pages of the projects and their proposals (IR 4.4, 7.7-7.9). Reading: the IR's staff and the
leadership read everything; a subdivision reads the proposals asked of it and the activities
given to it (their lists and pages) and gets 404 for the rest, the projects' pages among it.
Writing: the IR's staff; the subdivision sends its proposal and reports its activities."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, posted_on_page, service_result
from courtadmin.core.history import record_history

from ..export import activities_workbook, projects_workbook
from ..forms.projects import (
    ACTIVITY_FORMS,
    PROPOSAL_FORMS,
    ActivityFilterForm,
    ActivityForm,
    FundingFormSet,
    IndicatorFormSet,
    ProjectFilterForm,
    ProjectForm,
    ProposalAskForm,
    ReportForm,
    RiskFormSet,
    filled_rows,
    project_move_forms,
)
from ..models import Project
from ..permissions import is_ir_staff, reads_ir, require_ir_access, require_ir_staff
from ..selectors import projects as selectors
from ..selectors.events import department_documents
from ..selectors.partners import partners_visible_to
from ..services import projects as services
from .trips import _page


def _filter_form(request):
    return ProjectFilterForm(request.GET or None, partners=partners_visible_to(request.user))


def project_list(request):
    require_ir_access(request.user)
    form = _filter_form(request)
    context = _page(request, selectors.project_register(request.user, form.filters()), form)
    return render(request, "international/project_list.html", context)


def project_export(request):
    require_ir_access(request.user)
    projects = selectors.project_register(request.user, _filter_form(request).filters())
    return xlsx_response(projects_workbook(projects), "projects.xlsx")


PARTS = (
    ("funding", FundingFormSet, ("source", "planned", "spent")),
    ("indicators", IndicatorFormSet, ("name", "baseline", "target", "actual")),
    ("risks", RiskFormSet, ("description", "level", "mitigation")),
)


@require_http_methods(["GET", "POST"])
def project_edit(request, pk=None):
    """A project with its budget by source, indicators and risks; made of a subdivision's
    proposal when `?proposal=` names one that was sent (IR 7.7)."""
    require_ir_staff(request.user)
    project = selectors.get_project_for_user(request.user, pk) if pk else Project()
    proposal = None
    if pk is None and request.GET.get("proposal"):
        if not request.GET["proposal"].isdigit():
            raise Http404
        proposal = selectors.get_proposal_for_user(request.user, int(request.GET["proposal"]))
    initial = {"goals": proposal.text, "title": proposal.topic} if proposal is not None else {}
    form = ProjectForm(request.POST or None, instance=project, initial=initial)
    parts = {
        name: formset(
            request.POST or None,
            initial=list(getattr(project, name).values(*fields)) if pk else [],
            prefix=name,
        )
        for name, formset, fields in PARTS
    }
    if request.method == "POST" and all(formset.is_valid() for formset in parts.values()):
        done, project = service_result(
            form,
            lambda: services.project_save(
                actor=request.user,
                project=form.instance,
                proposal=proposal,
                **{name: filled_rows(formset, name) for name, formset in parts.items()},
            ),
        )
        if done:
            messages.success(request, _("The project is saved."))
            return redirect(project)
    context = {"form": form, "project": project, "proposal": proposal, **parts}
    return render(request, "international/project_form.html", context)


def project_detail(request, pk, bound=None, activity_form=None, report_form=None):
    project = selectors.get_project_for_user(request.user, pk)
    may_write = is_ir_staff(request.user) and project.status in services.PLANNED
    documents = department_documents(request.user)
    context = {
        "project": project,
        **selectors.project_parts(project),
        "moves": moves_with_forms(
            services.PROJECT_WORKFLOW.moves_open_to(project, request.user),
            project_move_forms(request.user),
            bound or {},
            prefixed=True,
        ),
        "may_write": may_write,
        "activity_form": (activity_form or ActivityForm()) if may_write else None,
        "report_form": (report_form or ReportForm(documents=documents))
        if may_write and project.status == Project.Status.EXECUTION
        else None,
        "history": record_history(project),
    }
    return render(request, "international/project_detail.html", context)


@require_POST
def project_move(request, pk, move):
    project = selectors.get_project_for_user(request.user, pk)
    spec = services.PROJECT_MOVES.get(move)
    if spec is None or not services.PROJECT_WORKFLOW.may(spec, project, request.user):
        raise Http404
    return posted_move(
        request,
        project,
        move=move,
        move_forms=project_move_forms(request.user),
        perform=lambda **inputs: services.project_move(project=project, move=move, actor=request.user, **inputs),
        page=lambda bound: project_detail(request, pk, bound=bound),
        prefixed=True,
    )


@require_POST
def project_activity_add(request, pk):
    project = selectors.get_project_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = ActivityForm(request.POST)
    return posted_on_page(
        request,
        project,
        form,
        lambda: services.activity_add(actor=request.user, project=project, **form.cleaned_data),
        _("The activity is in the plan."),
        lambda form: project_detail(request, pk, activity_form=form),
    )


@require_POST
def project_report_add(request, pk):
    project = selectors.get_project_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = ReportForm(request.POST, documents=department_documents(request.user))
    return posted_on_page(
        request,
        project,
        form,
        lambda: services.report_add(actor=request.user, project=project, **form.cleaned_data),
        _("The report is added."),
        lambda form: project_detail(request, pk, report_form=form),
    )


def activity_list(request):
    if not selectors.reads_activities(request.user):
        raise Http404
    form = ActivityFilterForm(request.GET or None)
    context = _page(request, selectors.activity_register(request.user, form.filters()), form)
    context["reads_all"] = reads_ir(request.user)
    return render(request, "international/activity_list.html", context)


def activity_export(request):
    if not selectors.reads_activities(request.user):
        raise Http404
    activities = selectors.activity_register(request.user, ActivityFilterForm(request.GET or None).filters())
    return xlsx_response(activities_workbook(activities), "project-activities.xlsx")


def activity_detail(request, pk, bound=None):
    activity = selectors.get_activity_for_user(request.user, pk)
    context = {
        "activity": activity,
        "moves": moves_with_forms(
            services.ACTIVITY_WORKFLOW.moves_open_to(activity, request.user), ACTIVITY_FORMS, bound or {}, prefixed=True
        ),
        "reads_all": reads_ir(request.user),
        "history": record_history(activity),
    }
    return render(request, "international/activity_detail.html", context)


@require_POST
def activity_move(request, pk, move):
    activity = selectors.get_activity_for_user(request.user, pk)
    spec = services.ACTIVITY_WORKFLOW.moves.get(move)
    if spec is None or not services.ACTIVITY_WORKFLOW.may(spec, activity, request.user):
        raise Http404
    return posted_move(
        request,
        activity,
        move=move,
        move_forms=ACTIVITY_FORMS,
        perform=lambda **inputs: services.activity_move(activity=activity, move=move, actor=request.user, **inputs),
        page=lambda bound: activity_detail(request, pk, bound=bound),
        prefixed=True,
    )


def proposal_list(request):
    if not selectors.reads_proposals(request.user):
        raise Http404
    context = {
        "proposals": selectors.proposal_register(request.user)[:200],
        "reads_all": reads_ir(request.user),
        "may_write": is_ir_staff(request.user),
    }
    return render(request, "international/proposal_list.html", context)


@require_http_methods(["GET", "POST"])
def proposal_create(request):
    """IR 7.7: the subdivisions asked for project proposals on a topic, by a term."""
    require_ir_staff(request.user)
    form = ProposalAskForm(request.POST or None)
    if request.method == "POST":
        done, asked = service_result(form, lambda: services.proposals_ask(actor=request.user, **form.cleaned_data))
        if done:
            messages.success(request, _("Subdivisions asked: %(count)s.") % {"count": len(asked)})
            return redirect("international:proposal-list")
    return render(request, "international/proposal_form.html", {"form": form})


def proposal_detail(request, pk, bound=None):
    proposal = selectors.get_proposal_for_user(request.user, pk)
    context = {
        "proposal": proposal,
        "moves": moves_with_forms(
            [
                move
                for move in services.PROPOSAL_WORKFLOW.moves_open_to(proposal, request.user)
                if move.name != "accept"  # made a project of through the project's form
            ],
            PROPOSAL_FORMS,
            bound or {},
            prefixed=True,
        ),
        "may_accept": is_ir_staff(request.user) and proposal.status == proposal.Status.PROPOSED,
        "reads_all": reads_ir(request.user),
        "history": record_history(proposal),
    }
    return render(request, "international/proposal_detail.html", context)


@require_POST
def proposal_move(request, pk, move):
    proposal = selectors.get_proposal_for_user(request.user, pk)
    spec = services.PROPOSAL_WORKFLOW.moves.get(move)
    if spec is None or move == "accept" or not services.PROPOSAL_WORKFLOW.may(spec, proposal, request.user):
        raise Http404
    return posted_move(
        request,
        proposal,
        move=move,
        move_forms=PROPOSAL_FORMS,
        perform=lambda **inputs: services.proposal_move(proposal=proposal, move=move, actor=request.user, **inputs),
        page=lambda bound: proposal_detail(request, pk, bound=bound),
        prefixed=True,
    )
