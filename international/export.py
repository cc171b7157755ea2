"""The registry and its figures as XLSX workbooks (IR 7.27), in the reader's language."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from courtadmin.core.workbooks import append, new_workbook, saved, table

# A workbook is for reading and filtering further, not for moving the whole registry.
EXPORT_LIMIT = 100_000


def registry_workbook(requests) -> bytes:
    """The list as filtered on the page, streamed row by row (write-only workbook)."""
    book = new_workbook()
    header = [
        _("Registration number"),
        _("Date of receipt"),
        _("Direction"),
        _("What is asked"),
        _("Case category"),
        _("Status"),
        _("Foreign state"),
        _("Foreign authority"),
        _("Court of Kazakhstan"),
        _("Case number"),
        _("Treaty basis"),
        _("Executed"),
        _("Officer"),
    ]
    rows = requests.select_related("country", "treaty", "court", "foreign_authority", "officer__person")
    lines = (
        [
            request.registration_number,
            request.received_on,
            request.get_direction_display(),
            request.get_subject_display(),
            request.get_category_display(),
            request.get_status_display(),
            str(request.country),
            str(request.foreign_authority or ""),
            str(request.court or ""),
            request.case_number,
            str(request.treaty),
            request.executed_on,
            str(request.officer),
        ]
        for request in rows[:EXPORT_LIMIT].iterator(chunk_size=2000)
    )
    sheet, written = table(book, _("Requests"), header, lines)
    if written == EXPORT_LIMIT and rows.count() > EXPORT_LIMIT:
        append(sheet, [_("Only the first %(limit)d rows: narrow the filters for the rest.") % {"limit": EXPORT_LIMIT}])
    return saved(book)


def figures_workbook(figures: dict) -> bytes:
    book = new_workbook()
    for title, rows in (
        (_("By status"), figures["by_status"]),
        (_("By country"), figures["by_country"]),
        (_("By treaty"), figures["by_treaty"]),
        (_("By court"), figures["by_court"]),
    ):
        table(book, title, [str(title), _("Requests")], ([str(e if e is not None else "—"), n] for e, n in rows))
    table(
        book,
        _("Execution time"),
        [_("Year"), _("Quarter"), _("Executed"), _("Median, days"), _("90th percentile, days")],
        ([r["year"], r["quarter"], r["count"], r["median"], r["p90"]] for r in figures["execution_times"]),
    )
    table(
        book,
        pgettext("workbook", "Totals"),
        [pgettext("workbook", "Figure"), _("Requests")],
        [[_("Requests"), figures["total"]], [_("Overdue now"), figures["overdue"]]],
    )
    return saved(book)
