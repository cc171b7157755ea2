"""Writes of incoming correspondence (issue 20, item 1): registration in the department's
journal and the letter's files. The moves (resolution, report, return, taking off control)
are `workflow.letter_move`. Every write is keyword-only, in a transaction, validated and
audited; reads are in selectors.py.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.registers import next_number
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.deadlines.calendar import WorkingCalendar
from courtadmin.deadlines.services import deadline_open
from courtadmin.documents import services as documents_services
from courtadmin.documents.kinds import kinds_of
from courtadmin.documents.models import Document

from .models import IncomingLetter, LetterFile, LetterTranslation, TranslationFile
from .selectors import registering_departments, translation_term_kind, translator_candidates
from .workflow import MAX_WORKING_DAYS, may_resolve, may_start_answer, may_submit_translation

# The incoming journal of each department (core.registers).
REGISTER = "correspondence.incoming"


def letter_register(*, actor, letter: IncomingLetter) -> IncomingLetter:
    """Register an incoming letter in its department's journal, by that department's staff:
    the next number of the year of registration, shown as "ВХ-12/2026". It starts registered
    (the field's default); every later status is the workflow's."""
    if letter.department not in registering_departments(actor):
        raise PermissionDenied
    errors = {}
    today = timezone.localdate()
    if letter.received_on and letter.received_on > today:
        errors["received_on"] = ValidationError(_("This date is still to come."), code="future")
    if letter.sender_date and letter.received_on and letter.sender_date > letter.received_on:
        errors["sender_date"] = ValidationError(_("The letter was dated before it was received."), code="after_receipt")
    if errors:
        raise ValidationError(errors)
    letter.registered_by = actor
    letter.year = today.year
    letter.full_clean(exclude=["number", "registration_number"])
    with transaction.atomic():
        letter.number = next_number(REGISTER, letter.department, letter.year)
        letter.registration_number = f"ВХ-{letter.number}/{letter.year}"
        letter.save()
        audit_record(
            actor=actor,
            action="correspondence.letter.registered",
            obj=letter,
            after={"number": letter.registration_number, "channel": letter.channel, "marking": letter.marking},
        )
    return letter


def letter_file_add(*, actor, letter: IncomingLetter, upload) -> LetterFile:
    """Attach a scan to a letter the actor has opened (reached through the selector); the file
    is checked (courtadmin.core.uploads) before anything is written. The department's own
    staff attach them; the leadership reads."""
    if letter.department not in registering_departments(actor):
        raise PermissionDenied
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        stored = LetterFile.objects.create(letter=letter, uploaded_by=actor, **fields)
        audit_record(
            actor=actor,
            action="correspondence.letter.file_added",
            obj=letter,
            after={"file": stored.pk, "name": stored.original_name, "sha256": stored.sha256},
        )
    return stored


# --- Translations of foreign letters (IR 7.12) --------------------------------------------------


def translation_task_give(
    *, actor, letter: IncomingLetter, language: str, working_days, translator=None, translator_name: str = ""
) -> LetterTranslation:
    """IR 7.12: a foreign letter is translated. Whoever may give the letter's resolution (the
    head, whoever replaces him, the leadership: `may_resolve`) gives the translation task to a
    translator of the portal or names an outside one, with a term in working days; the term
    runs for the translator (for an outside one, for the giver) under the department's
    "<dept>.translation" deadline kind."""
    if not may_resolve(actor, letter.department):
        raise PermissionDenied
    translator_name = (translator_name or "").strip()
    errors = {}
    if language == letter.language:
        errors["language"] = ValidationError(
            _("A translation is into another language than the original's."), code="same_language"
        )
    if (translator is None) == (not translator_name):
        errors["translator"] = ValidationError(
            _("Name a translator of the portal or an outside translator, one of the two."), code="one_translator"
        )
    elif translator is not None and not translator_candidates(letter.department).filter(pk=translator.pk).exists():
        # ISD 7: a need-to-know department's letter is translated by its own staff.
        errors["translator"] = ValidationError(
            _("This person cannot be given the letter to translate."), code="outside"
        )
    if working_days is None or not 1 <= working_days <= MAX_WORKING_DAYS:
        errors["working_days"] = ValidationError(
            _("The term is from 1 to %(max)d working days.") % {"max": MAX_WORKING_DAYS}, code="term"
        )
    if errors:
        raise ValidationError(errors)
    translation = LetterTranslation(
        letter=letter,
        language=language,
        translator=translator,
        translator_name=translator_name,
        given_by=actor,
        working_days=working_days,
        due_on=WorkingCalendar().add_working_days(timezone.localdate(), working_days),
    )
    translation.full_clean()
    with transaction.atomic():
        translation.save()
        deadline_open(
            record=translation,
            kind=translation_term_kind(letter.department),
            received_at=timezone.now(),
            responsible=translator or actor,
            actor=actor,
            due_on=translation.due_on,
        )
        audit_record(
            actor=actor,
            action="correspondence.translation.translation_given",
            obj=translation,
            after={
                "status": translation.status,
                "language": language,
                "translator": translator.pk if translator else translator_name,
                "due_on": translation.due_on,
            },
        )
    return translation


def translation_file_add(*, actor, translation: LetterTranslation, upload) -> TranslationFile:
    """A file of a translation (a certified translation's scan), while it is being translated,
    by its translator (or, for an outside one, the department's staff); checked like every
    upload (courtadmin.core.uploads) before anything is written."""
    if translation.status != LetterTranslation.Status.ASSIGNED:
        raise ValidationError({"file": ValidationError(_("A submitted translation no longer changes."), code="frozen")})
    if not may_submit_translation(actor, translation):
        raise PermissionDenied
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        stored = TranslationFile.objects.create(translation=translation, uploaded_by=actor, **fields)
        audit_record(
            actor=actor,
            action="correspondence.translation.file_added",
            obj=translation,
            after={"file": stored.pk, "name": stored.original_name, "sha256": stored.sha256},
        )
    return stored


# --- The answer to a letter (issue 20, item 7) ----------------------------------------------------


def letter_answer_start(*, actor, letter: IncomingLetter, kind: str) -> Document:
    """An executor on the department's staff starts the answer from the letter's page
    (`may_start_answer`): a draft of the letter's department, to its sender, linked to the
    letter as its answer, so that the outgoing journal says which incoming letter it answers
    (IR 11, ISD 9)."""
    if not may_start_answer(actor, letter):
        if letter.answer_id and letter.answer.status != Document.Status.CANCELLED:
            raise ValidationError(_("The answer to this letter is drafted already."), code="answer_exists")
        raise PermissionDenied
    if kind not in {spec.code for spec in kinds_of(letter.department)}:
        raise ValidationError({"kind": ValidationError(_("Choose a kind of the letter's department."), code="kind")})
    reference = {
        "kk": f"{letter.sender_name}: {letter.sender_number or letter.registration_number} хатқа жауап.",
        "ru": f"{letter.sender_name}: ответ на письмо {letter.sender_number or letter.registration_number}.",
    }
    with transaction.atomic():
        document = documents_services.document_save(
            actor=actor,
            document=Document(
                kind=kind,
                subject=letter.subject,
                addressee=letter.sender_name,
                marking=letter.marking,
                author=actor,
            ),
            texts=reference,
        )
        IncomingLetter.objects.filter(pk=letter.pk).update(answer=document)
        letter.answer = document
        audit_record(
            actor=actor, action="correspondence.letter.answer_started", obj=letter, after={"answer": document.pk}
        )
    return document
