"""Pages of the suppliers' contracts for security equipment and services (ISD 6.9): every
contract for the central ISD and those it reports to, a region's for its territorial unit, 404
for anyone else; a contract's page follows its checks and defects to their claims, a
supplier's page its record across the contracts its reader reaches."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, rows_with_moves, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import filtered, filtered_page

from ..export import contracts_workbook, suppliers_workbook
from ..forms.contracts import (
    CONTRACT_FORMS,
    DEFECT_FORMS,
    CheckForm,
    ContractFilterForm,
    ContractForm,
    SupplierFilterForm,
    SupplierForm,
)
from ..models import ContractDefect, SecurityContract, Supplier
from ..permissions import keeps_region, reads_registers, unit_region
from ..selectors import contracts as selectors
from ..services import contracts as services
from ..workflow import CONTRACT_WORKFLOW, DEFECT_WORKFLOW, contract_move, defect_move

PAGE_SIZE = 50
CHECKS_SHOWN = 30  # the latest checks on a contract's page


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.contract_register(request.user, **criteria)


def contract_list(request):
    _require_reader(request.user)
    context, contracts = filtered_page(request, ContractFilterForm, _register(request), PAGE_SIZE)
    context |= {"contracts": contracts, "may_add": keeps_region(request.user)}
    return render(request, "internal_security/contract_list.html", context)


def contract_export(request):
    _require_reader(request.user)
    _form, contracts = filtered(request, ContractFilterForm, _register(request))
    read_record(user=request.user, obj=SecurityContract, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(contracts_workbook(contracts), "isd-security-contracts.xlsx")


@require_http_methods(["GET", "POST"])
def contract_create(request):
    if not keeps_region(request.user):
        raise Http404
    form = ContractForm(request.POST or None, instance=SecurityContract(), unit_region=unit_region(request.user))
    if request.method == "POST":
        done, contract = service_result(form, lambda: services.contract_add(actor=request.user, contract=form.instance))
        if done:
            messages.success(request, _("The contract is recorded."))
            return redirect(contract)
    return render(request, "internal_security/contract_form.html", {"form": form})


def _contract_page(request, contract, *, bound=None, bound_row=None, check_form=None):
    checks = list(contract.checks.all()[:CHECKS_SHOWN])
    defects = ContractDefect.objects.filter(found_in__in=checks).select_related("found_in__contract")
    rows = rows_with_moves(
        DEFECT_WORKFLOW, defects, request.user, DEFECT_FORMS, prefix="defect", bound=bound, bound_row=bound_row
    )
    keeps = keeps_region(request.user, contract.region_id)
    context = {
        "contract": contract,
        "checks": checks,
        "rows": rows,
        "equipment": list(contract.equipment.select_related("building")),
        "check_form": (check_form or CheckForm())
        if keeps and contract.status == SecurityContract.Status.IN_FORCE
        else None,
        "moves": moves_with_forms(
            CONTRACT_WORKFLOW.moves_open_to(contract, request.user),
            CONTRACT_FORMS,
            (bound or {}) if bound_row is None else {},
            prefixed=True,
        ),
        "history": record_history(contract),
    }
    return render(request, "internal_security/contract_detail.html", context)


def contract_detail(request, pk):
    contract = selectors.get_contract_for_user(request.user, pk)
    read_record(user=request.user, obj=contract)
    return _contract_page(request, contract)


@require_POST
def contract_move_view(request, pk, move):
    contract = selectors.get_contract_for_user(request.user, pk)
    if move not in CONTRACT_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        contract,
        move=move,
        move_forms=CONTRACT_FORMS,
        prefixed=True,
        perform=lambda **inputs: contract_move(contract=contract, move=move, actor=request.user, **inputs),
        page=lambda bound: _contract_page(request, contract, bound=bound),
    )


@require_POST
def contract_check_add(request, pk):
    contract = selectors.get_contract_for_user(request.user, pk)
    form = CheckForm(request.POST)

    def record():
        text = form.cleaned_data["defect"].strip()
        found = [ContractDefect(description=text, remedy_by=form.cleaned_data["remedy_by"])] if text else []
        return services.check_add(actor=request.user, contract=contract, check=form.instance, defects=found)

    done, _check = service_result(form, record)
    if not done:
        return _contract_page(request, contract, check_form=form)
    messages.success(request, _("The check is recorded."))
    return redirect(contract)


@require_POST
def contract_defect_move_view(request, pk, defect_pk, move):
    defect = selectors.get_defect_for_user(request.user, pk, defect_pk)
    if move not in DEFECT_WORKFLOW.moves:
        raise Http404
    contract = defect.found_in.contract
    return posted_move(
        request,
        contract,
        move=move,
        move_forms=DEFECT_FORMS,
        perform=lambda **inputs: defect_move(defect=defect, move=move, actor=request.user, **inputs),
        page=lambda bound: _contract_page(request, contract, bound=bound, bound_row=defect.pk),
        prefixed=f"defect{defect.pk}",
    )


def _suppliers(request):
    return lambda **criteria: selectors.supplier_register(request.user, **criteria)


def supplier_list(request):
    _require_reader(request.user)
    context, suppliers = filtered_page(request, SupplierFilterForm, _suppliers(request), PAGE_SIZE)
    context |= {"suppliers": suppliers, "may_add": keeps_region(request.user)}
    return render(request, "internal_security/supplier_list.html", context)


def supplier_export(request):
    _require_reader(request.user)
    _form, suppliers = filtered(request, SupplierFilterForm, _suppliers(request))
    read_record(user=request.user, obj=Supplier, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(suppliers_workbook(suppliers), "isd-suppliers.xlsx")


@require_http_methods(["GET", "POST"])
def supplier_create(request):
    if not keeps_region(request.user):
        raise Http404
    form = SupplierForm(request.POST or None, instance=Supplier())
    if request.method == "POST":
        done, supplier = service_result(form, lambda: services.supplier_add(actor=request.user, supplier=form.instance))
        if done:
            messages.success(request, _("The supplier is recorded."))
            return redirect(supplier)
    return render(request, "internal_security/supplier_form.html", {"form": form})


def supplier_detail(request, pk):
    supplier = selectors.get_supplier_for_user(request.user, pk)
    read_record(user=request.user, obj=supplier)
    context = {
        "supplier": supplier,
        "history": record_history(supplier),
        **selectors.supplier_record(request.user, supplier),
    }
    return render(request, "internal_security/supplier_detail.html", context)
