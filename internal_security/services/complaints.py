"""Writes of complaints about corruption (ISD 6.23, АППК) and of need-to-know grants (ISD 7),
each audited."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.deadlines.calendar import term_start
from courtadmin.deadlines.services import deadline_extend, deadline_hand_over, deadline_open
from courtadmin.documents.models import Document
from courtadmin.documents.selectors import live_document_of
from courtadmin.documents.services import document_save
from courtadmin.org.authority import Reach, live_grant, signers
from courtadmin.org.models import Department

from ..models import Complaint, ComplaintAttachment, ComplaintConflict, ComplaintGrant, RegistrationCounter
from ..permissions import is_assigned, is_isd_manager, isd_position, isd_reach, may_see_applicant, may_work_on
from ..selectors.complaints import appeal_term, complaints_visible_to
from ..workflow import ANSWER_KIND, complaint_move


def _grant_access(*, actor, record, grant_model, user, reason: str, valid_until=None):
    """Give `user` need-to-know access to one ISD record (ISD 7), by those who reach every ISD
    record (the ISD head and deputy, the leadership). A grant with `valid_until` lapses by itself."""
    if isd_reach(actor).kind is not Reach.ALL:
        raise PermissionDenied
    refuse_past_access_end(valid_until)
    model = type(record)._meta.model_name
    permission = Permission.objects.get(content_type__app_label="internal_security", codename=f"view_{model}")
    with transaction.atomic():
        grant, _created = grant_model.objects.update_or_create(
            user=user,
            permission=permission,
            content_object=record,
            defaults={"granted_by": actor, "reason": reason, "valid_until": valid_until},
        )
        audit_record(
            actor=actor,
            action=f"isd.{model}.grant",
            obj=record,
            after={"user": user.get_username(), "reason": reason, "valid_until": valid_until},
        )
    return grant


def refuse_past_access_end(valid_until) -> None:
    """An access that would end before it begins is refused beside its field: the officer would
    be shown as assigned and find the record closed to him (ISD 7)."""
    if valid_until is not None and valid_until <= timezone.now():
        raise ValidationError(
            {"valid_until": ValidationError(_("Give a moment after now, or leave it empty."), code="past")}
        )


def complaint_grant_access(*, actor, complaint: Complaint, user, reason: str, valid_until=None) -> ComplaintGrant:
    """A grant on one complaint; never to an officer who declared a conflict on it."""
    if ComplaintConflict.objects.filter(complaint=complaint, user=user).exists():
        message = _("%(user)s declared a conflict of interest on this complaint.") % {"user": user}
        raise ValidationError({"officers": ValidationError(message, code="conflict")})
    return _grant_access(
        actor=actor, record=complaint, grant_model=ComplaintGrant, user=user, reason=reason, valid_until=valid_until
    )


def complaint_attachment_add(*, actor, complaint: Complaint, upload) -> ComplaintAttachment:
    """Attach a file to a complaint the actor works on: the ISD head and deputy and its
    officers (ISD 9); the leadership reads it and attaches nothing (ISD 7). The file is
    checked (courtadmin.core.uploads) before anything is written."""
    if not may_work_on(actor, complaint):
        raise ValidationError(
            _("Only the ISD head, his deputy and the complaint's officers attach files to it."), code="not_yours"
        )
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        attachment = ComplaintAttachment.objects.create(complaint=complaint, uploaded_by=actor, **fields)
        audit_record(
            actor=actor,
            action="isd.complaint.attachment_added",
            obj=complaint,
            after={"attachment": attachment.pk, "name": attachment.original_name, "sha256": attachment.sha256},
        )
    return attachment


# --- Registration and the life of a complaint (ISD 6.23, АППК) ---------------------------------


def _next_number(series: str, year: int, width: int) -> str:
    """The next number of an ISD register for the year, e.g. "ІҚБ-2026-0001"."""
    counter, _created = RegistrationCounter.objects.select_for_update().get_or_create(series=series, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{series}-{year}-{counter.last_number:0{width}d}"


def complaint_register(*, actor, complaint: Complaint) -> Complaint:
    """Register an appeal the day it arrives (АППК art. 64: never refused; after hours or on a
    day off, the next working day), give it the number of the applicant's receipt, and start
    the 15-working-day term (art. 76). An anonymous appeal gets no term: it is not considered
    unless it reports a crime or a threat (workflow)."""
    if isd_position(actor) is None:
        raise PermissionDenied
    complaint.received_on = term_start(complaint.received_at) if complaint.received_at else None
    complaint.registered_by = actor
    complaint.full_clean(exclude=["number"])
    with transaction.atomic():
        complaint.number = _next_number(RegistrationCounter.Series.COMPLAINT, complaint.received_on.year, 4)
        complaint.save()
        if not complaint.is_anonymous:
            # Reminders never go to someone who may not open the complaint: an officer who
            # registers it without reaching it (ISD 7) leaves its term to the ISD head.
            reaches = complaints_visible_to(actor).filter(pk=complaint.pk).exists()
            responsible = actor if reaches else _next_responsible(complaint, actor)
            deadline_open(
                record=complaint,
                kind="isd.appeal",
                received_at=complaint.received_at,
                responsible=responsible,
                actor=actor,
            )
        audit_record(
            actor=actor,
            action="isd.complaint.registered",
            obj=complaint,
            after={"number": complaint.number, "channel": complaint.channel, "anonymous": complaint.is_anonymous},
        )
    return complaint


def complaint_assign(*, actor, complaint: Complaint, officers, valid_until=None) -> Complaint:
    """The ISD head (or deputy) assigns officers: each gets a need-to-know grant (ISD 7), for a
    period if one is given, and the complaint is being considered."""
    if not officers:
        raise ValidationError({"officers": ValidationError(_("Choose at least one officer."), code="required")})
    refuse_past_access_end(valid_until)
    with transaction.atomic():
        # The grants first, so that the move's news reaches the officers it assigns.
        for officer in officers:
            complaint_grant_access(
                actor=actor, complaint=complaint, user=officer, reason=_("assigned"), valid_until=valid_until
            )
        complaint_move(complaint=complaint, move="assign", actor=actor)
        # The term's reminders go to the first officer assigned, who answers for it now.
        term = appeal_term(complaint)
        if term is not None:
            deadline_hand_over(deadline=term, actor=actor, responsible=officers[0])
    return complaint


def complaint_conflict_declare(*, actor, complaint: Complaint, reason: str) -> ComplaintConflict:
    """An assigned officer declares a conflict of interest: his grant ends at once, for good,
    and the declaration is kept (issue 7.2)."""
    if not is_assigned(actor, complaint):
        raise ValidationError(
            _("Only an officer assigned to the complaint declares a conflict on it."), code="not_assigned"
        )
    if not reason.strip():
        raise ValidationError({"reason": ValidationError(_("Say what the conflict is."), code="required")})
    with transaction.atomic():
        conflict = ComplaintConflict.objects.create(complaint=complaint, user=actor, reason=reason)
        ComplaintGrant.objects.filter(content_object=complaint, user=actor).delete()
        audit_record(actor=actor, action="isd.complaint.conflict_declared", obj=complaint, after={"reason": reason})
        # Reminders never go to someone who may no longer open the complaint: another assigned
        # officer answers for its term, or the one who assigned them.
        term = appeal_term(complaint)
        if term is not None and term.responsible_id == actor.pk:
            deadline_hand_over(deadline=term, actor=actor, responsible=_next_responsible(complaint, actor))
    return conflict


def _next_responsible(complaint, leaving):
    """Who answers for the complaint's term when `leaving` may no longer open it: another
    officer still assigned, else the ISD head (or the person acting for him)."""
    other = (
        ComplaintGrant.objects.filter(content_object=complaint)
        .filter(live_grant())
        .exclude(user=leaving)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if other is not None:
        return other.user
    return signers(Department.ISD)[0].person.user


def complaint_term_extend(*, actor, complaint: Complaint, to, decision: str):
    """АППК art. 76: the ISD head or deputy extends the term by a reasoned decision, to two
    months in all; the 3-working-day notice to the applicant becomes a term of its own."""
    if not is_isd_manager(actor):
        raise PermissionDenied
    term = appeal_term(complaint)
    if term is None:
        raise ValidationError(_("No term of this complaint runs."), code="no_term")
    return deadline_extend(deadline=term, actor=actor, to=to, decision=decision)


def complaint_answer_prepare(*, actor, complaint: Complaint) -> Document:
    """The draft answer to the applicant (ISD 15 names its signer), in the appeal's language
    alone (Law on Languages, art. 11); a live draft is reused."""
    if not may_work_on(actor, complaint) or complaint.status != Complaint.Status.DECIDED:
        raise ValidationError(_("An answer is drafted once the complaint is decided."), code="not_now")
    existing = live_document_of(complaint, ANSWER_KIND)
    if existing is not None:
        return existing
    texts = {}
    for language in (complaint.language,):
        with translation.override(language):
            texts[language] = _(
                "Your appeal No. %(number)s of %(date)s has been considered by the Internal Security Department "
                "of the Court Administration. Decision: %(decision)s."
            ) % {
                "number": complaint.number,
                "date": complaint.received_on.strftime("%d.%m.%Y"),
                "decision": complaint.get_decision_display(),
            }
    document = Document(
        kind=ANSWER_KIND,
        language=complaint.language,
        subject=complaint.number,
        addressee=complaint.applicant_name,
        author=actor,
        marking=Document.Marking.OFFICIAL_USE,
        record_type=ContentType.objects.get_for_model(Complaint),
        record_id=str(complaint.pk),
    )
    return document_save(actor=actor, document=document, texts=texts)


# What a correction may change: the registration's day, number and term stay as registered.
CORRECTED = (
    "channel",
    "external_number",
    "language",
    "person_concerned",
    "person_role",
    "region",
    "court",
    "summary",
    "substance",
)
# The applicant's identity, corrected only by those who see it (issue 7.2).
CORRECTED_APPLICANT = (
    "applicant_kind",
    "applicant_name",
    "applicant_identifier",
    "applicant_address",
    "applicant_contacts",
)


def corrected_fields(actor, complaint) -> tuple[str, ...]:
    return (*CORRECTED, *CORRECTED_APPLICANT) if may_see_applicant(actor, complaint) else CORRECTED


def complaint_correct(*, actor, complaint: Complaint, reason: str) -> Complaint:
    """Correct a registered complaint still under way (ISD 6.23): by the ISD head and deputy
    and its officers, saying why; what changed, before and after, and the reason are kept in
    its history. `complaint` carries the corrected values."""
    stored = Complaint.objects.get(pk=complaint.pk)
    if not may_work_on(actor, stored):
        raise ValidationError(
            _("Only the ISD head, his deputy and the complaint's officers correct it."), code="not_yours"
        )
    if stored.closed_on is not None:
        raise ValidationError(_("The complaint is closed; it is no longer corrected."), code="closed")
    if not reason.strip():
        raise ValidationError({"reason": ValidationError(_("Say why the complaint is corrected."), code="required")})
    fields = corrected_fields(actor, stored)
    for name in {field.name for field in Complaint._meta.concrete_fields} - set(fields) - {"id"}:
        setattr(complaint, name, getattr(stored, name))  # nothing else changes, whatever was posted
    complaint.full_clean(exclude=["number"])
    before, after = model_to_dict(stored, fields=fields), model_to_dict(complaint, fields=fields)
    changed = [name for name in fields if before[name] != after[name]]
    if not changed:
        raise ValidationError(_("Nothing is changed."), code="unchanged")
    with transaction.atomic():
        complaint.save(update_fields=changed)
        audit_record(
            actor=actor,
            action="isd.complaint.corrected",
            obj=complaint,
            before={name: before[name] for name in changed},
            after={**{name: after[name] for name in changed}, "reason": reason.strip()},
        )
    return complaint


def complaint_hand_over(*, actor, complaint: Complaint, officer, to, reason: str) -> Complaint:
    """The ISD head (or deputy) hands a complaint from one of its officers to another, saying
    why: the first loses his access, the second gets it (never an officer who declared a
    conflict on it) and, if the first answered for the term, the term with it."""
    if not is_isd_manager(actor):
        raise PermissionDenied
    errors = {}
    if not ComplaintGrant.objects.filter(content_object=complaint, user=officer).filter(live_grant()).exists():
        errors["officer"] = ValidationError(_("This officer is not assigned to the complaint."), code="not_assigned")
    if to == officer:
        errors["to"] = ValidationError(_("Choose another officer."), code="same")
    if not reason.strip():
        errors["reason"] = ValidationError(_("Say why the complaint is handed over."), code="required")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        complaint_grant_access(actor=actor, complaint=complaint, user=to, reason=_("handed over"))
        ComplaintGrant.objects.filter(content_object=complaint, user=officer).delete()
        term = appeal_term(complaint)
        if term is not None and term.responsible_id == officer.pk:
            deadline_hand_over(deadline=term, actor=actor, responsible=to)
        audit_record(
            actor=actor,
            action="isd.complaint.handed_over",
            obj=complaint,
            before={"officer": officer.get_username()},
            after={"officer": to.get_username(), "reason": reason.strip()},
        )
    return complaint
