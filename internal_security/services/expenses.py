"""Writes of the security spending proposals (ISD 6.8), each audited: a proposal for a
building's item in a year, its technical specifications; sent and decided through
`workflow.expense_move`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields

from ..models import SpecificationFile, SpendingProposal
from ..permissions import keeps_region


def expense_add(*, actor, proposal: SpendingProposal) -> SpendingProposal:
    """A proposal for a building of the proposer's reach: the central ISD any, a unit its region's."""
    building = proposal.building
    if building is None or not keeps_region(actor, building.region_id):
        raise PermissionDenied
    proposal.region, proposal.registered_by = building.region, actor
    proposal.full_clean()
    with transaction.atomic():
        proposal.save()
        audit_record(
            actor=actor,
            action="isd.expense.drafted",
            obj=proposal,
            after={"year": proposal.year, "item": proposal.item, "amount": str(proposal.amount)},
        )
    return proposal


def specification_add(*, actor, proposal: SpendingProposal, upload) -> SpecificationFile:
    """A technical specification of what the proposal buys, while it is being drafted."""
    if not keeps_region(actor, proposal.region_id):
        raise ValidationError(_("Only the ISD and the region's unit send it."), code="not_yours")
    if proposal.status != SpendingProposal.Status.DRAFTED:
        raise ValidationError(_("The proposal is sent already."), code="sent")
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        stored = SpecificationFile.objects.create(proposal=proposal, uploaded_by=actor, **fields)
        audit_record(
            actor=actor,
            action="isd.expense.specification_added",
            obj=proposal,
            after={"file": stored.pk, "name": stored.original_name, "sha256": stored.sha256},
        )
    return stored
