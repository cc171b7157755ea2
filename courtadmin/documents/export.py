from django.utils import timezone
from django.utils.translation import gettext as _

from courtadmin.core.workbooks import single_sheet

WITHHELD = "—"  # the content of an entry its reader may not read (selectors.journal)


def journal_workbook(entries) -> bytes:
    """The journal as it is filtered on the page, as an XLSX workbook."""
    rows = (
        [
            entry.registration_number,
            timezone.localdate(entry.registered_at) if entry.registered_at else None,
            str(entry.kind_label),
            WITHHELD if entry.content_hidden else entry.subject,
            WITHHELD if entry.content_hidden else entry.addressee,
            entry.signature.signer_name_ru if getattr(entry, "signature", None) else "",
            entry.sent_on,
        ]
        for entry in entries.iterator()
    )
    header = [
        _("Registration number"),
        _("Date"),
        _("Kind"),
        _("Subject"),
        _("Addressee"),
        _("Signed by"),
        _("Sent on"),
    ]
    return single_sheet(_("Journal"), header, rows)
