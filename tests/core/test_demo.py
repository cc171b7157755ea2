import io
import json

import pytest
from django.core.management import CommandError, call_command

from courtadmin.org.demo import PEOPLE

DEMO_APPS = ["accounts", "org", "internal_security"]


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
