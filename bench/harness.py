"""The benchmark harness: medians after a warm-up, ours and the baseline measured in the
same run, results merged into bench/results.json and the table of docs/benchmarks.md."""

import json
import os
import platform
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The records of each kind the bench database holds. `make bench` runs every benchmark at
# each of BENCH_SIZES (100,000 and 1,000,000), each size in a database of its own.
SIZE = int(os.environ.get("BENCH_SIZE", 1_000_000))
RESULTS = ROOT / "bench" / "results.json"
REPORT = ROOT / "docs" / "benchmarks.md"


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def median_ms(call, *, runs: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        call()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def compare(ours, baseline, *, runs: int) -> tuple[float, float]:
    """Medians of ours and of the baseline, alternated run by run so that the machine's load
    falls on both alike."""
    for _ in range(2):
        ours()
        baseline()
    ours_timings, baseline_timings = [], []
    for _ in range(runs):
        for call, timings in ((ours, ours_timings), (baseline, baseline_timings)):
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(ours_timings), statistics.median(baseline_timings)


@dataclass
class Result:
    name: str
    measures: str
    ours_ms: float
    baseline: str
    baseline_ms: float
    queries: int | None = None
    rows: int | None = None
    # Throughput only: requests per second, ours and the baseline's.
    ours_rps: float | None = None
    baseline_rps: float | None = None
    target: str = ""
    machine: str = field(default_factory=machine)

    @property
    def ratio(self) -> float:
        return round(self.ours_ms / self.baseline_ms, 3) if self.baseline_ms else 0.0

    def as_json(self) -> dict:
        data = asdict(self)
        data["ours_ms"] = round(self.ours_ms, 2)
        data["baseline_ms"] = round(self.baseline_ms, 2)
        data["ratio"] = self.ratio
        if self.ours_rps is None:
            del data["ours_rps"], data["baseline_rps"]
        return data


def record(result: Result) -> None:
    """Replace this benchmark's entry at this size in results.json (others stay) and rewrite
    the table."""
    entries = json.loads(RESULTS.read_text()) if RESULTS.exists() else []
    same = (result.name, result.rows)
    entries = [entry for entry in entries if (entry["name"], entry.get("rows")) != same] + [result.as_json()]
    RESULTS.write_text(json.dumps(entries, ensure_ascii=False, indent=2) + "\n")
    _write_table(entries)


def _write_table(entries) -> None:
    text = REPORT.read_text() if REPORT.exists() else "# Benchmarks\n"
    start, end = "<!-- results -->", "<!-- /results -->"
    rows = [
        "| benchmark | records | measures | ours (ms) | growth | baseline | baseline (ms) | ratio | target |",
        "|---|---:|---|---:|---:|---|---:|---:|---|",
    ]
    smallest = {}
    for entry in sorted(entries, key=lambda item: (item["name"], item.get("rows") or 0)):
        smallest.setdefault(entry["name"], entry)
        ours, baseline = entry["ours_ms"], entry["baseline_ms"]
        if "ours_rps" in entry:
            ours, baseline = f"{ours} ({entry['ours_rps']} req/s)", f"{baseline} ({entry['baseline_rps']} req/s)"
        rows.append(
            f"| `{entry['name']}` | {entry.get('rows') or 0:,} | {entry['measures']} | {ours} | "
            f"{growth(smallest[entry['name']], entry)} | {entry['baseline']} | {baseline} | {entry['ratio']} | "
            f"{entry.get('target', '')} |"
        )
    table = "\n".join([start, *rows, f"\nMachine: {entries[-1]['machine']}.", end])
    if start in text:
        text = text[: text.index(start)] + table + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + table + "\n"
    REPORT.write_text(text)


def growth(smaller: dict, larger: dict) -> str:
    """How much slower the page is at the larger size than at the smaller: "1.08x from 100,000"."""
    if smaller is larger or not smaller["ours_ms"]:
        return ""
    return f"{larger['ours_ms'] / smaller['ours_ms']:.2f}x from {smaller.get('rows') or 0:,}"


def signed_in(user):
    """A test client signed in as `user`, second factor given (as the second-factor page
    leaves the session after a right code)."""
    from django.test import Client

    from courtadmin.accounts.middleware import DONE, SECOND_FACTOR_KEY

    client = Client()
    client.force_login(user)
    session = client.session
    session[SECOND_FACTOR_KEY] = DONE
    session.save()
    return client


def prepared(name: str, **sizes) -> dict:
    """The demo organisation's people (by username), the bench database holding at least
    `sizes` records of each kind (`ensure_load`), said when generated; PostgreSQL only."""
    from django.db import connection

    from courtadmin.org.demo import build_demo_organisation

    if connection.vendor != "postgresql":
        raise RuntimeError(f"{name} needs PostgreSQL: set DATABASE_URL (make bench does)")
    people = build_demo_organisation(password="bench-password-not-used")  # noqa: S106
    generated = ensure_load(**sizes)
    if generated:
        print(f"{name}: generated {'; '.join(generated)}")
    return people


def ensure_load(**sizes) -> list[str]:
    """Make the bench database hold at least `sizes` records of each kind (generate_load's
    kinds: requests=1_000_000, ...), generating only what is missing, then VACUUM ANALYZE
    the tables written, as autovacuum would leave them. Returns what was generated."""
    from django.db import connection
    from django.utils import timezone

    from courtadmin.core.load import LOAD_KINDS, LoadContext
    from courtadmin.org.demo import build_demo_organisation

    from .sizes import existing

    context = None
    done = []
    for option, size in sizes.items():
        missing = size - existing(option)
        if missing < -size // 20:
            held = size - missing
            print(f"the bench database holds {held:,} {option}, more than {size:,}: its figures are of that size")
        if missing <= 0:
            continue
        if context is None:
            context = LoadContext(today=timezone.localdate(), people=build_demo_organisation(password=None))
        started = time.perf_counter()
        written = LOAD_KINDS[option].generate(missing, context)
        done.append(f"{written} in {time.perf_counter() - started:.1f} s")
    if done:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return done


def slowest_case_result(name: str, what: str, cases: dict, *, rows: int, target_ms: int) -> Result:
    """A list page's cases (`la_registry._cases`, each with the rows it showed) as one result:
    each case's median listed, the slowest one the figure, its SELECTs replayed bare the baseline."""
    slowest = max(cases, key=lambda label: cases[label]["ms"])
    listed = "; ".join(
        f"{label} {case['ms']:,.0f} ms ({case['queries']} queries, {case['rows']} rows)"
        for label, case in cases.items()
    )
    return Result(
        name=name,
        measures=f"{what} over {rows:,} records, median per case: {listed}; the figure is the slowest case, {slowest}",
        ours_ms=cases[slowest]["ms"],
        baseline=f"the slowest case's SELECTs replayed bare ({cases[slowest]['queries']} queries in all)",
        baseline_ms=cases[slowest]["bare_ms"],
        queries=max(case["queries"] for case in cases.values()),
        rows=rows,
        target=f"every case under {target_ms} ms",
    )
