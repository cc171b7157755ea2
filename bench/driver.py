"""The throughput benchmark's load: run as a process of its own, it keeps `--connections`
HTTP connections busy on loopback for `--seconds`, each signed in with its own session
cookie, and prints what it got as JSON (requests, errors, median latency)."""

import argparse
import http.client
import json
import statistics
import threading
import time


def _connection_loop(port: int, path: str, cookie: str, deadline: float, timings: list, errors: list) -> None:
    connection = None
    while time.monotonic() < deadline:
        if connection is None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        started = time.perf_counter()
        connection.request("GET", path, headers={"Cookie": cookie})
        response = connection.getresponse()
        response.read()
        elapsed_ms = (time.perf_counter() - started) * 1000
        (timings if response.status == 200 else errors).append(elapsed_ms)
        if response.will_close:  # gunicorn's sync workers answer one request per connection
            connection.close()
            connection = None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--cookie", action="append", required=True, help="one per connection")
    arguments = parser.parse_args()
    deadline = time.monotonic() + arguments.seconds
    timings: list[float] = []
    errors: list[float] = []
    threads = [
        threading.Thread(
            target=_connection_loop, args=(arguments.port, arguments.path, cookie, deadline, timings, errors)
        )
        for cookie in arguments.cookie
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
            }
        )
    )


if __name__ == "__main__":
    main()
