"""The registry and its figures as XLSX workbooks (IR 7.27), in the reader's language."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook

# A workbook is for reading and filtering further, not for moving the whole registry.
EXPORT_LIMIT = 100_000


def _saved(book) -> bytes:
    output = BytesIO()
    book.save(output)
    return output.getvalue()


def registry_workbook(requests) -> bytes:
    """The list as filtered on the page, streamed row by row (write-only workbook)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Requests")[:31])
    sheet.append(
        [
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
    )
    rows = requests.select_related("country", "treaty", "court", "foreign_authority", "officer__person")
    written = 0
    for request in rows[:EXPORT_LIMIT].iterator(chunk_size=2000):
        written += 1
        sheet.append(
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
                str(getattr(request.officer, "person", None) or request.officer.get_username()),
            ]
        )
    if written == EXPORT_LIMIT and rows.count() > EXPORT_LIMIT:
        sheet.append([_("Only the first %(limit)d rows: narrow the filters for the rest.") % {"limit": EXPORT_LIMIT}])
    return _saved(book)


def figures_workbook(figures: dict) -> bytes:
    book = Workbook(write_only=True)
    for title, rows in (
        (_("By status"), figures["by_status"]),
        (_("By country"), figures["by_country"]),
        (_("By treaty"), figures["by_treaty"]),
        (_("By court"), figures["by_court"]),
    ):
        sheet = book.create_sheet(str(title)[:31])
        sheet.append([str(title), _("Requests")])
        for entry, count in rows:
            sheet.append([str(entry if entry is not None else "—"), count])
    sheet = book.create_sheet(_("Execution time")[:31])
    sheet.append([_("Year"), _("Quarter"), _("Executed"), _("Median, days"), _("90th percentile, days")])
    for row in figures["execution_times"]:
        sheet.append([row["year"], row["quarter"], row["count"], row["median"], row["p90"]])
    sheet = book.create_sheet(_("Summary")[:31])
    sheet.append([_("Requests"), figures["total"]])
    sheet.append([_("Overdue now"), figures["overdue"]])
    return _saved(book)
