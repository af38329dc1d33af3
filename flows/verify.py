"""The verify flow: read the manifest, fetch every source once, judge each reference, report.

Tasks sit where they pay for themselves: one per distinct URL (a fetch is slow, can fail
and is worth seeing in the Prefect UI) and one per reference; never one per quotation.
The flow is async so that fetches share one event loop and one pooled HTTP client.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from flows.artifacts import publish_artifacts
from flows.progress import fetch_progress
from verifiers.documents import Document
from verifiers.errors import InputError
from verifiers.history import compare
from verifiers.inputs.load import add_candidates, read_input
from verifiers.model import Manifest, Reference, ReferenceReport, SourceReport
from verifiers.report import build_report, exit_status, write_reports
from verifiers.review import check_reference, look_elsewhere, read_source
from verifiers.slug import slugify
from verifiers.web.archive import archived_copy
from verifiers.web.fetcher import Fetcher, FetchSettings, Limits, LiveFetcher, ReplayFetcher
from verifiers.web.search import SearchProvider, trusted_endpoints
from verifiers.web.warc import WarcWriter

SOFTWARE = "sourcecheck/0.1"
USAGE_ERROR = 2
# Threads that check references at once: the work is CPU-bound Python, so more than a few
# only contend for the interpreter (Prefect's default thread pool has no bound at all).
CHECK_WORKERS = 4
EVIDENCE_FILE = "evidence.warc.gz"

Source = tuple[SourceReport, Document | None]


@dataclass(frozen=True)
class VerifyResult:
    report_dir: str
    files: list[str]
    summary: dict
    exit_status: int
    # Set when the input proved bad only once read (an article URL that cannot be fetched).
    input_error: str | None = None


@task(name="fetch-source", cache_policy=NO_CACHE, task_run_name="fetch {url}")
async def fetch_source(
    fetcher: Fetcher, url: str, cited_date: str | None, archive_url: str | None
) -> Source:
    """The page, read live; failing that, its archived copy nearest the cited date."""
    page = await fetcher.fetch(url)
    report, document = read_source(page)
    if document is None and archive_url:
        failed = replace(page, error=report.error)
        copy = await archived_copy(fetcher, failed, cited_date, archive_url)
        if copy is not None:
            archived_report, archived_document = read_source(copy)
            if archived_document is not None:
                return archived_report, archived_document
    return report, document


@task(name="read-input", cache_policy=NO_CACHE, task_run_name="read {location}")
async def read_input_task(location: str, fetcher: Fetcher) -> Manifest | InputError:
    """The manifest, or the references found in the article (fetched if it is a URL).
    Bad input is returned, not raised: it is the user's to fix, not a failed task."""
    try:
        return await read_input(location, fetcher)
    except InputError as error:
        return error


@task(name="find-sources", cache_policy=NO_CACHE)
async def find_sources_task(
    manifest: Manifest, fetcher: Fetcher, providers: list[SearchProvider]
) -> Manifest:
    """Candidate pages, from the search providers, for references that name none."""
    return await add_candidates(manifest, fetcher, providers)


@task(name="check-reference", cache_policy=NO_CACHE, task_run_name="check {reference.id}")
async def check_reference_task(
    reference: Reference, sources: list[Source], candidates: list[Source]
) -> ReferenceReport:
    return check_reference(reference, sources, candidates)


@task(name="look-elsewhere", cache_policy=NO_CACHE)
async def look_elsewhere_task(
    references: list[Reference], reports: list[ReferenceReport], sources: dict[str, Source]
) -> list[ReferenceReport]:
    documents = {url: document for url, (_, document) in sources.items() if document}
    return look_elsewhere(references, reports, documents)


@flow(
    name="verify",
    log_prints=False,
    validate_parameters=False,
    task_runner=ThreadPoolTaskRunner(max_workers=CHECK_WORKERS),
)
async def verify(
    input_path: str,
    report_dir: str | None = None,
    formats: tuple[str, ...] = ("json", "md", "html"),
    replay: str | None = None,
    settings: FetchSettings | None = None,
    archive_url: str | None = None,
    search: list | None = None,  # of SearchProvider: Prefect cannot describe a Protocol
    previous: dict | None = None,
    limits: Limits | None = None,
) -> VerifyResult:
    """Verify every quotation of a manifest or an article and write the report.

    `archive_url` names a web archive's availability API to read failed sources from
    (None: no archive fallback); `search` the providers asked for pages of references that
    name none (None: none asked); `previous` the report of the run before, to say what
    changed; `limits` the fetch limits shared with other runs going on at the same time.

    Fetching stays here, in one event loop with one client, so per-host politeness holds
    whatever the task runner; checking the references, pure work on what was fetched, is
    submitted to the flow's task runner (threads by default, Dask on request).
    """
    providers = search or []
    settings = settings or FetchSettings()
    settings = replace(
        settings, trusted_hosts=settings.trusted_hosts | trusted_endpoints(providers)
    )
    directory = Path(report_dir) if report_dir else default_report_dir(input_path)
    created = [p for p in (directory, *directory.parents) if not p.exists()]
    directory.mkdir(parents=True, exist_ok=True)
    evidence_path = directory / EVIDENCE_FILE
    partial_evidence = directory / f".{EVIDENCE_FILE}.partial"
    try:
        with partial_evidence.open("wb") as evidence:
            recorder = WarcWriter(evidence, SOFTWARE)
            fetcher = (
                ReplayFetcher(replay, settings, recorder)
                if replay
                else LiveFetcher(settings, recorder, limits)
            )
            async with fetcher:
                manifest = await read_input_task(input_path, fetcher)
                if isinstance(manifest, InputError):
                    raise manifest
                manifest = await find_sources_task(manifest, fetcher, providers)
                sources = await _fetch_all(fetcher, _cited_urls(manifest.references), archive_url)
        checks = [
            check_reference_task.submit(
                ref, [sources[url] for url in ref.urls], [sources[url] for url in ref.candidates]
            )
            for ref in manifest.references
        ]
        references = [check.result() for check in checks]
        references = await look_elsewhere_task(list(manifest.references), references, sources)
        report = build_report(
            input_path,
            references,
            datetime.now(UTC),
            {"title": manifest.article_title, "url": manifest.article_url},
        )
        if previous is not None:
            report["changes"] = compare(previous, report)
        files = write_reports(report, directory, formats)
        await publish_artifacts(report, slugify(Path(input_path).stem) or "report")
        os.replace(partial_evidence, evidence_path)
    except InputError as error:  # returned, so that Prefect does not log it as a crash
        _remove_empty(partial_evidence, created)
        return VerifyResult("", [], {}, USAGE_ERROR, input_error=str(error))
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial_evidence.unlink()
    return VerifyResult(
        report_dir=str(directory),
        files=[str(path) for path in [*files, evidence_path]],
        summary=report["summary"],
        exit_status=exit_status(report),
    )


async def _fetch_all(
    fetcher: Fetcher, urls: dict[str, str | None], archive_url: str | None
) -> dict[str, Source]:
    with fetch_progress(len(urls)) as advance:

        async def fetch_one(url: str) -> tuple[str, Source]:
            source = await fetch_source(fetcher, url, urls[url], archive_url)
            advance(url)
            return url, source

        return dict(await asyncio.gather(*(fetch_one(url) for url in urls)))


def _cited_urls(references: tuple[Reference, ...]) -> dict[str, str | None]:
    """Each distinct URL, cited or found by search, once, with the date of the first
    reference that names it."""
    urls: dict[str, str | None] = {}
    for reference in references:
        for url in (*reference.urls, *reference.candidates):
            urls.setdefault(url, reference.date)
    return urls


def _remove_empty(partial_evidence: Path, created: list[Path]) -> None:
    """Bad input leaves nothing behind: not the evidence begun, nor the folders made for it."""
    with contextlib.suppress(FileNotFoundError):
        partial_evidence.unlink()
    for folder in created:  # deepest first
        with contextlib.suppress(OSError):
            folder.rmdir()


def default_report_dir(input_path: str) -> Path:
    """reports/<slug>/<UTC timestamp>/ under the current directory; a second run within the
    same second gets its own folder (<timestamp>-2) instead of overwriting the first."""
    slug = slugify(Path(input_path).stem) or "report"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder, number = Path("reports") / slug / stamp, 2
    while folder.exists():
        folder, number = Path("reports") / slug / f"{stamp}-{number}", number + 1
    return folder
