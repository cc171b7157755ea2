"""The signed PDF and its verification (issue 4.4, 4.5, 4.8): rendered with the bundled fonts,
PAdES-signed with the portal's certificate, checked by pyHanko's own validator; /verify/
reports a flipped byte as altered; the task retries and never acts twice."""

import io
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

from courtadmin.audit.models import AuditEvent
from courtadmin.core import jobs
from courtadmin.core.models import Job
from courtadmin.documents import pdf as pdf_module
from courtadmin.documents import services
from courtadmin.documents.models import CertificateAuthority, Document, Signature
from courtadmin.documents.signing.portal_ca import _asn1
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


def test_pyhanko_finds_a_pades_b_lt_signature_verifiable_from_the_file_alone(signed):
    """A portal signature carries its time-stamp and the authority's revocation list: pyHanko
    validates it with revocation required and nothing fetched (PAdES B-LT)."""
    data = produced(signed)
    reader = PdfFileReader(io.BytesIO(data))
    signature = reader.embedded_signatures[0]
    roots = [_asn1(authority.certificate_pem) for authority in CertificateAuthority.objects.all()]
    offline = {"trust_roots": roots, "allow_fetching": False, "revocation_mode": "require"}
    status = validate_pdf_signature(signature, DocumentSecurityStore.read_dss(reader).as_validation_context(offline))
    assert status.bottom_line and status.intact and status.valid and status.trusted
    # Signed whole; the one revision after it holds only the validation material.
    assert status.coverage.name == "ENTIRE_REVISION"
    assert status.modification_level == ModificationLevel.LTA_UPDATES
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    # Without the store the same signature cannot be validated with revocation required.
    bare = validate_pdf_signature(signature, ValidationContext(**offline, crls=[], ocsps=[]))
    assert not bare.bottom_line
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
    """The PDF is a promised job (core.jobs): an early failure leaves it waiting with its
    error and a later attempt due; the last one marks the document failed; a retry makes it."""
    calls = []

    def broken(document):
        calls.append(document.pk)
        raise OSError("fonts unavailable")

    monkeypatch.setattr(pdf_module, "render_document_pdf", broken)
    job = Job.objects.get(kind=services.PDF_JOB, key=str(signed.pk))
    Job.objects.filter(pk=job.pk).update(state=Job.State.PENDING, attempts=0, run_after=timezone.now())
    assert jobs.job_run(job.pk) == "retry"
    signed.refresh_from_db()
    job.refresh_from_db()
    assert signed.pdf_status == Document.PdfStatus.PENDING
    assert "fonts unavailable" in job.last_error and job.run_after > timezone.now()
    # The last attempt fails: the document says so, with the error, and waits for a retry.
    Job.objects.filter(pk=job.pk).update(attempts=jobs.MAX_ATTEMPTS - 1, run_after=timezone.now())
    assert jobs.job_run(job.pk) == "failed"
    signed.refresh_from_db()
    assert len(calls) == 2
    assert signed.pdf_status == Document.PdfStatus.FAILED
    assert "fonts unavailable" in signed.pdf_error

    monkeypatch.undo()
    services.document_pdf_retry(actor=signed.author, document=signed)
    signed.refresh_from_db()
    assert signed.pdf_status == Document.PdfStatus.PENDING
    assert jobs.job_run(job.pk) == "done"
    signed.refresh_from_db()
    assert signed.pdf_status == Document.PdfStatus.READY


def test_the_pdf_is_a_job_promised_with_the_signature_on_its_own_queue(signing, django_capture_on_commit_callbacks):
    """The job is a row of the signature's transaction, handed to the "documents" queue once
    it commits (a burst of PDFs never delays reminders)."""
    from unittest import mock

    from courtadmin.core.tasks import run_job

    document = approved(signing["ir_officer"].user)
    head = signing["ir_head"].user
    with (
        mock.patch.object(run_job, "apply_async") as handed,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.document_sign(
            document=document, actor=head, password=DEMO_TEST_PASSWORD, code=second_factor_code(head)
        )
    job = Job.objects.get(kind=services.PDF_JOB, key=str(document.pk))
    assert job.state == Job.State.PENDING and job.queue == "documents"
    handed.assert_any_call(args=[job.pk], queue="documents", retry=False)  # beside the move's news


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


def test_a_pdf_that_waits_for_the_workers_says_so_and_that_nothing_is_lost(client, signed, signing, time_machine):
    """The reliability issue: GIVEN a signature whose PDF job waits (the broker or the workers
    down) THEN for the first seconds the page says only that the PDF is being prepared; past
    the relay's grace it says the service is not answering and that nothing is lost, and polls
    less often; once the PDF is made the banner is gone."""
    from datetime import timedelta

    from tests.conftest import mark_second_factor_given

    client.force_login(signing["ir_head"].user)
    mark_second_factor_given(client)
    detail = reverse("documents:document-detail", args=[signed.pk])
    status = reverse("documents:document-pdf-status", args=[signed.pk])
    assert 'id="pdf-delayed"' not in client.get(detail).content.decode()

    time_machine.shift(jobs.RELAY_GRACE + timedelta(seconds=1))
    for page in (client.get(detail), client.get(status)):
        html = page.content.decode()
        assert 'id="pdf-delayed"' in html and "every 15s" in html

    jobs.job_run(Job.objects.get(kind=services.PDF_JOB, key=str(signed.pk)).pk)
    html = client.get(detail).content.decode()
    assert 'id="pdf-delayed"' not in html and 'id="pdf-download"' in html


def test_a_pdf_declares_the_language_of_its_body_and_signs_in_it(signing):
    """The working-day issue, item 8: a document written in Russian alone is a Russian PDF
    (its /Lang), signed under the signer's Russian name and title; a bilingual one is
    Kazakh first."""
    head = signing["ir_head"].user
    russian = approved(
        signing["ir_officer"].user, subject="Ответ заявителю", language="ru", texts={"ru": "Сообщаем, что ..."}
    )
    services.document_sign(document=russian, actor=head, password=DEMO_TEST_PASSWORD, code=second_factor_code(head))
    reader = PdfFileReader(io.BytesIO(produced(russian)))
    assert str(reader.root["/Lang"]) == "ru"
    text = subprocess.run(  # noqa: S603
        [required_tool("pdftotext"), "-", "-"], input=produced(russian), capture_output=True, check=True
    ).stdout.decode()
    russian.signature.refresh_from_db()
    assert russian.signature.signer_name_ru in text and russian.signature.signer_name_kk not in text


def test_a_bilingual_pdf_is_kazakh_first(signed):
    reader = PdfFileReader(io.BytesIO(produced(signed)))
    assert str(reader.root["/Lang"]) == "kk"
