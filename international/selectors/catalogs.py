"""The catalogs of international legal assistance kept by IR staff (IR 7.22): countries,
treaty bases, foreign authorities and the courts of Kazakhstan, read by those who reach the
IR's records (IR staff and the Court Administration's leadership). Writes and the court
import: international/services/catalogs.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from courtadmin.core.collation import by_name

from ..models import Country, ForeignAuthority, KazakhCourt, TreatyBasis
from ..permissions import require_ir_access, require_ir_staff

SEARCH_MAX_LENGTH = 100


# --- The four catalogs -----------------------------------------------------------------------


@dataclass(frozen=True)
class Catalog:
    """One catalog: its model, how it is searched and what its list needs in one go."""

    slug: str
    model: type
    title: str
    search_fields: tuple[str, ...]
    select_related: tuple[str, ...] = ()
    importable: bool = False

    def prefetches(self) -> tuple:
        if self.model is TreatyBasis:
            return (Prefetch("parties", queryset=Country.objects.order_by("code")),)
        return ()


NAME_FIELDS = ("name_kk", "name_ru", "name_en")

CATALOGS: dict[str, Catalog] = {
    catalog.slug: catalog
    for catalog in (
        Catalog("countries", Country, _("Countries"), ("code", *NAME_FIELDS)),
        Catalog("treaties", TreatyBasis, _("Treaty bases"), ("code", *NAME_FIELDS)),
        Catalog(
            "authorities",
            ForeignAuthority,
            _("Foreign authorities"),
            NAME_FIELDS,
            select_related=("country",),
        ),
        Catalog(
            "courts",
            KazakhCourt,
            _("Courts of Kazakhstan"),
            ("code", *NAME_FIELDS),
            select_related=("region", "parent"),
            importable=True,
        ),
    )
}


def catalog_named(slug: str) -> Catalog:
    """The catalog of a URL's slug; anything else is not a page (404)."""
    try:
        return CATALOGS[slug]
    except KeyError:
        raise Http404 from None


# --- Selectors -------------------------------------------------------------------------------


def _entries_with_related(catalog: Catalog):
    entries = catalog.model.objects.all()
    if catalog.select_related:
        entries = entries.select_related(*catalog.select_related)
    if catalog.prefetches():
        entries = entries.prefetch_related(*catalog.prefetches())
    return entries


def catalog_counts_visible_to(user) -> list[tuple[Catalog, int]]:
    """Each catalog with its number of entries, for the catalogs' index (IR 7.22)."""
    require_ir_access(user)
    return [(catalog, catalog.model.objects.count()) for catalog in CATALOGS.values()]


def catalog_entries_visible_to(user, catalog: Catalog, query: str = ""):
    """The entries of a catalog, searched by name in any language (and by code where there
    is one). The related rows a list shows come in the same few queries whatever the length."""
    require_ir_access(user)
    entries = _entries_with_related(catalog)
    query = (query or "").strip()[:SEARCH_MAX_LENGTH]
    if query:
        condition = Q()
        for name in catalog.search_fields:
            condition |= Q(**{f"{name}__icontains": query})
        entries = entries.filter(condition)
    return by_name(entries)  # in the reader's alphabet


def get_catalog_entry_for_user(user, catalog: Catalog, pk: int):
    """An entry to change: for IR staff only; anyone else, and a missing entry, get 404."""
    require_ir_staff(user)
    try:
        return _entries_with_related(catalog).get(pk=pk)
    except catalog.model.DoesNotExist:
        raise Http404 from None


def new_catalog_entry_for_user(user, catalog: Catalog):
    """A blank entry for the create form: IR staff only (404 otherwise)."""
    require_ir_staff(user)
    return catalog.model()
