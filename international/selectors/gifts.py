"""Reads of the gifts register. The IR's staff and the Court Administration's leadership read
every gift; the ISD head, or whoever replaces him, reads the gifts received worth more than
settings.GIFT_DISCLOSURE_THRESHOLD (anti-corruption, ISD 6.14) and nothing else of the
register; anyone else, ISD officers among them, gets 404."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Q
from django.shortcuts import get_object_or_404

from courtadmin.core.search import containing
from courtadmin.org.authority import department_access, signers
from courtadmin.org.models import Department

from ..models import Gift


def above_threshold() -> Q:
    return Q(direction=Gift.Direction.RECEIVED, value__gt=settings.GIFT_DISCLOSURE_THRESHOLD)


def heads_isd(user) -> bool:
    """Is `user` the ISD head, or the person replacing him today?"""
    return user.is_authenticated and any(decision.person.user_id == user.pk for decision in signers(Department.ISD))


def reads_all_gifts(user) -> bool:
    return bool(department_access(user, Department.IR))


def gifts_visible_to(user):
    if reads_all_gifts(user):
        return Gift.objects.all()
    if heads_isd(user):
        return Gift.objects.filter(above_threshold())
    return Gift.objects.none()


@dataclass(frozen=True)
class GiftFilter:
    text: str = ""
    direction: str = ""
    disposition: str = ""
    above: bool = False
    on_from: date | None = None
    on_to: date | None = None


def gift_register(user, filters: GiftFilter = GiftFilter()):
    gifts = gifts_visible_to(user)
    if filters.direction:
        gifts = gifts.filter(direction=filters.direction)
    if filters.disposition:
        gifts = gifts.filter(disposition=filters.disposition)
    if filters.above:
        gifts = gifts.filter(above_threshold())
    if filters.on_from:
        gifts = gifts.filter(on__gte=filters.on_from)
    if filters.on_to:
        gifts = gifts.filter(on__lte=filters.on_to)
    if text := filters.text.strip():
        gifts = containing(gifts, ("description", "counterpart"), text)
    return gifts.select_related("person__person", "event", "delegation__country", "trip__country").order_by(
        "-on", "-pk"
    )


def get_gift_for_user(user, pk) -> Gift:
    return get_object_or_404(
        gifts_visible_to(user).select_related("person__person", "event", "delegation__country", "trip__country"),
        pk=pk,
    )
