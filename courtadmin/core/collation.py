"""Sorting by the reader's language (the working-day issue, item 9): Kazakh and Russian names in
their own alphabets' order, on PostgreSQL by its ICU collations and on SQLite by the same
order computed here (registered under the same names, so one query serves both).

The Kazakh alphabet puts Ә after А, Ғ after Г, Қ after К and so on; Russian has Ё after Е.
Cyrillic comes before Latin, digits and spaces before letters, case decides only a tie.
`tests/core/test_collation.py` holds this order to PostgreSQL's for the 249 countries.
"""

from django.db.models import F
from django.db.models.functions import Collate
from django.utils.translation import get_language

KAZAKH = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
# In Russian, Ё sorts as Е (their difference decides only a tie), as ICU's "ru" has it.
RUSSIAN = "аәбвгғдежзийіқклмнңоөпрстуұүфхһцчшщъыьэюя"
ALPHABETS = {"kk": KAZAKH, "ru": RUSSIAN}
COLLATIONS = {"kk": "kk-x-icu", "ru": "ru-x-icu", "en": "en-x-icu"}


def _letter(char: str, alphabet: str) -> tuple:
    folded = char.casefold()
    if folded == "ё" and folded not in alphabet:
        folded = "е"
    if folded in alphabet:
        return (3, alphabet.index(folded))
    if folded.isdigit():
        return (2, int(folded) if folded.isdecimal() else ord(folded))
    if folded.isalpha():
        return (4 if "a" <= folded <= "z" else 5, ord(folded))
    return (1, ord(folded))  # spaces and punctuation first


def collation_key(text: str, language: str | None = None) -> tuple:
    """The sort key of `text` in `language` (the active one if none)."""
    alphabet = ALPHABETS.get((language or get_language() or "kk")[:2], KAZAKH)
    text = text or ""
    return (tuple(_letter(char, alphabet) for char in text), text.swapcase())


def by_name(queryset, field: str = "name", language: str | None = None):
    """`queryset` ordered by `field` (its translation in the reader's language) in that
    language's order, in the database."""
    from modeltranslation.utils import build_localized_fieldname

    language = (language or get_language() or "kk")[:2]
    localized = build_localized_fieldname(field, language)
    has_column = any(f.name == localized for f in queryset.model._meta.get_fields())
    column = localized if has_column else field
    return queryset.order_by(Collate(F(column), COLLATIONS.get(language, COLLATIONS["kk"])), "pk")


def register_sqlite_collations(connection) -> None:
    """SQLite knows the PostgreSQL collations' names, sorting as collation_key does."""
    for language, name in COLLATIONS.items():

        def compare(left, right, language=language):
            a, b = collation_key(left, language), collation_key(right, language)
            return (a > b) - (a < b)

        connection.create_collation(name, compare)
