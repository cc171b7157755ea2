"""`vetting_search`: the registries' search for a candidate (ISD 5.4,
internal_security/selectors/vetting.py) over 1,000,000 complaints and 100,000 criminal
cases, requested in full through Django's test client: as the ISD head (who reaches every
record) for a name thousands of complaints carry, for a name one criminal case carries, and
for a name found nowhere; and as the officer assigned, who reaches only the complaints
granted to him. Against the same page's SELECT statements replayed bare through a cursor
(the database's share). Target: every case under 500 ms, as the portal's search page."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from courtadmin.core.validators import iin_bin_check_digit
from internal_security.models import Complaint, CriminalCase, VettingRequest

from .harness import prepared, signed_in
from .la_registry import _measure, _page_settings
from .search import TARGET_MS

COMPLAINTS = 1_000_000
CASES = 100_000
REQUESTED_BY = "Bench: vetting search"


def _vetting(people, candidate: str) -> VettingRequest:
    """The bench's vetting of `candidate`, assigned to isd_officer (made once)."""
    from internal_security.services.vetting import vetting_register

    existing = VettingRequest.objects.filter(candidate=candidate, requested_by=REQUESTED_BY).first()
    if existing is not None:
        return existing
    today = timezone.localdate()
    return vetting_register(
        actor=people["isd_head"].user,
        vetting=VettingRequest(
            candidate=candidate,
            candidate_iin="90010130012" + str(iin_bin_check_digit("90010130012")),
            post_kind=VettingRequest.Post.JUDGE,
            post="Bench",
            region=CriminalCase.objects.order_by("pk").first().region,
            requested_by=REQUESTED_BY,
            received_on=today,
            due_on=today + timedelta(days=14),
        ),
        officers=[people["isd_officer"].user],
    )


def run(runs: int = 5):
    from .harness import Result

    people = prepared("vetting_search", complaints=COMPLAINTS, cases=CASES, grants=1_000)
    common = Complaint.objects.order_by("pk").values_list("person_concerned", flat=True)[COMPLAINTS // 2]
    rare = CriminalCase.objects.order_by("pk").values_list("person", flat=True)[CASES // 2]
    cases = {
        ("isd_head", f"a name {Complaint.objects.filter(person_concerned=common).count():,} complaints carry"): common,
        ("isd_head", "a name one criminal case carries"): rare,
        ("isd_head", "a name found nowhere"): "Щщщзз Ыыыъъ",
        ("isd_officer", "the common name, his grants alone"): common,
    }
    measured = {}
    with _page_settings():
        for (username, label), candidate in cases.items():
            vetting = _vetting(people, candidate)
            client = signed_in(people[username].user)
            url = reverse("internal_security:vetting-search", args=[vetting.pk])
            measured[f"{username}, {label}"] = _measure(client, url, runs=runs)
    slowest = max(measured, key=lambda label: measured[label]["ms"])
    listed = "; ".join(f"{label} {case['ms']:,.0f} ms ({case['queries']})" for label, case in measured.items())
    return Result(
        name="vetting_search",
        measures=(
            f"the registries' search for a candidate over {COMPLAINTS:,} complaints and {CASES:,} criminal cases "
            f"(five registries, trigram indexes), median and (queries) per case: {listed}; "
            f"the figure is the slowest case, {slowest}"
        ),
        ours_ms=measured[slowest]["ms"],
        baseline=f"the slowest case's SELECTs replayed bare ({measured[slowest]['queries']} queries in all)",
        baseline_ms=measured[slowest]["bare_ms"],
        queries=max(case["queries"] for case in measured.values()),
        rows=COMPLAINTS,
        target=f"every case under {TARGET_MS} ms",
    )
