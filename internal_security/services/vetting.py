"""Writes of the vetting of candidates (ISD 5.4, 5.8), each audited: a request registered
with its term and its officers, the information resources' answers recorded by hand, the
conclusion drafted for the ISD head's signature (ISD 15); its one move is
`workflow.vetting_move`."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.text_language import state_language_of
from courtadmin.deadlines.services import deadline_open
from courtadmin.documents.models import Document
from courtadmin.documents.selectors import live_document_of
from courtadmin.documents.services import document_save

from ..models import VettingCheck, VettingGrant, VettingRequest
from ..permissions import is_isd_manager, may_work_on_vetting
from ..workflow import VETTING_CONCLUSION_KIND, VETTING_KIND
from .complaints import _grant_access


def vetting_register(*, actor, vetting: VettingRequest, officers) -> VettingRequest:
    """The ISD head or deputy registers a request to vet a candidate (ISD 5.4) with its term,
    and assigns the officers who vet him: each gets a need-to-know grant (ISD 7)."""
    if not is_isd_manager(actor):
        raise PermissionDenied
    errors = {}
    if not officers:
        errors["officers"] = ValidationError(_("Choose at least one officer."), code="required")
    vetting.registered_by = actor
    try:
        vetting.full_clean()
    except ValidationError as invalid:
        errors = {**invalid.error_dict, **errors}
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        vetting.save()
        audit_record(
            actor=actor,
            action="isd.vetting.registered",
            obj=vetting,
            after={"post_kind": vetting.post_kind, "due_on": vetting.due_on},
        )
        vetting_assign(actor=actor, vetting=vetting, officers=officers)
        deadline_open(
            record=vetting,
            kind=VETTING_KIND,
            received_at=timezone.now(),
            responsible=officers[0],
            actor=actor,
            due_on=vetting.due_on,
        )
    return vetting


def vetting_assign(*, actor, vetting: VettingRequest, officers) -> None:
    """Assign more officers to a vetting under way: each gets a need-to-know grant (ISD 7)."""
    if not officers:
        raise ValidationError({"officers": ValidationError(_("Choose at least one officer."), code="required")})
    if vetting.status != VettingRequest.Status.OPEN:
        raise ValidationError(_("The vetting is concluded already."), code="closed")
    with transaction.atomic():
        for officer in officers:
            _grant_access(
                actor=actor, record=vetting, grant_model=VettingGrant, user=officer, reason=_("vetting of a candidate")
            )


def _check_assigned(actor, vetting: VettingRequest) -> None:
    if not may_work_on_vetting(actor, vetting) or vetting.status != VettingRequest.Status.OPEN:
        raise ValidationError(_("Only the officers assigned work on a vetting under way."), code="not_assigned")


def vetting_check_add(*, actor, vetting: VettingRequest, check: VettingCheck) -> VettingCheck:
    """What an information resource of ISD 5.8 showed, typed in by the officer with the day
    he consulted it."""
    _check_assigned(actor, vetting)
    check.vetting, check.entered_by = vetting, actor
    check.full_clean()
    with transaction.atomic():
        check.save()
        audit_record(
            actor=actor,
            action="isd.vetting.resource_checked",
            obj=vetting,
            after={"resource": check.resource, "checked_on": check.checked_on},
        )
    return check


def _conclusion_text(vetting: VettingRequest, checks) -> str:
    lines = [
        _("Conclusion on the vetting of %(candidate)s (IIN %(iin)s), a candidate for %(post_kind)s: %(post)s.")
        % {
            "candidate": vetting.candidate,
            "iin": vetting.candidate_iin,
            "post_kind": vetting.get_post_kind_display(),
            "post": vetting.post,
        },
        _("Requested by: %(requested_by)s.") % {"requested_by": vetting.requested_by},
        "",
    ]
    for check in checks:
        lines.append(
            _("%(resource)s, consulted on %(day)s: %(result)s")
            % {"resource": check.get_resource_display(), "day": f"{check.checked_on:%d.%m.%Y}", "result": check.result}
        )
    return "\n".join(lines)


def vetting_conclusion_prepare(*, actor, vetting: VettingRequest) -> Document:
    """The draft conclusion, from the resources' answers, for the
    officer to complete and the ISD head to sign (ISD 15); a live draft is reused."""
    _check_assigned(actor, vetting)
    existing = live_document_of(vetting, VETTING_CONCLUSION_KIND)
    if existing is not None:
        return existing
    checks = list(vetting.checks.all())
    # Written in the language of what was typed: the answers are quoted as they stand.
    language = state_language_of(vetting.post, vetting.requested_by, *(check.result for check in checks))
    with translation.override(language):
        texts = {language: _conclusion_text(vetting, checks)}
    document = Document(
        kind=VETTING_CONCLUSION_KIND,
        language=language,
        subject=vetting.candidate,
        addressee=vetting.requested_by,
        author=actor,
        marking=Document.Marking.OFFICIAL_USE,
        record_type=ContentType.objects.get_for_model(VettingRequest),
        record_id=str(vetting.pk),
    )
    return document_save(actor=actor, document=document, texts=texts)
