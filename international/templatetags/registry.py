"""The legal-assistance registry's rows, written in Python as Django's admin writes its
changelist rows: a template node per cell cost about 10 ms for a page of 50 requests on a
million, a fifth of the page's time budget (docs/benchmarks.md, `la_list`). The same cells
as the table's header in request_list.html, every value escaped by format_html."""

from django import template
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from ..models import LegalAssistanceRequest, Subject

register = template.Library()

ROW = (
    '<tr class="request-row"><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
    "<td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"
)


def _due(row, overdue: str) -> str:
    if row.due_on is None:
        return ""
    if row.is_overdue:
        return format_html(
            '{} <span class="badge text-bg-danger">{}</span>', date_format(row.due_on, "SHORT_DATE_FORMAT"), overdue
        )
    return date_format(row.due_on, "SHORT_DATE_FORMAT")


@register.simple_tag
def request_rows(rows):
    """The <tr> of each row of selectors.registry_page()."""
    # The labels once per page: get_FOO_display() rebuilds the whole choice list at every call.
    directions = {"incoming": gettext("incoming"), "outgoing": gettext("outgoing")}
    subjects, statuses = dict(Subject.choices), dict(LegalAssistanceRequest.Status.choices)
    overdue = gettext("overdue")
    return format_html_join(
        "",
        ROW,
        (
            (
                reverse("international:request-detail", args=[row.pk]),
                row.registration_number,
                date_format(row.received_on, "SHORT_DATE_FORMAT"),
                directions[row.direction],
                subjects[row.subject],
                row.country,
                row.case_number,
                row.court or "—",
                statuses[row.status],
                _due(row, overdue),
                getattr(getattr(row.officer, "person", None), "full_name", "") or row.officer.get_username(),
            )
            for row in rows
        ),
    )
