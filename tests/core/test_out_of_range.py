"""Out-of-range years and days are answered, never a 500 (the security issue found eleven):
the admin's date filters here; the dashboards' periods in tests/dashboard, the ISD figures'
year in tests/internal_security/test_figures.py."""

import pytest
from django.test import Client

from tests.conftest import mark_second_factor_given

QUERIES = [
    "{f}__year=99999",
    "{f}__year=0",
    "{f}__year=-5",
    "{f}__year=2026&{f}__month=13",
    "{f}__year=2026&{f}__month=2&{f}__day=31",
    "{f}__gte=99999-01-01",
    "{f}__lte=0000-00-00",
]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize(
    ("changelist", "field"), [("/admin/audit/auditevent/", "at"), ("/admin/deadlines/daytransfer/", "day")]
)
def test_the_admins_date_filters_answer_an_impossible_date(users, changelist, field, query):
    client = Client()
    client.force_login(users["sysadmin"])
    mark_second_factor_given(client)
    response = client.get(changelist + "?" + query.format(f=field))
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert "e=1" in response.url  # the admin's own "incorrect lookup" answer
