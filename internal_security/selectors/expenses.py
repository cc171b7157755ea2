"""Reads of the security spending proposals (ISD 6.8): every one for the central ISD and those
it reports to, a region's for its territorial unit (`registers_within_reach`), 404 for anyone
else; with the year's totals by status."""

from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404

from ..models import SpecificationFile, SpendingProposal
from ..permissions import registers_within_reach


def expenses_visible_to(user):
    return registers_within_reach(SpendingProposal.objects.select_related("building", "region"), user)


def get_expense_for_user(user, pk) -> SpendingProposal:
    return get_object_or_404(expenses_visible_to(user), pk=pk)


def get_specification_for_user(user, pk, file_pk) -> SpecificationFile:
    proposal = get_expense_for_user(user, pk)
    return get_object_or_404(SpecificationFile.objects.select_related("proposal"), proposal=proposal, pk=file_pk)


def expense_register(user, *, text="", year=None, item="", status="", region=None):
    """The proposals within the user's reach, filtered, by year, region and order of entry."""
    proposals = expenses_visible_to(user)
    for lookup, value in (("year", year), ("item", item), ("status", status), ("region", region)):
        if value:
            proposals = proposals.filter(**{lookup: value})
    if text.strip():
        text = text.strip()
        proposals = proposals.filter(Q(building__court__icontains=text) | Q(description__icontains=text))
    return proposals.order_by("-year", "region__name", "pk")


def expense_totals(proposals) -> dict:
    """How many proposals and for how much, in all and by status, over `proposals` as filtered."""
    by_status = {status: Sum("amount", filter=Q(status=status), default=0) for status in SpendingProposal.Status.values}
    return proposals.order_by().aggregate(count=Count("pk"), total=Sum("amount", default=0), **by_status)
