"""Signatures with the signer's own national EDS (IR 13, ISD 15; docs/signatures.md): the
CMS NCALayer makes is checked, time-stamped and embedded as PAdES B-LT, and refused when
its certificate is revoked, names another IIN, or signs another digest."""

import base64
import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore

from courtadmin.audit.models import AuditEvent
from courtadmin.documents import services
from courtadmin.documents.models import Document, Signature, SigningSession
from courtadmin.documents.signing.pki import trust_anchors
from courtadmin.documents.signing.verify import check_pdf
from courtadmin.org.models import Person
from tests.conftest import DEMO_TEST_PASSWORD, iin
from tests.documents.conftest import approved, second_factor_code
from tests.documents.national_ca import NationalTestCA

HEAD_IIN = iin("75010140001")
OTHER_IIN = iin("80020250002")


@pytest.fixture
def national(signing, settings, tmp_path):
    ca = NationalTestCA()
    ca.install(settings, tmp_path)
    Person.objects.filter(pk=signing["ir_head"].pk).update(iin=HEAD_IIN)
    yield ca
    ca.close()


def prepare(people, document):
    head = people["ir_head"].user
    return services.document_sign_prepare(
        document=document, actor=head, password=DEMO_TEST_PASSWORD, code=second_factor_code(head)
    )


def sign_with(people, document, holder, *, digest=None):
    session = prepare(people, document)
    cms = holder.cms_over(digest or bytes(session.digest))
    return services.document_sign_national(document=document, actor=people["ir_head"].user, cms_der=cms)


def offline_status(data: bytes):
    reader = PdfFileReader(io.BytesIO(data))
    context = DocumentSecurityStore.read_dss(reader).as_validation_context(
        {"trust_roots": trust_anchors(), "allow_fetching": False, "revocation_mode": "require"}
    )
    return validate_pdf_signature(reader.embedded_signatures[0], context)


def test_a_cms_from_the_signers_own_key_makes_a_pades_b_lt_pdf_ir_13(signing, national):
    document = approved(signing["ir_officer"].user)
    holder = national.holder(iin=HEAD_IIN)
    signed = sign_with(signing, document, holder)
    document.refresh_from_db()
    assert document.status == Document.Status.SIGNED and document.pdf_status == Document.PdfStatus.READY
    data = document.pdf_file.read()
    # The whole file verifies from what it carries, with revocation required and nothing
    # fetched (the responder is closed first), time-stamp included: PAdES B-LT.
    national.close()
    status = offline_status(data)
    assert status.bottom_line and status.trusted
    assert status.modification_level == ModificationLevel.LTA_UPDATES
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    assert status.signing_cert.serial_number == holder.certificate.serial_number
    signature = Signature.objects.get(document=signed)
    assert (signature.backend, signature.iin, signature.revocation_status) == ("national", HEAD_IIN, "good")
    assert signature.verified_by == "portal" and signature.certificate is None
    # The PDF prints the number it was registered under, and the session is gone.
    assert document.registration_number.encode() in data or document.number == 1
    assert not SigningSession.objects.exists()


@pytest.mark.parametrize(
    ("case", "code"),
    [("revoked", "revoked"), ("other_iin", "other_iin"), ("other_digest", "other_digest")],
)
def test_a_cms_the_rules_refuse_leaves_the_document_unsigned_ir_13(signing, national, case, code):
    document = approved(signing["ir_officer"].user)
    holder = national.holder(iin=OTHER_IIN if case == "other_iin" else HEAD_IIN)
    if case == "revoked":
        national.revoke(holder)
    digest = b"\x01" * 32 if case == "other_digest" else None
    with pytest.raises(Exception) as refusal:  # noqa: PT011 - the code is checked below
        sign_with(signing, document, holder, digest=digest)
    assert getattr(refusal.value, "code", None) == code
    document.refresh_from_db()
    assert document.status == Document.Status.APPROVED and document.number is None
    assert AuditEvent.objects.filter(action="document.national_signature_refused", after__check=code).exists()


def test_a_number_taken_meanwhile_asks_to_sign_again_and_takes_none(signing, national):
    first = approved(signing["ir_officer"].user)
    second = approved(signing["ir_officer"].user)
    holder = national.holder(iin=HEAD_IIN)
    session = prepare(signing, first)
    sign_with(signing, second, holder)  # takes the number the first was prepared with
    with pytest.raises(Exception) as refusal:  # noqa: PT011
        services.document_sign_national(
            document=first, actor=signing["ir_head"].user, cms_der=holder.cms_over(bytes(session.digest))
        )
    assert refusal.value.code == "number_taken"
    first.refresh_from_db()
    assert first.status == Document.Status.APPROVED


def test_no_iin_on_record_no_national_signature(signing, national):
    Person.objects.filter(pk=signing["ir_head"].pk).update(iin="")
    document = approved(signing["ir_officer"].user)
    with pytest.raises(Exception) as refusal:  # noqa: PT011
        prepare(signing, document)
    assert refusal.value.code == "no_iin"
    assert not SigningSession.objects.exists()


def test_a_wrong_password_prepares_nothing(signing, national):
    document = approved(signing["ir_officer"].user)
    with pytest.raises(Exception):  # noqa: B017, PT011
        services.document_sign_prepare(document=document, actor=signing["ir_head"].user, password="wrong", code="")
    assert not SigningSession.objects.exists()


def test_a_gost_signature_is_verified_by_the_ncanode_service_and_says_so(signing, national):
    """docs/signatures.md: no maintained Python library verifies GOST 34.310; the configured
    NCANode service does, with the CMS and the prepared digest, and the signature keeps who
    verified it. The chain, the IIN and the revocation are still the portal's own checks."""
    document = approved(signing["ir_officer"].user)
    holder = national.gost_holder(iin=HEAD_IIN)
    session = prepare(signing, document)
    services.document_sign_national(
        document=document, actor=signing["ir_head"].user, cms_der=holder.cms_over(bytes(session.digest))
    )
    signature = Signature.objects.get(document=document)
    assert (signature.verified_by, signature.iin, signature.revocation_status) == ("ncanode", HEAD_IIN, "good")
    (asked,) = national.ncanode_requests
    assert base64.b64decode(asked["data"]) == bytes(session.digest)
    # /verify/ asks the service again, and checks the rest from what the file carries.
    document.refresh_from_db()
    check = check_pdf(document.pdf_file.read())
    assert check.good and check.long_term and check.timestamp_trusted
    assert (check.verified_by, check.iin, check.revocation) == ("ncanode", HEAD_IIN, "good")
    national.ncanode_says_valid = False
    document.pdf_file.seek(0)
    assert not check_pdf(document.pdf_file.read()).good


@pytest.mark.parametrize(("case", "code"), [("invalid", "invalid"), ("unconfigured", "gost_unverifiable")])
def test_a_gost_signature_the_service_refuses_or_cannot_check_is_not_taken(signing, national, settings, case, code):
    document = approved(signing["ir_officer"].user)
    if case == "invalid":
        national.ncanode_says_valid = False
    else:
        settings.NCANODE_URL = ""
    holder = national.gost_holder(iin=HEAD_IIN)
    with pytest.raises(Exception) as refusal:  # noqa: PT011 - the code is checked below
        sign_with(signing, document, holder)
    assert refusal.value.code == code
    document.refresh_from_db()
    assert document.status == Document.Status.APPROVED


@pytest.mark.parametrize(("mode", "signed"), [("refuse", False), ("mark", True)])
def test_when_revocation_cannot_be_learnt_the_setting_refuses_or_marks(signing, national, settings, mode, signed):
    """NCA_REVOCATION_UNAVAILABLE: with the responder unreachable, "refuse" leaves the document
    unsigned; "mark" signs it and keeps "revocation not checked" on the signature."""
    national.close()  # nobody answers OCSP (nor the time-stamp: the portal's own TSA stands in)
    settings.NCA_REVOCATION_UNAVAILABLE = mode
    settings.TSA_URL = ""
    document = approved(signing["ir_officer"].user)
    holder = national.holder(iin=HEAD_IIN)
    if not signed:
        with pytest.raises(Exception) as refusal:  # noqa: PT011
            sign_with(signing, document, holder)
        assert refusal.value.code == "revocation_unknown"
        assert not Signature.objects.filter(document=document).exists()
        return
    sign_with(signing, document, holder)
    signature = Signature.objects.get(document=document)
    assert signature.revocation_status == "unknown"
