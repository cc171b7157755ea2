"""Pages of business trips abroad and foreign delegations (IR 7.11, 7.16, 7.17). Reading: IR
staff and the leadership; writing: IR staff (international/permissions.py); 404 otherwise."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.downloads import stored_file_response
from courtadmin.core.forms import service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import CappedPaginator

from ..forms.trips import (
    CancelVisitForm,
    DelegationFilterForm,
    DelegationForm,
    MemberFormSet,
    ProgrammeFormSet,
    PublishedForm,
    ReportForm,
    TripFilterForm,
    TripForm,
    TripJudgeFormSet,
    judge_rows,
    member_rows,
    programme_rows,
)
from ..models import Delegation, Trip
from ..permissions import is_ir_staff, require_ir_access, require_ir_staff
from ..selectors import trips as selectors
from ..services import trips as services

PAGE_SIZE = 50


def _page(request, records, form) -> dict:
    query = request.GET.copy()
    query.pop("page", None)
    page = CappedPaginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"page": page, "form": form, "query": query.urlencode(), "may_write": is_ir_staff(request.user)}


def trip_list(request):
    require_ir_access(request.user)
    form = TripFilterForm(request.GET or None)
    context = _page(request, selectors.trip_registry(request.user, form.filters()), form)
    return render(request, "international/trip_list.html", context)


@require_http_methods(["GET", "POST"])
def trip_edit(request, pk=None):
    require_ir_staff(request.user)
    trip = selectors.get_trip_for_user(request.user, pk) if pk else Trip()
    form = TripForm(request.POST or None, instance=trip, user=request.user)
    initial = [{"full_name": judge.full_name, "court": judge.court_id} for judge in trip.judges.all()] if pk else []
    judges = TripJudgeFormSet(request.POST or None, initial=initial, prefix="judges")
    if request.method == "POST" and judges.is_valid():
        done, trip = service_result(
            form,
            lambda: services.trip_save(
                actor=request.user,
                trip=form.instance,
                travellers=list(form.cleaned_data["travellers"]),
                judges=judge_rows(judges),
            ),
        )
        if done:
            messages.success(request, _("The trip is saved."))
            return redirect(trip)
    return render(request, "international/trip_form.html", {"form": form, "judges": judges, "trip": trip})


def trip_detail(request, pk, **bound):
    trip = selectors.get_trip_for_user(request.user, pk)
    context = {
        "trip": trip,
        "travellers": trip.travellers.select_related("person__position__unit").order_by("person__full_name", "pk"),
        "judges": trip.judges.select_related("court"),
        "reports": trip.reports.select_related("uploaded_by__person"),
        "may_write": is_ir_staff(request.user),
        "report_form": bound.get("report_form") or ReportForm(),
        "published_form": bound.get("published_form") or PublishedForm(),
    }
    return render(request, "international/trip_detail.html", context)


@require_POST
def trip_report_add(request, pk):
    trip = selectors.get_trip_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = ReportForm(request.POST, request.FILES)
    done, _report = service_result(
        form, lambda: services.trip_report_add(actor=request.user, trip=trip, upload=form.cleaned_data["file"])
    )
    if not done:
        return trip_detail(request, pk, report_form=form)
    messages.success(request, _("The final report is attached."))
    return redirect(trip)


@require_POST
def trip_report_published(request, pk):
    trip = selectors.get_trip_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = PublishedForm(request.POST)
    done, _trip = service_result(
        form,
        lambda: services.trip_report_published(
            actor=request.user, trip=trip, on=form.cleaned_data["on"], url=form.cleaned_data["url"]
        ),
    )
    if not done:
        return trip_detail(request, pk, published_form=form)
    messages.success(request, _("The publication is recorded."))
    return redirect(trip)


def trip_report_download(request, pk, report_pk):
    return stored_file_response(selectors.get_trip_report_for_user(request.user, pk, report_pk))


def delegation_list(request):
    require_ir_access(request.user)
    form = DelegationFilterForm(request.GET or None)
    context = _page(request, selectors.delegation_registry(request.user, **form.filters()), form)
    return render(request, "international/delegation_list.html", context)


@require_http_methods(["GET", "POST"])
def delegation_edit(request, pk=None):
    require_ir_staff(request.user)
    delegation = selectors.get_delegation_for_user(request.user, pk) if pk else Delegation()
    form = DelegationForm(request.POST or None, instance=delegation, user=request.user)
    members_initial = (
        [{"full_name": m.full_name, "position": m.position, "document": m.document} for m in delegation.members.all()]
        if pk
        else []
    )
    programme_initial = (
        [{"day": p.day, "at": p.at, "activity": p.activity, "place": p.place} for p in delegation.programme_items.all()]
        if pk
        else []
    )
    members = MemberFormSet(request.POST or None, initial=members_initial, prefix="members")
    programme = ProgrammeFormSet(request.POST or None, initial=programme_initial, prefix="programme")
    if request.method == "POST" and members.is_valid() and programme.is_valid():
        done, delegation = service_result(
            form,
            lambda: services.delegation_save(
                actor=request.user,
                delegation=form.instance,
                members=member_rows(members),
                programme=programme_rows(programme),
                escorts=list(form.cleaned_data["escorts"]),
            ),
        )
        if done:
            messages.success(request, _("The visit is saved."))
            return redirect(delegation)
    context = {"form": form, "members": members, "programme": programme, "delegation": delegation}
    return render(request, "international/delegation_form.html", context)


def delegation_detail(request, pk, cancel_form=None):
    delegation = selectors.get_delegation_for_user(request.user, pk)
    moves = services.visit_moves_open_to(delegation, request.user)
    context = {
        "delegation": delegation,
        "members": selectors.delegation_members(delegation),
        "programme": selectors.delegation_programme(delegation),
        "escorts": selectors.delegation_escorts(delegation),
        "spendings": selectors.delegation_spending(delegation),
        "gifts": selectors.delegation_gifts(delegation),
        "moves": [(move, (cancel_form or CancelVisitForm()) if move.name == "cancel" else None) for move in moves],
        "may_write": is_ir_staff(request.user),
        "is_open": delegation.status in services.VISIT_OPEN,
        "history": record_history(delegation),
    }
    return render(request, "international/delegation_detail.html", context)


@require_POST
def delegation_move(request, pk, move):
    delegation = selectors.get_delegation_for_user(request.user, pk)
    spec = services.VISIT_MOVES.get(move)
    if spec is None or not services.VISIT_WORKFLOW.may(spec, delegation, request.user):
        raise Http404  # a move that is not his: the consent is the leadership's, the rest the IR's
    form = CancelVisitForm(request.POST) if move == "cancel" else None
    if form is not None and not form.is_valid():
        return delegation_detail(request, pk, cancel_form=form)
    try:
        services.delegation_move(
            delegation=delegation, move=move, actor=request.user, **(form.cleaned_data if form else {})
        )
    except ValidationError as error:
        if form is not None:
            form.add_error(None, error)
            return delegation_detail(request, pk, cancel_form=form)
        messages.error(request, " ".join(error.messages))
        return redirect(delegation)
    messages.success(request, _("Done: %(status)s.") % {"status": delegation.get_status_display()})
    return redirect(delegation)


def delegation_access(request):
    """The list of the visiting delegations' members the court buildings let in: read by the
    IR and by the ISD, which keeps the security of courts."""
    if not selectors.reads_visitor_access(request.user):
        raise Http404
    return render(request, "international/delegation_access.html", {"visits": selectors.visitor_access(request.user)})
