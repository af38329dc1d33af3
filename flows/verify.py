"""The verify flow: read the input, fetch every source once, judge each reference, report.

Tasks sit where they pay for themselves, a few per article: reading the input (and
searching), fetching every page (concurrently, inside the task), and checking the
references in batches; never one per quotation. A task costs some milliseconds of
Prefect's time (and Dask's some 300 ms), more than fetching or checking one item. The flow
is async so that fetches share one event loop and one pooled HTTP client.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import task_run
from prefect.task_runners import ThreadPoolTaskRunner

from flows.artifacts import publish_artifacts
from flows.progress import fetch_progress
from verifiers.documents import Document
from verifiers.errors import InputError
from verifiers.inputs.load import add_candidates, read_input
from verifiers.model import Manifest, Reference, ReferenceReport, SourceReport
from verifiers.report import FORMATS, build_report, exit_status, write_reports
from verifiers.report.history import compare, found_by_search
from verifiers.report.slug import slugify
from verifiers.review import check_reference, look_elsewhere, read_source
from verifiers.web.archive import archived_copy
from verifiers.web.fetcher import Fetcher, FetchSettings, Limits, LiveFetcher, ReplayFetcher
from verifiers.web.search import SearchProvider, trusted_endpoints
from verifiers.web.warc import WarcWriter

SOFTWARE = "sourcecheck/0.1"
USAGE_ERROR = 2
# Threads that check references at once: the work is CPU-bound Python, so more than a few
# only contend for the interpreter (Prefect's default thread pool has no bound at all).
CHECK_WORKERS = 4
# A task's overhead (a few milliseconds, some 300 ms on Dask) is paid per batch of
# references, never per quotation: small articles make one batch, long ones up to four.
REFERENCES_PER_CHECK = 25
CHECK_BATCHES = 4
# Workers of the local Dask cluster started when no scheduler address is given.
LOCAL_DASK_WORKERS = 2
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


@task(name="read-input", cache_policy=NO_CACHE, task_run_name="read {location}")
async def read_input_task(
    location: str,
    fetcher: Fetcher,
    providers: list[SearchProvider],
    found_before: dict[str, list[str]] | None = None,
) -> Manifest | InputError:
    """The manifest, or the references found in the article (fetched if it is a URL), with
    candidate pages for references that name none: the ones search found for them in the
    run before (`found_before`), else the search providers'. Bad input is returned, not
    raised: it is the user's to fix, not a failed task."""
    try:
        manifest = await read_input(location, fetcher)
    except InputError as error:
        return error
    return await add_candidates(manifest, fetcher, providers, found_before)


class Held:
    """A value passed to or from a task in a holder Prefect does not look inside. Prefect
    walks task parameters and results for futures and states; walking every fetched
    page's word index cost more than the fetches and checks themselves."""

    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value

    def __reduce__(self):  # to and from Dask workers
        return Held, (self.value,)


def _fetch_run_name() -> str:
    return f"fetch {len(task_run.parameters['urls'])} pages"


def _check_run_name() -> str:
    return f"check {task_run.parameters['work'].value[0][0].id}…"


@task(name="fetch-sources", cache_policy=NO_CACHE, task_run_name=_fetch_run_name)
async def fetch_sources_task(
    fetcher: Fetcher, urls: dict[str, str | None], archive_url: str | None
) -> Held:
    """Every page the references name or search found, each once, at once within the
    fetcher's limits; a page that cannot be read live is read from its archived copy."""
    with fetch_progress(len(urls)) as advance:

        async def fetch_one(url: str) -> tuple[str, Source]:
            source = await fetch_source(fetcher, url, urls[url], archive_url)
            advance(url)
            return url, source

        return Held(dict(await asyncio.gather(*(fetch_one(url) for url in urls))))


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


@task(name="check-references", cache_policy=NO_CACHE, task_run_name=_check_run_name)
def check_references_task(work: Held, article_url: str | None = None) -> list[ReferenceReport]:
    """A batch of references (each with its sources and candidates) against what was
    fetched: pure work, shippable to any task runner's workers. `article_url` is the citing
    article's address, which tells its own outlet's original reporting from the rest."""
    return [check_reference(ref, sources, found, article_url) for ref, sources, found in work.value]


@flow(
    name="verify",
    log_prints=False,
    validate_parameters=False,
    task_runner=ThreadPoolTaskRunner(max_workers=CHECK_WORKERS),
)
async def verify(
    input_path: str,
    report_dir: str | None = None,
    formats: tuple[str, ...] = FORMATS,
    replay: str | None = None,
    settings: FetchSettings | None = None,
    archive_url: str | None = None,
    search: list | None = None,  # of SearchProvider: Prefect cannot describe a Protocol
) -> VerifyResult:
    """Verify every quotation of a manifest or an article and write the report."""
    return await verify_input(
        input_path, report_dir, formats, replay, settings, archive_url, search or []
    )


async def verify_input(
    input_path: str,
    report_dir: str | None = None,
    formats: tuple[str, ...] = FORMATS,
    replay: str | None = None,
    settings: FetchSettings | None = None,
    archive_url: str | None = None,
    providers: list[SearchProvider] = (),
    previous: dict | None = None,
    limits: Limits | None = None,
    publish: bool = True,
) -> VerifyResult:
    """One verification, inside whichever flow runs it (verify, or watch for each entry:
    a subflow per entry would cost more than the entry's own work).

    `archive_url` names a web archive's availability API to read failed sources from
    (None: no archive fallback); `providers` the search services asked for pages of
    references that name none; `previous` the report of the run before, to say what
    changed; `limits` the fetch limits shared with other verifications going on at once;
    `publish` whether this verification shows its own artifacts in Prefect (a watch run
    shows one set for all its entries instead).

    Fetching stays in the flow's event loop with one client, so per-host politeness holds
    whatever the task runner; checking the references, pure work on what was fetched, is
    submitted to the flow's task runner (threads by default, Dask on request).
    """
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
                manifest = await read_input_task(
                    input_path, fetcher, list(providers), found_by_search(previous)
                )
                if isinstance(manifest, InputError):
                    raise manifest
                urls = _cited_urls(manifest.references)
                sources = (await fetch_sources_task(fetcher, urls, archive_url)).value
        checks = [
            check_references_task.submit(
                Held(
                    [
                        (ref, [sources[u] for u in ref.urls], [sources[u] for u in ref.candidates])
                        for ref in batch
                    ]
                ),
                manifest.article_url,
            )
            for batch in _batches(manifest.references)
        ]
        # Waiting on a future blocks; in a thread, the loop goes on with other runs' work.
        reports = await asyncio.to_thread(lambda: [r for check in checks for r in check.result()])
        documents = {url: document for url, (_, document) in sources.items() if document}
        references = look_elsewhere(list(manifest.references), reports, documents)
        report = build_report(
            input_path,
            references,
            datetime.now(UTC),
            {"title": manifest.article_title, "url": manifest.article_url},
        )
        if previous is not None:
            report["changes"] = compare(previous, report)
        files = write_reports(report, directory, formats)
        if publish:
            await publish_artifacts([report], slugify(Path(input_path).stem) or "report")
        os.replace(partial_evidence, evidence_path)
    except InputError as error:  # returned, so that Prefect does not log it as a crash
        if previous is None:
            _remove_empty(partial_evidence, created)
        else:  # a watched entry that ran before keeps the evidence of what failed now
            os.replace(partial_evidence, evidence_path)
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


def _batches(references: tuple[Reference, ...]) -> list[tuple[Reference, ...]]:
    """References in at most CHECK_BATCHES batches of at least REFERENCES_PER_CHECK: an
    article of a few references is one task, a long one spreads over the runner's workers."""
    size = max(REFERENCES_PER_CHECK, -(-len(references) // CHECK_BATCHES))
    return [references[start : start + size] for start in range(0, len(references), size)]


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


def dask_task_runner(address: str | None):
    """A Dask task runner: on the scheduler at `address`, or on a local cluster that lives
    as long as the run."""
    from prefect_dask import DaskTaskRunner

    logging.getLogger("distributed").setLevel(logging.WARNING)  # its start-up chatter
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(
        cluster_kwargs={
            "n_workers": LOCAL_DASK_WORKERS,
            "threads_per_worker": 2,
            "processes": True,
            "dashboard_address": None,
        }
    )


def default_report_dir(input_path: str) -> Path:
    """reports/<slug>/<UTC timestamp>/ under the current directory; a second run within the
    same second gets its own folder (<timestamp>-2) instead of overwriting the first."""
    slug = slugify(Path(input_path).stem) or "report"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder, number = Path("reports") / slug / stamp, 2
    while folder.exists():
        folder, number = Path("reports") / slug / f"{stamp}-{number}", number + 1
    return folder
