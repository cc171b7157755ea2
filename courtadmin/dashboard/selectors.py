"""Reads of the dashboards: a board is the panels its reader may see (panels.py), built for
the period; a board with no panel for him does not exist for him (404)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import BoardExport
from .panels import Built, boards, panels_for


def boards_open_to(user) -> list[str]:
    return [board for board in boards() if panels_for(user, board)]


def board_for(user, board: str, period) -> list[Built]:
    """The panels of `board` built for `user` over `period`; 404 when he may see none."""
    panels = panels_for(user, board) if board in boards() else []
    if not panels:
        raise Http404
    return [Built(panel, panel.build(user, board, period)) for panel in panels]


def get_export_for_user(user, pk) -> BoardExport:
    """An export is its requester's alone."""
    return get_object_or_404(BoardExport, pk=pk, requested_by_id=user.pk)
