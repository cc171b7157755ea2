"""Pages of the information on corruption (ISD 6.15) and of everything on record about a
person or a court: the ISD reads every entry, a territorial ISD unit its region's; 404 for
anyone else (ISD 7)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import service_result
from courtadmin.core.pagination import filtered, filtered_page

from ..export import signals_workbook
from ..forms.signals import SignalFilterForm, SignalForm
from ..models import CorruptionSignal
from ..permissions import keeps_region, reads_registers, require_isd_access, unit_region
from ..selectors import signals as selectors
from ..selectors.cases import criminal_cases_visible_to
from ..services import signals as services

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.signal_register(request.user, **criteria)


def signal_list(request):
    _require_reader(request.user)
    context, signals = filtered_page(request, SignalFilterForm, _register(request), PAGE_SIZE)
    context |= {"signals": signals, "may_add": keeps_region(request.user)}
    return render(request, "internal_security/signal_list.html", context)


def signal_export(request):
    _require_reader(request.user)
    _form, signals = filtered(request, SignalFilterForm, _register(request))
    read_record(user=request.user, obj=CorruptionSignal, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(signals_workbook(signals), "isd-signals.xlsx")


@require_http_methods(["GET", "POST"])
def signal_edit(request, pk=None):
    """Record an entry, or correct one with the reason: the ISD, a unit its region's."""
    signal = selectors.get_signal_for_user(request.user, pk) if pk else CorruptionSignal()
    if not keeps_region(request.user, signal.region_id if pk else None):
        raise Http404
    form = SignalForm(request.POST or None, instance=signal, own_region=unit_region(request.user), reader=request.user)
    if request.method == "POST":
        done, saved = service_result(
            form,
            lambda: services.signal_save(
                actor=request.user,
                signal=form.instance,
                complaint_numbers=form.cleaned_data["complaint_numbers"],
                investigation_numbers=form.cleaned_data["investigation_numbers"],
                reason=form.cleaned_data.get("reason", ""),
            ),
        )
        if done:
            messages.success(request, _("The information is recorded."))
            return redirect(saved)
    return render(request, "internal_security/signal_form.html", {"form": form, "signal": signal})


def signal_detail(request, pk):
    signal = selectors.get_signal_for_user(request.user, pk)
    read_record(user=request.user, obj=signal)
    context = selectors.signal_page(request.user, signal) | {"may_edit": keeps_region(request.user, signal.region_id)}
    return render(request, "internal_security/signal_detail.html", context)


@require_POST
def signal_link(request, pk):
    """Link a criminal case about the entry's person (ISD 6.15, 6.16)."""
    signal = selectors.get_signal_for_user(request.user, pk)
    if not keeps_region(request.user, signal.region_id):
        raise Http404
    chosen = request.POST.get("case", "")
    if not chosen.isdigit():
        messages.error(request, _("Choose a criminal case among those offered."))
        return redirect(signal)
    case = get_object_or_404(criminal_cases_visible_to(request.user), pk=chosen)
    services.signal_case_link(actor=request.user, signal=signal, case=case)
    messages.success(request, _("The criminal case is linked."))
    return redirect(signal)


def on_record(request):
    """ISD 6.15: all on record about a person or a court, within the reader's reach."""
    require_isd_access(request.user)
    return render(
        request, "internal_security/on_record.html", selectors.on_record(request.user, request.GET.get("q", ""))
    )
