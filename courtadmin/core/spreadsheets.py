"""Reading a table a user uploads: a CSV (UTF-8, comma or semicolon) or an XLSX workbook's first
sheet, whose first non-empty row names the columns. Used by every import of the portal (the
courts' catalog, the UN treaty bodies' recommendations, the CEPEJ questionnaire).

A file that cannot be taken at all (type, size, encoding, a damaged or hostile workbook, a
missing column, too many rows) is refused with a ValidationError saying why; what each row
means is for the import that reads it.
"""

import csv
import io
import zipfile

import openpyxl
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from openpyxl.utils.exceptions import InvalidFileException

from .uploads import extension_of, safe_display_name, validate_upload

MB = 1024 * 1024
MAX_BYTES = 2 * MB
MAX_ROWS = 5000
MAX_UNPACKED_BYTES = 50 * MB
EXTENSIONS = ("csv", "xlsx")
# Cells read past the named columns of a row: the rest of a wide sheet is not read at all.
SPARE_COLUMNS = 20

# What a damaged or hostile workbook makes openpyxl raise: defusedxml's refusals are ValueErrors,
# XML parse errors (ElementTree's and lxml's) are SyntaxErrors.
XLSX_ERRORS = (
    InvalidFileException,
    zipfile.BadZipFile,
    SyntaxError,
    OSError,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
)


def cell_text(value) -> str:
    """A cell as typed: a whole number stays whole (12, not 12.0), spaces around are dropped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def check_upload(upload) -> str:
    """The extension of an acceptable file, or a ValidationError saying why not."""
    extension = extension_of(safe_display_name(upload.name))
    if extension not in EXTENSIONS:
        raise ValidationError(gettext("Upload a CSV or XLSX file."), code="import_type")
    if upload.size > MAX_BYTES:
        raise ValidationError(
            gettext("The file is too large: at most %(limit)s.") % {"limit": filesizeformat(MAX_BYTES)},
            code="import_size",
        )
    if upload.size == 0:
        raise ValidationError(gettext("The file is empty."), code="import_empty")
    if extension == "xlsx":
        # The portal's own check of an XLSX package (its content, no macros).
        validate_upload(upload)
        _check_unpacked_size(upload)
    return extension


def _check_unpacked_size(upload) -> None:
    """A small package can unpack to gigabytes; openpyxl holds the shared strings in memory.
    zipfile stops reading a member at its declared size, so the declared sizes are what counts."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            unpacked = sum(member.file_size for member in package.infolist())
    except zipfile.BadZipFile:
        raise ValidationError(gettext("The XLSX file cannot be read."), code="import_unreadable") from None
    finally:
        upload.seek(0)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(
            gettext("The workbook is too large once unpacked: at most %(limit)s.")
            % {"limit": filesizeformat(MAX_UNPACKED_BYTES)},
            code="import_size",
        )


def _csv_lines(upload):
    """(spreadsheet row number, cells) of a UTF-8 CSV, comma or semicolon separated."""
    upload.seek(0)
    raw = upload.read(MAX_BYTES + 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(gettext("The CSV file is not in UTF-8."), code="import_encoding") from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # Records, not physical lines: a quoted cell may hold a line break, as in a spreadsheet.
        yield from enumerate(reader, 1)
    except csv.Error:
        raise ValidationError(gettext("The CSV file cannot be read."), code="import_unreadable") from None


def _xlsx_lines(upload, width: int):
    """(row number, cells) of the first sheet of an XLSX workbook, read as a stream."""
    upload.seek(0)
    try:
        workbook = openpyxl.load_workbook(upload, read_only=True, data_only=True)
    except XLSX_ERRORS:
        raise ValidationError(gettext("The XLSX file cannot be read."), code="import_unreadable") from None
    try:
        sheet = workbook.worksheets[0]
        yield from enumerate(sheet.iter_rows(values_only=True, max_col=width), 1)
    except XLSX_ERRORS:
        raise ValidationError(gettext("The XLSX file cannot be read."), code="import_unreadable") from None
    finally:
        workbook.close()


def read_table(upload, *, columns: tuple[str, ...], required: tuple[str, ...]) -> tuple[list[str], list]:
    """(the header, lower-cased; [(row number, {column: text})]) of an uploaded table, or a
    ValidationError for a file that cannot be taken at all. Empty rows are skipped; a column
    outside `columns` is ignored."""
    extension = check_upload(upload)
    lines = _csv_lines(upload) if extension == "csv" else _xlsx_lines(upload, len(columns) + SPARE_COLUMNS)
    header = None
    rows = []
    for number, cells in lines:
        cells = [cell_text(cell) for cell in cells]
        if not any(cells):
            continue
        if header is None:
            header = [cell.lower() for cell in cells]
            missing = [column for column in required if column not in header]
            if missing:
                raise ValidationError(
                    gettext("The first row must name the columns; missing: %(columns)s.")
                    % {"columns": ", ".join(missing)},
                    code="import_header",
                )
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationError(
                gettext("The file has more than %(limit)s rows. Split it into smaller files.") % {"limit": MAX_ROWS},
                code="import_rows",
            )
        values = dict(zip(header, cells, strict=False))
        rows.append((number, {column: values.get(column, "") for column in columns}))
    if header is None:
        raise ValidationError(gettext("The file is empty."), code="import_empty")
    if not rows:
        raise ValidationError(gettext("The file has no rows under its header."), code="import_no_rows")
    return header, rows
