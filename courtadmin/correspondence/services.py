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
from courtadmin.core.uploads import accepted_upload_fields

from .models import IncomingLetter, LetterCounter, LetterFile
from .selectors import registering_departments


def _next_number(department: str, year: int) -> int:
    """The next number of the department's journal for the year, under the counter's row lock:
    two registrations at once never share a number, and a failed one leaves no gap (its
    transaction rolls the counter back)."""
    LetterCounter.objects.get_or_create(department=department, year=year)
    counter = LetterCounter.objects.select_for_update().get(department=department, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


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
        letter.number = _next_number(letter.department, letter.year)
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
