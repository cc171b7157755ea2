from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook


def journal_workbook(entries) -> bytes:
    """The journal as it is filtered on the page, as an XLSX workbook."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Journal")[:31]
    sheet.append(
        [_("Registration number"), _("Date"), _("Kind"), _("Subject"), _("Addressee"), _("Signed by"), _("Sent on")]
    )
    for entry in entries.iterator():
        signature = getattr(entry, "signature", None)
        sheet.append(
            [
                entry.registration_number,
                timezone.localdate(entry.registered_at) if entry.registered_at else None,
                str(entry.kind_label),
                entry.subject,
                entry.addressee,
                signature.signer_name_ru if signature else "",
                entry.sent_on,
            ]
        )
    output = BytesIO()
    book.save(output)
    return output.getvalue()
