"""The signer: one interface, several possible back-ends (DOCUMENT_SIGNING_BACKEND).

The portal's own certification authority (`portal_ca`) is the back-end built now. The
national EDS (NCALayer in the signer's browser, verification by an NCANode service) can be
added later as a second class with the same two methods.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class SigningUnavailable(Exception):
    """The back-end cannot sign for this user now (no valid certificate, ...). The message
    is shown to the signer."""


@dataclass
class SignatureCheck:
    """What a back-end finds in a PDF: the facts /verify/ shows."""

    signed: bool = False
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    whole_file: bool = False
    signer_subject: str = ""
    certificate_serial: str = ""
    signed_at: datetime | None = None
    revoked_at: datetime | None = None
    # Changed after signing: the digest no longer matches, or the file no longer parses.
    altered: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def good(self) -> bool:
        return self.signed and self.intact and self.valid and self.trusted and self.whole_file and not self.revoked_at


class SigningBackend(Protocol):
    name: str

    def check_can_sign(self, user) -> None:
        """Raise SigningUnavailable when `user` cannot sign with this back-end now."""

    def sign_pdf(self, pdf: bytes, *, user, reason: str, location: str) -> tuple[bytes, object]:
        """The PDF with the user's PAdES signature, and the certificate record used."""

    def check_pdf(self, pdf: bytes) -> SignatureCheck:
        """Is the PDF's signature intact, valid, trusted and covering the whole file?"""


def signing_backend() -> SigningBackend:
    return import_string(settings.DOCUMENT_SIGNING_BACKEND)()
