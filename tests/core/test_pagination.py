"""Registers' pages count at most COUNT_CAP rows and say when there are more."""

import pytest

from courtadmin.core import pagination
from courtadmin.core.pagination import CappedPaginator
from courtadmin.org.models import Region


def test_a_list_under_the_cap_is_counted_exactly(people):
    paginator = CappedPaginator(Region.objects.order_by("code"), 5)
    assert paginator.count == Region.objects.count() == 20 and not paginator.capped
    assert paginator.num_pages == 4


@pytest.mark.parametrize(("cap", "count", "capped"), [(19, 19, True), (20, 20, False), (5, 5, True)])
def test_a_list_over_the_cap_counts_the_cap_and_says_so(people, monkeypatch, cap, count, capped):
    monkeypatch.setattr(pagination, "COUNT_CAP", cap)
    paginator = CappedPaginator(Region.objects.order_by("code"), 5)
    assert (paginator.count, paginator.capped) == (count, capped)
    last = paginator.get_page(10_000)  # a page past the cap is the last one counted
    assert last.number == paginator.num_pages and not last.has_next()


def test_the_list_says_more_than_when_capped(people, client_for, monkeypatch):
    from django.urls import reverse

    from tests.international.factories import la_request

    monkeypatch.setattr(pagination, "COUNT_CAP", 2)
    officer = people["ir_officer"].user
    for n in range(3):
        la_request(officer, number=f"{n}/2026")
    page = client_for("ir_officer").get(reverse("international:request-list")).context["page"]
    assert page.paginator.capped and page.paginator.count == 2 and len(page.object_list) == 2
