import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from courtadmin.core import rollups
from courtadmin.org.demo import PEOPLE

DEMO_APPS = ["accounts", "org", "internal_security", "international"]


def dump() -> list:
    out = io.StringIO()
    call_command("dumpdata", *DEMO_APPS, stdout=out)
    rows = json.loads(out.getvalue())
    for row in rows:
        row["fields"].pop("last_login", None)
    return rows


def test_load_demo_twice_changes_nothing(db, settings):
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())
    first = dump()
    call_command("load_demo", stdout=io.StringIO())
    assert dump() == first
    usernames = {row["fields"]["username"] for row in first if row["model"] == "accounts.user"}
    assert usernames == {*PEOPLE, "sysadmin"}


def test_load_demo_refuses_outside_demo_mode(db, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="demo mode"):
        call_command("load_demo", stdout=io.StringIO())


def test_the_demo_registry_is_lived_in(db, settings):
    """Issue 6: about 200 requests in every state, a dozen states and several treaties, the
    running execution terms with them, and a cover letter waiting for the LA deputy."""
    from courtadmin.deadlines.models import Deadline
    from courtadmin.documents.models import Document
    from international.models import LegalAssistanceRequest as R

    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())
    assert R.objects.count() == 200
    assert set(R.objects.values_list("status", flat=True)) == set(R.Status.values)
    assert R.objects.values("country").distinct().count() >= 12
    assert R.objects.values("treaty").distinct().count() >= 5
    executing = R.objects.filter(status=R.Status.EXECUTING).count()
    assert Deadline.objects.filter(kind="ir.rogatory_execution", state__in=Deadline.ACTIVE).count() == executing
    waiting = Document.objects.get(kind="ir.rogatory_cover_letter", status=Document.Status.APPROVED)
    assert waiting.record.status == R.Status.CHECKED
    # the figures the demo shows are kept for its requests, though they are written in bulk (issue 27)
    call_command("verify_rollups", stdout=io.StringIO())
    assert rollups.totals(R.rollup_kind, "status") == dict(
        R.objects.values_list("status").annotate(n=Count("*")).order_by()
    )


def test_the_demos_trip_reports_are_real_pdf_files(db, settings):
    """The issue found the demo's reports were not PDF files: each opens with pdfinfo as a page."""
    import subprocess

    from international.models import TripReport
    from tests.conftest import required_tool

    pdfinfo = required_tool("pdfinfo")
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())
    reports = list(TripReport.objects.all())
    assert len(reports) >= 2
    for report in reports:
        with report.file.open("rb") as stored:
            pdf = stored.read()
        info = subprocess.run([pdfinfo, "-"], input=pdf, capture_output=True, check=True)  # noqa: S603 - a fixed program
        assert b"Pages:           1" in info.stdout
