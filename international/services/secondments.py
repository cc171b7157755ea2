"""Judges of the Supreme Court in international bodies (IR 7.3): who is sent where, in what
capacity, for what term; the support the IR gives; the judge's reports, each due by a term
the IR sets (`ir.secondment_report`: reminders, escalation when late). For IR staff alone,
each write audited; the reads are in international/selectors/secondments.py."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.deadlines.selectors import running_term
from courtadmin.deadlines.services import deadline_close, deadline_open

from ..models import Secondment, SecondmentReport, Support
from ..permissions import check_ir_staff

REPORT_TERM = "ir.secondment_report"


def _close_report_term(secondment, actor) -> None:
    term = running_term(secondment, REPORT_TERM)
    if term is not None:
        deadline_close(deadline=term, actor=actor, on=timezone.localdate())


def secondment_save(*, actor, secondment: Secondment) -> Secondment:
    """A judge sent to a body, entered or corrected; a new report term replaces the running one."""
    check_ir_staff(actor)
    created = secondment.pk is None
    before = None if created else Secondment.objects.get(pk=secondment.pk).report_due_on
    due = secondment.report_due_on
    if due is not None and due != before and due < timezone.localdate():
        raise ValidationError({"report_due_on": ValidationError(_("The term cannot be in the past."), code="past")})
    if created:
        secondment.created_by = actor
    secondment.full_clean()
    with transaction.atomic():
        secondment.save()
        if due != before:
            _close_report_term(secondment, actor)
            if due is not None:
                deadline_open(
                    record=secondment,
                    kind=REPORT_TERM,
                    received_at=timezone.now(),
                    responsible=secondment.officer,
                    actor=actor,
                    due_on=due,
                )
        audit_record(
            actor=actor,
            action=f"ir.secondment.{'created' if created else 'updated'}",
            obj=secondment,
            after={"report_due_on": due},
        )
    return secondment


def support_add(*, actor, secondment: Secondment, on: date, what: str) -> Support:
    """IR 7.3: the support given to the judge's work in the body."""
    check_ir_staff(actor)
    if not what.strip():
        raise ValidationError({"what": ValidationError(_("Say what was done."), code="required")})
    if on > timezone.localdate():
        raise ValidationError({"on": ValidationError(_("This date is still to come."), code="future")})
    with transaction.atomic():
        support = Support.objects.create(secondment=secondment, on=on, what=what.strip(), given_by=actor)
        audit_record(actor=actor, action="ir.secondment.support_added", obj=secondment, after={"what": support.what})
    return support


def report_add(*, actor, secondment: Secondment, upload) -> SecondmentReport:
    """IR 7.3: the judge's report received; its term closes as met or late, and the next term
    is set by the IR when it is known."""
    check_ir_staff(actor)
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        locked = Secondment.objects.select_for_update().get(pk=secondment.pk)
        report = SecondmentReport.objects.create(secondment=locked, uploaded_by=actor, **fields)
        _close_report_term(locked, actor)
        locked.report_due_on = None
        locked.save(update_fields=["report_due_on"])
        audit_record(
            actor=actor,
            action="ir.secondment.report_added",
            obj=locked,
            after={"report": report.pk, "name": report.original_name, "sha256": report.sha256},
        )
    secondment.refresh_from_db()
    return report
