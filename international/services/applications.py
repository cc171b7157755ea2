"""Applications of persons and legal entities about international legal assistance (IR 7.25).

The life of one application, with the rules it follows:

- Registration (АППК art. 64): an application is never refused; it is registered with its
  own number (and the number of the appeals system, if any) by IR staff. Its contents
  (art. 63): the applicant's name and postal address and the substance are required.
- The term (АППК art. 76): 15 working days from receipt, extendable to two months in all;
  received after hours or on a day off, it counts from the next working day. The deadline
  kind "ir.application" (international/deadlines.py) carries those numbers.
- The answer is an official document of kind "ir.application_answer", a legal-assistance
  document: IR 13 says it is signed by the head, the deputy head supervising legal
  assistance, or whoever replaces either of them (courtadmin.org.authority).
- The application is closed as answered only once that answer is signed; its term closes
  on the day the answer was signed and registered.

Services here write (keyword-only, inside a transaction, audited); the reads are in
international/selectors/applications.py.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.deadlines.services import deadline_open
from courtadmin.documents.models import Document
from courtadmin.documents.services import document_save

from ..models import Application
from ..permissions import check_ir_staff, is_ir_staff
from ..selectors.applications import ANSWER_KIND, TERM_KIND, application_answer_document


def _number_taken() -> ValidationError:
    message = _("An application is registered under this number already. Give another number.")
    return ValidationError({"number": ValidationError(message, code="number_taken")})


def _validate_registration(application: Application) -> None:
    """АППК arts. 63-64: the contents required, a receipt time that has happened, a unique
    number. Every error at once, beside its field."""
    errors: dict = {}
    if application.received_at and application.received_at > timezone.now():
        errors["received_at"] = [ValidationError(_("The application cannot be received in the future."), code="future")]
    for field in ("applicant_name", "applicant_address", "substance"):
        if not (getattr(application, field) or "").strip():
            errors[field] = [ValidationError(_("This is required (АППК art. 63)."), code="required")]
    if application.officer_id and not is_ir_staff(application.officer):
        errors["officer"] = [ValidationError(_("The responsible officer must be on the IR's staff."), code="officer")]
    try:
        application.full_clean(validate_unique=False)
    except ValidationError as error:
        for field, items in error.error_dict.items():
            errors.setdefault(field, items)
    if "number" not in errors and Application.objects.filter(number=application.number).exists():
        errors.update(_number_taken().error_dict)
    if errors:
        raise ValidationError(errors)


def application_register(*, actor, application: Application) -> Application:
    """Register an application about legal assistance (IR 7.25) and open its term: 15
    working days (АППК art. 76), counted from the next working day for an application
    received after hours or on a day off (art. 64; deadline_open does the counting)."""
    check_ir_staff(actor)
    if application.pk is not None:
        raise ValidationError(_("This application is registered already."), code="registered")
    if application.status != Application.Status.REGISTERED:
        raise ValidationError(_("A new application is registered, not answered."), code="status")
    _validate_registration(application)
    with transaction.atomic():
        try:
            with transaction.atomic():
                application.save()
        except IntegrityError as error:  # the same number, registered by someone else a moment ago
            raise _number_taken() from error
        term = deadline_open(
            record=application,
            kind=TERM_KIND,
            received_at=application.received_at,
            responsible=application.officer,
            actor=actor,
        )
        audit_record(
            actor=actor,
            action="ir.application.registered",
            obj=application,
            after={
                "number": application.number,
                "received_at": application.received_at,
                "officer": application.officer_id,
                "due_on": term.due_on,
            },
        )
    return application


def _answer_texts(application: Application) -> dict[str, str]:
    """A short polite opening in the application's language (Law on Languages, art. 11), for
    the officer to complete."""
    received = timezone.localtime(application.received_at)
    texts = {}
    for language in (application.language,):
        with translation.override(language):
            facts = {
                "name": application.applicant_name,
                "number": application.number,
                "date": date_format(received, "SHORT_DATE_FORMAT"),
            }
            texts[language] = (
                _(
                    "Dear %(name)s,\n\n"
                    "The Court Administration has considered your application No. %(number)s of %(date)s "
                    "about international legal assistance and explains the following.\n\n"
                    "[the explanation]\n\n"
                    "You may appeal against this answer under the Administrative Procedural and Process Code "
                    "of the Republic of Kazakhstan."
                )
                % facts
            )
    return texts


def application_answer_prepare(*, actor, application: Application) -> Document:
    """Draft the answer to an application (IR 7.25): a document of kind
    "ir.application_answer", signed later under IR 13. An answer in progress or given (not
    cancelled) is returned as it is: an application has one answer."""
    check_ir_staff(actor)
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        existing = application_answer_document(locked)
        if existing is not None:
            return existing
        if locked.status != Application.Status.REGISTERED:
            raise ValidationError(_("This application is answered already."), code="answered")
        with translation.override(locked.language):
            subject = _("Answer to application No. %(number)s of %(date)s") % {
                "number": locked.number,
                "date": date_format(timezone.localtime(locked.received_at), "SHORT_DATE_FORMAT"),
            }
        document = Document(
            kind=ANSWER_KIND,
            language=locked.language,
            subject=subject[:500],
            addressee=", ".join(filter(None, [locked.applicant_name, locked.applicant_address]))[:500],
            author=actor,
            record_type=ContentType.objects.get_for_model(Application),
            record_id=str(locked.pk),
        )
        document_save(actor=actor, document=document, texts=_answer_texts(locked))
        audit_record(actor=actor, action="ir.application.answer_prepared", obj=locked, after={"document": document.pk})
    return document
