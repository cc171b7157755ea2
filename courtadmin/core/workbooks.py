"""XLSX workbooks for the portal's exports: streamed (write-only), and with every text written
as text. A name typed as "=HYPERLINK(...)" stays a name in the reader's spreadsheet: no cell
of an export is ever a formula (OWASP: formula injection).

A table (`table`) is laid out for reading: its header bold, frozen at the top and filtering
its columns, each column as wide as its longest value among the first rows, dates as dates
shown day.month.year (never `###`), times in Almaty's time.
"""

import itertools
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

BOLD = Font(bold=True)
DATE = "DD.MM.YYYY"
DATE_TIME = "DD.MM.YYYY HH:MM"
# The rows that set the columns' widths (the rest are streamed after them), and the widest.
WIDTH_SAMPLE, WIDEST = 200, 60


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def add_sheet(book: Workbook, title):
    return book.create_sheet(str(title)[:31])


def _cell(sheet, value, bold: bool = False) -> WriteOnlyCell:
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.make_naive(value)  # a spreadsheet knows no time zones: the reader's (Almaty)
    elif value is not None and not isinstance(value, (int, float, Decimal, str, date)):  # amounts stay numbers
        value = str(value)  # lazy translations, model instances
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would take a leading "=" for a formula
    elif isinstance(value, datetime):
        cell.number_format = DATE_TIME
    elif isinstance(value, date):
        cell.number_format = DATE
    if bold:
        cell.font = BOLD
    return cell


def append(sheet, values, *, bold: bool = False) -> None:
    """One row; text (also lazy translations) as text, numbers and dates as themselves."""
    sheet.append([_cell(sheet, value, bold) for value in values])


def _width(value) -> int:
    if isinstance(value, datetime):
        return len(DATE_TIME)
    if isinstance(value, date):
        return len(DATE)
    return max((len(line) for line in str(value if value is not None else "").splitlines()), default=0)


def table(book: Workbook, title, header, rows):
    """A sheet of one table: the header bold, frozen and filtering. Returns the sheet (a note
    may follow the table) and the number of rows written."""
    sheet = add_sheet(book, title)
    rows = iter(rows)
    first = list(itertools.islice(rows, WIDTH_SAMPLE))
    widths = [_width(name) for name in header]
    for row in first:
        widths = [max(width, _width(value)) for width, value in itertools.zip_longest(widths, row, fillvalue="")]
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = min(WIDEST, width + 2)
    sheet.freeze_panes = "A2"
    append(sheet, header, bold=True)
    written = 0
    for row in itertools.chain(first, rows):
        append(sheet, row)
        written += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(1, len(header)))}{written + 1}"
    return sheet, written


def saved(book: Workbook) -> bytes:
    output = BytesIO()
    book.save(output)
    return output.getvalue()


def single_sheet(title, header, rows) -> bytes:
    """A workbook of one table."""
    book = new_workbook()
    table(book, title, header, rows)
    return saved(book)
