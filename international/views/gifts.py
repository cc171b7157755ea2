"""Pages of the gifts register. Reading: IR staff and the leadership, and the ISD head for the
gifts received above the threshold (ISD 6.14); writing: IR staff; 404 otherwise."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import service_result
from courtadmin.core.history import record_history

from ..export import gifts_workbook
from ..forms.gifts import GiftFilterForm, GiftForm
from ..models import Gift
from ..permissions import is_ir_staff, require_ir_staff
from ..selectors import gifts as selectors
from ..services import gifts as services
from .trips import _page


def _require_reader(user) -> None:
    if not selectors.reads_all_gifts(user) and not selectors.heads_isd(user):
        raise Http404


def gift_list(request):
    _require_reader(request.user)
    form = GiftFilterForm(request.GET or None)
    context = _page(request, selectors.gift_register(request.user, form.filters()), form)
    context["threshold"] = settings.GIFT_DISCLOSURE_THRESHOLD
    return render(request, "international/gift_list.html", context)


def gift_export(request):
    _require_reader(request.user)
    filters = GiftFilterForm(request.GET or None).filters()
    return xlsx_response(gifts_workbook(selectors.gift_register(request.user, filters)), "gifts.xlsx")


@require_http_methods(["GET", "POST"])
def gift_edit(request, pk=None):
    require_ir_staff(request.user)
    gift = selectors.get_gift_for_user(request.user, pk) if pk else Gift()
    form = GiftForm(request.POST or None, instance=gift)
    if request.method == "POST":
        done, gift = service_result(form, lambda: services.gift_save(actor=request.user, gift=form.instance))
        if done:
            messages.success(request, _("The gift is saved."))
            return redirect(gift)
    return render(request, "international/gift_form.html", {"form": form, "gift": gift})


def gift_detail(request, pk):
    gift = selectors.get_gift_for_user(request.user, pk)
    context = {"gift": gift, "may_write": is_ir_staff(request.user), "history": record_history(gift)}
    return render(request, "international/gift_detail.html", context)
