"""The run, as plain steps: read the input, gather candidate sources, fetch, judge, report.

    from verifiers.pipeline import verify
    report = verify("examples/manifest.yaml", replay="examples/evidence.warc.gz")

`verify` (and its coroutine `averify`) runs every step in this process and returns the
report as the dict that report.json holds; nothing here needs Prefect. `run` is the same
run with its outcome (folder, files, exit status) and a `Steps` that says how each step is
carried out: flows/verify.py hands it one that makes each step a Prefect task, so the order
of the steps and every rule between them live here, once.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from verifiers.candidates import add_candidates, found_by_search
from verifiers.claims import semantic
from verifiers.documents import Source, read_source
from verifiers.errors import InputError
from verifiers.inputs.load import read_input
from verifiers.model import Manifest, Reference, ReferenceReport
from verifiers.report import FORMATS, build_report, exit_status, write_reports
from verifiers.report.history import compare, new_run_dir
from verifiers.report.slug import slugify
from verifiers.review import check_reference, look_elsewhere
from verifiers.settings import Settings
from verifiers.web.archive import archived_copy
from verifiers.web.fetcher import Fetcher, Limits, LiveFetcher, ReplayFetcher
from verifiers.web.search import SearchProvider
from verifiers.web.warc import WarcWriter

__all__ = [
    "EVIDENCE_FILE",
    "RunResult",
    "Steps",
    "Work",
    "averify",
    "check_references",
    "cited_urls",
    "default_report_dir",
    "fetch_source",
    "fetch_sources",
    "gather_sources",
    "run",
    "verify",
]

SOFTWARE = "sourcecheck/0.1"
EVIDENCE_FILE = "evidence.warc.gz"
# One reference to judge: the reference, the pages it names, the pages search found for it.
Work = tuple[Reference, list[Source], list[Source]]


@dataclass(frozen=True)
class RunResult:
    """A finished run: its report (report.json's content), where it was written, and the
    exit status the CONTRACT gives it."""

    report: dict
    report_dir: Path
    files: list[Path]
    exit_status: int


def verify(input: str, **options: Any) -> dict:
    """`averify`, run to the end in a new event loop: the report, as report.json holds it."""
    return asyncio.run(averify(input, **options))


async def averify(
    input: str,
    *,
    replay: str | None = None,
    report_dir: str | Path | None = None,
    settings: Settings | None = None,
    formats: tuple[str, ...] = FORMATS,
) -> dict:
    """Verify every quotation and claim of a manifest or an article, write the report and
    its evidence into `report_dir` (default: reports/<slug>/<UTC timestamp>/), and return
    the report. `replay` answers every fetch from a WARC file, with no network at all;
    `settings` default to what the environment says. Bad input raises `InputError`."""
    result = await run(
        input, replay=replay, report_dir=report_dir, settings=settings, formats=formats
    )
    return result.report


class Steps:
    """How a run carries out its steps: here, in this process. An orchestrator overrides
    them (each as a task, say); what each step does, and their order, stay in the library."""

    async def read(
        self,
        location: str,
        fetcher: Fetcher,
        providers: list[SearchProvider],
        found_before: dict[str, list[str]],
    ) -> Manifest:
        return await gather_sources(location, fetcher, providers, found_before)

    async def fetch(
        self, fetcher: Fetcher, urls: dict[str, str | None], settings: Settings
    ) -> dict[str, Source]:
        return await fetch_sources(fetcher, urls, settings)

    async def check(
        self, work: list[Work], article_url: str | None, by_meaning: bool
    ) -> list[ReferenceReport]:
        return check_references(work, article_url, by_meaning)

    async def publish(self, report: dict, name: str) -> None:
        """Show the finished report somewhere besides its files: nowhere, here."""


async def run(
    input: str,
    *,
    replay: str | None = None,
    report_dir: str | Path | None = None,
    settings: Settings | None = None,
    formats: tuple[str, ...] = FORMATS,
    previous: dict | None = None,
    limits: Limits | None = None,
    steps: Steps | None = None,
) -> RunResult:
    """One verification. `previous` is the report of the run before, for a watched
    article: what changed is said, the pages search found then are read again, and a run
    whose input proves bad keeps the evidence of why. `limits` are fetch limits shared with
    other runs going on at once.

    Fetching stays in this event loop with one client, so per-host politeness holds
    however the steps are carried out; judging, pure work on what was fetched, is the
    `steps`' to place (threads, a Dask cluster).
    """
    settings = settings or Settings.from_environment()
    steps = steps or Steps()
    fetch_settings = settings.fetch_settings()
    directory = Path(report_dir) if report_dir else default_report_dir(input)
    evidence = _EvidenceFile(directory)
    try:
        with evidence.open() as stream:
            recorder = WarcWriter(stream, SOFTWARE)
            fetcher = (
                ReplayFetcher(replay, fetch_settings, recorder)
                if replay
                else LiveFetcher(fetch_settings, recorder, limits)
            )
            async with fetcher:
                manifest = await steps.read(
                    input, fetcher, settings.providers(), found_by_search(previous)
                )
                sources = await steps.fetch(fetcher, cited_urls(manifest.references), settings)
        by_meaning = settings.semantic and semantic.installed()
        work = [
            (ref, [sources[u] for u in ref.urls], [sources[u] for u in ref.candidates])
            for ref in manifest.references
        ]
        reports = await steps.check(work, manifest.article_url, by_meaning)
        documents = {url: document for url, (_, document) in sources.items() if document}
        references = look_elsewhere(list(manifest.references), reports, documents)
        article = {"title": manifest.article_title, "url": manifest.article_url}
        report = build_report(input, references, datetime.now(UTC), article)
        if previous is not None:
            report["changes"] = compare(previous, report)
        files = write_reports(report, directory, formats)
        await steps.publish(report, slugify(Path(input).stem) or "report")
        evidence.keep()
    except InputError:
        if previous is None:  # bad input leaves nothing behind
            evidence.discard()
        else:  # a watched article that ran before keeps the evidence of what failed now
            evidence.keep()
        raise
    finally:
        evidence.close()
    return RunResult(report, directory, [*files, evidence.path], exit_status(report))


async def gather_sources(
    location: str,
    fetcher: Fetcher,
    providers: list[SearchProvider],
    found_before: dict[str, list[str]] | None = None,
) -> Manifest:
    """The manifest, or the references found in the article (fetched if it is a URL), with
    candidate pages for references that name none: the ones search found for them in the
    run before (`found_before`), else the search providers'."""
    manifest = await read_input(location, fetcher)
    return await add_candidates(manifest, fetcher, providers, found_before)


def cited_urls(references: tuple[Reference, ...]) -> dict[str, str | None]:
    """Each distinct URL, cited or found by search, once, with the date of the first
    reference that names it."""
    urls: dict[str, str | None] = {}
    for reference in references:
        for url in (*reference.urls, *reference.candidates):
            urls.setdefault(url, reference.date)
    return urls


async def fetch_sources(
    fetcher: Fetcher,
    urls: dict[str, str | None],
    settings: Settings,
    on_fetched: Callable[[str], None] | None = None,
) -> dict[str, Source]:
    """Every page, each once, at once within the fetcher's limits; `on_fetched` hears of
    each as it is done."""

    async def fetch_one(url: str) -> tuple[str, Source]:
        source = await fetch_source(fetcher, url, urls[url], settings)
        if on_fetched is not None:
            on_fetched(url)
        return url, source

    return dict(await asyncio.gather(*(fetch_one(url) for url in urls)))


async def fetch_source(
    fetcher: Fetcher, url: str, cited_date: str | None, settings: Settings
) -> Source:
    """The page, read live; failing that, its archived copy nearest the cited date (when
    the settings name an archive)."""
    page = await fetcher.fetch(url)
    report, document = read_source(page)
    if document is None and settings.archive_url:
        failed = replace(page, error=report.error)
        copy = await archived_copy(
            fetcher, failed, cited_date, settings.archive_url, settings.memento_timegates
        )
        if copy is not None:
            archived_report, archived_document = read_source(copy)
            if archived_document is not None:
                return archived_report, archived_document
    return report, document


def check_references(
    work: list[Work], article_url: str | None = None, by_meaning: bool = False
) -> list[ReferenceReport]:
    """Each reference judged against its pages and candidates: pure work, shippable to any
    worker. `article_url`, the citing article's address, tells its own outlet's original
    reporting from the rest."""
    return [
        check_reference(ref, sources, found, article_url, by_meaning)
        for ref, sources, found in work
    ]


def default_report_dir(input: str) -> Path:
    """reports/<slug>/<UTC timestamp>/ under the current directory."""
    return new_run_dir(Path("reports") / (slugify(Path(input).stem) or "report"))


class _EvidenceFile:
    """evidence.warc.gz, written under a temporary name and put in place only with the
    report; the folders made for it are removed again when the run proves bad input."""

    def __init__(self, directory: Path) -> None:
        self._created = [p for p in (directory, *directory.parents) if not p.exists()]
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / EVIDENCE_FILE
        self._partial = directory / f".{EVIDENCE_FILE}.partial"

    def open(self):
        return self._partial.open("wb")

    def keep(self) -> None:
        os.replace(self._partial, self.path)

    def discard(self) -> None:
        self.close()
        for folder in self._created:  # deepest first
            with contextlib.suppress(OSError):
                folder.rmdir()

    def close(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._partial.unlink()
