"""The national certification authority as the portal sees it: its certificates (the trust
anchors), the IIN a certificate names, and the certificate's revocation status asked of the
configured OCSP responder (`NCA_OCSP_URL`) or read from the configured CRLs (`NCA_CRL_URLS`).

The answers are kept: they go into the signed PDF (PAdES B-LT), so the signature stays
verifiable when neither the responder nor the network is there.
"""

import urllib.request
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from asn1crypto.pem import detect, unarmor
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp
from django.conf import settings
from django.utils.translation import gettext as _

from . import SigningUnavailable

# The subject's serialNumber attribute of a certificate of the national CA: "IIN" and the
# twelve digits of the person's individual identification number.
IIN_PREFIX = "IIN"
CERTIFICATE_SUFFIXES = {".pem", ".cer", ".crt", ".der"}


def _load(data: bytes) -> list[asn1_x509.Certificate]:
    if detect(data):
        return [asn1_x509.Certificate.load(der) for _type, _headers, der in unarmor(data, multiple=True)]
    return [asn1_x509.Certificate.load(data)]


def fingerprint(certificate: asn1_x509.Certificate) -> str:
    return sha256(certificate.dump()).hexdigest()


def national_certificates() -> list[asn1_x509.Certificate]:
    """The national CA's root and intermediate certificates in `NCA_TRUST_DIR`. Each is taken
    only if its SHA-256 fingerprint is one of `NCA_TRUST_FINGERPRINTS`: a file slipped into
    the folder is not trusted for having been put there."""
    folder = Path(settings.NCA_TRUST_DIR) if settings.NCA_TRUST_DIR else None
    if folder is None or not folder.is_dir():
        return []
    allowed = {value.lower().replace(":", "") for value in settings.NCA_TRUST_FINGERPRINTS}
    found = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in CERTIFICATE_SUFFIXES:
            found += [cert for cert in _load(path.read_bytes()) if fingerprint(cert) in allowed]
    return found


def trust_anchors() -> list[asn1_x509.Certificate]:
    return [cert for cert in national_certificates() if cert.self_signed == "maybe" or cert.self_signed == "yes"]


def intermediates() -> list[asn1_x509.Certificate]:
    return [cert for cert in national_certificates() if cert.self_signed == "no"]


def iin_of(certificate: asn1_x509.Certificate) -> str:
    """The IIN the certificate's subject names, or "" when it names none."""
    for rdn in certificate.subject.chosen:
        for attribute in rdn:
            if attribute["type"].native == "serial_number":
                value = str(attribute["value"].native or "")
                if value.upper().startswith(IIN_PREFIX):
                    return value[len(IIN_PREFIX) :]
    return ""


def issuer_of(certificate: asn1_x509.Certificate, candidates) -> asn1_x509.Certificate | None:
    return next((cert for cert in candidates if cert.subject == certificate.issuer), None)


@dataclass
class Revocation:
    """What the responder and the lists said about one certificate."""

    status: str = "unknown"  # good, revoked, unknown (no answer could be had)
    revoked_at: object = None
    ocsps: list[bytes] = field(default_factory=list)
    crls: list[bytes] = field(default_factory=list)
    problem: str = ""

    @property
    def checked(self) -> bool:
        return self.status in ("good", "revoked")


def network_answer(url: str, body: bytes | None = None, content_type: str = "") -> bytes:
    """POST `body` to (or GET) a configured http(s) address: the OCSP responder, a revocation
    list, NCANode. Any other scheme is refused before anything is opened."""
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"Not an http(s) address: {url}")
    headers = {"Content-Type": content_type} if content_type else {}
    request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310  # nosec B310 - http(s) only
    with urllib.request.urlopen(request, timeout=settings.SIGNING_NETWORK_TIMEOUT) as response:  # noqa: S310  # nosec B310
        return response.read()


def _crypto(certificate: asn1_x509.Certificate) -> x509.Certificate:
    return x509.load_der_x509_certificate(certificate.dump())


def ocsp_status(certificate: asn1_x509.Certificate, issuer: asn1_x509.Certificate, url: str) -> Revocation:
    request = (
        ocsp.OCSPRequestBuilder()
        .add_certificate(
            _crypto(certificate),
            _crypto(issuer),
            hashes.SHA1(),  # noqa: S303  # nosec B303 - the CertID hash responders expect (RFC 5019)
        )
        .build()
    )
    try:
        body = network_answer(url, request.public_bytes(serialization.Encoding.DER), "application/ocsp-request")
        answer = ocsp.load_der_ocsp_response(body)
    except (OSError, ValueError) as error:
        return Revocation(problem=_("The OCSP responder did not answer: %(error)s") % {"error": error})
    if answer.response_status != ocsp.OCSPResponseStatus.SUCCESSFUL:
        return Revocation(problem=_("The OCSP responder refused: %(status)s") % {"status": answer.response_status.name})
    status = answer.certificate_status
    if status == ocsp.OCSPCertStatus.REVOKED:
        return Revocation(status="revoked", revoked_at=answer.revocation_time_utc, ocsps=[body])
    if status == ocsp.OCSPCertStatus.GOOD:
        return Revocation(status="good", ocsps=[body])
    return Revocation(ocsps=[body], problem=_("The OCSP responder does not know the certificate."))


def crl_status(certificate: asn1_x509.Certificate, urls) -> Revocation:
    lists, problems = [], []
    for url in urls:
        try:
            data = network_answer(url)
            lists.append((data, x509.load_der_x509_crl(data)))
        except (OSError, ValueError) as error:
            problems.append(f"{url}: {error}")
    if not lists:
        return Revocation(problem=_("No revocation list could be read: %(error)s") % {"error": "; ".join(problems)})
    serial = certificate.serial_number
    for _data, crl in lists:
        entry = crl.get_revoked_certificate_by_serial_number(serial)
        if entry is not None:
            return Revocation(status="revoked", revoked_at=entry.revocation_date_utc, crls=[d for d, _c in lists])
    return Revocation(status="good", crls=[data for data, _crl in lists])


def revocation(certificate: asn1_x509.Certificate, issuer: asn1_x509.Certificate) -> Revocation:
    """Ask the OCSP responder first, then the revocation lists; the first answer counts."""
    result = Revocation(problem=_("No OCSP responder and no revocation list is configured."))
    if settings.NCA_OCSP_URL:
        result = ocsp_status(certificate, issuer, settings.NCA_OCSP_URL)
    if not result.checked and settings.NCA_CRL_URLS:
        result = crl_status(certificate, settings.NCA_CRL_URLS)
    return result


def require_trust_anchors() -> list[asn1_x509.Certificate]:
    anchors = trust_anchors()
    if not anchors:
        raise SigningUnavailable(_("The national certification authority's certificates are not installed."))
    return anchors
