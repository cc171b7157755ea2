"""Writes of the criminal-case registry (ISD 6.16), each audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record

from ..models import CriminalCase
from ..permissions import case_keeping_region


def _linked(actor, numbers, records, field: str) -> list:
    """The records named by number that the actor may reach (ISD 7); any other number is an
    error beside the field, which says nothing of whether it exists."""
    found = list(records.filter(number__in=numbers))
    unknown = set(numbers) - {record.number for record in found}
    if unknown:
        message = _("None within your reach has the number: %(numbers)s.") % {"numbers": ", ".join(sorted(unknown))}
        raise ValidationError({field: ValidationError(message, code="unknown")})
    return found


def criminal_case_save(*, actor, case: CriminalCase, complaint_numbers=(), investigation_numbers=()) -> CriminalCase:
    """Enter or update a criminal case: the territorial ISD unit keeps its own region's, and
    links it to the complaints and investigations it reaches."""
    region = case_keeping_region(actor)
    if region is None:
        raise PermissionDenied
    creating = case.pk is None
    if creating:
        case.entered_by = actor
    elif CriminalCase.objects.filter(pk=case.pk).values_list("region_id", flat=True).first() != region.pk:
        raise PermissionDenied
    case.region = region
    case.full_clean()
    from ..selectors.complaints import complaints_visible_to
    from ..selectors.investigations import investigations_visible_to

    complaints = _linked(actor, complaint_numbers, complaints_visible_to(actor), "complaint_numbers")
    investigations = _linked(actor, investigation_numbers, investigations_visible_to(actor), "investigation_numbers")
    with transaction.atomic():
        case.save()
        case.complaints.set(complaints)
        case.investigations.set(investigations)
        audit_record(
            actor=actor,
            action="isd.criminal_case.entered" if creating else "isd.criminal_case.changed",
            obj=case,
            after={"stage": case.stage, "outcome": case.outcome, "article": case.article},
        )
    return case
