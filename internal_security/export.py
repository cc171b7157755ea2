"""The ISD's list of complaints as an XLSX workbook: the rows the reader may see, nothing more."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook


def complaints_workbook(complaints) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Complaints")[:31])
    sheet.append(
        [_("Registration number"), _("Date of receipt"), _("Region"), _("Court concerned"), _("Summary"), _("Status")]
    )
    for complaint in complaints.iterator(chunk_size=2000):
        sheet.append(
            [
                complaint.number,
                complaint.received_on,
                str(complaint.region),
                complaint.court,
                complaint.summary,
                complaint.get_status_display(),
            ]
        )
    output = BytesIO()
    book.save(output)
    return output.getvalue()
