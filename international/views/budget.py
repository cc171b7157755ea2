"""Pages of the budget programmes and the souvenirs' stock (IR 7.21). Reading: IR staff and the
leadership; writing: IR staff; 404 otherwise."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import service_result
from courtadmin.core.history import record_history

from ..export import budget_workbook
from ..forms.budget import BudgetLineForm, MovementForm, PaidForm, SouvenirForm, SpendingForm
from ..models import BudgetLine, SouvenirMovement, Spending
from ..permissions import is_ir_staff, require_ir_access, require_ir_staff
from ..selectors import budget as selectors
from ..services import budget as services


def _year(request) -> int:
    try:
        year = int(request.GET.get("year") or 0)
    except ValueError:
        year = 0
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def budget_list(request):
    """The year's plan of both programmes by item, with what is committed, paid and left."""
    require_ir_access(request.user)
    year = _year(request)
    context = {
        "year": year,
        "export_query": f"year={year}",
        "programmes": selectors.year_budget(request.user, year),
        "souvenirs": selectors.souvenirs_visible_to(request.user),
        "may_write": is_ir_staff(request.user),
    }
    return render(request, "international/budget_list.html", context)


def budget_export(request):
    require_ir_access(request.user)
    year = _year(request)
    return xlsx_response(budget_workbook(selectors.year_budget(request.user, year), year), f"budget-{year}.xlsx")


@require_http_methods(["GET", "POST"])
def budget_edit(request, pk=None):
    require_ir_staff(request.user)
    line = selectors.get_line_for_user(request.user, pk) if pk else BudgetLine(year=_year(request))
    form = BudgetLineForm(request.POST or None, instance=line)
    if request.method == "POST":
        done, line = service_result(form, lambda: services.budget_line_save(actor=request.user, line=form.instance))
        if done:
            messages.success(request, _("The item is saved."))
            return redirect(line)
    return render(request, "international/budget_form.html", {"form": form, "line": line})


def budget_detail(request, pk, **bound):
    line = selectors.get_line_for_user(request.user, pk)
    may_write = is_ir_staff(request.user)
    context = {
        "line": line,
        "figures": selectors.line_figures(line),
        "spendings": selectors.line_spendings(line)[: selectors.SPENDINGS_SHOWN],
        "spendings_count": line.spendings.count(),
        "spendings_shown": selectors.SPENDINGS_SHOWN,
        "may_write": may_write,
        "history": record_history(line),
    }
    if may_write:
        context["spending_form"] = bound.get("spending_form") or SpendingForm(
            year=line.year, initial={"on": timezone.localdate()}
        )
        context["paid_form"] = bound.get("paid_form") or PaidForm(prefix="paid")
        context["paid_pk"] = bound.get("paid_pk")
    return render(request, "international/budget_detail.html", context)


@require_POST
def budget_spending_add(request, pk):
    line = selectors.get_line_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = SpendingForm(request.POST, year=line.year, instance=Spending(line=line))
    done, _spending = service_result(
        form,
        lambda: services.spending_post(
            actor=request.user, line=line, spending=form.instance, over_plan=form.cleaned_data["over_plan"]
        ),
    )
    if not done:
        return budget_detail(request, pk, spending_form=form)
    messages.success(request, _("The sum is posted."))
    return redirect(line)


@require_POST
def budget_spending_paid(request, pk, spending_pk):
    line = selectors.get_line_for_user(request.user, pk)
    require_ir_staff(request.user)
    spending = selectors.line_spendings(line).filter(pk=spending_pk).first()
    if spending is None:
        raise Http404
    form = PaidForm(request.POST, prefix="paid")
    done, _spending = service_result(
        form,
        lambda: services.spending_paid(
            actor=request.user,
            spending=spending,
            amount=form.cleaned_data["amount"],
            over_plan=form.cleaned_data["over_plan"],
        ),
    )
    if not done:
        return budget_detail(request, pk, paid_form=form, paid_pk=spending.pk)
    messages.success(request, _("The payment is recorded."))
    return redirect(line)


@require_http_methods(["GET", "POST"])
def souvenir_create(request):
    require_ir_staff(request.user)
    form = SouvenirForm(request.POST or None)
    if request.method == "POST":
        done, souvenir = service_result(
            form, lambda: services.souvenir_save(actor=request.user, souvenir=form.instance)
        )
        if done:
            messages.success(request, _("The souvenir is added to the stock."))
            return redirect(souvenir)
    return render(request, "international/souvenir_form.html", {"form": form})


def souvenir_list(request):
    require_ir_access(request.user)
    context = {"souvenirs": selectors.souvenirs_visible_to(request.user), "may_write": is_ir_staff(request.user)}
    return render(request, "international/souvenir_list.html", context)


def souvenir_detail(request, pk, movement_form=None):
    souvenir = selectors.get_souvenir_for_user(request.user, pk)
    may_write = is_ir_staff(request.user)
    context = {
        "souvenir": souvenir,
        "movements": selectors.souvenir_movements(souvenir),
        "may_write": may_write,
    }
    if may_write:
        today = timezone.localdate()
        context["movement_form"] = movement_form or MovementForm(year=today.year, initial={"on": today})
    return render(request, "international/souvenir_detail.html", context)


@require_POST
def souvenir_movement_add(request, pk):
    souvenir = selectors.get_souvenir_for_user(request.user, pk)
    require_ir_staff(request.user)
    form = MovementForm(request.POST, year=timezone.localdate().year, instance=SouvenirMovement(souvenir=souvenir))
    if form.is_valid():
        try:
            services.souvenir_move(actor=request.user, souvenir=souvenir, movement=form.movement())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The stock is updated."))
            return redirect(souvenir)
    return souvenir_detail(request, pk, movement_form=form)
