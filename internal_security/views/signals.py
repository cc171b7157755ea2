"""Information on corruption (ISD 6.15) and everything on record about a person or a court."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courtadmin.core.forms import service_result

from ..forms.signals import SignalForm
from ..models import CorruptionSignal
from ..permissions import isd_position, require_isd_access, unit_region
from ..selectors import signals as selectors
from ..services import signals as services

PAGE_SIZE = 50


@require_http_methods(["GET", "POST"])
def signal_list(request):
    require_isd_access(request.user)
    may_add = isd_position(request.user) is not None or unit_region(request.user) is not None
    form = SignalForm(request.POST or None, instance=CorruptionSignal()) if may_add else None
    if request.method == "POST":
        if form is None:
            raise Http404
        done, _signal = service_result(
            form, lambda: services.corruption_signal_add(actor=request.user, signal=form.instance)
        )
        if done:
            messages.success(request, _("The information is recorded."))
            return redirect("internal_security:signal-list")
    context = {"signals": selectors.signals_visible_to(request.user)[:PAGE_SIZE], "form": form}
    return render(request, "internal_security/signal_list.html", context)


def on_record(request):
    """ISD 6.15: all on record about a person or a court, within the reader's reach."""
    return render(
        request, "internal_security/on_record.html", selectors.on_record(request.user, request.GET.get("q", ""))
    )
