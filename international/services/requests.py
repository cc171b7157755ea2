"""Writes of legal-assistance requests (IR 7.22). Status changes go through
workflow.request_move alone; these services register, amend, attach and prepare letters."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record, snapshot
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.documents.models import Document
from courtadmin.documents.services import document_act, document_save

from ..models import LegalAssistanceRequest, RequestFile, RequestLetter
from ..permissions import check_ir_staff
from ..workflow import MOVES, live_letter

R = LegalAssistanceRequest
EDITABLE = (R.Status.REGISTERED, R.Status.CHECKED)


def search_text_of(request, parties) -> str:
    """What the registry's search looks in: numbers, the persons, both authorities, in every language."""
    words = [request.registration_number, request.case_number, request.case_name]
    words += [party.name for party in parties]
    for authority in (request.foreign_authority, request.court):
        if authority is not None:
            words += [authority.name_kk, authority.name_ru, authority.name_en]
    return " ".join(word for word in words if word).lower()


def request_save(
    *, actor, request: LegalAssistanceRequest, parties, related_numbers=(), confirm_treaty: bool = False
) -> LegalAssistanceRequest:
    """Register a request, or amend it while it is registered or checked (IR 7.22).

    `parties` are the persons concerned (unsaved RequestParty rows, replacing the old ones).
    A treaty basis that does not bind Kazakhstan and the foreign state, or does not cover
    what is asked, is refused unless the officer confirms it (`confirm_treaty`)."""
    check_ir_staff(actor)
    creating = request.pk is None
    if not creating and request.status not in EDITABLE:
        raise ValidationError(_("A request is amended only before it is sent on."), code="not_editable")
    errors = {}
    try:
        request.full_clean(validate_unique=False)  # the model's own rules (IR 7.22)
    except ValidationError as invalid:
        errors.update(invalid.error_dict)
    duplicate = R.objects.filter(registration_number=request.registration_number).exclude(pk=request.pk).first()
    if duplicate is not None:
        message = _("This number is already given to the request of %(date)s.") % {
            "date": date_format(duplicate.received_on, "SHORT_DATE_FORMAT")
        }
        errors["registration_number"] = ValidationError(message, code="duplicate")
    if request.treaty_id and request.country_id:
        binding = request.treaty.binds(request.country) and request.treaty.covers(request.subject)
        if not binding and not confirm_treaty:
            errors["treaty"] = ValidationError(
                _(
                    "%(treaty)s does not bind Kazakhstan and %(country)s for %(subject)s, as the catalog stands. "
                    "Choose another basis, or confirm this one."
                )
                % {"treaty": request.treaty, "country": request.country, "subject": request.get_subject_display()},
                code="treaty_mismatch",
            )
        request.treaty_mismatch_confirmed = not binding
    related = list(R.objects.filter(registration_number__in=related_numbers).exclude(pk=request.pk))
    unknown = set(related_numbers) - {r.registration_number for r in related}
    if unknown:
        message = _("No request is registered under: %(numbers)s.") % {"numbers": ", ".join(sorted(unknown))}
        errors["related_numbers"] = ValidationError(message, code="unknown")
    if errors:
        raise ValidationError(errors)
    for party in parties:
        party.full_clean(exclude=["request"])
    request.search_text = search_text_of(request, parties)
    before = None if creating else snapshot(R.objects.get(pk=request.pk))
    with transaction.atomic():
        request.save()
        request.parties.all().delete()
        for party in parties:
            party.pk, party.request = None, request
        request.parties.bulk_create(parties)
        request.related.set(related)
        audit_record(
            actor=actor,
            action="ir.request.registered" if creating else "ir.request.changed",
            obj=request,
            before=before,
            after={
                **snapshot(request, fields=["registration_number", "status", "treaty", "country"]),
                "treaty_mismatch_confirmed": request.treaty_mismatch_confirmed,
            },
        )
    return request


def request_file_add(*, actor, request, upload, kind: str, language: str, certified: bool) -> RequestFile:
    """Attach a file (the request, a translation, execution documents) after the upload checks."""
    check_ir_staff(actor)
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        file = RequestFile(
            request=request, uploaded_by=actor, kind=kind, language=language, certified=certified, **fields
        )
        file.full_clean(exclude=["file"])
        file.save()
        audit_record(
            actor=actor,
            action="ir.request.file_added",
            obj=request,
            after={"name": file.original_name, "kind": kind, "language": language, "sha256": file.sha256},
        )
    return file


# --- Cover letters (IR 13) -------------------------------------------------------------------

COVER_LETTER = "ir.rogatory_cover_letter"


def request_letter_prepare(*, actor, request, move: str, court=None) -> Document:
    """The draft cover letter for a move that sends the request on; the officer adjusts it,
    and it is signed by the head, the deputy supervising legal assistance, or whoever replaces
    them (IR 13). Sending to the court names the court here. A live letter is reused."""
    check_ir_staff(actor)
    spec = MOVES.get(move)
    if spec is None or not spec.letter or request.direction not in spec.directions:
        raise ValidationError(_("This step has no cover letter."), code="no_letter")
    if request.status not in spec.sources:
        raise ValidationError(_("This is not the request's next step."), code="not_now")
    with transaction.atomic():
        locked = R.objects.select_for_update().get(pk=request.pk)
        if move == "forward_to_court":
            if court is None:
                raise ValidationError({"court": ValidationError(_("Choose the court."), code="required")})
            if locked.court_id != court.pk:
                locked.court = court
                locked.save(update_fields=["court"])
                audit_record(actor=actor, action="ir.request.court_chosen", obj=locked, after={"court": court.pk})
        if move in ABROAD and locked.foreign_authority_id is None:
            raise ValidationError(_("Name the foreign authority the letter goes to first."), code="no_authority")
        live = live_letter(locked, move)
        if live is not None and live.document.addressee == _addressee(locked, move):
            return live.document
        if live is not None and not live.document.is_signed and live.document.author_id == actor.pk:
            # The court changed: the letter to the former one is withdrawn, not left to be signed.
            document_act(document=live.document, move="cancel", actor=actor)
        document = Document(
            kind=COVER_LETTER,
            subject=_letter_subject(locked, move),
            addressee=_addressee(locked, move),
            author=actor,
            record_type=ContentType.objects.get_for_model(R),
            record_id=str(locked.pk),
        )
        document_save(actor=actor, document=document, texts=_letter_texts(locked, move))
        RequestLetter.objects.create(request=locked, move=move, document=document)
    return document


ABROAD = ("answer", "send_abroad")


def _addressee(request, move: str) -> str:
    """Kazakh courts are written to in the state language; a foreign authority in the language
    its treaty corresponds in (Russian between the CIS states, English elsewhere)."""
    if move not in ABROAD:
        return request.court.name_kk
    authority = request.foreign_authority
    if request.treaty.letter_language == "ru":
        return authority.name_ru
    return authority.name_en or authority.name_ru


def _letter_languages(request, move: str) -> list[str]:
    """Kazakh and Russian, and English where the letter goes abroad to a state that
    corresponds in English."""
    english = move in ABROAD and request.treaty.letter_language == "en"
    return ["kk", "ru"] + (["en"] if english else [])


def _letter_subject(request, move: str) -> str:
    """The subject in each language the letter is written in, as the title of a document in
    Kazakh and Russian is written ("... / ..."): no reader finds it in a language alone that
    is not his."""
    subjects = []
    for language in _letter_languages(request, move):
        with translation.override(language):
            subjects.append(
                _("Legal assistance request No. %(number)s, case No. %(case)s")
                % {"number": request.registration_number, "case": request.case_number}
            )
    return " / ".join(subjects)


_LETTER_TEXTS = {
    "forward_to_court": lambda: _(
        "Under %(treaty)s the Court Administration sends for execution the request of %(authority)s "
        "(%(country)s) for %(subject)s in case No. %(case)s. Please execute it within %(months)d month(s) of "
        "its receipt and send the execution documents to the Court Administration."
    ),
    "answer": lambda: _(
        "The Court Administration returns the documents on the execution of your request for %(subject)s "
        "in case No. %(case)s, made under %(treaty)s."
    ),
    "send_abroad": lambda: _(
        "Under %(treaty)s the Court Administration, as the Central Authority of the Republic of Kazakhstan, "
        "sends the request of %(court)s for %(subject)s in case No. %(case)s and asks for its execution."
    ),
    "return_to_court": lambda: _(
        "The Court Administration sends the answer of %(authority)s (%(country)s) to your request for "
        "%(subject)s in case No. %(case)s."
    ),
}


def _letter_texts(request, move: str) -> dict[str, str]:
    """The letter in each of its languages (_letter_languages)."""
    texts = {}
    for language in _letter_languages(request, move):
        with translation.override(language):
            texts[language] = _LETTER_TEXTS[move]() % {
                "treaty": request.treaty.name,
                "authority": request.foreign_authority.name if request.foreign_authority_id else "",
                "country": request.country.name,
                "court": request.court.name if request.court_id else "",
                "subject": request.get_subject_display(),
                "case": request.case_number,
                "months": request.treaty.execution_months,
            }
    return texts
