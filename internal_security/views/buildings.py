"""Pages of the court buildings (ISD 6.7, 6.8): every building for the central ISD and those it
reports to, a region's for its territorial unit; 404 for anyone else. A building's page holds
its anti-terrorist passport, its surveys and inspections with the measures under control, and
its security equipment."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from courtadmin.audit.services import read_record
from courtadmin.core.downloads import stored_file_response, xlsx_response
from courtadmin.core.forms import posted_move, rows_with_moves, service_flash, service_result
from courtadmin.core.history import record_history
from courtadmin.core.pagination import filtered, filtered_page

from ..export import buildings_workbook
from ..forms.buildings import (
    BuildingFilterForm,
    BuildingForm,
    BuildingMeasureForm,
    EquipmentForm,
    EquipmentStateForm,
    InspectionForm,
    PassportForm,
    RegimeRulesForm,
)
from ..forms.plans import CONTROL_FORMS
from ..models import BuildingMeasure, CourtBuilding
from ..permissions import keeps_region, reads_registers, unit_region
from ..selectors import buildings as selectors
from ..services import buildings as services
from ..workflow import BUILDING_MEASURE_WORKFLOW, building_measure_move

PAGE_SIZE = 50
INSPECTIONS_SHOWN = 20  # the latest surveys and inspections on a building's page


def _require_reader(user) -> None:
    if not reads_registers(user):
        raise Http404


def _register(request):
    return lambda **criteria: selectors.building_register(request.user, **criteria)


def building_list(request):
    _require_reader(request.user)
    context, buildings = filtered_page(request, BuildingFilterForm, _register(request), PAGE_SIZE)
    context |= {"buildings": buildings, "may_add": keeps_region(request.user)}
    return render(request, "internal_security/building_list.html", context)


def building_export(request):
    _require_reader(request.user)
    _form, buildings = filtered(request, BuildingFilterForm, _register(request))
    read_record(user=request.user, obj=CourtBuilding, action="export", label=request.GET.urlencode() or _("all"))
    return xlsx_response(buildings_workbook(buildings), "isd-court-buildings.xlsx")


@require_http_methods(["GET", "POST"])
def building_create(request):
    if not keeps_region(request.user):
        raise Http404
    form = BuildingForm(request.POST or None, instance=CourtBuilding(), unit_region=unit_region(request.user))
    if request.method == "POST":
        done, building = service_result(form, lambda: services.building_add(actor=request.user, building=form.instance))
        if done:
            messages.success(request, _("The building is recorded."))
            return redirect(building)
    return render(request, "internal_security/building_form.html", {"form": form})


def _building_page(request, building, *, bound=None, bound_row=None, forms=None):
    keeps = keeps_region(request.user, building.region_id)
    inspections = list(building.inspections.all()[:INSPECTIONS_SHOWN])
    measures = BuildingMeasure.objects.filter(inspection__in=inspections).select_related("inspection__building")
    rows = rows_with_moves(
        BUILDING_MEASURE_WORKFLOW,
        measures,
        request.user,
        CONTROL_FORMS,
        prefix="measure",
        bound=bound,
        bound_row=bound_row,
    )
    by_inspection = {inspection.pk: [] for inspection in inspections}
    for measure, moves in rows:
        by_inspection[measure.inspection_id].append((measure, moves))
    forms = forms or {}
    context = {
        "building": building,
        "passport": selectors.current_passport(building),
        "passports": list(building.passports.filter(replaced_on__isnull=False)[:INSPECTIONS_SHOWN]),
        "inspections": [(inspection, by_inspection[inspection.pk]) for inspection in inspections],
        "equipment": list(building.equipment.select_related("contract__supplier")),
        "rules": building.regime_rules.filter(replaced_on__isnull=True).first(),
        "bailiffs": list(building.bailiffs.filter(active=True).order_by("full_name")),
        "passes_in_force": selectors.passes_in_force(building),
        "keeps": keeps,
        "history": record_history(building),
    }
    if keeps:
        measure_form = forms.get("measure") or BuildingMeasureForm(inspections=building.inspections.all())
        context |= {
            "inspection_form": forms.get("inspection") or InspectionForm(),
            "measure_form": measure_form if inspections else None,
            "passport_form": (forms.get("passport") or PassportForm()) if building.vulnerable else None,
            "equipment_form": forms.get("equipment") or EquipmentForm(contracts=selectors.contracts_for(building)),
            "rules_form": forms.get("rules") or RegimeRulesForm(),
        }
    return render(request, "internal_security/building_detail.html", context)


def building_detail(request, pk):
    building = selectors.get_building_for_user(request.user, pk)
    read_record(user=request.user, obj=building)
    return _building_page(request, building)


def _posted(request, building, key, form, call, success):
    """A form of the building's page: done, back to the page with `success`; refused, the
    page again with what was typed and the reason beside its field."""
    done, _result = service_result(form, call)
    if not done:
        return _building_page(request, building, forms={key: form})
    messages.success(request, success)
    return redirect(building)


@require_POST
def building_inspection_add(request, pk):
    building = selectors.get_building_for_user(request.user, pk)
    form = InspectionForm(request.POST)
    return _posted(
        request,
        building,
        "inspection",
        form,
        lambda: services.inspection_add(actor=request.user, building=building, inspection=form.instance),
        _("The survey or inspection is recorded."),
    )


@require_POST
def building_measure_add(request, pk):
    building = selectors.get_building_for_user(request.user, pk)
    form = BuildingMeasureForm(request.POST, inspections=building.inspections.all())
    return _posted(
        request,
        building,
        "measure",
        form,
        lambda: services.building_measure_add(
            actor=request.user, inspection=form.cleaned_data["inspection"], measure=form.instance
        ),
        _("The measure is under control."),
    )


@require_POST
def building_measure_move_view(request, pk, measure_pk, move):
    measure = selectors.get_measure_for_user(request.user, pk, measure_pk)
    if move not in BUILDING_MEASURE_WORKFLOW.moves:
        raise Http404
    building = measure.inspection.building
    return posted_move(
        request,
        building,
        move=move,
        move_forms=CONTROL_FORMS,
        perform=lambda **inputs: building_measure_move(measure=measure, move=move, actor=request.user, **inputs),
        page=lambda bound: _building_page(request, building, bound=bound, bound_row=measure.pk),
        prefixed=f"measure{measure.pk}",
    )


@require_POST
def building_passport_add(request, pk):
    building = selectors.get_building_for_user(request.user, pk)
    form = PassportForm(request.POST, request.FILES)
    return _posted(
        request,
        building,
        "passport",
        form,
        lambda: services.passport_file(
            actor=request.user, building=building, passport=form.instance, upload=form.cleaned_data["file"]
        ),
        _("The anti-terrorist passport is filed."),
    )


@require_POST
def building_regime_rules_add(request, pk):
    building = selectors.get_building_for_user(request.user, pk)
    form = RegimeRulesForm(request.POST, request.FILES)
    return _posted(
        request,
        building,
        "rules",
        form,
        lambda: services.regime_rules_file(
            actor=request.user, building=building, rules=form.instance, upload=form.cleaned_data["file"]
        ),
        _("The rules of the pass and internal regime are filed."),
    )


def building_regime_rules_download(request, pk, rules_pk):
    rules = selectors.get_regime_rules_for_user(request.user, pk, rules_pk)
    read_record(user=request.user, obj=rules.building, action="download", label=rules.original_name)
    return stored_file_response(rules)


def building_passport_download(request, pk, passport_pk):
    passport = selectors.get_passport_for_user(request.user, pk, passport_pk)
    read_record(user=request.user, obj=passport.building, action="download", label=passport.original_name)
    return stored_file_response(passport)


@require_POST
def building_equipment_add(request, pk):
    building = selectors.get_building_for_user(request.user, pk)
    form = EquipmentForm(request.POST, contracts=selectors.contracts_for(building))
    return _posted(
        request,
        building,
        "equipment",
        form,
        lambda: services.equipment_add(actor=request.user, building=building, equipment=form.instance),
        _("The equipment is recorded."),
    )


@require_POST
def building_equipment_state(request, pk, equipment_pk):
    building = selectors.get_building_for_user(request.user, pk)
    equipment = building.equipment.filter(pk=equipment_pk).select_related("building").first()
    if equipment is None:
        raise Http404
    form = EquipmentStateForm(request.POST, prefix=f"equipment{equipment.pk}")
    service_flash(
        request,
        form,
        lambda: services.equipment_state_set(actor=request.user, equipment=equipment, state=form.cleaned_data["state"]),
        _("The equipment's state is recorded."),
    )
    return redirect(building)
