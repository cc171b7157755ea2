"""Our own password rules on top of Django's (length 12, common passwords). No composition
rules, no expiry (ASVS 6.2).

- The names of the organisation give no length credit: "Sotakimshiligi2026" is refused; a
  long passphrase that happens to contain "court" is not.
- A password a guesser finds early is refused (ASVS 6.2.4): zxcvbn estimates the guesses
  from its maintained lists (the most common passwords, words, names, keyboard rows) and
  from number sequences, repeats and dates, with the organisation's names and the user's own
  as the first words tried. "123456789012" and "sudadministration" are refused.
"""

import re
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from zxcvbn import zxcvbn

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


# zxcvbn's score 3: about 10^8 guesses and more, "safely unguessable" by an online attacker and
# slow against an offline one on the portal's password hash.
MIN_SCORE = 3


class GuessableValidator:
    def validate(self, password, user=None):
        own = [getattr(user, field, "") for field in ("username", "first_name", "last_name", "email")] if user else []
        result = zxcvbn(password[:100], user_inputs=[*organisation_words(), *(word for word in own if word)])
        if result["score"] < MIN_SCORE:
            raise ValidationError(
                _(
                    "This password is among the first a guesser tries: common passwords, words and names, "
                    "keyboard rows and sequences of numbers count for little."
                ),
                code="password_guessable",
            )

    def get_help_text(self):
        return _("Common passwords, keyboard rows and sequences of numbers are refused.")
