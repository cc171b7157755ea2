"""The dashboards' pages: thin; what a board holds is decided in panels.py and selectors.py."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from courtadmin.core.downloads import xlsx_response

from . import selectors, services
from .export import board_workbook
from .models import BoardExport
from .panels import board_title
from .periods import KINDS, period_from


def home(request):
    """The first board open to the reader: the leadership's, or his department's."""
    boards = selectors.boards_open_to(request.user)
    if not boards:
        raise Http404
    return redirect("dashboard:board", board=boards[0])


def _period(request):
    period, problem = period_from(request.GET)
    if problem:
        messages.warning(request, problem)
    return period


def board(request, board):
    period = _period(request)
    built = selectors.board_for(request.user, board, period)
    context = {
        "board": board,
        "board_title": board_title(board),
        "boards": [(name, board_title(name)) for name in selectors.boards_open_to(request.user)],
        "built": built,
        "period": period,
        "kinds": KINDS.items(),
        "made_at": timezone.localtime(),
    }
    return render(request, "dashboard/board.html", context)


def board_xlsx(request, board):
    period = _period(request)
    built = selectors.board_for(request.user, board, period)
    return xlsx_response(board_workbook(built, period), f"dashboard-{board.lower()}-{period.start:%Y-%m-%d}.xlsx")


@require_POST
def board_pdf(request, board):
    period = _period(request)
    selectors.board_for(request.user, board, period)  # 404 for a board he may not open
    export = services.export_request(actor=request.user, board=board, period=period, language=get_language())
    return redirect("dashboard:export", pk=export.pk)


def export_detail(request, pk):
    export = selectors.get_export_for_user(request.user, pk)
    template = "dashboard/includes/export_status.html" if request.headers.get("HX-Request") else "dashboard/export.html"
    return render(request, template, {"export": export, "board_title": board_title(export.board)})


@require_POST
def export_retry(request, pk):
    export = selectors.get_export_for_user(request.user, pk)
    services.export_retry(actor=request.user, export=export)
    return redirect("dashboard:export", pk=export.pk)


def export_download(request, pk):
    export = selectors.get_export_for_user(request.user, pk)
    if export.state != BoardExport.State.READY:
        raise Http404
    filename = f"dashboard-{export.board.lower()}-{export.start:%Y-%m-%d}.pdf"
    return FileResponse(export.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf")
