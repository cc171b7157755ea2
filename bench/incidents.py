"""`incident_list`: the register of threats and incidents (ISD 6.1, 6.3, 6.4, 6.5) over
1,000,000 of them, requested in full through Django's test client: as the ISD head (who
reaches every one) unfiltered, for one region, one kind, one month, a court's name many carry and a judge's
name one carries; as the
Almaty unit (its region's); as an officer holding grants on one in a thousand. Against the same
page's SELECT statements replayed bare through a cursor (the database's share). Target: every
case under 50 ms, as every list page."""

from datetime import timedelta
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from courtadmin.org.models import Region

from .harness import Result, prepared, signed_in
from .la_registry import _measure, _page_settings

INCIDENTS = 1_000_000
TARGET_MS = 50


def run(runs: int = 5):
    people = prepared("incident_list", incidents=INCIDENTS)
    today = timezone.localdate()
    url = reverse("internal_security:incident-list")
    month = {"date_from": (today - timedelta(days=60)).isoformat(), "date_to": (today - timedelta(days=30)).isoformat()}
    cases = {
        ("isd_head", "every incident"): {},
        ("isd_head", "one region"): {"region": Region.objects.get(code="karaganda").pk},
        ("isd_head", "threats to judges"): {"kind": "threat_judge"},
        ("isd_head", "one month"): month,
        ("isd_head", "a court's name (one in 27)"): {"text": "Generated court 17"},
        ("isd_head", "a judge's name (one incident)"): {"text": "Generated judge 500000"},
        ("isd_almaty", "its region"): {},
        ("isd_officer", "his grants"): {},
    }
    measured = {}
    with _page_settings():
        for (username, label), query in cases.items():
            client = signed_in(people[username].user)
            measured[f"{username}, {label}"] = _measure(client, f"{url}?{urlencode(query)}", runs=runs)
    slowest = max(measured, key=lambda label: measured[label]["ms"])
    listed = "; ".join(f"{label} {case['ms']:,.0f} ms ({case['queries']})" for label, case in measured.items())
    return Result(
        name="incident_list",
        measures=(
            f"the register of threats and incidents over {INCIDENTS:,} of them (first page, latest first, 50 rows), "
            f"median and (queries) per case: {listed}; the figure is the slowest case, {slowest}"
        ),
        ours_ms=measured[slowest]["ms"],
        baseline=f"the slowest case's SELECTs replayed bare ({measured[slowest]['queries']} queries in all)",
        baseline_ms=measured[slowest]["bare_ms"],
        queries=max(case["queries"] for case in measured.values()),
        rows=INCIDENTS,
        target=f"every case under {TARGET_MS} ms",
    )
