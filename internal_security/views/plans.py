"""Pages of the work plans (ISD 7, ISD 9, ISD 14): the central ISD's plan for its staff and
those it reports to, a territorial unit's for them and that unit; 404 for anyone else."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import xlsx_response
from courtadmin.core.forms import moves_with_forms, posted_move, rows_with_moves, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import filtered, filtered_page
from courtadmin.documents.selectors import live_document_of

from ..export import plans_workbook
from ..forms.plans import CONTROL_FORMS, PLAN_FORMS, PlanFilterForm, PlanForm, PlanItemForm
from ..models import WorkPlan
from ..permissions import draws_up_plan, isd_position, reads_registers, unit_region
from ..selectors import plans as selectors
from ..services import plans as services
from ..workflow import PLAN_ITEM_WORKFLOW, PLAN_KIND, PLAN_WORKFLOW, plan_item_move, plan_move

PAGE_SIZE = 50


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.plan_register(request.user, **criteria)


def plan_list(request):
    _require_reader(request.user)
    context, plans = filtered_page(request, PlanFilterForm, _register(request), PAGE_SIZE)
    context |= {
        "plans": plans,
        "may_draw_up": isd_position(request.user) is not None or unit_region(request.user) is not None,
    }
    return render(request, "internal_security/plan_list.html", context)


def plan_export(request):
    _require_reader(request.user)
    _form, plans = filtered(request, PlanFilterForm, _register(request))
    read_record(user=request.user, obj=WorkPlan, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(plans_workbook(selectors.plan_items_for_export(plans)), "isd-work-plans.xlsx")


@require_http_methods(["GET", "POST"])
def plan_create(request):
    own = unit_region(request.user)
    if isd_position(request.user) is None and own is None:
        raise Http404
    form = PlanForm(request.POST or None, instance=WorkPlan(year=timezone.localdate().year), unit_region=own)
    if request.method == "POST":
        done, plan = service_result(form, lambda: services.plan_draw_up(actor=request.user, plan=form.instance))
        if done:
            messages.success(request, _("The plan is begun; add its items."))
            return redirect(plan)
    return render(request, "internal_security/plan_form.html", {"form": form})


def _plan_page(request, plan, bound=None, item_form=None, bound_item=None):
    items = list(plan.items.select_related("executor"))
    may_draw_up = plan.status == WorkPlan.Status.DRAFT and draws_up_plan(request.user, plan.region)
    document = live_document_of(plan, PLAN_KIND)
    rows = rows_with_moves(
        PLAN_ITEM_WORKFLOW, items, request.user, CONTROL_FORMS, prefix="item", bound=bound, bound_row=bound_item
    )
    context = {
        "plan": plan,
        "rows": rows,
        "execution": selectors.plan_execution(items, timezone.localdate()),
        "document": document,
        "may_prepare": may_draw_up and isd_position(request.user) is not None and document is None and items,
        "item_form": (
            (item_form or PlanItemForm(executors=selectors.plan_executors(plan)))
            if may_draw_up and document is None
            else None
        ),
        "may_remove": may_draw_up and document is None,
        "moves": moves_with_forms(PLAN_WORKFLOW.moves_open_to(plan, request.user), PLAN_FORMS, {}),
        "history": record_history(plan),
    }
    return render(request, "internal_security/plan_detail.html", context)


def plan_detail(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    read_record(user=request.user, obj=plan)
    return _plan_page(request, plan)


@require_POST
def plan_move_view(request, pk, move):
    plan = selectors.get_plan_for_user(request.user, pk)
    if move not in PLAN_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        plan,
        move=move,
        move_forms=PLAN_FORMS,
        perform=lambda **inputs: plan_move(plan=plan, move=move, actor=request.user, **inputs),
        page=lambda bound: _plan_page(request, plan, bound),
    )


@require_POST
def plan_item_add(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    form = PlanItemForm(request.POST, executors=selectors.plan_executors(plan))
    done, _item = service_result(
        form, lambda: services.plan_item_add(actor=request.user, plan=plan, item=form.instance)
    )
    if not done:
        return _plan_page(request, plan, item_form=form)
    messages.success(request, _("The item is added."))
    return redirect(plan)


@require_POST
def plan_item_remove(request, pk, item_pk):
    item = selectors.get_plan_item_for_user(request.user, pk, item_pk)
    try:
        services.plan_item_remove(actor=request.user, item=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The item is taken out of the plan."))
    return redirect(item.plan)


@require_POST
def plan_item_move_view(request, pk, item_pk, move):
    item = selectors.get_plan_item_for_user(request.user, pk, item_pk)
    if move not in PLAN_ITEM_WORKFLOW.moves:
        raise Http404
    return posted_move(
        request,
        item,
        move=move,
        move_forms=CONTROL_FORMS,
        perform=lambda **inputs: plan_item_move(item=item, move=move, actor=request.user, **inputs),
        page=lambda bound: _plan_page(request, item.plan, bound, bound_item=item.pk),
        prefixed=f"item{item.pk}",
    )


@require_POST
def plan_document(request, pk):
    plan = selectors.get_plan_for_user(request.user, pk)
    if isd_position(request.user) is None:
        raise Http404
    try:
        document = services.plan_document_prepare(actor=request.user, plan=plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(plan)
    return redirect(document)
