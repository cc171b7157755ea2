"""Writes of the criminal-case registry (ISD 6.16), each audited: a case entered with its
opening stage, corrected with the reason kept in its history; its later stages are moves
(`workflow.case_move`)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record

from ..models import CaseStage, CriminalCase
from ..permissions import keeps_region, unit_region

# What a correction may change; the stage and its dates move only with the authority's decisions.
CORRECTED = ("person", "person_role", "position", "court", "region", "article", "corruption", "investigating_body")


def records_by_number(numbers, records, field: str) -> list:
    """The records named by number among `records` (those the actor reaches, ISD 7); any other
    number is an error beside the field, which says nothing of whether it exists."""
    found = list(records.filter(number__in=numbers))
    unknown = set(numbers) - {record.number for record in found}
    if unknown:
        message = _("None within your reach has the number: %(numbers)s.") % {"numbers": ", ".join(sorted(unknown))}
        raise ValidationError({field: ValidationError(message, code="unknown")})
    return found


def _explained(creating: bool, opening_decision: str, reason: str) -> None:
    """An entry names the decision that opened the case; a correction says why it is made."""
    if creating and not opening_decision.strip():
        message = _("Give the decision that opened the pre-trial investigation (number and date).")
        raise ValidationError({"opening_decision": ValidationError(message, code="required")})
    if not creating and not reason.strip():
        raise ValidationError({"reason": ValidationError(_("Say why the entry is corrected."), code="required")})


def criminal_case_save(
    *, actor, case: CriminalCase, complaint_numbers=(), investigation_numbers=(), opening_decision="", reason=""
) -> CriminalCase:
    """Enter a criminal case with the decision that opened it (its first stage), or correct
    one, saying why. The territorial ISD unit keeps its own region's cases, the central ISD
    any region's (ISD 6.16); either links it to the complaints and investigations it reaches."""
    creating = case.pk is None
    if creating:
        case.entered_by = actor
        case.stage, case.outcome = CriminalCase.Stage.PRE_TRIAL, ""
    else:
        stored = CriminalCase.objects.get(pk=case.pk)
        if not keeps_region(actor, stored.region_id):
            raise PermissionDenied
    own = unit_region(actor)
    if own is not None:
        case.region = own
    if not case.region_id or not keeps_region(actor, case.region_id):
        raise PermissionDenied
    case.full_clean()
    _explained(creating, opening_decision, reason)
    if not creating:
        first_later = case.stages.exclude(stage=CriminalCase.Stage.PRE_TRIAL).first()
        if first_later is not None and case.opened_on > first_later.decided_on:
            raise ValidationError(
                {"opened_on": ValidationError(_("A case is opened before its later stages."), code="order")}
            )
    from ..selectors.complaints import complaints_visible_to
    from ..selectors.investigations import investigations_visible_to

    complaints = records_by_number(complaint_numbers, complaints_visible_to(actor), "complaint_numbers")
    investigations = records_by_number(investigation_numbers, investigations_visible_to(actor), "investigation_numbers")
    with transaction.atomic():
        before = {} if creating else model_to_dict(stored, fields=CORRECTED)
        case.save()
        case.complaints.set(complaints)
        case.investigations.set(investigations)
        if creating:
            CaseStage.objects.create(
                case=case,
                stage=CriminalCase.Stage.PRE_TRIAL,
                decided_on=case.opened_on,
                authority=case.investigating_body,
                decision=opening_decision.strip(),
                entered_by=actor,
            )
            audit_record(
                actor=actor,
                action="isd.criminal_case.entered",
                obj=case,
                after={"status": case.stage, "article": case.article},
            )
        else:
            after = model_to_dict(case, fields=CORRECTED)
            changed = [name for name in CORRECTED if before[name] != after[name]]
            audit_record(
                actor=actor,
                action="isd.criminal_case.corrected",
                obj=case,
                before={name: before[name] for name in changed},
                after={**{name: after[name] for name in changed}, "reason": reason.strip()},
            )
    return case
