"""Validators of Kazakh identifiers."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_FIRST_WEIGHTS = range(1, 12)
_SECOND_WEIGHTS = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def iin_bin_check_digit(first_eleven: str) -> int | None:
    """The 12th digit of an IIN or BIN: the weighted sum of the first eleven modulo 11, with a
    second set of weights when the first gives 10; None when the second gives 10 too (no such
    number is ever issued)."""
    digits = [int(d) for d in first_eleven]
    for weights in (_FIRST_WEIGHTS, _SECOND_WEIGHTS):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=False)) % 11
        if remainder != 10:
            return remainder
    return None


def validate_iin_bin(value: str) -> None:
    """An individual (IIN) or business (BIN) identification number: 12 digits, the last one
    the check digit of the first eleven."""
    if not (len(value) == 12 and value.isdigit()):
        raise ValidationError(_("An IIN or BIN has 12 digits."), code="iin_format")
    if iin_bin_check_digit(value[:11]) != int(value[11]):
        raise ValidationError(
            _("This IIN or BIN fails its check digit: check it for a typing error."), code="iin_checksum"
        )


def check_in_order(first, last, *, field: str, message, code: str = "before_start") -> None:
    """A period's end on or after its beginning: refused beside `field` (the end's) if not; no
    check while either is missing (the field's own check says so)."""
    if first and last and last < first:
        raise ValidationError({field: ValidationError(message, code=code)})
