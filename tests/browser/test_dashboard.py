"""In a real browser (issue 8): the Chairman opens the leadership's dashboard in Kazakh,
Russian and English, follows a figure to its list, and exports the board to PDF. Screenshots
of the board in each language and of the PDF's first page are kept in var/screenshots."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from courtadmin.celery import app as celery_app
from tests.browser.conftest import SCREENSHOTS, screenshot
from tests.browser.test_complaints import enrolled, signed_in
from tests.dashboard.test_dashboard import board_url, records  # noqa: F401 - the fixture


def test_the_chairman_reads_the_dashboard_in_three_languages_and_exports_it(
    page,
    people,
    catalogs,
    records,  # noqa: F811 - the fixture imported above
    monkeypatch,
):
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)  # the PDF task runs at once
    chairman = people["chairman"].user
    signed_in(page, "chairman", enrolled(chairman))
    for language in ("kk", "ru", "en"):
        chairman.language = language
        chairman.save(update_fields=["language"])
        page.goto(board_url())
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("section.dashboard-panel").count() == 5  # IR: three panels; the ISD: two
        assert page.locator("svg.trend-chart title").count() == 5  # a chart a panel, each saying what it shows
        assert page.locator("svg.tile-map title").count() == 1  # the regions' map of the security of courts
        screenshot(page, f"dashboard-leadership-{language}")

    received = page.locator("#panel-irlegal_assistance .figure-link").first
    figure = int(received.inner_text())
    received.click()
    page.wait_for_url(lambda url: "/ir/requests/" in url)
    assert page.locator("tr.request-row").count() == figure

    page.goto(board_url())
    page.click("#export-pdf")
    page.wait_for_selector("#export-download")
    pdf = page.request.get(page.get_attribute("#export-download", "href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm is not installed (apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "dashboard.pdf"
        source.write_bytes(pdf.body())
        subprocess.run(  # noqa: S603 - a fixed local program on a file we wrote
            [pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(source), str(Path(folder) / "p")],
            check=True,
        )
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(folder) / "p.png", SCREENSHOTS / "dashboard-pdf-page-1-en.png")
    assert page.console_errors == []
