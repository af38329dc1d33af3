"""The watch flow: verify every entry of a watchlist, keep its history, say what got worse.

Each entry is run by verifiers.watching with the verify flow's own tasks (a subflow per
entry cost more than the entry's work). A verdict that got worse is told four ways: first
in the entry's report, in a Prefect artifact, by exit status 1 from `sourcecheck watch`,
and to the watchlist's apprise URLs. An entry that cannot be run (its article gone) is told
in the artifact and to the URLs.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow
from prefect.task_runners import ThreadPoolTaskRunner

from flows.artifacts import artifact_key, publish_artifacts
from flows.prefect_server import state_dir
from flows.verify import CHECK_WORKERS, TaskSteps, dask_task_runner
from verifiers.inputs.watchlist import Watchlist, load_watchlist
from verifiers.report import write_index
from verifiers.report.history import entry_slug
from verifiers.settings import Settings
from verifiers.watching import EntryOutcome, WatchResult, watch_entries
from verifiers.web.fetcher import FetchSettings

_log = logging.getLogger("sourcecheck.watch")


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
    archive: bool = True,
    search: bool = True,
) -> WatchResult:
    """Verify every entry of `watchlist` once, now.

    Parameters are plain values, so that a deployment can carry them. `use_dask` sends
    the reference checks to a Dask cluster: the one at `dask_address`, or a local one
    started for this run; `archive` and `search` off are `--no-archive` and `--no-search`.
    """
    listed = load_watchlist(watchlist, report_root)
    settings = (
        Settings.from_environment()
        .switched(archive, search)
        .with_fetch(
            concurrency=concurrency,
            per_host_concurrency=per_host,
            allow_private_hosts=allow_private_hosts,
            cache_dir=state_dir() / "pages",
        )
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
        [outcome.report for outcome in outcomes if outcome.report],
        f"watch-{entry_slug(str(Path(watchlist).resolve()))}",
    )
    if result.worse or result.failed:
        await _alert(result, listed.notify)
    return result


@flow(name="verify-entries", log_prints=False, validate_parameters=False)
async def verify_entries(listed: Watchlist, settings: Settings) -> list[EntryOutcome]:
    """The entries, in a flow of their own: how the checks reach a Dask task runner."""
    return await _verify_entries(listed, settings)


async def _verify_entries(listed: Watchlist, settings: Settings) -> list[EntryOutcome]:
    # One set of artifacts for the whole watch run, not one per entry.
    return await watch_entries(listed, settings, TaskSteps(publish=False))


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
