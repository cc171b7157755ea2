"""The dashboards as PDF (made on the PDF queue) and XLSX, and the Monday report to the
Chairman and the Head of the Court Administration (issue 8.4, 8.5)."""

import shutil
import subprocess
from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from courtadmin.celery import app as celery_app
from courtadmin.dashboard import services
from courtadmin.dashboard.models import BoardExport
from courtadmin.dashboard.panels import LEADERSHIP
from tests.dashboard.test_dashboard import board_url

PDFTOTEXT = shutil.which("pdftotext")


def pdf_text(content: bytes) -> str:
    if PDFTOTEXT is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    return subprocess.run(  # noqa: S603 - a fixed local program on bytes we made
        [PDFTOTEXT, "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def export_as(client, board, django_capture_on_commit_callbacks) -> BoardExport:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("dashboard:board-pdf", args=[board]) + "?" + board_url().split("?")[1])
    assert response.status_code == 302
    return BoardExport.objects.latest("pk")


def test_the_pdf_is_made_in_the_background_for_its_reader_alone(
    people, client_for, eager, django_capture_on_commit_callbacks
):
    export = export_as(client_for("chairman"), LEADERSHIP, django_capture_on_commit_callbacks)
    assert export.state == BoardExport.State.READY and export.language == "kk"
    download = client_for("chairman").get(reverse("dashboard:export-download", args=[export.pk]))
    content = b"".join(download.streaming_content)
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "Ішкі қауіпсіздік" in text and "Халықаралық құқықтық көмек" in text
    for username in ("ca_head", "isd_head", "sysadmin"):
        other = client_for(username)
        assert other.get(reverse("dashboard:export", args=[export.pk])).status_code == 404
        assert other.get(reverse("dashboard:export-download", args=[export.pk])).status_code == 404


def test_the_pdf_of_the_ca_deputy_holds_no_trace_of_the_isd(
    people, client_for, eager, django_capture_on_commit_callbacks
):
    export = export_as(client_for("ca_deputy"), LEADERSHIP, django_capture_on_commit_callbacks)
    text = pdf_text(export.file.read())
    with translation.override(export.language):
        assert gettext("International legal assistance") in text
        for isd_word in ("Internal Security", "Complaints received", "Criminal cases opened, by region and stage"):
            assert gettext(isd_word) not in text


def test_a_board_he_may_not_open_is_not_exported(people, client_for):
    for username, board in (("ca_deputy", "ISD"), ("ir_head", LEADERSHIP), ("isd_officer", "ISD")):
        response = client_for(username).post(reverse("dashboard:board-pdf", args=[board]))
        assert response.status_code == 404, username
    assert not BoardExport.objects.exists()


def test_a_failed_pdf_says_why_and_is_made_again_on_request(
    people, client_for, eager, django_capture_on_commit_callbacks, monkeypatch
):
    from courtadmin.dashboard import pdf

    def broken(**kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pdf, "render_board_pdf", broken)
    monkeypatch.setattr("courtadmin.core.jobs.MAX_ATTEMPTS", 1)  # the first failure is the last
    client = client_for("chairman")
    export = export_as(client, LEADERSHIP, django_capture_on_commit_callbacks)
    assert export.state == BoardExport.State.FAILED and "disk full" in export.error
    monkeypatch.undo()
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("dashboard:export-retry", args=[export.pk]))
    export.refresh_from_db()
    assert export.state == BoardExport.State.READY


def test_the_workbook_holds_the_panels_the_reader_sees(people, client_for):
    response = client_for("chairman").get(reverse("dashboard:board-xlsx", args=[LEADERSHIP]))
    assert len(load_workbook(BytesIO(response.getvalue())).sheetnames) == 5  # IR: three panels; the ISD: two


MONDAY = date(2026, 11, 23)


def test_on_monday_the_chairman_and_the_head_get_last_weeks_board_once_in_their_language(
    people, eager, django_capture_on_commit_callbacks
):
    ca_head = people["ca_head"].user
    ca_head.language = "ru"
    ca_head.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        assert services.weekly_reports_queue(today=MONDAY) == 2
    assert sorted(message.to[0] for message in mail.outbox) == sorted([people["chairman"].user.email, ca_head.email])
    by_reader = {message.to[0]: message for message in mail.outbox}
    assert "Басшылықтың" in by_reader[people["chairman"].user.email].subject
    assert "руководства" in by_reader[ca_head.email].subject
    (name, content, kind) = by_reader[ca_head.email].attachments[0]
    assert kind == "application/pdf" and content.startswith(b"%PDF")
    report = BoardExport.objects.get(requested_by=ca_head)
    assert (report.start, report.end) == (MONDAY - timedelta(days=7), MONDAY - timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):  # beat fires twice, a worker runs a task again
        assert services.weekly_reports_queue(today=MONDAY) == 0
    services.weekly_report_send(export_id=report.pk)
    assert len(mail.outbox) == 2 and BoardExport.objects.count() == 2


def test_a_report_whose_mail_failed_is_sent_on_the_next_attempt_and_only_then(
    people, eager, django_capture_on_commit_callbacks, monkeypatch
):
    from django.core.mail import EmailMessage

    sent = EmailMessage.send

    def unreachable(self, *args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr(EmailMessage, "send", unreachable)
    monkeypatch.setattr("courtadmin.core.jobs.MAX_ATTEMPTS", 1)
    with django_capture_on_commit_callbacks(execute=True):
        services.weekly_reports_queue(today=MONDAY)
    assert not mail.outbox and not BoardExport.objects.filter(emailed_at__isnull=False).exists()
    monkeypatch.setattr(EmailMessage, "send", sent)
    for report in BoardExport.objects.all():
        assert report.state == BoardExport.State.READY  # the PDF was kept; only the mail failed
        assert services.weekly_report_send(export_id=report.pk)
        assert not services.weekly_report_send(export_id=report.pk)
    assert len(mail.outbox) == 2
