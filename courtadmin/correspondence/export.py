"""The journals of incoming and outgoing letters as XLSX workbooks, as filtered on their pages."""

from django.utils import timezone
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


def outgoing_workbook(documents) -> bytes:
    """The outgoing journal (issue 20, item 7) as filtered on its page, with the incoming letter
    each document answers where the reader reaches it (`selectors.outgoing_register`)."""
    book = new_workbook()
    header = [
        _("Registration number"),
        _("Department"),
        _("Registered on"),
        _("Kind"),
        _("Addressee"),
        _("Subject"),
        _("Signed by"),
        _("Channel"),
        _("Sent on"),
        _("Answers incoming letter"),
    ]
    names = {rules.code: str(rules.name) for rules in departments.registered()}
    lines = (
        [
            document.registration_number,
            names.get(document.department, document.department),
            timezone.localdate(document.registered_at) if document.registered_at else None,
            str(document.kind_label),
            document.addressee,
            document.subject,
            getattr(getattr(document, "signature", None), "signer_name", ""),
            document.get_channel_display(),
            document.sent_on,
            document.answers_letter_number or "",
        ]
        for document in documents[:EXPORT_LIMIT].iterator(chunk_size=2000)
    )
    sheet, written = table(book, _("Outgoing letters"), header, lines)
    if written == EXPORT_LIMIT and documents.count() > EXPORT_LIMIT:
        append(sheet, [_("Only the first %(limit)d rows: narrow the filters for the rest.") % {"limit": EXPORT_LIMIT}])
    return saved(book)
