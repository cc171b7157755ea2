"""Signatures (docs/signatures.md). Two ways to sign, one way to verify:

- `portal_ca`: the portal's own certification authority signs on the server with the
  signer's key it keeps encrypted, after his password and second factor (the embedded
  default, and internal documents);
- `national`: the signer's own national EDS signs in his browser through NCALayer; the
  portal checks and embeds the CMS (NATIONAL_SIGNING).

Both give PAdES B-LT (a time-stamp, and the revocation evidence in the PDF); `verify`
checks either.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


def run_coroutine(coroutine):
    """pyHanko's asynchronous API called from a request: run to its end in this thread, or in
    a thread of its own where an event loop already runs in this one (an ASGI server, a
    browser driven by the tests), since a thread runs one loop at a time."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


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
    issuer: str = ""
    iin: str = ""
    timestamp_at: datetime | None = None
    timestamp_trusted: bool = False
    # good (the PDF carries the answer), revoked, not_checked
    revocation: str = "not_checked"
    # Verifiable from what the PDF carries alone (PAdES B-LT).
    long_term: bool = False
    # Who checked the signature's value: the portal itself, or the NCANode service (GOST).
    verified_by: str = "portal"
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
