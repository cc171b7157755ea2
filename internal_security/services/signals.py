"""Writes of the information on corruption (ISD 6.15), each audited: an entry recorded or
corrected with the reason kept in its history, and linked to the complaints, investigations
and criminal cases it concerns, each within the writer's reach (ISD 7)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record

from ..models import CorruptionSignal, CriminalCase, Investigation
from ..permissions import keeps_region, unit_region
from .cases import records_by_number

# What a correction may change.
CORRECTED = ("source", "source_detail", "received_on", "person", "court", "region", "substance")


def signal_save(
    *, actor, signal: CorruptionSignal, complaint_numbers=(), investigation_numbers=(), reason=""
) -> CorruptionSignal:
    """Record an entry, or correct one saying why: the central ISD any region's, a territorial
    unit its own region's (ISD 6.15). The complaints and investigations named by number are
    linked when the writer reaches them; any other number is refused beside its field."""
    from ..selectors.complaints import complaints_visible_to
    from ..selectors.investigations import investigations_visible_to

    creating = signal.pk is None
    if not creating:
        stored = CorruptionSignal.objects.get(pk=signal.pk)
        if not keeps_region(actor, stored.region_id):
            raise PermissionDenied
    own = unit_region(actor)
    if own is not None:
        signal.region = own
    if not keeps_region(actor, signal.region_id if signal.region_id else None):
        raise PermissionDenied
    if creating:
        signal.entered_by = actor
    signal.full_clean()
    if not creating and not reason.strip():
        raise ValidationError({"reason": ValidationError(_("Say why the entry is corrected."), code="required")})
    complaints = records_by_number(complaint_numbers, complaints_visible_to(actor), "complaint_numbers")
    investigations = records_by_number(investigation_numbers, investigations_visible_to(actor), "investigation_numbers")
    with transaction.atomic():
        before = {} if creating else {**model_to_dict(stored, fields=CORRECTED), **_links(stored)}
        signal.save()
        # The links the writer cannot see are kept as they are: he neither sees nor drops them.
        hidden = signal.complaints.exclude(pk__in=complaints_visible_to(actor).values("pk"))
        signal.complaints.set([*complaints, *hidden])
        for investigation in (
            investigations_visible_to(actor).filter(signals=signal).exclude(pk__in=[i.pk for i in investigations])
        ):
            investigation.signals.remove(signal)
        for investigation in investigations:
            investigation.signals.add(signal)
        after = {**model_to_dict(signal, fields=CORRECTED), **_links(signal)}
        if creating:
            audit_record(actor=actor, action="isd.signal.added", obj=signal, after=after)
        else:
            changed = [name for name in after if before[name] != after[name]]
            audit_record(
                actor=actor,
                action="isd.signal.corrected",
                obj=signal,
                before={name: before[name] for name in changed},
                after={**{name: after[name] for name in changed}, "reason": reason.strip()},
            )
    return signal


def _links(signal: CorruptionSignal) -> dict:
    return {
        "complaints": sorted(signal.complaints.values_list("number", flat=True)),
        "investigations": sorted(Investigation.objects.filter(signals=signal).values_list("number", flat=True)),
    }


def signal_case_link(*, actor, signal: CorruptionSignal, case: CriminalCase) -> None:
    """Link a criminal case the writer reaches to the entry it concerns (ISD 6.15, 6.16)."""
    from ..selectors.cases import criminal_cases_visible_to

    if not keeps_region(actor, signal.region_id):
        raise ValidationError(_("Only the ISD and the region's unit keep this entry."), code="not_yours")
    if not criminal_cases_visible_to(actor).filter(pk=case.pk).exists():
        raise PermissionDenied
    with transaction.atomic():
        signal.cases.add(case)
        audit_record(
            actor=actor, action="isd.signal.linked", obj=signal, after={"case": case.pk, "person": case.person}
        )
