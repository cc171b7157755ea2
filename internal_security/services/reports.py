"""Writes of the territorial units' periodic reports (ISD 5.12, 6.18), each audited: a form
of report set by the ISD head or deputy, the call for a period's reports (one per unit, each
with its term), a file sent with a report; the reports' moves are `workflow.report_move`."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.uploads import accepted_upload_fields
from courtadmin.deadlines.services import deadline_open
from courtadmin.org.models import Position, Unit

from ..models import ReportingForm, UnitReport, UnitReportFile
from ..permissions import is_isd_manager, unit_region, unit_staff
from ..workflow import REPORT_KIND

MONTHS = {
    ReportingForm.Period.MONTH: 1,
    ReportingForm.Period.QUARTER: 3,
    ReportingForm.Period.HALF_YEAR: 6,
    ReportingForm.Period.YEAR: 12,
}


def period_of(period: str, day: date) -> tuple[date, date]:
    """The period of a form's kind that holds `day`: its first and last days."""
    months = MONTHS[period]
    start = date(day.year, (day.month - 1) // months * months + 1, 1)
    return start, start + relativedelta(months=months) - timedelta(days=1)


def reporting_form_add(*, actor, form: ReportingForm) -> ReportingForm:
    """A form of report the units owe per period (ISD 5.12): set by the ISD head or deputy."""
    if not is_isd_manager(actor):
        raise PermissionDenied
    form.created_by = actor
    form.full_clean()
    with transaction.atomic():
        form.save()
        audit_record(actor=actor, action="isd.reporting_form.registered", obj=form, after={"code": form.code})
    return form


def reports_call(*, actor, form: ReportingForm, day: date) -> list[UnitReport]:
    """Call for the reports of the period holding `day` from every territorial ISD unit: one
    report each, due `days_after` the period ends, its term running for the unit's staff and
    escalated to the ISD head when missed. A unit called before for that period is not called
    again; a period still to begin is refused."""
    if not is_isd_manager(actor):
        raise PermissionDenied
    start, end = period_of(form.period, day)
    if start > timezone.localdate():
        raise ValidationError({"day": ValidationError(_("This period has not begun."), code="future")})
    regions = Unit.objects.filter(kind=Unit.Kind.TERRITORIAL_ISD, region__isnull=False).values_list("region", flat=True)
    called = set(UnitReport.objects.filter(form=form, period_start=start).values_list("region", flat=True))
    due_on = end + timedelta(days=form.days_after)
    created = []
    with transaction.atomic():
        for region_id in sorted(set(regions) - called):
            report = UnitReport.objects.create(
                form=form, region_id=region_id, period_start=start, period_end=end, due_on=due_on, called_by=actor
            )
            staff = unit_staff(region_id).order_by("pk")
            responsible = staff.filter(person__position__kind=Position.Kind.HEAD).first() or staff.first() or actor
            deadline_open(
                record=report, kind=REPORT_KIND, received_at=timezone.now(), responsible=responsible, due_on=due_on
            )
            audit_record(actor=actor, action="isd.unit_report.registered", obj=report, after={"due_on": due_on})
            created.append(report)
    if not created:
        raise ValidationError(_("Every unit is called for this period already."), code="called")
    return created


def report_file_add(*, actor, report: UnitReport, upload) -> UnitReportFile:
    """A file sent with the unit's report, by the unit, while the report is awaited."""
    own = unit_region(actor)
    if own is None or own.pk != report.region_id:
        raise ValidationError(_("Only the region's territorial ISD unit sends its report."), code="not_yours")
    if report.status not in (UnitReport.Status.DUE, UnitReport.Status.RETURNED):
        raise ValidationError(_("The report is sent; its files are closed."), code="closed")
    fields = accepted_upload_fields(upload)
    with transaction.atomic():
        stored = UnitReportFile.objects.create(report=report, uploaded_by=actor, **fields)
        audit_record(
            actor=actor,
            action="isd.unit_report.file_added",
            obj=report,
            after={"file": stored.pk, "name": stored.original_name, "sha256": stored.sha256},
        )
    return stored
