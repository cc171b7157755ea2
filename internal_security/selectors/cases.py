"""Reads of the criminal-case registry (ISD 6.16): the ISD's register, within the user's reach
(ISD 7); outside it, 404."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from courtadmin.core.collation import collation_key
from courtadmin.org.models import Region

from ..models import CriminalCase
from ..permissions import registers_within_reach


def criminal_cases_visible_to(user):
    return registers_within_reach(CriminalCase.objects.select_related("region"), user)


def get_criminal_case_for_user(user, pk) -> CriminalCase:
    return get_object_or_404(criminal_cases_visible_to(user), pk=pk)


def case_registry(
    user, *, text="", stage="", region=None, article="", corruption=False, opened_from=None, opened_to=None
):
    """The criminal cases within the user's reach, filtered (issue 7.6)."""
    cases = criminal_cases_visible_to(user)
    for lookup, value in (
        ("stage", stage),
        ("region", region),
        ("article__istartswith", article.strip()),
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


def case_figures(cases) -> dict:
    """The registry's figures (ISD 6.16): the cases given (the list's, filtered) counted by
    stage per region and per article of the Criminal Code, with their totals, in two queries."""
    stages = [value for value, _label in CriminalCase.Stage.choices]

    def table(key, names):
        rows: dict = {}
        for cell in cases.order_by().values(key, "stage").annotate(count=Count("*")):
            rows.setdefault(cell[key], dict.fromkeys(stages, 0))[cell["stage"]] = cell["count"]
        return [
            (names(value), [row[stage] for stage in stages], sum(row.values()))
            for value, row in sorted(rows.items(), key=lambda item: collation_key(str(names(item[0]))))
        ]

    regions = {region.pk: region for region in Region.objects.all()}
    by_region = table("region", regions.get)
    by_article = table("article", str)
    totals = [sum(row[1][index] for row in by_region) for index in range(len(stages))]
    return {
        "stages": [label for _value, label in CriminalCase.Stage.choices],
        "by_region": by_region,
        "by_article": by_article,
        "totals": totals,
        "total": sum(totals),
    }
