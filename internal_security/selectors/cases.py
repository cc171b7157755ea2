"""Reads of the criminal-case registry (ISD 6.16): the ISD's register, within the user's reach
(ISD 7); outside it, 404."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from ..models import CriminalCase
from ..permissions import registers_within_reach


def criminal_cases_visible_to(user):
    return registers_within_reach(CriminalCase.objects.select_related("region"), user)


def get_criminal_case_for_user(user, pk) -> CriminalCase:
    return get_object_or_404(criminal_cases_visible_to(user), pk=pk)


def case_registry(user, *, text="", stage="", region=None, corruption=False, opened_from=None, opened_to=None):
    """The criminal cases within the user's reach, filtered (issue 7.6)."""
    cases = criminal_cases_visible_to(user)
    for lookup, value in (
        ("stage", stage),
        ("region", region),
        ("corruption", corruption),
        ("opened_on__gte", opened_from),
        ("opened_on__lte", opened_to),
    ):
        if value:
            cases = cases.filter(**{lookup: value})
    if text.strip():
        text = text.strip()
        cases = cases.filter(Q(person__icontains=text) | Q(court__icontains=text) | Q(article__icontains=text))
    return cases.order_by("-opened_on", "-pk")
