"""The verify flow: verifiers.pipeline's run, with its steps as Prefect tasks.

Tasks sit where they pay for themselves, a few per article: reading the input (and
searching), fetching every page (concurrently, inside the task), and checking the
references in batches; never one per quotation. A task costs some milliseconds of
Prefect's time (and Dask's some 300 ms), more than fetching or checking one item. The flow
is async so that fetches share one event loop and one pooled HTTP client. What each step
does, and their order, are the pipeline's: nothing here decides a verdict.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import task_run
from prefect.task_runners import ThreadPoolTaskRunner

from flows.artifacts import publish_artifacts
from flows.progress import fetch_progress
from verifiers import pipeline
from verifiers.documents import Source
from verifiers.errors import InputError
from verifiers.model import Manifest, ReferenceReport
from verifiers.report import FORMATS
from verifiers.settings import Settings
from verifiers.web.fetcher import Fetcher
from verifiers.web.search import SearchProvider

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


@dataclass(frozen=True)
class VerifyResult:
    report_dir: str
    files: list[str]
    summary: dict
    exit_status: int
    # Set when the input proved bad only once read (an article URL that cannot be fetched).
    input_error: str | None = None


class Held:
    """A value passed to or from a task in a holder Prefect does not look inside. Prefect
    walks task parameters and results for futures and states; walking every fetched
    page's word index cost more than the fetches and checks themselves."""

    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value

    def __reduce__(self):  # to and from Dask workers
        return Held, (self.value,)


@task(name="read-input", cache_policy=NO_CACHE, task_run_name="read {location}")
async def read_input_task(
    location: str,
    fetcher: Fetcher,
    providers: list[SearchProvider],
    found_before: dict[str, list[str]],
) -> Manifest | InputError:
    """The pipeline's first step. Bad input is returned, not raised: it is the user's to
    fix, not a failed task."""
    try:
        return await pipeline.gather_sources(location, fetcher, providers, found_before)
    except InputError as error:
        return error


def _fetch_run_name() -> str:
    return f"fetch {len(task_run.parameters['urls'])} pages"


def _check_run_name() -> str:
    return f"check {task_run.parameters['work'].value[0][0].id}…"


@task(name="fetch-sources", cache_policy=NO_CACHE, task_run_name=_fetch_run_name)
async def fetch_sources_task(
    fetcher: Fetcher, urls: dict[str, str | None], settings: Settings
) -> Held:
    """Every page the references name or search found, with a progress display."""
    with fetch_progress(len(urls)) as advance:
        return Held(await pipeline.fetch_sources(fetcher, urls, settings, advance))


@task(name="check-references", cache_policy=NO_CACHE, task_run_name=_check_run_name)
def check_references_task(
    work: Held, article_url: str | None, by_meaning: bool
) -> list[ReferenceReport]:
    """A batch of references against what was fetched: shippable to any runner's workers."""
    return pipeline.check_references(work.value, article_url, by_meaning)


class TaskSteps(pipeline.Steps):
    """The pipeline's steps as this flow's tasks; `publish` shows each report's artifacts
    (a watch run shows one set for all its entries instead)."""

    def __init__(self, publish: bool = True) -> None:
        self._publish = publish

    async def read(self, location, fetcher, providers, found_before) -> Manifest:
        manifest = await read_input_task(location, fetcher, list(providers), found_before)
        if isinstance(manifest, InputError):
            raise manifest
        return manifest

    async def fetch(self, fetcher, urls, settings) -> dict[str, Source]:
        return (await fetch_sources_task(fetcher, urls, settings)).value

    async def check(self, work, article_url, by_meaning) -> list[ReferenceReport]:
        checks = [
            check_references_task.submit(Held(batch), article_url, by_meaning)
            for batch in _batches(work)
        ]
        # Waiting on a future blocks; in a thread, the loop goes on with other runs' work.
        return await asyncio.to_thread(lambda: [r for check in checks for r in check.result()])

    async def publish(self, report: dict, name: str) -> None:
        if self._publish:
            await publish_artifacts([report], name)


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
    settings: Settings | None = None,
) -> VerifyResult:
    """Verify every quotation of a manifest or an article and write the report. Bad input
    is returned in the result, so that Prefect does not log it as a crash."""
    try:
        result = await pipeline.run(
            input_path,
            replay=replay,
            report_dir=report_dir,
            settings=settings,
            formats=formats,
            steps=TaskSteps(),
        )
    except InputError as error:
        return VerifyResult("", [], {}, USAGE_ERROR, input_error=str(error))
    return VerifyResult(
        report_dir=str(result.report_dir),
        files=[str(path) for path in result.files],
        summary=result.report["summary"],
        exit_status=result.exit_status,
    )


def _batches(work: list[pipeline.Work]) -> list[list[pipeline.Work]]:
    """References in at most CHECK_BATCHES batches of at least REFERENCES_PER_CHECK: an
    article of a few references is one task, a long one spreads over the runner's workers."""
    size = max(REFERENCES_PER_CHECK, -(-len(work) // CHECK_BATCHES))
    return [work[start : start + size] for start in range(0, len(work), size)]


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
