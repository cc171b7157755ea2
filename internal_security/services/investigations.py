"""Writes of official investigations (ISD 6.21, 6.22, 5.2, 5.3, 5.9), each audited."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_extend, deadline_open
from courtadmin.documents.models import Document
from courtadmin.documents.selectors import live_document_of
from courtadmin.documents.services import document_save
from courtadmin.org.authority import person_of
from courtadmin.org.models import Position

from ..models import (
    Explanation,
    InvestigatedPerson,
    Investigation,
    InvestigationGrant,
    InvestigationMaterial,
    JudgeInterview,
    PersonalFileRequest,
    RegistrationCounter,
)
from ..permissions import is_isd_manager, may_work_on_investigation
from ..selectors.complaints import complaints_visible_to
from ..selectors.signals import signals_visible_to
from ..workflow import CONCLUSION_KIND
from .cases import records_by_number
from .complaints import _grant_access, _next_number

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


def investigation_extend(*, actor, investigation: Investigation, to, decision: str) -> Investigation:
    """Extend an investigation's term: by the Chairman or the Head who instructed it, on his
    decision (ISD 6.21); the term's own record and the investigation's change together."""
    person = person_of(actor)
    if person is None or person.pk != investigation.instructed_by_id:
        raise ValidationError(
            _("Only %(person)s, who instructed the investigation, extends its term (ISD 6.21).")
            % {"person": investigation.instructed_by},
            code="not_instructing",
        )
    term = running_term(investigation, "isd.investigation")
    if investigation.status != Investigation.Status.OPEN or term is None:
        raise ValidationError(_("This investigation is concluded already."), code="closed")
    with transaction.atomic():
        deadline_extend(deadline=term, actor=actor, to=to, decision=decision)
        before = investigation.due_on
        investigation.due_on = to
        investigation.save(update_fields=["due_on"])
        audit_record(
            actor=actor,
            action="isd.investigation.extended",
            obj=investigation,
            before={"due_on": before},
            after={"due_on": to, "reason": decision.strip()},
        )
    return investigation


def investigation_person_add(*, actor, investigation: Investigation, person: InvestigatedPerson) -> InvestigatedPerson:
    """One more person under investigation, named by the team."""
    _check_team(actor, investigation)
    person.investigation = investigation
    person.full_clean()
    with transaction.atomic():
        person.save()
        audit_record(
            actor=actor,
            action="isd.investigation.person_added",
            obj=investigation,
            after={"name": person.name, "role": person.role},
        )
    return person


def investigation_link(*, actor, investigation: Investigation, complaint_numbers=(), signals=()) -> None:
    """Link the complaints (by number) and the information on corruption the team reaches to
    the investigation; criminal cases are linked from the registry's side (ISD 6.16)."""
    _check_team(actor, investigation)
    complaints = records_by_number(complaint_numbers, complaints_visible_to(actor), "complaint_numbers")
    reachable = set(signals_visible_to(actor).filter(pk__in=[s.pk for s in signals]).values_list("pk", flat=True))
    if {s.pk for s in signals} - reachable:
        raise ValidationError({"signals": ValidationError(_("Choose among those offered."), code="unknown")})
    if not complaints and not signals:
        raise ValidationError(_("Name a complaint or choose information to link."), code="required")
    with transaction.atomic():
        investigation.complaints.add(*complaints)
        investigation.signals.add(*signals)
        audit_record(
            actor=actor,
            action="isd.investigation.linked",
            obj=investigation,
            after={"complaints": [c.number for c in complaints], "signals": sorted(s.pk for s in signals)},
        )


def investigation_material_add(*, actor, investigation: Investigation, upload, description: str):
    """A material of any kind, checked by the upload rules before anything is written."""
    _check_team(actor, investigation)
    if not description.strip():
        raise ValidationError({"description": ValidationError(_("Say what it is."), code="required")})
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        material = InvestigationMaterial.objects.create(
            investigation=investigation, uploaded_by=actor, description=description.strip(), **fields
        )
        audit_record(
            actor=actor,
            action="isd.investigation.file_added",
            obj=investigation,
            after={"material": material.pk, "name": material.original_name, "sha256": material.sha256},
        )
    return material
