"""Signatures made with the signer's own national EDS, in his browser, through NCALayer.

The portal never holds the key. It prepares the signed PDF with a room for the signature
(`prepare_pdf`); the signer's browser asks NCALayer for a detached CMS over the document's
digest; the portal checks that CMS (`check_cms`: the digest is the prepared one, the
signature is the certificate's, the certificate chains to the national CA, is not revoked,
and names the signer's IIN: IR 13, ISD 15), adds a time-stamp and embeds it with the
revocation answers (`finish_pdf`): PAdES B-LT, verifiable without the network.

RSA certificates are verified here (`cryptography`, through pyHanko). A GOST 34.310
certificate is verified by the configured NCANode-compatible service (`NCANODE_URL`):
docs/signatures.md says why.
"""

import base64
import io
import json
from dataclasses import dataclass, field

from asn1crypto import cms, crl, ocsp
from asn1crypto import x509 as asn1_x509
from django.conf import settings
from django.utils.translation import gettext as _
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.signers.pdf_byterange import PreparedByteRangeDigest
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.generic_cms import validate_sig_integrity
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import PathBuildingError, PathValidationError, RevokedError

from . import pki, run_coroutine
from .timestamps import with_timestamp

# The room kept for the CMS, as hexadecimal: the signer's certificate and chain, the
# time-stamp token with the TSA's own, with room to spare for 4096-bit keys.
SIGNATURE_ROOM = 65_536
FIELD_NAME = "Signature"
# The public-key algorithms of the national CA's GOST certificates (GOST 34.310-2004 and
# GOST R 34.10-2015 with the national parameters): no maintained Python library verifies
# them, so the configured NCANode service does.
RSA, EC = "1.2.840.113549.1.1.1", "1.2.840.10045.2.1"
GOST_KEY_ALGORITHMS = (
    "1.2.398.3.10.1.1.1.1",
    "1.2.398.3.10.1.1.1.2",
    "1.2.398.3.10.1.1.2.3.1",
    "1.2.398.3.10.1.1.2.3.2",
)


class Refused(Exception):
    """The CMS is refused; the message says why, to the signer; `code` names the check."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


@dataclass
class Prepared:
    """The PDF as it will be signed, with its room for the signature, and the digest the
    signer's key signs."""

    pdf: bytes
    digest: bytes
    room_start: int
    room_end: int


@dataclass
class Checked:
    """A CMS the portal accepted: the signer's certificate and the evidence to embed."""

    signed: cms.ContentInfo
    certificate: asn1_x509.Certificate
    iin: str
    chain: list[asn1_x509.Certificate]
    revocation: pki.Revocation
    verified_by: str  # "portal" (cryptography) or "ncanode"
    notes: list[str] = field(default_factory=list)


def prepare_pdf(pdf: bytes, *, reason: str, location: str) -> Prepared:
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, subfilter=SigSeedSubFilter.PADES, md_algorithm="sha256", reason=reason, location=location
    )
    # The certificate is the signer's, unknown until his CMS comes back: a placeholder signer
    # only lets pyHanko lay out the signature dictionary and its room.
    placeholder = signers.ExternalSigner(signing_cert=None, cert_registry=None, signature_value=bytes(256))
    pdf_signer = signers.PdfSigner(metadata, signer=placeholder)
    prepared, _tbs, output = run_coroutine(
        pdf_signer.async_digest_doc_for_signing(
            IncrementalPdfFileWriter(io.BytesIO(pdf)), bytes_reserved=SIGNATURE_ROOM
        )
    )
    return Prepared(
        pdf=output.getvalue(),
        digest=prepared.document_digest,
        room_start=prepared.reserved_region_start,
        room_end=prepared.reserved_region_end,
    )


def _signer_certificate(signed_data: cms.SignedData, signer_info: cms.SignerInfo) -> asn1_x509.Certificate:
    sid = signer_info["sid"]
    for choice in signed_data["certificates"] or []:
        if choice.name != "certificate":
            continue
        cert = choice.chosen
        if sid.name == "issuer_and_serial_number":
            if cert.issuer == sid.chosen["issuer"] and cert.serial_number == sid.chosen["serial_number"].native:
                return cert
        elif cert.key_identifier == sid.chosen.native:
            return cert
    raise Refused(_("The signature does not carry the signer's certificate."), "no_certificate")


def message_digest(signer_info: cms.SignerInfo) -> bytes | None:
    for attribute in signer_info["signed_attrs"] or []:
        if attribute["type"].native == "message_digest":
            return attribute["values"][0].native
    return None


def _parse(cms_der: bytes) -> tuple[cms.ContentInfo, cms.SignedData, cms.SignerInfo]:
    try:
        signed = cms.ContentInfo.load(cms_der)
        if signed["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
        signed_data = signed["content"]
        signer_infos = signed_data["signer_infos"]
        signed.native  # noqa: B018 - parse it all now, not halfway through the checks
    except (ValueError, TypeError, KeyError) as error:
        raise Refused(_("The signature is not a CMS the portal can read."), "unreadable") from error
    if len(signer_infos) != 1:
        raise Refused(_("The signature must have exactly one signer."), "signers")
    if signed_data["encap_content_info"]["content"].native is not None:
        raise Refused(_("The signature must be detached from the document."), "attached")
    return signed, signed_data, signer_infos[0]


def check_cms(cms_der: bytes, *, digest: bytes, iin: str) -> Checked:
    """Accept the CMS only if it signs `digest` (the prepared document's) with a certificate
    of the national CA that names `iin`, is valid now and is not revoked."""
    signed, signed_data, signer_info = _parse(cms_der)
    certificate = _signer_certificate(signed_data, signer_info)
    if message_digest(signer_info) != digest:
        raise Refused(_("The signature was made over another document than the one prepared."), "other_digest")
    key_algorithm = certificate.public_key["algorithm"]["algorithm"].dotted
    if key_algorithm in GOST_KEY_ALGORITHMS:
        verified_by = verify_by_ncanode(cms_der, digest)
    elif key_algorithm in (RSA, EC):
        intact, valid = validate_sig_integrity(signer_info, certificate, "data", digest)
        if not (intact and valid):
            raise Refused(_("The signature does not match the signer's certificate."), "invalid")
        verified_by = "portal"
    else:
        raise Refused(_("The certificate's key algorithm is not one the portal verifies."), "algorithm")
    named = pki.iin_of(certificate)
    if not iin or named != iin:
        raise Refused(
            _("The certificate names IIN %(named)s; the signer on record has %(iin)s.")
            % {"named": named or "—", "iin": iin or "—"},
            "other_iin",
        )
    chain, revocation = _validate_chain(certificate, signed_data)
    return Checked(
        signed=signed,
        certificate=certificate,
        iin=named,
        chain=chain,
        revocation=revocation,
        verified_by=verified_by,
    )


def _validate_chain(certificate, signed_data) -> tuple[list, pki.Revocation]:
    anchors = pki.require_trust_anchors()
    carried = [choice.chosen for choice in signed_data["certificates"] or [] if choice.name == "certificate"]
    others = pki.intermediates() + carried
    issuer = pki.issuer_of(certificate, others + anchors)
    if issuer is None:
        raise Refused(_("The certificate was not issued by the national certification authority."), "untrusted")
    revocation = pki.revocation(certificate, issuer)
    if revocation.status == "revoked":
        raise Refused(_("The certificate is revoked."), "revoked")
    if not revocation.checked and settings.NCA_REVOCATION_UNAVAILABLE == "refuse":
        raise Refused(
            _("Whether the certificate is revoked cannot be learnt now: %(problem)s") % {"problem": revocation.problem},
            "revocation_unknown",
        )
    context = ValidationContext(
        trust_roots=anchors,
        other_certs=others,
        ocsps=revocation.ocsps,
        crls=revocation.crls,
        allow_fetching=False,
        revocation_mode="require" if revocation.checked else "soft-fail",
    )
    validator = CertificateValidator(certificate, validation_context=context)
    try:
        path = run_coroutine(validator.async_validate_usage({"digital_signature"}))
    except RevokedError as error:
        raise Refused(_("The certificate is revoked."), "revoked") from error
    except (PathBuildingError, PathValidationError) as error:
        raise Refused(
            _("The certificate does not chain to the national certification authority: %(error)s") % {"error": error},
            "untrusted",
        ) from error
    return list(path), revocation


def verify_by_ncanode(cms_der: bytes, digest: bytes) -> str:
    """A GOST signature, verified by the configured NCANode-compatible service (its /cms/verify
    with the detached data's digest)."""
    if not settings.NCANODE_URL:
        raise Refused(
            _("A GOST signature is verified by the NCANode service, and none is configured."), "gost_unverifiable"
        )
    body = json.dumps(
        {
            "cms": base64.b64encode(cms_der).decode(),
            "data": base64.b64encode(digest).decode(),
            "revocationCheck": ["OCSP"],
        }
    ).encode()
    try:
        answer = json.loads(
            pki.network_answer(settings.NCANODE_URL.rstrip("/") + "/cms/verify", body, "application/json")
        )
    except (OSError, ValueError) as error:
        raise Refused(_("The NCANode service did not answer: %(error)s") % {"error": error}, "ncanode") from error
    if not answer.get("valid"):
        raise Refused(_("The NCANode service found the signature not valid."), "invalid")
    return "ncanode"


def finish_pdf(prepared: Prepared, checked: Checked) -> bytes:
    """The prepared PDF with the CMS (and its time-stamp) in its room, then the validation
    material (certificates, OCSP answers, CRLs) in the document security store."""
    stamped = with_timestamp(checked.signed)
    output = io.BytesIO(prepared.pdf)
    room = PreparedByteRangeDigest(prepared.digest, prepared.room_start, prepared.room_end)
    contents = room.fill_with_cms(output, stamped)
    certs, ocsps, crls = _timestamp_evidence(stamped)
    DocumentSecurityStore.add_dss(
        output,
        contents,
        certs=[*checked.chain, *certs],
        ocsps=[ocsp.OCSPResponse.load(answer) for answer in checked.revocation.ocsps] + ocsps,
        crls=[crl.CertificateList.load(data) for data in checked.revocation.crls] + crls,
    )
    return output.getvalue()


def _timestamp_evidence(stamped: cms.ContentInfo):
    """The time-stamping authority's certificates and their revocation answers."""
    signer_info = stamped["content"]["signer_infos"][0]
    token = next(
        attribute["values"][0]
        for attribute in signer_info["unsigned_attrs"]
        if attribute["type"].native == "signature_time_stamp_token"
    )
    carried = [choice.chosen for choice in token["content"]["certificates"] or [] if choice.name == "certificate"]
    from .portal_ca import portal_revocation_list, portal_roots

    roots = portal_roots() + pki.trust_anchors()
    ocsps, crls = [], []
    for cert in carried:
        issuer = pki.issuer_of(cert, carried + roots + pki.intermediates())
        if issuer is None or issuer.subject == cert.subject:
            continue
        if issuer in portal_roots():
            crls.append(crl.CertificateList.load(portal_revocation_list()))
        else:
            answer = pki.revocation(cert, issuer)
            ocsps += [ocsp.OCSPResponse.load(data) for data in answer.ocsps]
            crls += [crl.CertificateList.load(data) for data in answer.crls]
    return carried, ocsps, crls
