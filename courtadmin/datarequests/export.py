"""The register of requests (or the inbox) as an XLSX workbook, as filtered on the page. It
never names the record a request serves (ISD 7)."""

from django.utils.translation import gettext as _

from courtadmin.core.workbooks import append, new_workbook, saved, table
from courtadmin.org import departments

# A workbook is for reading and filtering further, not for moving the whole register.
EXPORT_LIMIT = 100_000


def requests_workbook(requests) -> bytes:
    book = new_workbook()
    header = [
        _("Registration number"),
        _("Department"),
        _("Addressed unit"),
        _("Subject"),
        _("Legal basis"),
        _("Status"),
        _("Sent on"),
        _("Due"),
        _("Answered on"),
        _("Answered on time"),
    ]
    names = {rules.code: str(rules.name) for rules in departments.registered()}
    rows = requests.select_related("unit")
    lines = (
        [
            data_request.registration_number,
            names.get(data_request.department, data_request.department),
            str(data_request.unit),
            data_request.subject,
            data_request.legal_basis,
            data_request.get_status_display(),
            data_request.sent_at.date() if data_request.sent_at else None,
            data_request.due_on,
            data_request.answered_on,
            "" if data_request.term_kept is None else (_("yes") if data_request.term_kept else _("no")),
        ]
        for data_request in rows[:EXPORT_LIMIT].iterator(chunk_size=2000)
    )
    sheet, written = table(book, _("Requests"), header, lines)
    if written == EXPORT_LIMIT and rows.count() > EXPORT_LIMIT:
        append(sheet, [_("Only the first %(limit)d rows: narrow the filters for the rest.") % {"limit": EXPORT_LIMIT}])
    return saved(book)
