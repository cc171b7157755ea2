"""Writes of ISD records, each audited."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.deadlines.calendar import term_start
from courtadmin.deadlines.services import deadline_extend, deadline_open
from courtadmin.documents.models import Document
from courtadmin.documents.selectors import live_document_of
from courtadmin.documents.services import document_save
from courtadmin.org.authority import Reach, person_of
from courtadmin.org.models import Position

from .models import (
    Complaint,
    ComplaintAttachment,
    ComplaintConflict,
    ComplaintGrant,
    CorruptionSignal,
    CriminalCase,
    Explanation,
    InvestigatedPerson,
    Investigation,
    InvestigationGrant,
    JudgeInterview,
    PersonalFileRequest,
    RegistrationCounter,
)
from .permissions import (
    case_keeping_region,
    is_assigned,
    is_isd_manager,
    isd_position,
    isd_reach,
    may_work_on,
    may_work_on_investigation,
)
from .workflow import ANSWER_KIND, CONCLUSION_KIND, appeal_term, complaint_move


def _grant_access(*, actor, record, grant_model, user, reason: str, valid_until=None):
    """Give `user` need-to-know access to one ISD record (ISD 7), by those who reach every ISD
    record (the ISD head and deputy, the leadership). A grant with `valid_until` lapses by itself."""
    if isd_reach(actor).kind is not Reach.ALL:
        raise PermissionDenied
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


def complaint_grant_access(*, actor, complaint: Complaint, user, reason: str, valid_until=None) -> ComplaintGrant:
    """A grant on one complaint; never to an officer who declared a conflict on it."""
    if ComplaintConflict.objects.filter(complaint=complaint, user=user).exists():
        message = _("%(user)s declared a conflict of interest on this complaint.") % {"user": user}
        raise ValidationError({"officers": ValidationError(message, code="conflict")})
    return _grant_access(
        actor=actor, record=complaint, grant_model=ComplaintGrant, user=user, reason=reason, valid_until=valid_until
    )


def complaint_attachment_add(*, actor, complaint: Complaint, upload) -> ComplaintAttachment:
    """Attach a file to a complaint the actor has opened (reached through the selector).
    The file is checked (courtadmin.core.uploads) before anything is written."""
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
            deadline_open(
                record=complaint, kind="isd.appeal", received_at=complaint.received_at, responsible=actor, actor=actor
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
    with transaction.atomic():
        complaint_move(complaint=complaint, move="assign", actor=actor)
        for officer in officers:
            complaint_grant_access(
                actor=actor, complaint=complaint, user=officer, reason=_("assigned"), valid_until=valid_until
            )
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
    return conflict


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


# --- Official investigations (ISD 6.21, 6.22, 5.2, 5.3, 5.9) ----------------------------------

INSTRUCTING_POSTS = (Position.Kind.CHAIRMAN, Position.Kind.CA_HEAD)


def investigation_open(*, actor, investigation: Investigation, persons, complaints=()) -> Investigation:
    """Record an investigation the Chairman or the Head of the Court Administration ordered
    (ISD 6.21, 6.22), with the instruction's number and date, who entered it, the persons
    under investigation and its term. Without such an instruction there is none."""
    if not is_isd_manager(actor):
        raise PermissionDenied
    errors = {}
    instructing = investigation.instructed_by if investigation.instructed_by_id else None
    if instructing is not None and (instructing.position is None or instructing.position.kind not in INSTRUCTING_POSTS):
        errors["instructed_by"] = ValidationError(
            _("Only the Chairman or the Head of the Court Administration orders an investigation (ISD 6.21)."),
            code="not_instructing",
        )
    if not persons:
        errors["persons"] = ValidationError(_("Name at least one person under investigation."), code="required")
    investigation.opened_by = actor
    try:
        investigation.full_clean(exclude=["number"])
    except ValidationError as invalid:
        errors = {**invalid.error_dict, **errors}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        investigation.number = _next_number(
            RegistrationCounter.Series.INVESTIGATION, investigation.instruction_date.year, 3
        )
        investigation.save()
        for person in persons:
            person.investigation = investigation
            person.full_clean()
        InvestigatedPerson.objects.bulk_create(persons)
        investigation.complaints.set(complaints)
        deadline_open(
            record=investigation,
            kind="isd.investigation",
            received_at=timezone.now(),
            responsible=actor,
            actor=actor,
            due_on=investigation.due_on,
        )
        audit_record(
            actor=actor,
            action="isd.investigation.opened",
            obj=investigation,
            after={
                "number": investigation.number,
                "instructed_by": investigation.instructed_by_id,
                "instruction": f"{investigation.instruction_number} / {investigation.instruction_date}",
            },
        )
    return investigation


def investigation_team_add(*, actor, investigation: Investigation, officers, valid_until=None) -> None:
    """The ISD head or deputy puts officers on the team: each gets a need-to-know grant (ISD 7)."""
    if not officers:
        raise ValidationError({"officers": ValidationError(_("Choose at least one officer."), code="required")})
    with transaction.atomic():
        for officer in officers:
            _grant_access(
                actor=actor,
                record=investigation,
                grant_model=InvestigationGrant,
                user=officer,
                reason=_("investigation team"),
                valid_until=valid_until,
            )


def _check_team(actor, investigation) -> None:
    if not may_work_on_investigation(actor, investigation) or investigation.status != Investigation.Status.OPEN:
        raise ValidationError(_("Only the team works on an investigation under way."), code="not_team")


def explanation_add(*, actor, investigation: Investigation, person: str, summoned_on, given_on, upload) -> Explanation:
    """A member of staff's written explanation (ISD 5.2), with its dates and file."""
    _check_team(actor, investigation)
    if given_on and summoned_on and given_on < summoned_on:
        raise ValidationError(
            {"given_on": ValidationError(_("An explanation is given after the summons."), code="before_summons")}
        )
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        explanation = Explanation(
            investigation=investigation,
            person=person,
            summoned_on=summoned_on,
            given_on=given_on,
            uploaded_by=actor,
            **fields,
        )
        explanation.full_clean(exclude=["file"])
        explanation.save()
        audit_record(
            actor=actor, action="isd.investigation.explanation_added", obj=investigation, after={"person": person}
        )
    return explanation


def interview_record(*, actor, investigation: Investigation, interview: JudgeInterview) -> JudgeInterview:
    """ISD 5.3: a judge is interviewed only with the Chairman's instruction or permission and
    the judge's consent, both on file before the interview."""
    _check_team(actor, investigation)
    errors = {}
    if not interview.permission.strip():
        errors["permission"] = ValidationError(
            _("A judge is interviewed only on the Chairman's instruction or permission (ISD 5.3)."),
            code="no_permission",
        )
    if interview.consent_on is None:
        errors["consent_on"] = ValidationError(
            _("A judge is interviewed only with his consent (ISD 5.3)."), code="no_consent"
        )
    elif interview.held_on and interview.held_on < interview.consent_on:
        errors["held_on"] = ValidationError(_("The interview comes after the consent."), code="before_consent")
    if interview.held_on and interview.held_on > timezone.localdate():
        errors["held_on"] = ValidationError(_("An interview is recorded once held."), code="future")
    if errors:
        raise ValidationError(errors)
    interview.investigation, interview.recorded_by = investigation, actor
    interview.full_clean()
    with transaction.atomic():
        interview.save()
        audit_record(
            actor=actor, action="isd.investigation.interview", obj=investigation, after={"judge": interview.judge}
        )
    return interview


def personal_file_request(*, actor, investigation: Investigation, person: str, reason: str) -> PersonalFileRequest:
    """ISD 5.9: the team asks to study a personal file; the leadership decides."""
    _check_team(actor, investigation)
    request = PersonalFileRequest(investigation=investigation, person=person, reason=reason, requested_by=actor)
    request.full_clean()
    with transaction.atomic():
        request.save()
        audit_record(
            actor=actor, action="isd.investigation.file_requested", obj=investigation, after={"person": person}
        )
    return request


def personal_file_grant(*, actor, request: PersonalFileRequest, valid_until) -> PersonalFileRequest:
    """The Chairman or the Head of the Court Administration permits the study of a personal
    file until a date (ISD 5.9); the permission lapses on its own after it."""
    person = person_of(actor)
    if person is None or person.position is None or person.position.kind not in INSTRUCTING_POSTS:
        raise PermissionDenied
    if valid_until is None or valid_until < timezone.localdate():
        raise ValidationError({"valid_until": ValidationError(_("Give a date from today on."), code="past")})
    with transaction.atomic():
        locked = PersonalFileRequest.objects.select_for_update().get(pk=request.pk)
        locked.granted_by, locked.granted_at, locked.valid_until = person, timezone.now(), valid_until
        locked.save(update_fields=["granted_by", "granted_at", "valid_until"])
        audit_record(
            actor=actor,
            action="isd.investigation.file_permitted",
            obj=locked.investigation,
            after={"person": locked.person, "valid_until": valid_until},
        )
    request.refresh_from_db()
    return request


def conclusion_prepare(*, actor, investigation: Investigation) -> Document:
    """The draft conclusion (ISD 15 names its signer); a live draft is reused."""
    _check_team(actor, investigation)
    existing = live_document_of(investigation, CONCLUSION_KIND)
    if existing is not None:
        return existing
    texts = {}
    for language in ("kk", "ru"):
        with translation.override(language):
            texts[language] = _("Conclusion of official investigation No. %(number)s: %(subject)s.") % {
                "number": investigation.number,
                "subject": investigation.subject,
            }
    document = Document(
        kind=CONCLUSION_KIND,
        subject=investigation.number,
        addressee=str(investigation.instructed_by),
        author=actor,
        marking=Document.Marking.OFFICIAL_USE,
        record_type=ContentType.objects.get_for_model(Investigation),
        record_id=str(investigation.pk),
    )
    return document_save(actor=actor, document=document, texts=texts)


# --- The criminal-case registry (ISD 6.16) -----------------------------------------------------


def _linked(actor, numbers, records, field: str) -> list:
    """The records named by number that the actor may reach (ISD 7); any other number is an
    error beside the field, which says nothing of whether it exists."""
    found = list(records.filter(number__in=numbers))
    unknown = set(numbers) - {record.number for record in found}
    if unknown:
        message = _("None within your reach has the number: %(numbers)s.") % {"numbers": ", ".join(sorted(unknown))}
        raise ValidationError({field: ValidationError(message, code="unknown")})
    return found


def criminal_case_save(*, actor, case: CriminalCase, complaint_numbers=(), investigation_numbers=()) -> CriminalCase:
    """Enter or update a criminal case: the territorial ISD unit keeps its own region's, and
    links it to the complaints and investigations it reaches."""
    region = case_keeping_region(actor)
    if region is None:
        raise PermissionDenied
    creating = case.pk is None
    if creating:
        case.entered_by = actor
    elif CriminalCase.objects.filter(pk=case.pk).values_list("region_id", flat=True).first() != region.pk:
        raise PermissionDenied
    case.region = region
    case.full_clean()
    from .selectors import complaints_visible_to, investigations_visible_to

    complaints = _linked(actor, complaint_numbers, complaints_visible_to(actor), "complaint_numbers")
    investigations = _linked(actor, investigation_numbers, investigations_visible_to(actor), "investigation_numbers")
    with transaction.atomic():
        case.save()
        case.complaints.set(complaints)
        case.investigations.set(investigations)
        audit_record(
            actor=actor,
            action="isd.criminal_case.entered" if creating else "isd.criminal_case.changed",
            obj=case,
            after={"stage": case.stage, "outcome": case.outcome, "article": case.article},
        )
    return case


# --- Information on corruption (ISD 6.15) -------------------------------------------------------


def corruption_signal_add(*, actor, signal: CorruptionSignal) -> CorruptionSignal:
    """Record a piece of information on corruption: ISD staff (a territorial unit for its own
    region only)."""
    if isd_position(actor) is None and case_keeping_region(actor) is None:
        raise PermissionDenied
    region = case_keeping_region(actor)
    if region is not None:
        signal.region = region
    signal.entered_by = actor
    signal.full_clean()
    with transaction.atomic():
        signal.save()
        audit_record(actor=actor, action="isd.signal.added", obj=signal, after={"source": signal.source})
    return signal
