"""The life of a document (issue 4.2, 4.3, 4.6, 4.7): draft, visas, return, sign under
IR 13 / ISD 15, registration, sending, cancellation; every forbidden move refused."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from courtadmin.accounts.models import User
from courtadmin.audit.models import AuditEvent
from courtadmin.core.models import Job
from courtadmin.core.workflow import NEWS_JOB
from courtadmin.documents import services
from courtadmin.documents.models import PDF_JOB, Document, Signature
from courtadmin.documents.workflow import SigningConfirmation, document_move
from courtadmin.org.models import Absence, ActingAppointment
from tests.conftest import DEMO_TEST_PASSWORD, refusal_codes
from tests.documents.conftest import RECOVERY_CODES, approved, draft, second_factor_code

S = Document.Status


def sign(document, username, people, password=DEMO_TEST_PASSWORD):
    user = people[username].user if username in people else User.objects.get(username=username)
    code = second_factor_code(user) if user.pk in RECOVERY_CODES else ""
    return services.document_sign(document=document, actor=user, password=password, code=code)


def test_ir_letter_passes_parallel_visas_and_is_signed_by_the_head_ir_13(signing, django_capture_on_commit_callbacks):
    people = signing
    officer = people["ir_officer"].user
    document = draft(officer, route=[[people["ir_deputy_legal"], people["ir_deputy_protocol"]]])
    services.document_act(document=document, move="submit", actor=officer)
    assert document.status == S.ON_APPROVAL

    services.document_act(document=document, move="approve", actor=people["ir_deputy_legal"].user)
    assert document.status == S.ON_APPROVAL  # the parallel visa is still awaited
    services.document_act(document=document, move="approve", actor=people["ir_deputy_protocol"].user)
    assert document.status == S.APPROVED

    with django_capture_on_commit_callbacks() as queued:
        sign(document, "ir_head", people)
    assert document.status == S.SIGNED
    assert (document.year, document.number) == (timezone.localdate().year, 1)
    assert document.registration_number == f"IR-1/{document.year}"
    assert document.signature.capacity == "head"
    assert document.signature.clause == "IR 13"
    assert document.pdf_status == Document.PdfStatus.PENDING
    # Handed on after the commit: the PDF's job and the move's news (to the author).
    assert len(queued) == 2
    assert set(Job.objects.values_list("kind", flat=True)) >= {PDF_JOB, NEWS_JOB}

    services.document_act(
        document=document, move="send", actor=officer, sent_on=timezone.localdate(), sent_note="e-mail"
    )
    assert document.status == S.SENT
    moves = AuditEvent.objects.filter(object_id=str(document.pk), object_type="documents.document")
    moves = moves.filter(action__in=["document.submit", "document.approve", "document.sign", "document.send"])
    assert list(moves.order_by("id").values_list("action", flat=True)) == [
        "document.submit",
        "document.approve",
        "document.approve",
        "document.sign",
        "document.send",
    ]


def test_isd_answer_returned_with_a_comment_then_signed_by_the_isd_head_isd_15(signing):
    people = signing
    officer = people["isd_officer"].user
    document = draft(officer, kind="isd.complainant_answer", route=[[people["isd_deputy"]]])
    services.document_act(document=document, move="submit", actor=officer)

    refused = refusal_codes(services.document_act, document=document, move="return", actor=people["isd_deputy"].user)
    assert refused == {"comment_required"}
    services.document_act(document=document, move="return", actor=people["isd_deputy"].user, comment="Уточнить факты")
    assert document.status == S.DRAFT
    assert document.round == 2
    assert document.steps.get(round=1).comment == "Уточнить факты"

    services.document_act(document=document, move="submit", actor=officer)
    services.document_act(document=document, move="approve", actor=people["isd_deputy"].user)
    sign(document, "isd_head", people)
    assert document.registration_number == f"ISD-1/{document.year}"
    assert document.signature.clause == "ISD 15"


def test_numbers_run_per_department_and_year(signing):
    people = signing
    first = approved(people["ir_officer"].user)
    second = approved(people["ir_officer"].user)
    isd = approved(people["isd_officer"].user, kind="isd.memo_to_subdivision")
    for document, signer in [(first, "ir_head"), (isd, "isd_head"), (second, "ir_head")]:
        sign(document, signer, people)
    assert [first.number, second.number, isd.number] == [1, 2, 1]


@pytest.mark.parametrize(
    ("state", "move", "username"),
    [
        ("draft", "approve", "ir_deputy_legal"),
        ("draft", "send", "ir_officer"),
        ("approved", "submit", "ir_officer"),
        ("approved", "approve", "ir_deputy_legal"),
        ("signed", "cancel", "ir_officer"),
        ("signed", "return", "ir_head"),
    ],
)
def test_forbidden_moves_are_refused_and_change_nothing(signing, state, move, username):
    people = signing
    document = draft(people["ir_officer"].user) if state == "draft" else approved(people["ir_officer"].user)
    if state == "signed":
        sign(document, "ir_head", people)
    before = document.status
    refused = refusal_codes(
        services.document_act, document=document, move=move, actor=people[username].user, comment="x"
    )
    assert refused == {"forbidden_move"}
    document.refresh_from_db()
    assert document.status == before


@pytest.mark.parametrize(
    "username", ["ir_officer", "ir_deputy_protocol", "isd_head", "chairman", "ca_head", "sysadmin"]
)
def test_only_the_ir_13_signers_sign_an_ir_letter(signing, username):
    """Even with a certificate and a second factor (isd_head, ca_head, ir_deputy_protocol)."""
    document = approved(signing["ir_officer"].user)
    with pytest.raises(ValidationError):
        sign(document, username, signing)
    document.refresh_from_db()
    assert document.status == S.APPROVED
    assert not Signature.objects.exists()


def test_the_legal_assistance_deputy_signs_a_rogatory_cover_letter_not_an_ordinary_letter(signing):
    people = signing
    cover = approved(people["ir_officer"].user, kind="ir.rogatory_cover_letter")
    letter = approved(people["ir_officer"].user)
    sign(cover, "ir_deputy_legal", people)
    assert cover.signature.capacity == "la_deputy"
    with pytest.raises(ValidationError):
        sign(letter, "ir_deputy_legal", people)


def _acting(people, start, end):
    head, deputy = people["isd_head"], people["isd_deputy"]
    Absence.objects.create(person=head, kind=Absence.Kind.LEAVE, start=start, end=end)
    ActingAppointment.objects.create(
        replaced=head, acting=deputy, start=start, end=end, order_number="7-ж", order_date=start
    )


def test_the_acting_deputy_signs_during_his_appointment_isd_15(signing):
    people = signing
    today = timezone.localdate()
    _acting(people, today - timedelta(days=3), today)
    document = approved(people["isd_officer"].user, kind="isd.memo_to_subdivision")
    sign(document, "isd_deputy", people)
    assert document.signature.capacity == "acting_head"
    assert "7-ж" in document.signature.capacity_ru


def test_the_acting_deputy_cannot_sign_a_day_after_it_ends_isd_15(signing):
    people = signing
    today = timezone.localdate()
    _acting(people, today - timedelta(days=3), today - timedelta(days=1))
    document = approved(people["isd_officer"].user, kind="isd.memo_to_subdivision")
    with pytest.raises(ValidationError):
        sign(document, "isd_deputy", people)


def test_the_head_on_leave_cannot_sign_while_replaced(signing):
    people = signing
    today = timezone.localdate()
    _acting(people, today, today + timedelta(days=5))
    document = approved(people["isd_officer"].user, kind="isd.memo_to_subdivision")
    with pytest.raises(ValidationError):
        sign(document, "isd_head", people)


def test_a_wrong_password_signs_nothing(signing):
    document = approved(signing["ir_officer"].user)
    head = signing["ir_head"].user
    refused = refusal_codes(
        services.document_sign, document=document, actor=head, password="wrong", code=second_factor_code(head)
    )
    assert refused == {"wrong_password"}
    document.refresh_from_db()
    assert document.status == S.APPROVED and document.number is None


def test_a_signature_attempted_twice_is_refused(signing):
    document = approved(signing["ir_officer"].user)
    sign(document, "ir_head", signing)
    head = signing["ir_head"].user
    again = refusal_codes(
        services.document_sign,
        document=document,
        actor=head,
        password=DEMO_TEST_PASSWORD,
        code=second_factor_code(head),
    )
    assert again == {"forbidden_move"}
    assert Signature.objects.count() == 1


def test_the_sign_move_demands_a_fresh_confirmation_of_the_signer_himself(signing):
    document = approved(signing["ir_officer"].user)
    head = signing["ir_head"].user
    for confirmation in [
        None,
        SigningConfirmation(user_id=signing["ir_deputy_legal"].user.pk, at=timezone.now()),
        SigningConfirmation(user_id=head.pk, at=timezone.now() - timedelta(minutes=10)),
    ]:
        refused = refusal_codes(document_move, document=document, move="sign", actor=head, confirmation=confirmation)
        assert refused == {"unconfirmed"}


def test_a_signer_without_a_certificate_is_told_so(signing):
    from courtadmin.documents.models import SignerCertificate

    SignerCertificate.objects.filter(user=signing["ir_head"].user).update(revoked_at=timezone.now())
    document = approved(signing["ir_officer"].user)
    refused = refusal_codes(
        services.document_sign, document=document, actor=signing["ir_head"].user, password=DEMO_TEST_PASSWORD
    )
    assert refused == {"no_certificate"}


def test_an_empty_required_language_version_is_refused_beside_its_field(people):
    officer = people["ir_officer"].user
    document = Document(kind="ir.outgoing_letter", subject="Хат", addressee="X", author=officer)
    with pytest.raises(ValidationError) as refused:
        services.document_save(actor=officer, document=document, texts={"kk": "  ", "ru": "Текст"})
    assert set(refused.value.error_dict) == {"text_kk"}
    assert not Document.objects.exists()


def test_a_language_the_kind_does_not_carry_is_refused(people):
    officer = people["isd_officer"].user
    document = Document(kind="isd.memo_to_subdivision", subject="Хат", addressee="X", author=officer)
    with pytest.raises(ValidationError) as refused:
        services.document_save(actor=officer, document=document, texts={"kk": "а", "ru": "б", "en": "c"})
    assert set(refused.value.error_dict) == {"text_en"}


def test_a_signed_document_never_changes_and_a_correction_refers_to_it(signing):
    document = approved(signing["ir_officer"].user)
    sign(document, "ir_head", signing)
    with pytest.raises(ValidationError):
        services.document_save(actor=signing["ir_officer"].user, document=document, texts={"kk": "жаңа", "ru": "новый"})
    correction = services.document_correction_start(actor=signing["ir_officer"].user, original=document)
    assert correction.corrects == document
    assert correction.status == S.DRAFT
    assert correction.pk != document.pk


def test_cancelling_a_draft_on_approval(signing):
    people = signing
    officer = people["ir_officer"].user
    document = draft(officer, route=[[people["ir_deputy_legal"]]])
    services.document_act(document=document, move="submit", actor=officer)
    services.document_act(document=document, move="cancel", actor=officer)
    assert document.status == S.CANCELLED
    assert document.steps.get().decision == "skipped"


def test_signing_needs_the_second_factor_of_the_signer(signing):
    """Issue 3.1 and 4.3: the password alone does not sign for a signer with a factor."""
    document = approved(signing["ir_officer"].user)
    head = signing["ir_head"].user
    assert refusal_codes(services.document_sign, document=document, actor=head, password=DEMO_TEST_PASSWORD) == {
        "wrong"
    }
    assert refusal_codes(
        services.document_sign, document=document, actor=head, password=DEMO_TEST_PASSWORD, code="123456"
    ) == {"wrong"}
    document.refresh_from_db()
    assert document.status == S.APPROVED


def test_a_signer_whose_role_requires_a_factor_must_enrol_before_signing(people):
    from courtadmin.documents.demo import load_demo_signing

    load_demo_signing(people)
    document = approved(people["ir_officer"].user)
    head = people["ir_head"].user
    refused = refusal_codes(services.document_sign, document=document, actor=head, password=DEMO_TEST_PASSWORD)
    assert refused == {"second_factor_missing"}


def test_ISD_7_an_isd_document_is_routed_only_to_those_the_isd_opens_to(people, client_for):
    """The security issue: an ISD document could be routed to a visa of someone outside ISD 7
    (the IR head, a deputy head of the Court Administration), where it stuck forever."""
    from django.urls import reverse

    officer = people["isd_officer"].user
    document = draft(officer, kind="isd.memo_to_subdivision")
    for outsider in ("ir_head", "ca_deputy"):
        assert refusal_codes(services.route_set, actor=officer, document=document, groups=[[people[outsider]]]) == {
            "approver_outside"
        }
    services.route_set(actor=officer, document=document, groups=[[people["isd_deputy"]], [people["chairman"]]])
    page = client_for("isd_officer").get(reverse("documents:document-route", args=[document.pk]))
    offered = {person.user.username for person in page.context["form"]["approver_1"].field.queryset}
    assert {"isd_deputy", "isd_head", "chairman", "ca_head"} <= offered
    assert not offered & {"ir_head", "ca_deputy", "ir_officer", "hr_keeper"}


def test_another_subdivision_visas_an_ir_document_and_reads_nothing_else_of_the_ir(people, client_for):
    """Issue 20, item 5: the IR may bring the Legal Department into a document's route; its
    lawyer sees that document in his work, opens it and gives his visa, and every other IR
    document answers him 404. An ISD document is never routed outside the ISD (ISD 7)."""
    from django.urls import reverse

    officer, lawyer = people["ir_officer"].user, people["legal_officer"]
    document = draft(officer, route=[[lawyer]])
    other = draft(officer, subject="Не для юриста")
    page = client_for("ir_officer").get(reverse("documents:document-route", args=[document.pk]))
    offered = {person.user.username for person in page.context["form"]["approver_1"].field.queryset}
    assert {"legal_officer", "analyst", "court_almaty"} <= offered
    services.document_act(document=document, move="submit", actor=officer)
    client = client_for("legal_officer")
    assert document.get_absolute_url() in client.get(reverse("core:home")).content.decode()
    assert client.get(document.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    document_move(document=document, move="approve", actor=lawyer.user, comment="Согласовано")
    assert document.status == Document.Status.APPROVED
    assert client.get(document.get_absolute_url()).status_code == 200  # the document he visaed
    isd = draft(people["isd_officer"].user, kind="isd.memo_to_subdivision")
    refused = refusal_codes(services.route_set, actor=people["isd_officer"].user, document=isd, groups=[[lawyer]])
    assert refused == {"approver_outside"}
