"""Our own password rule on top of Django's (length 12, common passwords): the names of
the organisation give no length credit. "Sotakimshiligi2026" is refused; a long passphrase
that happens to contain "court" is not. No composition rules, no expiry (ASVS 6.2)."""

import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

WORDS_FILE = Path(__file__).with_name("organisation_words.txt")


@cache
def organisation_words() -> tuple[str, ...]:
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    words = {line.strip().casefold() for line in lines if line.strip() and not line.startswith("#")}
    return tuple(sorted(words, key=len, reverse=True))  # longest first: "courtadmin" before "court"


def _min_length() -> int:
    for validator in settings.AUTH_PASSWORD_VALIDATORS:
        if validator["NAME"].endswith("MinimumLengthValidator"):
            return validator.get("OPTIONS", {}).get("min_length", 8)
    return 12


class OrganisationWordsValidator:
    def validate(self, password, user=None):
        letters = re.sub(r"[\W\d_]", "", password.casefold())
        credited = len(password)
        for word in organisation_words():
            credited -= len(word) * letters.count(word)
            letters = letters.replace(word, "")
        if credited < _min_length():
            raise ValidationError(
                _("This password is built on the name of the organisation or a department, which is guessed first."),
                code="password_organisation_words",
            )

    def get_help_text(self):
        return _("The names of the organisation and its departments do not count towards the length.")
