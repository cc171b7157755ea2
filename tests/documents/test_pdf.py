"""The signed PDF and its verification (issue 4.4, 4.5, 4.8): rendered with the bundled fonts,
PAdES-signed with the portal's certificate, checked by pyHanko's own validator; /verify/
reports a flipped byte as altered; the task retries and never acts twice."""

import io
import subprocess

import pytest
from celery.exceptions import Retry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from courtadmin.audit.models import AuditEvent
from courtadmin.documents import pdf as pdf_module
from courtadmin.documents import services
from courtadmin.documents.models import CertificateAuthority, Document, Signature
from courtadmin.documents.signing.portal_ca import _asn1
from courtadmin.documents.tasks import MAX_RETRIES, produce_document_pdf
from tests.conftest import DEMO_TEST_PASSWORD, required_tool
from tests.documents.conftest import approved, second_factor_code


@pytest.fixture
def signed(signing):
    document = approved(signing["ir_officer"].user, subject="Семинар туралы хат / Письмо о семинаре")
    head = signing["ir_head"].user
    services.document_sign(document=document, actor=head, password=DEMO_TEST_PASSWORD, code=second_factor_code(head))
    return document


def produced(document) -> bytes:
    services.document_pdf_produce(document_id=document.pk)
    document.refresh_from_db()
    assert document.pdf_status == Document.PdfStatus.READY
    with document.pdf_file.open("rb") as stored:
        return stored.read()


def test_pyhanko_finds_the_signature_intact_valid_and_covering_the_whole_file(signed):
    data = produced(signed)
    signature = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    roots = [_asn1(authority.certificate_pem) for authority in CertificateAuthority.objects.all()]
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=roots, allow_fetching=False))
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"
    assert status.signing_cert.subject.native["common_name"] == signed.signature.signer_name_kk
    assert Signature.objects.get(document=signed).certificate.user == signed.signature.signer


def test_the_kazakh_letters_are_in_the_text_layer(signed):
    pdftotext = required_tool("pdftotext")
    data = produced(signed)
    text = subprocess.run([pdftotext, "-", "-"], input=data, capture_output=True, check=True).stdout.decode()  # noqa: S603
    for letter in "әғқңөұүһі":
        assert letter in text, letter
    assert signed.registration_number in text
    assert "Әғқңөұүһі" in text or "әғқңөұүһі" in text


def test_the_stored_hash_is_the_files_and_a_second_run_changes_nothing(signed):
    import hashlib

    data = produced(signed)
    assert hashlib.sha256(data).hexdigest() == signed.pdf_sha256
    name = signed.pdf_file.name
    services.document_pdf_produce(document_id=signed.pk)
    signed.refresh_from_db()
    assert signed.pdf_file.name == name
    assert AuditEvent.objects.filter(action="document.pdf_signed", object_id=str(signed.pk)).count() == 1


def test_a_forged_signer_gets_no_pdf(signed, people):
    """Any path that records a signer without the power (here: the database itself) is
    caught by the task, which re-asks the authority module."""
    Signature.objects.filter(document=signed).update(person=people["ir_officer"], signer=people["ir_officer"].user)
    services.document_pdf_produce(document_id=signed.pk)
    signed.refresh_from_db()
    assert signed.pdf_status == Document.PdfStatus.FAILED
    assert not signed.pdf_file


def test_a_failing_render_is_retried_then_reported_never_lost(signed, monkeypatch):
    calls = []

    def broken(document):
        calls.append(document.pk)
        raise OSError("fonts unavailable")

    monkeypatch.setattr(pdf_module, "render_document_pdf", broken)
    # An early attempt fails: the task asks to be retried, the document still waits.
    with pytest.raises(Retry):
        produce_document_pdf.apply(args=[signed.pk], retries=0, throw=True)
    signed.refresh_from_db()
    assert signed.pdf_status == Document.PdfStatus.PENDING
    # The last attempt fails: the document says so, with the error, and waits for a retry.
    produce_document_pdf.apply(args=[signed.pk], retries=MAX_RETRIES, throw=True)
    signed.refresh_from_db()
    assert len(calls) == 2
    assert signed.pdf_status == Document.PdfStatus.FAILED
    assert "fonts unavailable" in signed.pdf_error

    monkeypatch.undo()
    services.document_pdf_retry(actor=signed.author, document=signed)
    signed.refresh_from_db()
    assert signed.pdf_status == Document.PdfStatus.PENDING
    produce_document_pdf.apply(args=[signed.pk])
    signed.refresh_from_db()
    assert signed.pdf_status == Document.PdfStatus.READY


def test_the_pdf_task_is_queued_on_commit_on_its_own_queue(signing, django_capture_on_commit_callbacks, settings):
    from unittest import mock

    document = approved(signing["ir_officer"].user)
    head = signing["ir_head"].user
    with (
        mock.patch.object(produce_document_pdf, "delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.document_sign(
            document=document, actor=head, password=DEMO_TEST_PASSWORD, code=second_factor_code(head)
        )
    delay.assert_called_once_with(document.pk)
    assert settings.CELERY_TASK_ROUTES["courtadmin.documents.tasks.*"] == {"queue": "documents"}


def upload_to_verify(client, data, name="letter.pdf"):
    return client.post(reverse("verify:check"), {"file": SimpleUploadedFile(name, data)})


def test_verify_tells_anyone_who_signed_and_the_journal_number(client, signed):
    data = produced(signed)
    response = upload_to_verify(client, data)  # not signed in
    assert response.status_code == 200
    assert response.context["result"].good
    assert response.context["record"] == signed
    page = response.content.decode()
    assert signed.registration_number in page
    assert signed.signature.capacity_kk in page


def test_verify_reports_one_flipped_byte_as_altered(client, signed):
    data = bytearray(produced(signed))
    data[len(data) // 3] ^= 0x01
    response = upload_to_verify(client, bytes(data))
    result = response.context["result"]
    assert result.altered and not result.good
    assert response.context["record"] is None
    assert 'id="verify-result"' in response.content.decode()


def test_verify_refuses_what_is_not_a_pdf_beside_the_field(client, db):
    response = upload_to_verify(client, b"MZ\x90\x00" + b"\x00" * 100, name="letter.pdf")
    assert response.context["form"].errors["file"]
    assert response.context["result"] is None


def test_an_unsigned_pdf_is_said_to_carry_no_signature(client, db):
    from weasyprint import HTML

    response = upload_to_verify(client, HTML(string="<p>Жай құжат</p>").write_pdf())
    result = response.context["result"]
    assert not result.signed and not result.good


def test_the_qr_page_shows_the_facts_and_never_the_content(client, signed):
    response = client.get(reverse("verify:token", args=[signed.verification_token]))
    page = response.content.decode()
    assert response.status_code == 200
    assert signed.registration_number in page and signed.signature.signer_name_kk in page
    assert signed.subject not in page
    assert "Құрметті әріптестер" not in page
    assert client.get(reverse("verify:token", args=["not-a-token"])).status_code == 404
