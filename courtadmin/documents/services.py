"""Writes of documents. Every status change goes through workflow.document_move."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.accounts.selectors import authenticator_of, second_factor_required
from courtadmin.accounts.services import second_factor_check
from courtadmin.audit.services import audit_record
from courtadmin.core.channels import Channel
from courtadmin.core.jobs import job_promise
from courtadmin.core.registers import next_number, peek_number
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.org.authority import brought_in, department_access, person_of, signing_authority
from courtadmin.org.models import Person, Position

from .kinds import get_kind
from .models import (
    PDF_JOB,
    ApprovalStep,
    Document,
    DocumentAttachment,
    DocumentVersion,
    Signature,
    SigningSession,
    new_verification_token,
)
from .signing import SigningUnavailable, signing_backend
from .workflow import SigningConfirmation, document_move, moves_open_to

REQUIRED_LANGUAGES = ("kk", "ru")
EDITABLE = (Document.Status.DRAFT,)


# --- Drafting ---------------------------------------------------------------------------


def document_save(*, actor, document: Document, texts: dict[str, str]) -> Document:
    """Create or change a draft with its language versions. Kazakh and Russian are required
    (state bodies write both), other languages only where the kind allows them; a document
    written in one language (an answer in the appeal's language) has that version alone."""
    if document.pk and document.status not in EDITABLE:
        raise ValidationError(_("Only a draft can be changed; a signed document never changes."), code="not_draft")
    kind = get_kind(document.kind)
    errors = {}
    required = (document.language,) if document.language else REQUIRED_LANGUAGES
    allowed = required if document.language else (*REQUIRED_LANGUAGES, *kind.extra_languages)
    for language in required:
        if not texts.get(language, "").strip():
            errors[f"text_{language}"] = _("The text in this language is required.")
    for language, text in texts.items():
        if text.strip() and language not in allowed:
            errors[f"text_{language}"] = _("This document has no version in this language.")
    if errors:
        raise ValidationError(errors)
    document.department = kind.department
    document.full_clean()
    creating = document.pk is None
    with transaction.atomic():
        document.save()
        for language, text in texts.items():
            if text.strip():
                DocumentVersion.objects.update_or_create(document=document, language=language, defaults={"text": text})
            else:
                DocumentVersion.objects.filter(document=document, language=language).delete()
        # Created first, then its default route: the history reads in the order things happened.
        audit_record(actor=actor, action="document.created" if creating else "document.changed", obj=document)
        if creating:
            route_set(actor=actor, document=document, groups=default_route(document))
    return document


# The tokens of a kind's default route (DocumentKind.default_route) and the posts they name.
ROUTE_ROLES = {"deputy": Position.Kind.DEPUTY, "head": Position.Kind.HEAD}


def default_route(document) -> list[list[Person]]:
    """The kind's default visas, resolved to today's people of the department."""
    kind = get_kind(document.kind)
    groups = []
    for tokens in kind.default_route:
        group = []
        for token in tokens:
            role, _sep, line = token.partition(":")
            people = Person.objects.filter(
                position__kind=ROUTE_ROLES[role],
                position__unit__department=document.department,
                position__unit__parent__kind="court_administration",
            )
            if line:
                people = people.filter(position__line_of_work=line)
            group.extend(people.order_by("pk"))
        if group:
            groups.append(group)
    return groups


def route_set(*, actor, document: Document, groups: list[list[Person]]) -> None:
    """The author sets the visas of the next submission: groups in order, parallel within."""
    if document.status not in EDITABLE or document.author_id != actor.pk:
        raise ValidationError(_("Only the author sets the route of a draft."), code="not_author")
    seen = set()
    with transaction.atomic():
        document.steps.filter(round=document.round).delete()
        steps = []
        for position, group in enumerate((g for g in groups if g), start=1):
            for person in group:
                if person.pk in seen:
                    raise ValidationError(_("%(person)s is on the route twice.") % {"person": person})
                if person.user is None or not (
                    department_access(person.user, document.department) or brought_in(person.user, document.department)
                ):
                    raise ValidationError(
                        _("%(person)s cannot open this department's documents: a visa from him would never come.")
                        % {"person": person},
                        code="approver_outside",
                    )
                seen.add(person.pk)
                steps.append(ApprovalStep(document=document, round=document.round, position=position, approver=person))
        ApprovalStep.objects.bulk_create(steps)
        audit_record(
            actor=actor, action="document.route_set", obj=document, after={"route": [[p.pk for p in g] for g in groups]}
        )


def document_attachment_add(*, actor, document: Document, upload) -> DocumentAttachment:
    if document.status not in EDITABLE:
        raise ValidationError(_("Files are attached to a draft only."), code="not_draft")
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        attachment = DocumentAttachment.objects.create(document=document, uploaded_by=actor, **fields)
        audit_record(
            actor=actor, action="document.attachment_added", obj=document, after={"name": attachment.original_name}
        )
    return attachment


def document_correction_start(*, actor, original: Document) -> Document:
    """A correction of a signed document is a new draft that refers to it (never an edit)."""
    if not original.is_signed:
        raise ValidationError(_("Only a signed document is corrected by a new one."))
    texts = dict(original.versions.values_list("language", "text"))
    correction = Document(
        kind=original.kind,
        subject=original.subject,
        addressee=original.addressee,
        marking=original.marking,
        author=actor,
        record_type=original.record_type,
        record_id=original.record_id,
        corrects=original,
    )
    return document_save(actor=actor, document=correction, texts=texts)


# The department's outgoing journal, where a signature registers the document.
OUTGOING = "documents.outgoing"


# --- Signing (IR 13, ISD 15) ------------------------------------------------------------------


def signing_credentials_check(*, user, password: str, code: str) -> SigningConfirmation:
    """The signer proves it is he: his password again, and his second factor when he has
    one or his role requires one. Failures are in the audit log."""
    if not user.check_password(password or ""):
        audit_record(actor=user, action="document.sign_password_failed", obj=user)
        raise ValidationError({"password": ValidationError(_("The password is not right."), code="wrong_password")})
    if authenticator_of(user) is not None:
        second_factor_check(user=user, code=code, purpose="signing")
    elif second_factor_required(user):
        missing = _("Your position requires a second factor to sign. Set up an authenticator app first.")
        raise ValidationError({"code": ValidationError(missing, code="second_factor_missing")})
    return SigningConfirmation(user_id=user.pk, at=timezone.now())


def document_sign(*, document: Document, actor, password: str, code: str = "") -> Document:
    """Sign and register: only a person the authority module names at this moment (IR 13,
    ISD 15), after his password and second factor. The number comes from the department's
    journal under a row lock, so two signatures at the same second get consecutive numbers.
    The PDF is made and signed by a background task after the commit."""
    _check_can_sign(actor)
    confirmation = signing_credentials_check(user=actor, password=password, code=code)
    return document_sign_confirmed(document=document, actor=actor, confirmation=confirmation)


def _check_can_sign(actor) -> None:
    try:
        signing_backend().check_can_sign(actor)
    except SigningUnavailable as error:
        raise ValidationError(str(error), code="no_certificate") from error


def _registration(document: Document, actor, *, at, number: int, token: str) -> Signature:
    """Register `document` under `number` of its department's journal at `at`, signed by
    `actor` in the capacity the authority module names now (IR 13, ISD 15). The signature
    is returned unsaved: the caller saves it, or only prints it (a prepared PDF)."""
    person = person_of(actor)
    decision = signing_authority(person, document.department, document.line_of_work)
    year = timezone.localdate(at).year
    document.year, document.number, document.registered_at = year, number, at
    document.registration_number = settings.DOCUMENT_NUMBER_FORMATS[document.department].format(
        number=number, year=year, department=document.department
    )
    document.verification_token = token
    capacity = decision.capacity_by_language()
    return Signature(
        document=document,
        signer=actor,
        person=person,
        capacity=decision.capacity,
        appointment=decision.appointment,
        clause=decision.clause,
        signer_name_kk=person.full_name_kk or person.full_name,
        signer_name_ru=person.full_name_ru or person.full_name,
        capacity_kk=capacity["kk"],
        capacity_ru=capacity["ru"],
        signed_at=at,
    )


def document_sign_confirmed(*, document: Document, actor, confirmation: SigningConfirmation) -> Document:
    """The sign move for a signer whose credentials were just checked (document_sign; the
    demo loader). The move itself checks the signing power again, under the row lock."""
    _check_can_sign(actor)
    backend = signing_backend()

    def register(locked: Document) -> None:
        now = timezone.now()
        number = next_number(OUTGOING, locked.department, timezone.localdate(now).year)
        signature = _registration(locked, actor, at=now, number=number, token=new_verification_token())
        signature.backend = backend.name
        signature.save()
        locked.pdf_status = Document.PdfStatus.PENDING
        promise_pdf(locked.pk)

    return document_move(document=document, move="sign", actor=actor, confirmation=confirmation, effect=register)


# --- Signing with the national EDS, in the signer's browser (docs/signatures.md) ------------

# How long a prepared signature waits for the signer's CMS (NCALayer asks him for his key
# and its password in between).
NATIONAL_SESSION_LIFETIME = timedelta(minutes=10)


def document_sign_prepare(*, document: Document, actor, password: str, code: str = "") -> SigningSession:
    """The first half of a signature with the national EDS: the signer's password and second
    factor, his power to sign now and his IIN on record are checked; the PDF is rendered as
    it will be registered (the journal's next number) and prepared for his signature; the
    digest his browser gives NCALayer is the session's."""
    if not settings.NATIONAL_SIGNING:
        raise ValidationError(_("Signing with the national EDS is not enabled on this portal."), code="disabled")
    signing_credentials_check(user=actor, password=password, code=code)
    if not any(move.name == "sign" for move in moves_open_to(document, actor)):
        raise ValidationError(_("You may not sign this document now."), code="not_signer")
    person = person_of(actor)
    if not person.iin:
        raise ValidationError(
            _("Your IIN is not on record, so a national EDS cannot be matched to you."), code="no_iin"
        )
    from .pdf import render_document_pdf
    from .signing import national

    now = timezone.now()
    year = timezone.localdate(now).year
    number = peek_number(OUTGOING, document.department, year)
    token = new_verification_token()
    draft = Document.objects.get(pk=document.pk)
    signature = _registration(draft, actor, at=now, number=number, token=token)
    prepared = national.prepare_pdf(
        render_document_pdf(draft, signature=signature), reason=draft.registration_number, location="Astana"
    )
    session, _created = SigningSession.objects.update_or_create(
        document=document,
        signer=actor,
        defaults={
            "prepared_at": now,
            "year": year,
            "number": number,
            "verification_token": token,
            "pdf": prepared.pdf,
            "digest": prepared.digest,
            "room_start": prepared.room_start,
            "room_end": prepared.room_end,
        },
    )
    audit_record(actor=actor, action="document.national_signature_prepared", obj=document, after={"number": number})
    return session


def document_sign_national(*, document: Document, actor, cms_der: bytes) -> Document:
    """The second half: the CMS NCALayer made is checked (national.check_cms: the prepared
    digest, the certificate's chain and revocation, the signer's IIN), time-stamped and
    embedded with its evidence (PAdES B-LT); then the sign move registers the document under
    the prepared number, if it is still the next one, with the signed PDF ready."""
    from .signing import national

    session = SigningSession.objects.filter(document=document, signer=actor).first()
    if session is None or timezone.now() - session.prepared_at > NATIONAL_SESSION_LIFETIME:
        raise ValidationError(_("The prepared signature has lapsed: sign again."), code="lapsed")
    prepared = national.Prepared(
        pdf=bytes(session.pdf), digest=bytes(session.digest), room_start=session.room_start, room_end=session.room_end
    )
    try:
        checked = national.check_cms(cms_der, digest=prepared.digest, iin=person_of(actor).iin)
        signed_pdf = national.finish_pdf(prepared, checked)
    except national.Refused as refusal:
        audit_record(
            actor=actor, action="document.national_signature_refused", obj=document, after={"check": refusal.code}
        )
        raise ValidationError(str(refusal), code=refusal.code) from refusal
    certificate = checked.certificate

    def register(locked: Document) -> None:
        number = next_number(OUTGOING, locked.department, session.year)
        if number != session.number:
            raise ValidationError(
                _("Another document took number %(number)s while you signed: sign again.") % {"number": session.number},
                code="number_taken",
            )
        signature = _registration(
            locked, actor, at=session.prepared_at, number=number, token=session.verification_token
        )
        signature.backend = "national"
        signature.certificate_subject = certificate.subject.human_friendly
        signature.certificate_issuer = certificate.issuer.human_friendly
        signature.certificate_serial = format(certificate.serial_number, "x")
        signature.iin = checked.iin
        signature.revocation_status = checked.revocation.status
        signature.verified_by = checked.verified_by
        signature.save()
        _store_pdf(locked, signed_pdf)
        SigningSession.objects.filter(pk=session.pk).delete()

    confirmation = SigningConfirmation(user_id=actor.pk, at=timezone.now())
    return document_move(document=document, move="sign", actor=actor, confirmation=confirmation, effect=register)


def promise_pdf(document_id: int) -> None:
    """The signed document's PDF, promised in the signature's own transaction (core.jobs): it
    is made even if the broker is down when the signature commits."""
    job_promise(PDF_JOB, str(document_id), document_id=document_id)


def document_act(
    *, document, move: str, actor, comment: str = "", sent_on=None, sent_note: str = "", channel: str = ""
):
    """submit, approve, return, send, cancel (signing has document_sign). The send move records
    the day and the channel of the dispatch in the outgoing journal (issue 20, item 7)."""
    if move == "sign":
        raise ValidationError(_("Signing needs the signer's password."), code="unconfirmed")

    def record_dispatch(locked):
        if move == "send":
            if sent_on is None:
                raise ValidationError({"sent_on": ValidationError(_("Give the date it was sent."), code="required")})
            if channel and channel not in Channel.values:
                raise ValidationError({"channel": ValidationError(_("Choose a channel."), code="invalid_choice")})
            locked.sent_on, locked.sent_note, locked.channel = sent_on, sent_note, channel

    return document_move(document=document, move=move, actor=actor, comment=comment, effect=record_dispatch)


# --- The signed PDF (a background task calls these) -----------------------------------------


def document_pdf_produce(*, document_id: int) -> None:
    """Render the signed document and sign the PDF with the signer's certificate. Idempotent:
    a document whose PDF is ready is left alone, and of two runs racing only one is kept."""
    from .pdf import render_document_pdf

    document = Document.objects.select_related("signature__person", "signature__signer").get(pk=document_id)
    if document.pdf_status == Document.PdfStatus.READY or not document.is_signed:
        return
    signature = document.signature
    # Defence in depth: whatever path led here, the recorded signer must have had the power.
    decision = signing_authority(signature.person, document.department, document.line_of_work, at=signature.signed_at)
    if not decision or signature.person.user_id != signature.signer_id:
        document_pdf_failed(document_id=document_id, error=_("The recorded signer had no power to sign."))
        return
    pdf = render_document_pdf(document)
    signed, certificate = signing_backend().sign_pdf(
        pdf, user=signature.signer, reason=f"{document.registration_number}", location="Astana"
    )
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document_id)
        if locked.pdf_status == Document.PdfStatus.READY:
            return
        _store_pdf(locked, signed)
        locked.save(update_fields=["pdf_file", "pdf_sha256", "pdf_status", "pdf_error", "pdf_attempts"])
        Signature.objects.filter(pk=signature.pk).update(
            certificate=certificate,
            certificate_subject=certificate.subject,
            certificate_issuer=certificate.authority.name,
            certificate_serial=certificate.serial,
            revocation_status="good",
            verified_by="portal",
        )


def _store_pdf(locked: Document, signed: bytes) -> None:
    """The signed PDF onto the locked document (saved by the caller, or by the sign move)."""
    digest = hashlib.sha256(signed).hexdigest()
    locked.pdf_file.save(f"{locked.pk}.pdf", ContentFile(signed), save=False)
    locked.pdf_sha256 = digest
    locked.pdf_status = Document.PdfStatus.READY
    locked.pdf_error = ""
    locked.pdf_attempts += 1
    audit_record(actor=None, action="document.pdf_signed", obj=locked, after={"sha256": digest})


def document_pdf_failed(*, document_id: int, error) -> None:
    """The task gave up: the page says so and offers to try again; nothing is lost."""
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document_id)
        if locked.pdf_status == Document.PdfStatus.READY:
            return
        locked.pdf_status = Document.PdfStatus.FAILED
        locked.pdf_error = str(error)[:500]
        locked.pdf_attempts += 1
        locked.save(update_fields=["pdf_status", "pdf_error", "pdf_attempts"])
        audit_record(actor=None, action="document.pdf_failed", obj=locked, after={"error": locked.pdf_error})


def document_pdf_retry(*, actor, document: Document) -> None:
    with transaction.atomic():
        updated = Document.objects.filter(pk=document.pk, pdf_status=Document.PdfStatus.FAILED).update(
            pdf_status=Document.PdfStatus.PENDING, pdf_error=""
        )
        if updated:
            audit_record(actor=actor, action="document.pdf_retry", obj=document)
            promise_pdf(document.pk)
