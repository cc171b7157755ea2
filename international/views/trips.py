"""Pages of business trips abroad and foreign delegations (IR 7.11, 7.16, 7.17). Reading: IR
staff and the leadership; writing: IR staff (international/permissions.py); 404 otherwise."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.downloads import stored_file_response
from courtadmin.core.forms import service_result
from courtadmin.core.pagination import CappedPaginator

from ..forms.trips import (
    DelegationFilterForm,
    DelegationForm,
    PublishedForm,
    ReportForm,
    TripFilterForm,
    TripForm,
    TripJudgeFormSet,
    judge_rows,
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
    if request.method == "POST":
        done, delegation = service_result(
            form, lambda: services.delegation_save(actor=request.user, delegation=form.instance)
        )
        if done:
            messages.success(request, _("The visit is saved."))
            return redirect(delegation)
    return render(request, "international/delegation_form.html", {"form": form, "delegation": delegation})


def delegation_detail(request, pk):
    context = {
        "delegation": selectors.get_delegation_for_user(request.user, pk),
        "may_write": is_ir_staff(request.user),
    }
    return render(request, "international/delegation_detail.html", context)
