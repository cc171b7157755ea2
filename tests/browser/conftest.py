"""Browser tests: Playwright for Python driving the system's Chromium (no browser download).

Without /usr/bin/chromium these tests are skipped on a developer's machine and fail in CI
(CI=true), where .ci/run installs it. So are the independent checkers without Java or
without node_modules/ (`make node_modules/.installed`, which `make test` runs).
"""

import os
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps

# Playwright's sync API runs an event loop in this thread; the ORM calls of the test itself
# (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "var" / "screenshots"
# The checkers come from package-lock.json (npm ci), never from the repository.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI needs /usr/bin/chromium for the browser tests (apt-get install chromium)")
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def checkers():
    """axe-core's script and the Nu HTML Checker's jar with the Java that runs it."""
    from tests.conftest import required_tool

    java = required_tool("java")
    for path in (AXE, VNU):
        if not path.exists():
            if os.environ.get("CI"):
                pytest.fail(f"CI needs {path.relative_to(ROOT)} (make node_modules/.installed runs npm ci)")
            pytest.skip(f"{path.relative_to(ROOT)} is not installed (make node_modules/.installed)")
    return {"axe": AXE, "vnu": [java, "-jar", str(VNU)]}


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab; every console error (a CSP violation is one) is collected."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    yield tab
    context.close()


@pytest.fixture
def other_browser(browser, live_server):
    """Another person at his own browser: a tab in a context of its own, so that no request
    of one person's page (the bell's poll) ever carries another's session cookie."""
    contexts = []

    def open_tab():
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture
def catalogs(people):
    """The live server's tests empty the tables after them, with the catalogs the migrations
    seed (countries, treaties, courts): put them back when an earlier one took them."""
    from international.models import Country

    if not Country.objects.exists():
        import_module("international.migrations.0002_catalogs").add_catalogs(apps, None)
        import_module("international.migrations.0007_treaty_languages").add_treaty_languages(apps, None)


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
