""" "My work": the home page's panels, live from the selectors of the app whose records each
lists, within the reader's reach (the working-day issue).

Each app registers its panels in `ready()` (documents: what waits for my visa or signature;
deadlines: my running terms; each department: the records in my charge; the bell: what
changed on my records), so the core knows none of their models. A panel gives at most `limit`
lines and how many there are in all, counted up to COUNT_CAP (`counted`); each line links to
its record.
"""

from collections.abc import Callable
from dataclasses import dataclass

from courtadmin.org.authority import department_access

LIMIT = 8
# A panel counts its lines up to this many and says "99+" beyond: counting them all would read
# every one (a hundred thousand for someone in charge of a tenth of a register), to tell the
# reader only that there are more than a day's work. So the page costs the same for any load.
COUNT_CAP = 99


def counted(queryset) -> int:
    """How many rows `queryset` holds, up to COUNT_CAP + 1 (which stands for "more")."""
    return queryset.order_by()[: COUNT_CAP + 1].count()


@dataclass(frozen=True)
class WorkItem:
    text: str
    url: str
    note: str = ""
    overdue: bool = False
    language: str = ""  # the text's, where it is not the page's (a notification written earlier)
    quote: str = ""  # the words people wrote within the text (a subject), marked with their language


@dataclass(frozen=True)
class WorkPanel:
    code: str
    title: str  # lazy translations
    empty: str
    items: Callable  # (user, limit) -> (lines, how many in all)
    order: int = 50
    all_url: str = ""  # the whole list, when there are more lines than the panel shows
    # The department whose records it lists: only those who may open that department at all
    # see the panel (ISD 7: the ISD's part is not built for anyone it does not report to).
    department: str = ""
    # Whose work it is, if not everyone's in that department (user -> bool): the head's
    # assigning is not an officer's.
    shown_to: Callable | None = None


_PANELS: dict[str, WorkPanel] = {}


def register_work_panel(panel: WorkPanel) -> None:
    _PANELS[panel.code] = panel


def my_work_panels(user, limit: int = LIMIT) -> list[dict]:
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.code)):
        if panel.department and not department_access(user, panel.department):
            continue
        if panel.shown_to is not None and not panel.shown_to(user):
            continue
        items, total = panel.items(user, limit)
        capped, total = total > COUNT_CAP, min(total, COUNT_CAP)
        shown.append(
            {"panel": panel, "items": items, "total": total, "capped": capped, "more": max(0, total - len(items))}
        )
    return shown


def record_lines(querysets, limit: int, quote=None) -> tuple[list[WorkItem], int]:
    """Lines for the records of `querysets` in turn (each filtered and ordered already): the
    record's kind and number, its status as the note; at most `limit`, and how many in all
    (each queryset `counted`).
    `quote(record)`: the words people wrote that the record's name holds, if any."""
    from django.utils.translation import gettext as _

    lines, total = [], 0
    for queryset in querysets:
        total += counted(queryset)
        kind = queryset.model._meta.verbose_name.capitalize()
        for record in queryset[: max(0, limit - len(lines))]:
            note = _("status: %(status)s") % {"status": record.get_status_display()}
            words = quote(record) if quote is not None else ""
            lines.append(WorkItem(f"{kind} {record}", record.get_absolute_url(), note, quote=words))
    return lines, total
