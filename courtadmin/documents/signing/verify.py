"""What /verify/ reports of a PDF's signature, whichever back-end made it: signer, IIN,
issuer, time-stamp, revocation status, and whether the document changed after signing.

It is checked twice. First with the evidence the PDF carries alone (its document security
store, no network): a PAdES B-LT document passes that, and stays verifiable when the
portal, the national CA and the network are gone. Then, if it did not, as a plain signature,
so the reader learns what is missing rather than only that something is.
"""

import io

from django.utils.translation import gettext as _
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

from . import SignatureCheck, pki
from .portal_ca import portal_roots


def _common_name(name) -> str:
    return name.native.get("common_name", "") if name is not None else ""


def _context(roots, dss, *, offline: bool) -> ValidationContext:
    settings = {
        "trust_roots": roots,
        "allow_fetching": False,
        "revocation_mode": "require" if offline else "soft-fail",
    }
    return dss.as_validation_context(settings) if dss is not None else ValidationContext(**settings, crls=[], ocsps=[])


def check_pdf(pdf: bytes) -> SignatureCheck:
    check = SignatureCheck()
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
        dss = DocumentSecurityStore.read_dss(reader) if "/DSS" in reader.root else None
    except Exception:  # noqa: BLE001 - any parsing failure means: not a readable signed PDF
        check.altered = pdf.startswith(b"%PDF-")
        check.problems.append(_("The file is not a readable PDF, or it has been altered."))
        return check
    if not signatures:
        check.problems.append(_("The file carries no signature."))
        return check
    check.signed = True
    embedded = signatures[0]
    roots = portal_roots() + pki.trust_anchors()
    try:
        status = validate_pdf_signature(embedded, _context(roots, dss, offline=True))
        check.long_term = status.bottom_line
        if not status.bottom_line:
            status = validate_pdf_signature(embedded, _context(roots, dss, offline=False))
    except Exception as error:  # noqa: BLE001 - an uploaded file must never break the page
        check.altered = True
        check.problems.append(_("The signature cannot be checked: %(error)s") % {"error": error})
        return check
    check.intact = status.intact
    check.altered = not status.intact
    check.valid = status.valid
    check.trusted = status.trusted
    # Signed as a whole; what came after is only validation material (the B-LT store).
    level = status.modification_level
    check.whole_file = status.coverage.name in ("ENTIRE_FILE", "ENTIRE_REVISION") and (
        level is not None and level <= ModificationLevel.LTA_UPDATES
    )
    check.signed_at = status.signer_reported_dt
    certificate = status.signing_cert
    check.signer_subject = _common_name(certificate.subject)
    check.issuer = _common_name(certificate.issuer)
    check.iin = pki.iin_of(certificate)
    check.certificate_serial = format(certificate.serial_number, "x")
    timestamp = status.timestamp_validity
    if timestamp is not None:
        check.timestamp_at = timestamp.timestamp
        check.timestamp_trusted = timestamp.intact and timestamp.valid and timestamp.trusted
    if status.revoked:
        check.revoked_at = status.revocation_details.revocation_date
    check.revocation = "revoked" if status.revoked else ("good" if check.long_term else "not_checked")
    if not check.long_term and check.trusted:
        check.problems.append(_("The file does not carry the revocation evidence to verify it without the network."))
    return check
