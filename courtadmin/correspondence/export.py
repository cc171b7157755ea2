"""The journal of incoming letters as an XLSX workbook, as filtered on the page."""

from django.utils.translation import gettext as _

from courtadmin.core.workbooks import append, new_workbook, saved, table
from courtadmin.org import departments

# A workbook is for reading and filtering further, not for moving the whole journal.
EXPORT_LIMIT = 100_000


def letters_workbook(letters) -> bytes:
    book = new_workbook()
    header = [
        _("Registration number"),
        _("Department"),
        _("Received on"),
        _("Channel"),
        _("Sender"),
        _("Sender's name"),
        _("Sender's number"),
        _("Sender's date"),
        _("Language of the original"),
        _("Subject"),
        _("Marking"),
        _("Status"),
        _("Due"),
        _("Executed on time"),
    ]
    names = {rules.code: str(rules.name) for rules in departments.registered()}
    rows = letters.select_related("resolution")
    lines = (
        [
            letter.registration_number,
            names.get(letter.department, letter.department),
            letter.received_on,
            letter.get_channel_display(),
            letter.get_sender_kind_display(),
            letter.sender_name,
            letter.sender_number,
            letter.sender_date,
            letter.get_language_display(),
            letter.subject,
            letter.get_marking_display(),
            letter.get_status_display(),
            getattr(getattr(letter, "resolution", None), "due_on", None),
            "" if letter.term_kept is None else (_("yes") if letter.term_kept else _("no")),
        ]
        for letter in rows[:EXPORT_LIMIT].iterator(chunk_size=2000)
    )
    sheet, written = table(book, _("Incoming letters"), header, lines)
    if written == EXPORT_LIMIT and rows.count() > EXPORT_LIMIT:
        append(sheet, [_("Only the first %(limit)d rows: narrow the filters for the rest.") % {"limit": EXPORT_LIMIT}])
    return saved(book)
