"""`search`: the search page (courtadmin/core/search.py) over 1,000,000 legal-assistance
requests and 1,000,000 complaints, requested in full through Django's test client as the ISD
head (who reaches every complaint) and as the IR officer, for a part of a registration number,
a part of a name, the words of a summary or of what is asked (full text) and a string
found nowhere; against the same page's SELECT statements
replayed bare through a cursor (the database's share). Target: every case under 500 ms."""

from django.urls import reverse

from courtadmin.org.demo import build_demo_organisation
from internal_security.models import Complaint
from international.models import LegalAssistanceRequest

from .harness import SIZE, Result, ensure_load, signed_in
from .la_registry import _measure, _page_settings, _require_postgres

TARGET_MS = 500


def run(runs: int = 5) -> Result:
    _require_postgres()
    people = build_demo_organisation(password="bench-password-not-used")  # noqa: S106
    generated = ensure_load(requests=SIZE, complaints=SIZE)
    if generated:
        print(f"search: generated {'; '.join(generated)}")
    complaint = Complaint.objects.order_by("pk")[SIZE // 2]
    request = LegalAssistanceRequest.objects.filter(pk__gte=SIZE // 3).order_by("pk").first()
    name = (complaint.person_concerned.split() or ["Ахмет"])[0][:6]
    cases = {
        ("isd_head", "a number"): complaint.number[-7:],
        ("isd_head", "a name"): name,
        ("isd_head", "nothing"): "Щщщзз",
        # Full text (core.fulltext): a summary's words in another order than written.
        ("isd_head", "a summary's words"): " ".join(reversed(complaint.summary.split()[:2])),
        ("ir_officer", "a number"): request.registration_number,
        ("ir_officer", "the words asked"): " ".join(reversed(request.asked.split()[:2])),
        ("ir_officer", "nothing"): "Щщщзз",
    }
    measured = {}
    with _page_settings():
        for (username, label), text in cases.items():
            client = signed_in(people[username].user)
            url = f"{reverse('core:search')}?q={text}"
            measured[f"{username}, {label}"] = _measure(client, url, runs=runs)
    slowest = max(measured, key=lambda label: measured[label]["ms"])
    listed = "; ".join(f"{label} {case['ms']:,.0f} ms ({case['queries']})" for label, case in measured.items())
    return Result(
        name="search",
        measures=(
            f"the search page over {SIZE:,} requests and {SIZE:,} complaints (trigram and full-text indexes), "
            f"median and (queries) per case: {listed}; the figure is the slowest case, {slowest}"
        ),
        ours_ms=measured[slowest]["ms"],
        baseline=f"the slowest case's SELECTs replayed bare ({measured[slowest]['queries']} queries in all)",
        baseline_ms=measured[slowest]["bare_ms"],
        queries=max(case["queries"] for case in measured.values()),
        rows=SIZE,
        target=f"every case under {TARGET_MS} ms",
    )
