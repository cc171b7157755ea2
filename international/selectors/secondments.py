"""Reads of the judges sent to international bodies (IR 7.3): the IR's staff and the Court
Administration's leadership read them; anyone else gets 404."""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.utils import timezone

from courtadmin.core.search import containing

from ..models import Secondment, SecondmentReport
from ..permissions import reads_ir


def secondments_visible_to(user):
    return Secondment.objects.all() if reads_ir(user) else Secondment.objects.none()


@dataclass(frozen=True)
class SecondmentFilter:
    text: str = ""
    current: bool = False
    report_late: bool = False


def secondment_register(user, filters: SecondmentFilter = SecondmentFilter()):
    secondments = secondments_visible_to(user)
    today = timezone.localdate()
    if filters.current:
        secondments = secondments.filter(starts_on__lte=today, ends_on__gte=today)
    if filters.report_late:
        secondments = secondments.filter(report_due_on__lt=today)
    if text := filters.text.strip():
        secondments = containing(secondments, ("judge", "body"), text)
    return secondments.select_related("partner", "officer__person").order_by("-starts_on", "-pk")


def get_secondment_for_user(user, pk) -> Secondment:
    return get_object_or_404(secondments_visible_to(user).select_related("partner", "officer__person"), pk=pk)


def get_report_for_user(user, pk, report_pk) -> SecondmentReport:
    secondment = get_secondment_for_user(user, pk)
    return get_object_or_404(SecondmentReport.objects.filter(secondment=secondment), pk=report_pk)


def secondment_parts(secondment) -> dict:
    return {
        "support": secondment.support.select_related("given_by__person").order_by("-on", "-pk"),
        "reports": secondment.reports.select_related("uploaded_by__person").order_by("pk"),
    }
