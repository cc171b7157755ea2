"""Writes of the court buildings (ISD 6.7, 6.8, 6.9), each audited: a building recorded, its
surveys and anti-terrorist inspections with the measures they call for (controlled to their
terms, `workflow.building_measure_move`), its anti-terrorist passport filed and reviewed (its
term reminded before it lapses), its security equipment."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.deadlines.calendar import WorkingCalendar
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_close, deadline_open

from ..models import (
    BuildingInspection,
    BuildingMeasure,
    CourtBuilding,
    RegimeRules,
    SecurityEquipment,
    TerrorPassport,
)
from ..permissions import keeps_region, unit_region
from ..workflow import BUILDING_MEASURE_KIND, PASSPORT_KIND


def _require_keeper(actor, building) -> None:
    if not keeps_region(actor, building.region_id):
        raise ValidationError(_("Only the ISD and the region's unit keep this building."), code="not_yours")


def building_add(*, actor, building: CourtBuilding) -> CourtBuilding:
    """Record a court building: the central ISD in any region, a territorial unit in its own."""
    own = unit_region(actor)
    if own is not None:
        building.region = own
    if not building.region_id or not keeps_region(actor, building.region_id):
        raise PermissionDenied
    building.registered_by = actor
    building.full_clean()
    with transaction.atomic():
        building.save()
        audit_record(
            actor=actor,
            action="isd.building.registered",
            obj=building,
            after={"court": building.court, "address": building.address, "category": building.category},
        )
    return building


def inspection_add(*, actor, building: CourtBuilding, inspection: BuildingInspection) -> BuildingInspection:
    """A survey of the building's engineering and technical state (ISD 6.8) or an inspection of
    its anti-terrorist protection (ISD 6.7), with what it found."""
    _require_keeper(actor, building)
    inspection.building, inspection.entered_by = building, actor
    inspection.full_clean()
    with transaction.atomic():
        inspection.save()
        audit_record(
            actor=actor,
            action="isd.building.inspected",
            obj=building,
            after={"inspection": inspection.pk, "kind": inspection.kind, "state": inspection.state},
        )
    return inspection


def building_measure_add(*, actor, inspection: BuildingInspection, measure: BuildingMeasure) -> BuildingMeasure:
    """A measure the survey or inspection calls for, with who carries it out and its term: the
    term runs for whoever entered the inspection and escalates to the ISD head when overdue."""
    building = inspection.building
    _require_keeper(actor, building)
    if measure.due_on and measure.due_on <= timezone.localdate():
        raise ValidationError({"due_on": ValidationError(_("The term is after today."), code="past")})
    measure.inspection = inspection
    measure.full_clean()
    with transaction.atomic():
        measure.save()
        deadline_open(
            record=measure,
            kind=BUILDING_MEASURE_KIND,
            received_at=timezone.now(),
            responsible=inspection.entered_by,
            due_on=measure.due_on,
        )
        audit_record(
            actor=actor,
            action="isd.building.measure_added",
            obj=building,
            after={"measure": measure.pk, "text": measure.text, "owner": measure.owner, "due_on": measure.due_on},
        )
    return measure


def _filed(*, actor, document, upload, exclude_checks=()) -> dict:
    """The fields of a building's document filed from an upload, checked: the file's refusal and
    the document's own beside their fields, together."""
    errors = {}
    try:
        fields = accepted_upload_fields(upload)
    except ValidationError as refused:
        errors |= refused.error_dict
        fields = {}
    for name, value in fields.items():
        setattr(document, name, value)
    document.uploaded_by = actor
    try:
        # the document in force is replaced in the same transaction (its one-current constraint)
        document.full_clean(
            exclude=["file", "original_name", "content_type", "size", "sha256"], validate_constraints=False
        )
    except ValidationError as invalid:
        errors = {**invalid.error_dict, **errors}
    return errors


def _replace_current(model, building, today):
    """The building's document of `model` in force, now replaced (None if there was none)."""
    current = model.objects.select_for_update().filter(building=building, replaced_on__isnull=True).first()
    if current is not None:
        current.replaced_on = today
        current.save(update_fields=["replaced_on"])
    return current


def passport_file(*, actor, building: CourtBuilding, passport: TerrorPassport, upload) -> TerrorPassport:
    """File a vulnerable building's anti-terrorist passport (ISD 6.7). Filing the next one is
    its review: the passport in force is replaced and its term closes. The new passport's term
    runs for whoever filed it, to the last working day by which it lapses, and is reminded 20,
    10, 5 and 1 working days before."""
    _require_keeper(actor, building)
    if not building.vulnerable:
        raise ValidationError(
            _("Only a building vulnerable to terrorism has an anti-terrorist passport."), code="not_vulnerable"
        )
    today = timezone.localdate()
    passport.building = building
    errors = _filed(actor=actor, document=passport, upload=upload)
    if passport.valid_until and passport.valid_until <= today:
        errors["valid_until"] = [ValidationError(_("The term is after today."), code="past")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _replace_current(TerrorPassport, building, today)
        if current is not None:
            term = running_term(current, PASSPORT_KIND)
            if term is not None:
                deadline_close(deadline=term, actor=actor, on=today)
        passport.save()
        deadline_open(
            record=passport,
            kind=PASSPORT_KIND,
            received_at=timezone.now(),
            responsible=actor,
            due_on=WorkingCalendar().last_working_day_by(passport.valid_until),
        )
        audit_record(
            actor=actor,
            action="isd.building.passport_reviewed" if current is not None else "isd.building.passport_filed",
            obj=building,
            before={"passport": current.pk, "valid_until": current.valid_until} if current is not None else None,
            after={"passport": passport.pk, "number": passport.number, "valid_until": passport.valid_until},
        )
    return passport


def regime_rules_file(*, actor, building: CourtBuilding, rules: RegimeRules, upload) -> RegimeRules:
    """File the building's rules of the pass and internal regime (ISD 6.6); the rules in force
    are replaced by them."""
    _require_keeper(actor, building)
    rules.building = building
    errors = _filed(actor=actor, document=rules, upload=upload)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _replace_current(RegimeRules, building, timezone.localdate())
        rules.save()
        audit_record(
            actor=actor,
            action="isd.building.regime_rules_filed",
            obj=building,
            before={"rules": current.pk} if current is not None else None,
            after={"rules": rules.pk, "number": rules.number, "approved_on": rules.approved_on},
        )
    return rules


def equipment_add(*, actor, building: CourtBuilding, equipment: SecurityEquipment) -> SecurityEquipment:
    """Security equipment installed in the building, under a contract of its region (ISD 6.9)."""
    _require_keeper(actor, building)
    equipment.building, equipment.entered_by = building, actor
    equipment.full_clean()
    with transaction.atomic():
        equipment.save()
        audit_record(
            actor=actor,
            action="isd.building.equipment_added",
            obj=building,
            after={"equipment": equipment.pk, "kind": equipment.kind, "contract": equipment.contract_id},
        )
    return equipment


def equipment_state_set(*, actor, equipment: SecurityEquipment, state: str) -> SecurityEquipment:
    """Whether the equipment works, is faulty or out of service."""
    _require_keeper(actor, equipment.building)
    if state not in SecurityEquipment.State.values:
        raise ValidationError({"state": ValidationError(_("Choose a state."), code="invalid")})
    before = equipment.state
    with transaction.atomic():
        equipment.state = state
        equipment.save(update_fields=["state"])
        audit_record(
            actor=actor,
            action="isd.building.equipment_state",
            obj=equipment.building,
            before={"equipment": equipment.pk, "state": before},
            after={"equipment": equipment.pk, "state": state},
        )
    return equipment
