"""Every misbehaving source of the hostile test server: what sourcecheck makes of it, how
long that takes and how much memory it needs.

    .venv/bin/python benchmarks/hostile.py

Runs each case of tests/integration/test_hostile_server.py with the default limits (a
60 s total per request, 10 MB per body) and prints one row per case.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.hostile import QUOTE, HostileSite, fetch_read_judge
from verifiers.web.fetcher import FetchSettings

CASES = [
    ("drip, one byte a second", "/drip", QUOTE),
    ("endless chunked body", "/endless", QUOTE),
    ("gzip bomb (200 MB of zeros)", "/bomb", QUOTE),
    ("redirect loop", "/loop-a", QUOTE),
    ("PNG labelled text/html", "/png", QUOTE),
    ("robots.txt disallows", "/private/page", QUOTE),
    ("429 with Retry-After, then the page", "/too-busy", QUOTE),
    ("503 twice, then the page", "/unavailable", QUOTE),
    ("windows-1252, only <meta charset>", "/cp1252", "the café will reopen in June"),
    ("PDF holding the quotation", "/pdf", QUOTE),
    ("100,000 nested <div>s", "/deep", QUOTE),
    ("NUL bytes, malformed HTML", "/nul", QUOTE),
]


def run(url: str, quote: str, settings: FetchSettings) -> tuple[str, float, float]:
    report, finding, seconds, peak = fetch_read_judge(url, quote, settings)
    outcome = f"error: {report.error}" if report.error else f"verdict: {finding.verdict}"
    return outcome, seconds, peak / 1024 / 1024


def main() -> int:
    settings = FetchSettings(allow_private_hosts=True)
    print("| case | outcome | time | peak memory |\n| --- | --- | ---: | ---: |")
    with HostileSite() as site:
        for name, path, quote in CASES:
            outcome, seconds, megabytes = run(site.url(path), quote, settings)
            print(f"| {name} | {outcome[:70]} | {seconds:.2f} s | {megabytes:.1f} MB |")
        for host in ("127.1", "0x7f000001", "2130706433", "[::ffff:127.0.0.1]", "localhost"):
            before = len(site.requests)
            outcome, seconds, megabytes = run(
                f"http://{host}:{site.port}/page", QUOTE, FetchSettings()
            )
            reached = "reached the server" if len(site.requests) > before else "never sent"
            print(
                f"| refused address {host} ({reached}) | {outcome[:70]} | {seconds:.2f} s | "
                f"{megabytes:.1f} MB |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
