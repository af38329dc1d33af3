"""Throughput of a watchlist run: 200 articles, 1,000 slow source pages, 3,000 quotations.

    .venv/bin/python benchmarks/throughput.py [--articles 200] [--concurrency 8]

A server on 127.0.0.1 answers every request after 150 ms. Each article is a manifest citing
five pages of its own with three quotations each (two verbatim, one misquoted). The watch
flow verifies the whole watchlist once (concurrency N overall and per host, the server
being one host); then the same entries run again through verifiers.pipeline without
Prefect, in the same process and with the same limits, so the difference is what
orchestration costs.

Printed: wall time, the ideal time at the configured concurrency (pages × latency ÷
concurrency), their ratio, peak memory (the process's maximum resident set), the run
without Prefect, and Prefect's overhead as a share of wall time and per task run.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.generated import page_text  # noqa: E402
from tests.support.site import send  # noqa: E402

LATENCY = 0.15
PAGES_PER_ARTICLE = 5
# Task runs per article in the watch flow: read-input, fetch-sources, check-references.
TASKS_PER_ARTICLE = 3


class SlowSite:
    """Serves the pages, each answer after LATENCY seconds; robots.txt is not there."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                time.sleep(LATENCY)
                body = pages.get(self.path)
                if body is None:
                    send(self, 404, b"none", {"Content-Type": "text/plain"})
                else:
                    send(self, 200, body, {"Content-Type": "text/html; charset=utf-8"})

            def log_message(self, *args: object) -> None:
                return

        class Server(ThreadingHTTPServer):
            request_queue_size = 256  # a real server's backlog, not the standard library's 5

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        # Served from another process, so that the server's threads do not take the
        # measured process's interpreter lock.
        self.process = multiprocessing.get_context("fork").Process(
            target=self.server.serve_forever, daemon=True
        )
        self.process.start()

    def stop(self) -> None:
        self.process.terminate()
        self.process.join()


def build(folder: Path, articles: int) -> tuple[dict[str, bytes], Path, int]:
    """The pages, a watchlist of one manifest per article, and the number of quotations."""
    rng = random.Random(11)
    pages: dict[str, bytes] = {}
    manifests = []
    quotations = 0
    for article in range(articles):
        references = []
        for slot in range(PAGES_PER_ARTICLE):
            number = article * PAGES_PER_ARTICLE + slot
            paragraphs = page_text(rng)
            path = f"/page/{number}"
            pages[path] = (
                "<html><body><article>"
                + "".join(f"<p>{p}</p>" for p in paragraphs)
                + "</article></body></html>"
            ).encode()
            first, second, third = (paragraphs[i].split() for i in (1, 3, 4))
            misquoted = third[4:16]
            misquoted[6] = "zeppelin"
            references.append(
                {
                    "id": f"page-{number}",
                    "cite": f"Page {number}",
                    "urls": [f"{{base}}{path}"],
                    "quotes": [
                        " ".join(first[2:14]).strip("."),
                        " ".join(second[5:15]).strip("."),
                        " ".join(misquoted).strip("."),
                    ],
                }
            )
            quotations += 3
        manifests.append(references)
    return pages, _write(folder, manifests), quotations


def _write(folder: Path, manifests: list[list[dict]]) -> Path:
    import json

    entries = []
    for number, references in enumerate(manifests):
        path = folder / "articles" / f"article-{number}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"references": references}))
        entries.append(f"articles/{path.name}")
    watchlist = folder / "watchlist.yaml"
    watchlist.write_text("entries:\n" + "".join(f"  - {entry}\n" for entry in entries))
    return watchlist


def point_at(folder: Path, base: str) -> None:
    for path in (folder / "articles").iterdir():
        path.write_text(path.read_text().replace("{base}", base))


async def without_prefect(watchlist: Path, root: Path, concurrency: int) -> None:
    """The watch flow's work through the pipeline itself (verifiers.pipeline.run, no Prefect
    task around any step), with the same page cache, limits and history keeping: the
    measure of what Prefect adds."""
    from verifiers.inputs.watchlist import load_watchlist
    from verifiers.pipeline import run
    from verifiers.report import write_index
    from verifiers.report.history import new_run_dir, previous_report, refresh_latest
    from verifiers.settings import Settings
    from verifiers.web.fetcher import Limits

    settings = Settings.from_environment().with_fetch(
        concurrency=concurrency,
        per_host_concurrency=concurrency,
        allow_private_hosts=True,
        cache_dir=Path(os.environ["SOURCECHECK_HOME"]) / "plain-pages",
    )
    limits = Limits.from_settings(settings.fetch)
    listed = load_watchlist(str(watchlist), str(root))
    gate = asyncio.Semaphore(8)

    async def one(number: int, entry) -> None:
        async with gate:
            entry_dir = root / f"entry-{number}"
            folder = new_run_dir(entry_dir)
            previous = previous_report(entry_dir)
            await run(
                entry.input,
                report_dir=folder,
                settings=settings,
                previous=previous,
                limits=limits,
            )
            refresh_latest(folder)

    await asyncio.gather(*(one(n, e) for n, e in enumerate(listed.entries)))
    write_index(root, "now")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sourcecheck-throughput-"))
    os.environ.update(
        SOURCECHECK_HOME=str(work / "state"),
        SOURCECHECK_ARCHIVE_URL="http://127.0.0.1:9/none",
        SOURCECHECK_CROSSREF_URL="off",
        SOURCECHECK_OPENALEX_URL="off",
    )
    os.environ.pop("SOURCECHECK_SEARCH_URL", None)
    from flows.prefect_server import ensure_api, quiet_prefect_environment

    quiet_prefect_environment()
    ensure_api()
    from flows.watch import watch

    pages, watchlist, quotations = build(work, arguments.articles)
    site = SlowSite(pages)
    point_at(work, site.base)
    ideal = len(pages) * LATENCY / arguments.concurrency

    started = time.perf_counter()
    result = asyncio.run(
        watch(
            str(watchlist),
            report_root=str(work / "history"),
            allow_private_hosts=True,
            concurrency=arguments.concurrency,
            per_host=arguments.concurrency,
        )
    )
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    failed = [o.entry for o in result.outcomes if o.error]

    started = time.perf_counter()
    asyncio.run(without_prefect(watchlist, work / "plain", arguments.concurrency))
    plain = time.perf_counter() - started
    tasks = arguments.articles * TASKS_PER_ARTICLE

    print(
        f"{arguments.articles} articles, {len(pages)} pages, {quotations} quotations, "
        f"concurrency {arguments.concurrency}, {LATENCY * 1000:.0f} ms a page"
        + (f"; {len(failed)} entries failed" if failed else "")
    )
    print()
    print("| measure | value |")
    print("| --- | ---: |")
    print(f"| wall time (watch flow) | {wall:.1f} s |")
    print(f"| ideal (pages × latency ÷ concurrency) | {ideal:.1f} s |")
    print(f"| ratio | {wall / ideal:.2f} |")
    print(f"| peak memory (max RSS) | {peak:.0f} MB |")
    print(f"| same steps without Prefect | {plain:.1f} s |")
    print(f"| orchestration overhead | {max(wall - plain, 0) / wall:.0%} of wall time |")
    print(
        f"| overhead per task run ({tasks} task runs) | "
        f"{max(wall - plain, 0) / tasks * 1000:.1f} ms |"
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
