"""Reads of the partners of cooperation (IR 4.1, 7.1, 7.4): the IR's staff and the Court
Administration's leadership read them; anyone else gets 404."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404

from courtadmin.core.search import containing

from ..models import Partner
from ..permissions import reads_ir


def partners_visible_to(user):
    return Partner.objects.all() if reads_ir(user) else Partner.objects.none()


@dataclass(frozen=True)
class PartnerFilter:
    text: str = ""
    kind: str = ""
    area: str = ""
    country: object = None


def partner_register(user, filters: PartnerFilter = PartnerFilter()):
    partners = partners_visible_to(user)
    if filters.kind:
        partners = partners.filter(kind=filters.kind)
    if filters.area:
        # The areas are a JSON list of codes: the code in quotes is that element (any backend).
        partners = partners.filter(areas__icontains=f'"{filters.area}"')
    if filters.country is not None:
        partners = partners.filter(country=filters.country)
    if text := filters.text.strip():
        partners = containing(partners, ("name", "notes"), text)
    return partners.select_related("country").order_by("name", "pk")


def get_partner_for_user(user, pk) -> Partner:
    return get_object_or_404(partners_visible_to(user).select_related("country"), pk=pk)


def partner_history(partner) -> dict:
    """The cooperation with the partner (IR 7.1): the events held with it, newest first, its
    agreements and projects, with their states."""
    return {
        "events": partner.events.order_by("-starts_on", "-pk")[:50],
        "agreements": partner.agreements.order_by("-pk"),
        "projects": partner.projects.order_by("-starts_on", "-pk"),
        "contacts": partner.contacts.all(),
    }
