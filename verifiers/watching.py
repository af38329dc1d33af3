"""Watched articles: each entry of a watchlist run into its history, compared with the run
before, a few at a time.

Each run of an entry is written to REPORT_ROOT/<slug>/<UTC timestamp>/ and then copied to
REPORT_ROOT/<slug>/latest/ (verifiers.report.history). The entries running at once share
one set of fetch limits, so a watchlist of many articles citing one site is as polite to it
as one article. An entry that cannot be run never costs the others their runs; when it ran
before, its run still writes a report: the quotations of the run before, each now
unavailable with the reason, so the change for the worse is told once.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from verifiers.errors import InputError
from verifiers.inputs.watchlist import Entry, Watchlist
from verifiers.pipeline import Steps, run
from verifiers.report import FORMATS, build_report, write_reports
from verifiers.report.history import (
    compare,
    entry_slug,
    new_run_dir,
    previous_report,
    refresh_latest,
    unread_references,
    worse_quotes,
)
from verifiers.settings import Settings
from verifiers.web.fetcher import Limits

__all__ = ["ENTRIES_AT_ONCE", "EntryOutcome", "WatchResult", "watch_entries", "watch_entry"]

# Entries verified at once. Fetching is bounded by the shared limits whatever this is; it
# bounds the pages held in memory and the entries in flight.
ENTRIES_AT_ONCE = 8
_log = logging.getLogger("sourcecheck.watch")


@dataclass
class EntryOutcome:
    """One entry's run: its report, or why it could not be run (or both, when it ran
    before and its input is gone now)."""

    entry: str
    slug: str
    report_dir: str | None = None
    report: dict | None = field(default=None, repr=False)
    error: str | None = None

    @property
    def summary(self) -> dict:
        return self.report["summary"] if self.report else {}

    @property
    def worse(self) -> list[dict]:
        """The quotations whose verdict got worse since the run before."""
        return worse_quotes(self.report) if self.report else []


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
        """1 when any quotation's verdict got worse than in the run before (CONTRACT)."""
        return 1 if self.worse else 0


async def watch_entries(
    listed: Watchlist, settings: Settings, steps: Steps | None = None
) -> list[EntryOutcome]:
    """Every entry of the watchlist, ENTRIES_AT_ONCE at a time, sharing one set of limits."""
    limits = Limits.from_settings(settings.fetch)
    gate = asyncio.Semaphore(ENTRIES_AT_ONCE)

    async def one(entry: Entry) -> EntryOutcome:
        async with gate:
            return await watch_entry(entry, listed.report_root, settings, limits, steps)

    return list(await asyncio.gather(*(one(entry) for entry in listed.entries)))


async def watch_entry(
    entry: Entry,
    root: Path,
    settings: Settings,
    limits: Limits | None = None,
    steps: Steps | None = None,
) -> EntryOutcome:
    """Run one entry into its history folder under `root`, compared with its run before."""
    slug = entry_slug(entry.written)
    outcome = EntryOutcome(entry.written, slug)
    entry_dir = root / slug
    run_dir = new_run_dir(entry_dir)
    previous = previous_report(entry_dir)
    try:
        result = await run(
            entry.input,
            report_dir=run_dir,
            settings=settings,
            previous=previous,
            limits=limits,
            steps=steps,
        )
        report = result.report
    except Exception as error:  # one entry's fault never costs the others their runs
        if isinstance(error, InputError):
            outcome.error = str(error)
        else:
            _log.exception("entry %s failed", entry.written)
            outcome.error = f"{type(error).__name__}: {error}"
        if previous is None:
            return outcome
        report = _write_unread_run(entry.written, run_dir, previous, outcome.error)
    refresh_latest(run_dir)
    outcome.report_dir, outcome.report = str(run_dir), report
    return outcome


def _write_unread_run(input: str, run_dir: Path, previous: dict, error: str) -> dict:
    """A run that could not read its input still leaves a report: the quotations of the
    run before, now unavailable, and why, compared with that run."""
    references = unread_references(previous, error)
    report = build_report(input, references, datetime.now(UTC), previous.get("article"))
    report["changes"] = compare(previous, report)
    write_reports(report, run_dir, FORMATS)
    return report
