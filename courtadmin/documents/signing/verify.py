"""What /verify/ reports of a PDF's signature, whichever back-end made it: signer, IIN,
issuer, time-stamp, revocation status, and whether the document changed after signing.

It is checked twice. First with the evidence the PDF carries alone (its document security
store, no network): a PAdES B-LT document passes that, and stays verifiable when the
portal, the national CA and the network are gone. Then, if it did not, as a plain signature,
so the reader learns what is missing rather than only that something is.

A GOST signature's value no Python library checks: the NCANode service judges it, over the
signed bytes' digest; its chain, revocation evidence, time-stamp and coverage are checked
here as for any other (docs/signatures.md).
"""

import hashlib
import io

from asn1crypto import cms
from django.utils.translation import gettext as _
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import DiffResult, ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.generic_cms import validate_tst_signed_data
from pyhanko.sign.validation.status import TimestampSignatureStatus
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError, RevokedError

from . import SignatureCheck, national, pki, run_coroutine
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
    if embedded.signer_cert.public_key["algorithm"]["algorithm"].dotted in national.GOST_KEY_ALGORITHMS:
        return run_coroutine(_check_gost(embedded, roots, dss, check))
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
    check.whole_file = _whole_file(status.coverage, status.modification_level)
    check.signed_at = status.signer_reported_dt
    _certificate_facts(check, status.signing_cert)
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


def _whole_file(coverage, level) -> bool:
    """Signed as a whole; what came after is only validation material (the B-LT store)."""
    return coverage.name in ("ENTIRE_FILE", "ENTIRE_REVISION") and (
        level is not None and level <= ModificationLevel.LTA_UPDATES
    )


def _certificate_facts(check: SignatureCheck, certificate) -> None:
    check.signer_subject = _common_name(certificate.subject)
    check.issuer = _common_name(certificate.issuer)
    check.iin = pki.iin_of(certificate)
    check.certificate_serial = format(certificate.serial_number, "x")


async def _check_gost(embedded, roots, dss, check: SignatureCheck) -> SignatureCheck:
    certificate = embedded.signer_cert
    _certificate_facts(check, certificate)
    check.verified_by = "ncanode"
    embedded.compute_integrity_info()
    check.signed_at = embedded.self_reported_timestamp
    digest = embedded.compute_digest()
    check.intact = digest == national.message_digest(embedded.signer_info)
    check.altered = not check.intact
    diff = embedded.diff_result
    check.whole_file = _whole_file(embedded.coverage, diff.modification_level if isinstance(diff, DiffResult) else None)
    try:
        signed = cms.ContentInfo({"content_type": "signed_data", "content": embedded.signed_data})
        national.verify_by_ncanode(signed.dump(), digest)
        check.valid = True
    except national.Refused as refusal:
        check.problems.append(str(refusal))
    carried = list(embedded.other_embedded_certs)
    for offline in (True, False):
        context = _context(roots, dss, offline=offline)
        validator = CertificateValidator(certificate, intermediate_certs=carried, validation_context=context)
        try:
            await validator.async_validate_usage({"digital_signature"})
        except RevokedError:
            check.revocation = "revoked"
            break
        except (PathBuildingError, PathValidationError):
            continue
        check.trusted, check.long_term = True, offline
        check.revocation = "good" if offline else "not_checked"
        break
    token = _timestamp_token(embedded.signer_info)
    if token is not None:
        status = TimestampSignatureStatus(
            **await validate_tst_signed_data(
                token["content"],
                _context(roots, dss, offline=False),
                expected_tst_imprint=lambda name: hashlib.new(name, embedded.signer_info["signature"].native).digest(),
            )
        )
        check.timestamp_at = status.timestamp
        check.timestamp_trusted = status.intact and status.valid and status.trusted
    return check


def _timestamp_token(signer_info):
    for attribute in signer_info["unsigned_attrs"] or []:
        if attribute["type"].native == "signature_time_stamp_token":
            return attribute["values"][0]
    return None
