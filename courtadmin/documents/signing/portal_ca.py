"""The portal's own certification authority and the PAdES signer that uses its certificates.

Private keys (the authority's and each signer's) are stored PKCS#8-encrypted with
SIGNING_KEY_PASSPHRASE, which comes from the environment (or, on a developer's machine, a
file in var/); never in the repository.
"""

import io
from datetime import UTC, datetime, timedelta

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from pyhanko.keys import load_private_key_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from courtadmin.audit.services import audit_record

from ..models import CertificateAuthority, SignerCertificate
from . import SignatureCheck, SigningUnavailable
from .timestamps import PORTAL_TSA_POLICY, TokenAuthority, timestamper

ORGANISATION = "Сот әкімшілігі / Судебная администрация"
# The room kept in the PDF for the CMS signature: an ECDSA P-256 signature with its
# certificate and the issuing authority's takes about 2 KB; 16 KB leaves room for RSA keys.
SIGNATURE_BYTES = 16_384


def _passphrase() -> bytes:
    return settings.SIGNING_KEY_PASSPHRASE.encode()


def _encrypted_pem(key) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(_passphrase()),
    ).decode()


def _load_key(pem: str):
    return serialization.load_pem_private_key(pem.encode(), password=_passphrase())


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _usage(*, sign_certificates: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not sign_certificates,
        content_commitment=not sign_certificates,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=sign_certificates,
        crl_sign=sign_certificates,
        encipher_only=False,
        decipher_only=False,
    )


def authority_create(*, name: str, years: int = 10) -> CertificateAuthority:
    """Create the portal's certification authority (a self-signed root, ECDSA P-256)."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    subject = _name(name)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_usage(sign_certificates=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    with transaction.atomic():
        authority = CertificateAuthority.objects.create(
            name=name,
            certificate_pem=certificate.public_bytes(serialization.Encoding.PEM).decode(),
            private_key_pem=_encrypted_pem(key),
        )
        audit_record(actor=None, action="signing.authority_created", object_repr=name)
    return authority


def current_authority() -> CertificateAuthority | None:
    return CertificateAuthority.objects.first()


def _end_entity(authority: CertificateAuthority, common_name: str, *, until=None, time_stamping=False):
    """A new key and its certificate from `authority`: for signing, or (`time_stamping`) for
    its TSA, whose extended key usage is time-stamping alone, as RFC 3161 requires."""
    ca_certificate = x509.load_pem_x509_certificate(authority.certificate_pem.encode())
    ca_key = _load_key(authority.private_key_pem)
    key = ec.generate_private_key(ec.SECP256R1())
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(ca_certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(datetime.now(UTC) - timedelta(minutes=5))
        .not_valid_after(until or ca_certificate.not_valid_after_utc)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(sign_certificates=False), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
    )
    if time_stamping:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
    return key, builder.sign(ca_key, hashes.SHA256())


def certificate_issue(*, user, common_name: str, days: int = 730) -> SignerCertificate:
    """Issue a signing certificate to `user` from the current authority."""
    authority = current_authority()
    if authority is None:
        raise SigningUnavailable(_("The portal's certification authority has not been created yet."))
    key, certificate = _end_entity(authority, common_name, until=datetime.now(UTC) + timedelta(days=days))
    with transaction.atomic():
        issued = SignerCertificate.objects.create(
            user=user,
            authority=authority,
            serial=format(certificate.serial_number, "x"),
            subject=common_name,
            certificate_pem=certificate.public_bytes(serialization.Encoding.PEM).decode(),
            private_key_pem=_encrypted_pem(key),
            not_before=certificate.not_valid_before_utc,
            not_after=certificate.not_valid_after_utc,
        )
        audit_record(actor=None, action="signing.certificate_issued", obj=user, after={"serial": issued.serial})
    return issued


def certificate_revoke(*, certificate: SignerCertificate, reason: str) -> None:
    with transaction.atomic():
        SignerCertificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
            revoked_at=datetime.now(UTC), revocation_reason=reason
        )
        audit_record(
            actor=None,
            action="signing.certificate_revoked",
            obj=certificate.user,
            after={"serial": certificate.serial, "reason": reason},
        )


def valid_certificate_of(user, at=None) -> SignerCertificate | None:
    at = at or datetime.now(UTC)
    return (
        SignerCertificate.objects.filter(user=user, revoked_at__isnull=True, not_before__lte=at, not_after__gt=at)
        .order_by("-not_before")
        .first()
    )


def _asn1(pem: str) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(
        x509.load_pem_x509_certificate(pem.encode()).public_bytes(serialization.Encoding.DER)
    )


def portal_roots() -> list[asn1_x509.Certificate]:
    return [_asn1(authority.certificate_pem) for authority in CertificateAuthority.objects.all()]


def portal_revocation_list() -> bytes:
    """The current authority's list of the certificates it revoked, signed now and good for a
    day: the revocation evidence a portal signature carries (PAdES B-LT)."""
    authority = current_authority()
    ca_certificate = x509.load_pem_x509_certificate(authority.certificate_pem.encode())
    now = datetime.now(UTC)
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_certificate.subject)
        .last_update(now - timedelta(minutes=5))
        .next_update(now + timedelta(days=1))
    )
    for serial, revoked_at in authority.issued.filter(revoked_at__isnull=False).values_list("serial", "revoked_at"):
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(int(serial, 16)).revocation_date(revoked_at).build()
        )
    return builder.sign(_load_key(authority.private_key_pem), hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def _token_certificate(authority: CertificateAuthority) -> tuple[str, str]:
    """The authority's time-stamping certificate (made once): its extended key usage is
    time-stamping alone, as RFC 3161 requires of a TSA."""
    if authority.tsa_certificate_pem:
        return authority.tsa_certificate_pem, authority.tsa_private_key_pem
    key, certificate = _end_entity(authority, f"{authority.name} TSA", time_stamping=True)
    pem = certificate.public_bytes(serialization.Encoding.PEM).decode()
    with transaction.atomic():
        updated = CertificateAuthority.objects.filter(pk=authority.pk, tsa_certificate_pem="").update(
            tsa_certificate_pem=pem, tsa_private_key_pem=_encrypted_pem(key)
        )
        if updated:
            audit_record(actor=None, action="signing.tsa_certificate_issued", object_repr=authority.name)
    authority.refresh_from_db(fields=["tsa_certificate_pem", "tsa_private_key_pem"])
    return authority.tsa_certificate_pem, authority.tsa_private_key_pem


def portal_token_authority() -> TokenAuthority:
    authority = current_authority()
    if authority is None:
        raise SigningUnavailable(_("The portal's certification authority has not been created yet."))
    certificate_pem, key_pem = _token_certificate(authority)
    return TokenAuthority(
        certificate=_asn1(certificate_pem),
        key=load_private_key_from_pemder_data(key_pem.encode(), passphrase=_passphrase()),
        chain=[_asn1(authority.certificate_pem)],
        policy=PORTAL_TSA_POLICY,
    )


def portal_validation_context() -> ValidationContext:
    """What a portal signature's validation needs, all of it embeddable: the roots and the
    authority's current revocation list."""
    return ValidationContext(
        trust_roots=portal_roots(),
        crls=[portal_revocation_list()],
        allow_fetching=False,
        revocation_mode="require",
    )


class PortalCABackend:
    name = "portal_ca"

    def check_can_sign(self, user) -> None:
        if valid_certificate_of(user) is None:
            raise SigningUnavailable(
                _("You have no valid signing certificate. The system administrator issues one (manage.py ca_issue).")
            )

    def sign_pdf(self, pdf: bytes, *, user, reason: str, location: str):
        issued = valid_certificate_of(user)
        if issued is None:
            raise SigningUnavailable(_("The signer has no valid signing certificate."))
        signer = signers.SimpleSigner(
            signing_cert=_asn1(issued.certificate_pem),
            signing_key=load_private_key_from_pemder_data(issued.private_key_pem.encode(), passphrase=_passphrase()),
            cert_registry=SimpleCertificateStore.from_certs([_asn1(issued.authority.certificate_pem)]),
        )
        # PAdES B-LT: a time-stamp on the signature, and the authority's revocation list in the
        # document security store, so the signature is verifiable without the portal.
        metadata = signers.PdfSignatureMetadata(
            field_name="Signature",
            subfilter=SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            reason=reason,
            location=location,
            embed_validation_info=True,
            validation_context=portal_validation_context(),
        )
        # A fixed room for the signature: without it pyHanko signs once more only to measure it.
        signed = signers.sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(pdf)),
            metadata,
            signer=signer,
            timestamper=timestamper(),
            bytes_reserved=SIGNATURE_BYTES,
        )
        return signed.getvalue(), issued

    def check_pdf(self, pdf: bytes) -> SignatureCheck:
        from .verify import check_pdf

        check = check_pdf(pdf)
        record = SignerCertificate.objects.filter(serial=check.certificate_serial).first() if check.signed else None
        if record is not None and record.revoked_at is not None:
            check.revoked_at, check.revocation = record.revoked_at, "revoked"
        return check
