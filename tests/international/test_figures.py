"""The registry's figures (IR 7.27): counts, overdue, and the days from receipt to execution by
quarter; their workbook beside the list's."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from international.models import KazakhCourt, LegalAssistanceRequest
from international.selectors.requests import figures
from international.workflow import request_move

from .factories import la_request, put

R = LegalAssistanceRequest


def test_the_list_and_the_figures_export_to_xlsx(people, officer_client):
    la_request(officer_client.officer, number="7/2026")
    response = officer_client.get(reverse("international:request-export"), {"text": "7/2026"})
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == "7/2026"
    response = officer_client.get(reverse("international:request-figures-export"))
    book = load_workbook(BytesIO(b"".join(response.streaming_content)))
    assert len(book.sheetnames) == 6


def test_figures_count_overdue_and_compute_median_and_90th_percentile(people):
    """IR 7.27: days from receipt to execution, by year and quarter of execution."""
    officer = people["ir_officer"].user
    received = timezone.localdate() - timedelta(days=200)
    for n, days in enumerate([10, 20, 30, 40, 100]):
        request = la_request(officer, number=f"{n}/2026", received_on=received)
        put(request, executed_on=received + timedelta(days=days), status="executed")
    overdue = la_request(officer, number="9/2026", received_on=received)
    request_move(request=overdue, move="check", actor=officer)
    put(overdue, court=KazakhCourt.objects.first(), status="sent_to_court")
    request_move(request=overdue, move="court_received", actor=officer, on=received + timedelta(days=1))
    result = figures(officer)
    assert result["total"] == 6 and result["overdue"] == 1
    times = {(row["year"], row["quarter"]): row for row in result["execution_times"]}
    assert sum(row["count"] for row in times.values()) == 5
    if len(times) == 1:  # all five executed in one quarter: the exact figures
        (row,) = times.values()
        assert row["median"] == 30 and row["p90"] == pytest.approx(76.0)
