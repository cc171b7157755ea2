"""The control list of instructions as an XLSX workbook, as filtered on the page: the rows,
then the figures per executor and per unit over their period (core.periods)."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courtadmin.core.workbooks import append, new_workbook, saved, table
from courtadmin.org import departments

# A workbook is for reading and filtering further, not for moving the whole register.
EXPORT_LIMIT = 100_000


def _lead(instruction) -> str:
    leads = getattr(instruction, "leads", [])
    return str(leads[0].user.person) if leads and hasattr(leads[0].user, "person") else ""


def instructions_workbook(instructions, figures, period) -> bytes:
    book = new_workbook()
    names = {rules.code: str(rules.name) for rules in departments.registered()}
    header = [
        _("Registration number"),
        _("Department"),
        _("Given by"),
        _("Given at"),
        _("Instruction"),
        _("Lead executor"),
        _("Due"),
        _("Status"),
        _("Term"),
        _("Reported on"),
    ]
    lines = (
        [
            instruction.registration_number,
            names.get(instruction.department, instruction.department),
            str(getattr(instruction.given_by, "person", "") or instruction.given_by),
            instruction.given_at,
            instruction.text,
            _lead(instruction),
            instruction.due_on,
            instruction.get_status_display(),
            instruction.term_state_label,
            instruction.reported_on,
        ]
        for instruction in instructions[:EXPORT_LIMIT]
    )
    sheet, written = table(book, _("Instructions"), header, lines)
    if written == EXPORT_LIMIT:
        append(sheet, [_("Only the first %(limit)d rows: narrow the filters for the rest.") % {"limit": EXPORT_LIMIT}])
    counts = [_("On time"), _("Late"), _("Running"), _("Overdue")]
    counted = _("Instructions given from %(start)s to %(end)s") % {
        "start": date_format(period.start, "SHORT_DATE_FORMAT"),
        "end": date_format(period.end, "SHORT_DATE_FORMAT"),
    }
    for key, title, who in (
        ("executors", _("By executor"), _("Executor")),
        ("units", _("By unit"), _("Unit")),
    ):
        sheet, _written = table(
            book,
            title,
            [who, *counts],
            ([line.name, line.on_time, line.late, line.running, line.overdue] for line in figures[key]),
        )
        append(sheet, [counted])
    return saved(book)
