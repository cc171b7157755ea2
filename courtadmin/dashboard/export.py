"""A dashboard as an XLSX workbook: the same panels the reader sees, a sheet each."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courtadmin.core.workbooks import add_sheet, append, new_workbook, saved


def month_name(day) -> str:
    """The month in full with its year, in the reader's language: "қараша 2026", "ноябрь 2026"."""
    return date_format(day, "F Y")


def board_workbook(built: list, period) -> bytes:
    book = new_workbook()
    for entry in built:
        sheet = add_sheet(book, entry.panel.title)
        for column, width in zip("ABCD", (48, 16, 16, 12), strict=True):
            sheet.column_dimensions[column].width = width
        append(sheet, [str(entry.panel.title), period.label], bold=True)
        append(sheet, [])
        append(sheet, [_("Figure"), period.label, _("A year earlier"), _("Unit of measure")], bold=True)
        for figure in entry.data.figures:
            append(sheet, [figure.label, figure.value, figure.previous, figure.unit])
        for trend in entry.data.trends:
            append(sheet, [])
            append(sheet, [trend.label, _("the last twelve months"), _("a year earlier")], bold=True)
            for month, value, previous in zip(trend.months, trend.values, trend.previous, strict=True):
                append(sheet, [month_name(month), value, previous])
        for region_map in entry.data.maps:
            append(sheet, [])
            append(sheet, [_("Region"), region_map.title], bold=True)
            for counted in region_map.counts:
                append(sheet, [counted.region.name, counted.count])
        for table in entry.data.tables:
            append(sheet, [])
            append(sheet, [table.title, *table.columns], bold=True)
            for row in table.rows:
                append(
                    sheet,
                    [
                        row.label,
                        *(date_format(v, "SHORT_DATE_FORMAT") if hasattr(v, "isoformat") else v for v in row.values),
                    ],
                )
    return saved(book)
