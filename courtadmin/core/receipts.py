"""The applicant's receipt (талон) for a registered appeal (the working-day issue): the number
and the moment it was registered under, how it came, and by when the answer is due, printed
for the applicant in the appeal's language (Law on Languages, art. 11). Each department makes
the receipt of its own appeals (ISD complaints, IR applications) and renders it here."""

from dataclasses import dataclass
from datetime import date, datetime

from django.shortcuts import render
from django.utils import translation


@dataclass(frozen=True)
class Receipt:
    title: str  # "Complaint", "Application": the record's kind
    number: str
    registered_at: datetime | date  # the day alone where the moment was not recorded
    department: str  # the unit that registered it
    channel: str = ""
    external_number: str = ""
    applicant: str = ""  # shown only to those who may see the applicant
    due_on: date | None = None
    legal_basis: str = ""
    back_url: str = ""

    @property
    def registered(self) -> str:
        if isinstance(self.registered_at, datetime):
            return self.registered_at.strftime("%d.%m.%Y %H:%M")
        return self.registered_at.strftime("%d.%m.%Y")


def receipt_response(request, receipt_of, record):
    """The receipt page: the page in the reader's language, the receipt itself in the
    appeal's; `receipt_of(record)` builds the Receipt within that language, so its words
    (kinds, channels) are in it too."""
    language = record.language or "kk"
    with translation.override(language):
        receipt = receipt_of(record)
    return render(request, "core/receipt.html", {"receipt": receipt, "language": language})
