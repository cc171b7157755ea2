"""Pages of the court bailiffs (ISD 6.11): for the ISD's staff and those it reports to, a
region's for its territorial unit; 404 for anyone else."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import service_result
from courtadmin.core.pagination import filtered, filtered_page

from ..export import bailiffs_workbook
from ..forms.bailiffs import BailiffFilterForm, BailiffForm
from ..models import Bailiff
from ..permissions import keeps_region, reads_registers, unit_region
from ..selectors import bailiffs as selectors
from ..selectors.buildings import buildings_visible_to
from ..services import bailiffs as services

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.bailiff_register(request.user, **criteria)


def bailiff_list(request):
    _require_reader(request.user)
    context, bailiffs = filtered_page(request, BailiffFilterForm, _register(request), PAGE_SIZE)
    context |= {"bailiffs": bailiffs, "may_add": keeps_region(request.user)}
    return render(request, "internal_security/bailiff_list.html", context)


def bailiff_export(request):
    _require_reader(request.user)
    _form, bailiffs = filtered(request, BailiffFilterForm, _register(request))
    read_record(user=request.user, obj=Bailiff, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(bailiffs_workbook(bailiffs), "isd-bailiffs.xlsx")


@require_http_methods(["GET", "POST"])
def bailiff_create(request):
    if not keeps_region(request.user):
        raise Http404
    form = BailiffForm(
        request.POST or None,
        instance=Bailiff(),
        unit_region=unit_region(request.user),
        buildings=buildings_visible_to(request.user).order_by("region__name", "court"),
    )
    if request.method == "POST":
        done, _bailiff = service_result(form, lambda: services.bailiff_add(actor=request.user, bailiff=form.instance))
        if done:
            messages.success(request, _("The bailiff is recorded."))
            return redirect("internal_security:bailiff-list")
    return render(request, "internal_security/bailiff_form.html", {"form": form})
