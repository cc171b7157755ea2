"""Sorting by the reader's language (the working-day issue, item 9): Kazakh and Russian names
in their alphabets' order, the same on PostgreSQL (ICU collations) and on SQLite (the order
computed by courtadmin.core.collation, registered under the same names)."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from courtadmin.core.collation import by_name, collation_key
from international.models import Country

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_database_sorts_the_countries_in_the_languages_order_on_either_database(language):
    """On PostgreSQL this holds the portal's own order to ICU's for all 249 countries; on
    SQLite it holds the registered collation to it."""
    with translation.override(language):
        names = [country.name for country in by_name(Country.objects.all())]
    assert len(names) == 249
    assert names == sorted(names, key=lambda name: collation_key(name, language))


def test_the_alphabets_own_letters_sort_where_each_language_puts_them():
    kazakh = ["Қытай", "Әзербайжан", "Ауғанстан", "Кения", "Бахрейн", "Ұлыбритания", "Уганда"]
    assert sorted(kazakh, key=lambda n: collation_key(n, "kk")) == [
        "Ауғанстан", "Әзербайжан", "Бахрейн", "Кения", "Қытай", "Уганда", "Ұлыбритания",
    ]  # fmt: skip
    russian = ["Ямайка", "Ёлка", "Египет", "Австрия", "Австралия", "Eritrea"]
    assert sorted(russian, key=lambda n: collation_key(n, "ru")) == [
        "Австралия", "Австрия", "Египет", "Ёлка", "Ямайка", "Eritrea",
    ]  # fmt: skip


def test_the_registrys_country_filter_offers_the_countries_in_the_readers_alphabet(client_for):
    client = client_for("ir_officer")
    client.post(reverse("core:set-language"), {"language": "ru", "next": "/"})
    html = client.get(reverse("international:request-list")).content.decode()
    select = html[html.index('name="country"') : html.index("</select>", html.index('name="country"'))]
    names = [unescape(name) for name in re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select)]
    assert names == sorted(names, key=lambda name: collation_key(name, "ru"))
    assert names.index("Австралия") < names.index("Австрия") < names.index("Япония")
