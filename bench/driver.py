"""The benchmarks' load: run as a process of its own, it keeps one HTTP connection per
`--cookie` busy on loopback for `--seconds`, each signed in with its own session cookie, and
prints what it got as JSON (requests, errors, latency: median and 95th percentile).

Each connection asks for `--path`, or, with `--plan FILE` (JSON: a list of {"cookie", "paths"}),
for its own pages in turn, as a person going about his work would."""

import argparse
import http.client
import json
import statistics
import threading
import time

errors_seen: list[str] = []


def _connection_loop(port: int, paths: list, cookie: str, deadline: float, timings: list, errors: list) -> None:
    connection = None
    turn = 0
    while time.monotonic() < deadline:
        if connection is None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        path = paths[turn % len(paths)]
        turn += 1
        started = time.perf_counter()
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        response.read()
        elapsed_ms = (time.perf_counter() - started) * 1000
        (timings if response.status == 200 else errors).append(elapsed_ms)
        if response.status != 200:
            errors_seen.append(f"{response.status} {path}")
        if response.will_close:  # gunicorn's sync workers answer one request per connection
            connection.close()
            connection = None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path")
    parser.add_argument("--plan", help="JSON file: [{cookie, paths}], one connection each")
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--cookie", action="append", default=[], help="one per connection")
    arguments = parser.parse_args()
    if arguments.plan:
        with open(arguments.plan) as plan:
            sessions = [(entry["cookie"], entry["paths"]) for entry in json.load(plan)]
    else:
        sessions = [(cookie, [arguments.path]) for cookie in arguments.cookie]
    deadline = time.monotonic() + arguments.seconds
    timings: list[float] = []
    errors: list[float] = []
    threads = [
        threading.Thread(target=_connection_loop, args=(arguments.port, paths, cookie, deadline, timings, errors))
        for cookie, paths in sessions
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    print(
        json.dumps(
            {
                "requests": len(timings),
                "errors": len(errors),
                "seconds": elapsed,
                "rps": len(timings) / elapsed,
                "median_ms": statistics.median(timings) if timings else None,
                "p95_ms": statistics.quantiles(timings, n=20)[-1] if len(timings) > 1 else None,
                "errors_seen": sorted(set(errors_seen))[:20],
            }
        )
    )


if __name__ == "__main__":
    main()
