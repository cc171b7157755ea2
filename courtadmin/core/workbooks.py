"""XLSX workbooks for the portal's exports: streamed (write-only), and with every text written
as text. A name typed as "=HYPERLINK(...)" stays a name in the reader's spreadsheet: no cell
of an export is ever a formula (OWASP: formula injection)."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def add_sheet(book: Workbook, title):
    return book.create_sheet(str(title)[:31])


def append(sheet, values) -> None:
    """One row; text (also lazy translations) as text, numbers and dates as themselves."""
    cells = []
    for value in values:
        if value is not None and not isinstance(value, (int, float, str)) and not hasattr(value, "isoformat"):
            value = str(value)
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # openpyxl would take a leading "=" for a formula
        cells.append(cell)
    sheet.append(cells)


def saved(book: Workbook) -> bytes:
    output = BytesIO()
    book.save(output)
    return output.getvalue()


def single_sheet(title, header, rows) -> bytes:
    """A workbook of one sheet: a header row and the rows."""
    book = new_workbook()
    sheet = add_sheet(book, title)
    append(sheet, header)
    for row in rows:
        append(sheet, row)
    return saved(book)
