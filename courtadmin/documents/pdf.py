"""The document as a PDF: WeasyPrint, from a template per kind, with fonts that come with the
install (Source Sans Pro covers the whole Kazakh alphabet), so it looks the same everywhere.
Called by the background task, and for a signature with the national EDS while the signer
waits (the signature is made over the rendered file)."""

from pathlib import Path
from urllib.parse import unquote, urlparse

import font_source_sans_pro
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from courtadmin.core.qr import qr_data_uri
from courtadmin.org.models import Unit

FONT_DIR = Path(font_source_sans_pro.font_directory).resolve()
LANGUAGE_ORDER = {"kk": 0, "ru": 1}


class LocalOnlyFetcher(URLFetcher):
    """A document may load our fonts and data: images, and nothing else: no network, no file
    outside the font folder, whatever a template or a text might ask for."""

    def __init__(self):
        super().__init__(allowed_protocols={"file", "data"})

    def fetch(self, url, headers=None):
        if url.startswith("file:"):
            path = Path(unquote(urlparse(url).path)).resolve()
            if not path.is_relative_to(FONT_DIR):
                raise ValueError(f"Not a font of the portal: {url}")
        return super().fetch(url, headers)


def verification_url(document) -> str:
    return settings.PORTAL_URL.rstrip("/") + reverse("verify:token", args=[document.verification_token])


def _department_unit(department: str) -> Unit | None:
    return Unit.objects.filter(department=department, parent__kind=Unit.Kind.COURT_ADMINISTRATION).first()


def document_context(document, signature=None) -> dict:
    versions = sorted(document.versions.all(), key=lambda version: LANGUAGE_ORDER.get(version.language, 9))
    url = verification_url(document)
    # The body's language: the one the document is written in (an answer to an appeal), else
    # its first version's; the PDF declares it (its /Lang), each version its own.
    language = document.language or (versions[0].language if versions else "kk")
    return {
        "document": document,
        "language": language,
        "versions": versions,
        "signature": signature or document.signature,
        "unit": _department_unit(document.department),
        "verification_url": url,
        "qr_code": qr_data_uri(url, border=1),
        "font_regular": (FONT_DIR / "SourceSansPro-Regular.ttf").as_uri(),
        "font_bold": (FONT_DIR / "SourceSansPro-Bold.ttf").as_uri(),
    }


def render_document_pdf(document, signature=None) -> bytes:
    """`signature`: the one the PDF prints when it is not yet saved (a PDF prepared for the
    signer's national EDS, rendered while he waits)."""
    html = render_to_string(document.kind_spec.template, document_context(document, signature))
    return HTML(string=html, base_url=FONT_DIR.as_uri(), url_fetcher=LocalOnlyFetcher()).write_pdf()
