"""Writes of the suppliers' contracts for security equipment and services (ISD 6.9), each
audited: a supplier, a contract with its obligations, the checks of its performance and the
defects they find, each with the term given to remedy it (`isd.contract_defect`); a defect is
followed through `workflow.defect_move` and a contract closed through `workflow.contract_move`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.deadlines.services import deadline_open

from ..models import ContractCheck, SecurityContract, Supplier
from ..permissions import keeps_region, unit_region
from ..workflow import DEFECT_KIND


def _require_keeper(actor, contract) -> None:
    if not keeps_region(actor, contract.region_id):
        raise ValidationError(_("Only the ISD and the region's unit keep this contract."), code="not_yours")


def supplier_add(*, actor, supplier: Supplier) -> Supplier:
    """A supplier of security equipment or services, by the ISD's staff or a unit."""
    if not keeps_region(actor):
        raise PermissionDenied
    supplier.registered_by = actor
    supplier.full_clean()
    with transaction.atomic():
        supplier.save()
        audit_record(actor=actor, action="isd.supplier.registered", obj=supplier, after={"bin": supplier.bin})
    return supplier


def contract_add(*, actor, contract: SecurityContract) -> SecurityContract:
    """Record a contract: the central ISD in any region, a territorial unit in its own."""
    own = unit_region(actor)
    if own is not None:
        contract.region = own
    if not contract.region_id or not keeps_region(actor, contract.region_id):
        raise PermissionDenied
    contract.registered_by = actor
    contract.full_clean()
    with transaction.atomic():
        contract.save()
        audit_record(
            actor=actor,
            action="isd.contract.registered",
            obj=contract,
            after={"number": contract.number, "supplier": contract.supplier_id, "amount": str(contract.amount)},
        )
    return contract


def check_add(*, actor, contract: SecurityContract, check: ContractCheck, defects=()) -> ContractCheck:
    """A check of the contract's performance with the defects it found, each with the term given
    to remedy it: the term runs for whoever checked, and escalates to the ISD head when overdue."""
    _require_keeper(actor, contract)
    if contract.status != SecurityContract.Status.IN_FORCE:
        raise ValidationError(_("The contract is closed already."), code="closed")
    today = timezone.localdate()
    check.contract, check.entered_by = contract, actor
    check.full_clean()
    for defect in defects:
        if defect.remedy_by <= today:
            raise ValidationError({"remedy_by": ValidationError(_("The term is after today."), code="past")})
    with transaction.atomic():
        check.save()
        for defect in defects:
            defect.found_in = check
            defect.full_clean()
            defect.save()
            deadline_open(
                record=defect, kind=DEFECT_KIND, received_at=timezone.now(), responsible=actor, due_on=defect.remedy_by
            )
        audit_record(
            actor=actor,
            action="isd.contract.checked",
            obj=contract,
            after={"check": check.pk, "defects": [defect.pk for defect in defects]},
        )
    return check
