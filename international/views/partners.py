"""Pages of the partners of cooperation (IR 4.1, 7.1, 7.4). Reading: the IR's staff and the
leadership; writing: the IR's staff; 404 otherwise."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import service_result
from courtadmin.core.history import record_history

from ..export import partners_workbook
from ..forms.partners import ContactFormSet, PartnerFilterForm, PartnerForm, contact_rows
from ..models import Partner
from ..permissions import is_ir_staff, require_ir_access, require_ir_staff
from ..selectors import partners as selectors
from ..services import partners as services
from .trips import _page


def partner_list(request):
    require_ir_access(request.user)
    form = PartnerFilterForm(request.GET or None)
    context = _page(request, selectors.partner_register(request.user, form.filters()), form)
    return render(request, "international/partner_list.html", context)


def partner_export(request):
    require_ir_access(request.user)
    partners = selectors.partner_register(request.user, PartnerFilterForm(request.GET or None).filters())
    return xlsx_response(partners_workbook(partners), "partners.xlsx")


@require_http_methods(["GET", "POST"])
def partner_edit(request, pk=None):
    require_ir_staff(request.user)
    partner = selectors.get_partner_for_user(request.user, pk) if pk else Partner()
    form = PartnerForm(request.POST or None, instance=partner)
    initial = list(partner.contacts.values("full_name", "position", "email", "phone", "languages")) if pk else []
    contacts = ContactFormSet(request.POST or None, initial=initial, prefix="contacts")
    if request.method == "POST" and contacts.is_valid():
        done, partner = service_result(
            form,
            lambda: services.partner_save(actor=request.user, partner=form.instance, contacts=contact_rows(contacts)),
        )
        if done:
            messages.success(request, _("The partner is saved."))
            return redirect(partner)
    return render(request, "international/partner_form.html", {"form": form, "contacts": contacts, "partner": partner})


def partner_detail(request, pk):
    partner = selectors.get_partner_for_user(request.user, pk)
    context = {
        "partner": partner,
        **selectors.partner_history(partner),
        "may_write": is_ir_staff(request.user),
        "history": record_history(partner),
    }
    return render(request, "international/partner_detail.html", context)
