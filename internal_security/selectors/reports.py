"""Reads of the territorial units' periodic reports (ISD 5.12, 6.18): every unit's for the
central ISD and those it reports to, a unit's own for that unit
(`permissions.registers_within_reach`); anyone else finds none, and 404 on each page."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import ReportingForm, UnitReport, UnitReportFile
from ..permissions import registers_within_reach

OPEN = (UnitReport.Status.DUE, UnitReport.Status.RETURNED)


def reports_visible_to(user):
    return registers_within_reach(UnitReport.objects.select_related("form", "region"), user)


def get_report_for_user(user, pk) -> UnitReport:
    return get_object_or_404(reports_visible_to(user), pk=pk)


def get_report_file_for_user(user, pk, file_pk) -> UnitReportFile:
    report = get_report_for_user(user, pk)
    return get_object_or_404(UnitReportFile.objects.select_related("report"), report=report, pk=file_pk)


def report_register(user, *, form=None, region=None, status="", year=None, overdue=False):
    """The reports within the user's reach, filtered, the latest period first; `overdue`: not
    sent (or sent back) and past their term."""
    reports = reports_visible_to(user)
    for lookup, value in (("form", form), ("region", region), ("status", status), ("period_start__year", year)):
        if value:
            reports = reports.filter(**{lookup: value})
    if overdue:
        reports = reports.filter(Q(status__in=OPEN) & Q(due_on__lt=timezone.localdate()))
    return reports.order_by("-period_start", "form__code", "region__name", "pk")


def reporting_forms():
    return ReportingForm.objects.order_by("code")
