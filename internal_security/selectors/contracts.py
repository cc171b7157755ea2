"""Reads of the suppliers' contracts for security equipment and services (ISD 6.9): every
contract for the central ISD and those it reports to, a region's for its territorial unit
(`registers_within_reach`); a supplier's record counts only the contracts its reader reaches."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from ..models import ContractCheck, ContractDefect, SecurityContract, Supplier
from ..permissions import reads_registers, registers_within_reach

OPEN_DEFECT = (ContractDefect.Status.OPEN, ContractDefect.Status.CLAIMED)


def contracts_visible_to(user):
    return registers_within_reach(SecurityContract.objects.select_related("region", "supplier"), user)


def get_contract_for_user(user, pk) -> SecurityContract:
    return get_object_or_404(contracts_visible_to(user), pk=pk)


def get_check_for_user(user, pk, check_pk) -> ContractCheck:
    contract = get_contract_for_user(user, pk)
    return get_object_or_404(contract.checks.select_related("contract"), pk=check_pk)


def get_defect_for_user(user, pk, defect_pk) -> ContractDefect:
    contract = get_contract_for_user(user, pk)
    return get_object_or_404(
        ContractDefect.objects.select_related("found_in__contract"), found_in__contract=contract, pk=defect_pk
    )


def defects_visible_to(user):
    return ContractDefect.objects.filter(found_in__contract__in=contracts_visible_to(user).values("pk"))


def contract_register(user, *, text="", subject="", status="", region=None, supplier=None, open_defects=False):
    """The contracts within the user's reach, filtered, the latest first, with their defects
    still open (to be remedied, or claimed and not settled)."""
    contracts = contracts_visible_to(user)
    for lookup, value in (("subject", subject), ("status", status), ("region", region), ("supplier", supplier)):
        if value:
            contracts = contracts.filter(**{lookup: value})
    if text.strip():
        text = text.strip()
        contracts = contracts.filter(
            Q(number__icontains=text) | Q(courts__icontains=text) | Q(supplier__name__icontains=text)
        )
    if open_defects:
        contracts = contracts.filter(
            pk__in=ContractDefect.objects.filter(status__in=OPEN_DEFECT).values("found_in__contract")
        )
    return contracts.annotate(
        open_defects=Count("checks__defects", filter=Q(checks__defects__status__in=OPEN_DEFECT))
    ).order_by("-signed_on", "-pk")


def suppliers_visible_to(user):
    """The suppliers are known to everyone who reads the ISD's registers; what each did is
    counted within the reader's reach (`supplier_record`)."""
    return Supplier.objects.all() if reads_registers(user) else Supplier.objects.none()


def get_supplier_for_user(user, pk) -> Supplier:
    return get_object_or_404(suppliers_visible_to(user), pk=pk)


def supplier_register(user, *, text=""):
    suppliers = suppliers_visible_to(user)
    if text.strip():
        text = text.strip()
        suppliers = suppliers.filter(Q(name__icontains=text) | Q(bin=text))
    reached = Q(contracts__in=contracts_visible_to(user).values("pk"))
    return suppliers.annotate(contract_count=Count("contracts", filter=reached)).order_by("name", "pk")


SUPPLIER_CONTRACTS_SHOWN = 50


def supplier_record(user, supplier) -> dict:
    """The supplier's record across the contracts the reader reaches (ISD 6.9): its latest
    contracts, and over all of them the checks of their performance, the defects found,
    remedied and claimed."""
    reached = contracts_visible_to(user).filter(supplier=supplier)
    contracts = list(
        reached.annotate(
            check_count=Count("checks", distinct=True),
            defect_count=Count("checks__defects", distinct=True),
            open_defects=Count("checks__defects", filter=Q(checks__defects__status__in=OPEN_DEFECT), distinct=True),
        ).order_by("-signed_on", "-pk")[:SUPPLIER_CONTRACTS_SHOWN]
    )
    figures = ContractDefect.objects.filter(found_in__contract__in=reached.values("pk")).aggregate(
        defects=Count("pk"),
        remedied=Count("pk", filter=Q(status=ContractDefect.Status.REMEDIED)),
        claims=Count("pk", filter=Q(claimed_on__isnull=False)),
        open=Count("pk", filter=Q(status__in=OPEN_DEFECT)),
    )
    figures["contracts"] = reached.count()
    figures["checks"] = ContractCheck.objects.filter(contract__in=reached.values("pk")).count()
    return {"contracts": contracts, "figures": figures}
