"""A dashboard as a PDF (WeasyPrint, the portal's own fonts, nothing fetched from outside):
the same panels and the same SVG charts as on the page. Called by the background task only."""

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from courtadmin.documents.pdf import FONT_DIR, LocalOnlyFetcher


def render_board_pdf(*, built: list, period, board_title: str, user) -> bytes:
    html = render_to_string(
        "dashboard/pdf/board.html",
        {
            "built": built,
            "period": period,
            "board_title": board_title,
            "reader": user,
            "made_at": timezone.localtime(),
            "font_regular": (FONT_DIR / "SourceSansPro-Regular.ttf").as_uri(),
            "font_bold": (FONT_DIR / "SourceSansPro-Bold.ttf").as_uri(),
        },
    )
    return HTML(string=html, base_url=FONT_DIR.as_uri(), url_fetcher=LocalOnlyFetcher()).write_pdf()
