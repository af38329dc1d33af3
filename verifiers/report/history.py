"""What changed between two runs of one watched article, and where its runs are kept.

REPORT_ROOT/<slug>/<UTC timestamp>/ holds each run, REPORT_ROOT/<slug>/latest/ a copy of
the newest. Which change of verdict is one for the worse is said in verifiers.model.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from verifiers.model import QuoteFinding, ReferenceReport, is_worse
from verifiers.report.slug import slugify

__all__ = [
    "LATEST",
    "compare",
    "entry_slug",
    "new_run_dir",
    "previous_report",
    "refresh_latest",
    "unread_references",
    "worse_quotes",
]

LATEST = "latest"


def new_run_dir(parent: Path) -> Path:
    """parent/<UTC timestamp>/, not yet made; a second run within the same second gets its
    own folder (<timestamp>-2) instead of overwriting the first."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder, number = parent / stamp, 2
    while folder.exists():
        folder, number = parent / f"{stamp}-{number}", number + 1
    return folder


def entry_slug(entry: str) -> str:
    """A folder name for a watched entry that stays the same across runs: a readable part
    from its file or page name, and a short hash of the whole entry so that two entries
    with the same name never share a history."""
    parts = urlsplit(entry)
    name = Path(parts.path.rstrip("/")).stem or parts.netloc or entry
    digest = hashlib.sha256(entry.encode()).hexdigest()[:8]
    return f"{slugify(name, max_length=40) or 'entry'}-{digest}"


def compare(previous: dict, current: dict) -> dict:
    """report.json's `changes`: verdicts that changed per quotation, and sources whose
    content or status changed, against the run that came before."""
    was_quotes = {
        (reference["id"], quote["text"]): quote["verdict"]
        for reference in previous.get("references", [])
        for quote in reference.get("quotes", [])
    }
    quotes = []
    for reference in current["references"]:
        for quote in reference["quotes"]:
            was = was_quotes.get((reference["id"], quote["text"]))
            if was is not None and was != quote["verdict"]:
                quotes.append(
                    {
                        "reference": reference["id"],
                        "text": quote["text"],
                        "was": was,
                        "now": quote["verdict"],
                        "worse": is_worse(was, quote["verdict"]),
                    }
                )
    was_sources = {s["url"]: s for r in previous.get("references", []) for s in r["sources"]}
    sources, seen = [], set()
    for reference in current["references"]:
        for source in reference["sources"]:
            before = was_sources.get(source["url"])
            if before is None or source["url"] in seen:
                continue
            seen.add(source["url"])
            if (before.get("sha256"), before.get("status")) != (source["sha256"], source["status"]):
                sources.append(
                    {
                        "url": source["url"],
                        "was_sha256": before.get("sha256"),
                        "now_sha256": source["sha256"],
                        "was_status": before.get("status"),
                        "now_status": source["status"],
                    }
                )
    return {"previous": previous.get("generated_at"), "quotes": quotes, "sources": sources}


def unread_references(previous: dict, error: str) -> list[ReferenceReport]:
    """The run before's references for a run that could not read its input (the article
    is gone, say): each quotation is now `unavailable`, with the reason, so that the
    change is told once, when it happens."""
    why = (
        f"This run could not read the article ({error}), so the quotation could not be "
        f"checked; it is carried over from the run of {previous.get('generated_at')}."
    )
    return [
        ReferenceReport(
            id=reference["id"],
            cite=reference["cite"],
            sources=[],
            attribution=dict.fromkeys(("authors", "publisher", "date"), "unknown"),
            quotes=[
                QuoteFinding(quote["text"], "unavailable", 0.0, None, None, [], why)
                for quote in reference.get("quotes", [])
            ],
            claims=[],
        )
        for reference in previous.get("references", [])
    ]


def worse_quotes(report: dict) -> list[dict]:
    return [change for change in report.get("changes", {}).get("quotes", []) if change["worse"]]


def previous_report(entry_dir: Path) -> dict | None:
    """The report of the entry's newest run, if it has one that can be read."""
    try:
        return json.loads((entry_dir / LATEST / "report.json").read_text())
    except (OSError, ValueError):
        return None


def refresh_latest(run_dir: Path) -> Path:
    """Make <slug>/latest/ a copy of this run: copied beside it, then swapped in, so a
    reader never finds it half-written."""
    entry_dir = run_dir.parent
    staging = Path(tempfile.mkdtemp(prefix=".latest-", dir=entry_dir))
    for path in run_dir.iterdir():
        if path.is_file():
            shutil.copy2(path, staging / path.name)
    latest = entry_dir / LATEST
    retired = entry_dir / f".retired-{os.getpid()}"
    if latest.exists():
        os.replace(latest, retired)
    os.replace(staging, latest)
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(retired)
    return latest
