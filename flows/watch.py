"""The watch flow: verify every entry of a watchlist, keep its history, say what got worse.

Each entry is verified inside this flow with the verify flow's own tasks (a subflow per
entry cost more than the entry's work), written to REPORT_ROOT/<slug>/<UTC timestamp>/ and
compared with the run before. A few entries run at once; they share one set of fetch
limits, so a watchlist of many articles citing one site is as polite to it as one article.
A verdict that got worse is told four ways: first in the entry's report, in a Prefect
artifact, by exit status 1 from `sourcecheck watch`, and to the watchlist's apprise URLs.
An entry that cannot be run (its article gone) is told in the artifact and to the URLs;
when it ran before, its quotations are carried over as unavailable, a change for the worse.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow
from prefect.task_runners import ThreadPoolTaskRunner

from flows.artifacts import artifact_key, publish_artifacts
from flows.prefect_server import state_dir
from flows.verify import CHECK_WORKERS, dask_task_runner, verify_input
from verifiers.inputs.watchlist import Entry, Watchlist, load_watchlist
from verifiers.pipeline import write_unread_run
from verifiers.report import write_index
from verifiers.report.history import (
    entry_slug,
    new_run_dir,
    previous_report,
    refresh_latest,
    worse_quotes,
)
from verifiers.settings import Settings
from verifiers.web.fetcher import FetchSettings, Limits

# Entries verified at once. Fetching is bounded by the shared limits whatever this is; it
# bounds the pages held in memory and the entries in flight.
ENTRIES_AT_ONCE = 8
_log = logging.getLogger("sourcecheck.watch")


@dataclass
class EntryOutcome:
    entry: str
    slug: str
    report_dir: str | None = None
    summary: dict = field(default_factory=dict)
    worse: list[dict] = field(default_factory=list)
    error: str | None = None


@dataclass
class WatchResult:
    report_root: str
    outcomes: list[EntryOutcome]

    @property
    def worse(self) -> list[tuple[EntryOutcome, dict]]:
        return [(outcome, change) for outcome in self.outcomes for change in outcome.worse]

    @property
    def failed(self) -> list[EntryOutcome]:
        return [outcome for outcome in self.outcomes if outcome.error]

    @property
    def exit_status(self) -> int:
        return 1 if self.worse else 0


@flow(
    name="watch",
    log_prints=False,
    validate_parameters=False,
    task_runner=ThreadPoolTaskRunner(max_workers=CHECK_WORKERS),
)
async def watch(
    watchlist: str,
    report_root: str | None = None,
    allow_private_hosts: bool = False,
    concurrency: int = FetchSettings.concurrency,
    per_host: int = FetchSettings.per_host_concurrency,
    use_dask: bool = False,
    dask_address: str | None = None,
) -> WatchResult:
    """Verify every entry of `watchlist` once, now.

    Parameters are plain values, so that a deployment can carry them. `use_dask` sends
    the reference checks to a Dask cluster: the one at `dask_address`, or a local one
    started for this run.
    """
    listed = load_watchlist(watchlist, report_root)
    settings = Settings.from_environment().with_fetch(
        concurrency=concurrency,
        per_host_concurrency=per_host,
        allow_private_hosts=allow_private_hosts,
        cache_dir=state_dir() / "pages",
    )
    if use_dask:
        runner = dask_task_runner(dask_address)
        outcomes = await verify_entries.with_options(task_runner=runner)(listed, settings)
    else:
        outcomes = await _verify_entries(listed, settings)
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    failures = {o.slug: (o.entry, o.error) for o in outcomes if o.error}
    write_index(listed.report_root, stamp, failures)
    result = WatchResult(str(listed.report_root), outcomes)
    await publish_artifacts(
        [_report(Path(outcome.report_dir)) for outcome in outcomes if outcome.report_dir],
        f"watch-{entry_slug(str(Path(watchlist).resolve()))}",
    )
    if result.worse or result.failed:
        await _alert(result, listed.notify)
    return result


@flow(name="verify-entries", log_prints=False, validate_parameters=False)
async def verify_entries(listed: Watchlist, settings: Settings):
    """The entries, in a flow of their own: how the checks reach a Dask task runner."""
    return await _verify_entries(listed, settings)


async def _verify_entries(listed: Watchlist, settings: Settings):
    limits = Limits.from_settings(settings.fetch)
    gate = asyncio.Semaphore(ENTRIES_AT_ONCE)

    async def run(entry: Entry) -> EntryOutcome:
        async with gate:
            return await _verify_entry(entry, listed.report_root, settings, limits)

    return list(await asyncio.gather(*(run(entry) for entry in listed.entries)))


async def _verify_entry(
    entry: Entry, root: Path, settings: Settings, limits: Limits
) -> EntryOutcome:
    slug = entry_slug(entry.written)
    outcome = EntryOutcome(entry.written, slug)
    entry_dir = root / slug
    run_dir = new_run_dir(entry_dir)
    previous = previous_report(entry_dir)
    try:
        result = await verify_input(
            entry.input,
            report_dir=str(run_dir),
            settings=settings,
            previous=previous,
            limits=limits,
            publish=False,
        )
    except Exception as error:  # one entry's fault never costs the others their runs
        _log.exception("entry %s failed", entry.written)
        outcome.error = f"{type(error).__name__}: {error}"
    else:
        outcome.error = result.input_error
    if outcome.error and previous is not None:
        write_unread_run(entry.written, run_dir, previous, outcome.error)
    elif outcome.error:
        return outcome
    refresh_latest(run_dir)
    report = _report(run_dir)
    outcome.report_dir = str(run_dir)
    outcome.summary = report["summary"]
    outcome.worse = worse_quotes(report)
    return outcome


def _report(run_dir: Path) -> dict:
    return json.loads((run_dir / "report.json").read_text())


async def _alert(result: WatchResult, notify: tuple[str, ...]) -> None:
    """Tell what got worse, and which entries could not be run (an article gone)."""
    from prefect.artifacts import acreate_markdown_artifact

    lines = []
    if result.worse:
        lines += [f"{len(result.worse)} quotation(s) got worse:", ""]
    for outcome, change in result.worse:
        lines.append(
            f"- {outcome.entry} ({change['reference']}): “{change['text'][:160]}” "
            f"{change['was']} → {change['now']} — {outcome.report_dir}"
        )
    if result.failed:
        lines += [
            *([""] if lines else []),
            f"{len(result.failed)} entr{'y' if len(result.failed) == 1 else 'ies'} could not "
            "be run:",
            "",
        ]
    lines += [f"- {outcome.entry}: {outcome.error}" for outcome in result.failed]
    title = "sourcecheck: " + ("verdicts got worse" if result.worse else "entries could not be run")
    body = "\n".join(lines)
    await acreate_markdown_artifact(
        markdown=f"# {title}\n\n{body}\n",
        key=artifact_key("watch-alert"),
        description="quotations whose verdict got worse since the run before, and entries "
        "that could not be run",
    )
    if notify:
        await asyncio.to_thread(_notify, notify, title, body)


def _notify(urls: tuple[str, ...], title: str, body: str) -> None:
    import apprise

    notifier = apprise.Apprise()
    for url in urls:
        notifier.add(url)
    if not notifier.notify(title=title, body=body):
        _log.warning("not every notification could be sent (%s)", ", ".join(urls))


def cron_problem(watchlist: str, cron: str | None) -> str | None:
    """What is wrong with the schedule to serve on (--cron, else the watchlist's), if anything."""
    from prefect._internal.schemas.validators import validate_cron_string

    schedule = cron or load_watchlist(watchlist).schedule
    try:
        validate_cron_string(schedule)
    except ValueError as error:
        where = "--cron" if cron else watchlist
        return f"{where}: not a cron schedule ({error})"
    return None


def serve_watchlist(
    watchlist: str,
    cron: str | None = None,
    interval: float | None = None,
    parameters: dict | None = None,
) -> None:
    """Serve the watch flow as a deployment that runs on the schedule (the watchlist's,
    unless `cron` or `interval` says otherwise) until interrupted."""
    listed = load_watchlist(watchlist)
    schedule = {"interval": interval} if interval else {"cron": cron or listed.schedule}
    watch.serve(
        name=f"watch-{entry_slug(str(Path(watchlist).resolve()))}",
        parameters={"watchlist": str(Path(watchlist).resolve()), **(parameters or {})},
        print_starting_message=False,
        **schedule,
    )
