"""Headers on every response (issue 3.4): CSP without inline script, no framing, nosniff,
Referrer-Policy, no-store on pages with records; HSTS and __Host- cookies in production."""

import importlib
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from internal_security.demo import load_demo_complaints
from internal_security.models import Complaint

# A sample of pages of each app, as the persona who may open them.
PAGES = [
    ("ir_officer", "core:home", {}),
    ("ir_officer", "accounts:security", {}),
    ("ir_officer", "org:absence-list", {}),
    ("ir_officer", "international:home", {}),
    ("isd_head", "internal_security:complaint-list", {}),
    ("isd_head", "internal_security:complaint-detail", "complaint"),
    ("sysadmin", "audit:security-events", {}),
    ("ir_head", "documents:document-list", {}),
    ("ir_head", "documents:journal", {"department": "IR"}),
]


@pytest.mark.parametrize(("username", "url_name", "kwargs"), PAGES)
def test_security_headers_on_pages_of_each_app(client_for, people, username, url_name, kwargs):
    if kwargs == "complaint":
        load_demo_complaints(people)
        kwargs = {"pk": Complaint.objects.order_by("pk").first().pk}
    response = client_for(username).get(reverse(url_name, kwargs=kwargs))
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "no-store" in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_the_login_page_has_the_headers_too(client, db):
    response = client.get(reverse("accounts:login"))
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "no-store" in response.headers["Cache-Control"]


def test_hsts_is_sent_over_https_when_configured(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get(reverse("accounts:login"), secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_production_settings_harden_cookies_and_transport(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 64)
    monkeypatch.setenv("SIGNING_KEY_PASSPHRASE", "y" * 64)
    monkeypatch.setenv("AUDIT_CHAIN_KEYS", "z" * 64)
    monkeypatch.setenv("PORTAL_URL", "https://portal.court.local")
    production = importlib.import_module("courtadmin.settings_production")
    assert production.AUDIT_CHAIN_KEYS == ["z" * 64]  # the chain's key from the environment, never a default
    assert production.SECURE_HSTS_SECONDS >= 31536000
    assert production.SECURE_SSL_REDIRECT is True
    for name in (production.SESSION_COOKIE_NAME, production.CSRF_COOKIE_NAME, production.LANGUAGE_COOKIE_NAME):
        assert name.startswith("__Host-")
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE


BASE = Path(django_settings.BASE_DIR)
TEMPLATE_DIRS = [BASE / "templates", *BASE.glob("*/templates"), *BASE.glob("courtadmin/*/templates")]


def test_no_template_has_inline_script_style_or_event_handlers():
    """The CSP would block them; this finds them before a browser does."""
    offenders = []
    for folder in TEMPLATE_DIRS:
        for template in folder.rglob("*.html"):
            if "pdf" in template.parts:  # rendered to PDF on the server, never sent to a browser
                continue
            text = template.read_text(encoding="utf-8")
            if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text):
                offenders.append(f"{template}: inline <script>")
            if re.search(r"<style\b|\sstyle=", text):
                offenders.append(f"{template}: inline style")
            if re.search(r"\son[a-z]+=", text):
                offenders.append(f"{template}: event handler attribute")
    assert not offenders, offenders
