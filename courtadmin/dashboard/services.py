"""Writes of the dashboards: PDF exports made in the background (the `documents` queue) and
the Monday report to the Chairman and the Head of the Court Administration (issue 8.5)."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courtadmin.audit.services import audit_record
from courtadmin.core.jobs import job_promise
from courtadmin.org.models import Person, Position

from .models import BoardExport
from .panels import LEADERSHIP, board_title, panels_for
from .periods import Period
from .selectors import board_for

PDF_JOB = "dashboard.pdf"


def export_job(payload: dict) -> None:
    """The job of an export: its PDF, then, for a Monday report, its e-mail (each idempotent)."""
    export_produce(export_id=payload["export_id"])
    weekly_report_send(export_id=payload["export_id"])


def weekly_report_due(now) -> str | None:
    """The week whose report is due at `now`: from Monday 07:30 (Asia/Almaty) until Sunday."""
    local = timezone.localtime(now)
    monday = local.date() - timedelta(days=local.weekday())
    if local.weekday() == 0 and (local.hour, local.minute) < (7, 30):
        return None
    return monday.isoformat()


def _queue(export: BoardExport) -> None:
    """The export's PDF (and, for a Monday report, its e-mail), promised with the export's row."""
    job_promise(PDF_JOB, str(export.pk), export_id=export.pk)


def export_request(*, actor, board: str, period: Period, language: str) -> BoardExport:
    """A PDF of a board the actor may open, for him, in his language."""
    if not panels_for(actor, board):
        raise PermissionDenied
    with transaction.atomic():
        export = BoardExport.objects.create(
            requested_by=actor,
            board=board,
            period_kind=period.kind,
            start=period.start,
            end=period.end,
            language=language,
        )
        audit_record(actor=actor, action="dashboard.export_requested", obj=export, after={"board": board})
        _queue(export)
    return export


def export_period(export: BoardExport) -> Period:
    return Period(export.period_kind, export.start, export.end)


def export_produce(*, export_id: int) -> None:
    """Build the board for its reader as he may see it now, and keep the PDF. Idempotent: a
    ready export is left alone; of two runs racing, the first one kept wins."""
    from .pdf import render_board_pdf

    export = BoardExport.objects.select_related("requested_by").get(pk=export_id)
    if export.state == BoardExport.State.READY:
        return
    period = export_period(export)
    with translation.override(export.language):
        try:
            built = board_for(export.requested_by, export.board, period)
        except Http404:
            export_failed(export_id=export_id, error=_("This dashboard is no longer open to you."))
            return
        pdf = render_board_pdf(
            built=built, period=period, board_title=str(board_title(export.board)), user=export.requested_by
        )
    with transaction.atomic():
        locked = BoardExport.objects.select_for_update().get(pk=export_id)
        if locked.state == BoardExport.State.READY:
            return
        locked.file.save(f"dashboard-{locked.pk}.pdf", ContentFile(pdf), save=False)
        locked.state, locked.error, locked.ready_at = BoardExport.State.READY, "", timezone.now()
        locked.save(update_fields=["file", "state", "error", "ready_at"])


def export_failed(*, export_id: int, error) -> None:
    with transaction.atomic():
        locked = BoardExport.objects.select_for_update().get(pk=export_id)
        if locked.state != BoardExport.State.READY:
            locked.state, locked.error = BoardExport.State.FAILED, str(error)[:500]
            locked.save(update_fields=["state", "error"])


def export_retry(*, actor, export: BoardExport) -> None:
    if export.state != BoardExport.State.FAILED:
        return
    with transaction.atomic():
        BoardExport.objects.filter(pk=export.pk).update(state=BoardExport.State.PENDING, error="")
        _queue(export)


# --- The Monday report (issue 8.5) -------------------------------------------------------------


def week_before(today: date) -> Period:
    """Monday to Sunday of the week before the one `today` is in."""
    monday = today - timedelta(days=today.weekday())
    return Period("custom", monday - timedelta(days=7), monday - timedelta(days=1))


def weekly_recipients():
    """The Chairman and the Head of the Court Administration, where they have an e-mail."""
    return (
        Person.objects.filter(position__kind__in=[Position.Kind.CHAIRMAN, Position.Kind.CA_HEAD])
        .filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
    )


def weekly_reports_queue(*, today: date | None = None) -> int:
    """One report per recipient and week: made once, e-mailed once, whatever runs twice."""
    today = today or timezone.localdate()
    week = week_before(today)
    monday = week.end + timedelta(days=1)
    queued = 0
    for person in weekly_recipients():
        user = person.user
        try:
            with transaction.atomic():
                export, _created = BoardExport.objects.get_or_create(
                    requested_by=user,
                    weekly_for=monday,
                    defaults={
                        "board": LEADERSHIP,
                        "period_kind": week.kind,
                        "start": week.start,
                        "end": week.end,
                        "language": user.language or settings.LANGUAGE_CODE,
                    },
                )
        except IntegrityError:  # another run made it a moment ago
            continue
        if export.emailed_at is None:
            with transaction.atomic():
                _queue(export)
            queued += 1
    return queued


def weekly_report_send(*, export_id: int) -> bool:
    """E-mail a ready Monday report to its reader, once: the row is locked, and a report
    already sent is not sent again."""
    with transaction.atomic():
        export = BoardExport.objects.select_for_update().select_related("requested_by").get(pk=export_id)
        if export.weekly_for is None or export.emailed_at is not None or export.state != BoardExport.State.READY:
            return False
        user = export.requested_by
        with translation.override(export.language):
            period = export_period(export)
            subject = _("The leadership's dashboard, %(period)s") % {"period": period.label}
            body = _("The dashboard of the two departments for %(period)s is attached.\n\n%(url)s\n") % {
                "period": period.label,
                "url": settings.PORTAL_URL.rstrip("/") + "/dashboard/",
            }
            message = EmailMessage(subject=subject, body=body, to=[user.email])
        with export.file.open("rb") as pdf:
            message.attach(f"dashboard-{export.start:%Y-%m-%d}.pdf", pdf.read(), "application/pdf")
        message.send()
        export.emailed_at = timezone.now()
        export.save(update_fields=["emailed_at"])
    return True
