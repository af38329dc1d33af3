"""The verification report: report.json (the CONTRACT), report.md and report.html.

Every file is written atomically: to a temporary file beside it, then renamed, so a
reader never sees half a report.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from verifiers.model import (
    CLAIM_VERDICTS,
    PASSING_VERDICTS,
    QUOTE_VERDICTS,
    ReferenceReport,
    needs_attention,
)
from verifiers.report.claim_review import claim_review
from verifiers.report.history import LATEST, worse_quotes
from verifiers.report.tracked_changes import tracked_changes

__all__ = ["FORMATS", "build_report", "exit_status", "render", "write_index", "write_reports"]

SCHEMA = "sourcecheck/report@1"
FORMATS = ("json", "md", "html")


def build_report(
    input_name: str,
    references: list[ReferenceReport],
    generated_at: datetime,
    article: dict[str, str | None] | None = None,
) -> dict:
    """report.json's content, exactly as the CONTRACT names it (plus a few extra fields)."""
    verdicts = dict.fromkeys(QUOTE_VERDICTS, 0)
    flags: dict[str, int] = {}
    claims = dict.fromkeys(CLAIM_VERDICTS, 0)
    attention = 0
    for reference in references:
        for quote in reference.quotes:
            verdicts[quote.verdict] += 1
            for flag in quote.flags:
                flags[flag] = flags.get(flag, 0) + 1
            attention += needs_attention(quote.verdict, quote.flags)
        for claim in reference.claims:
            claims[claim.verdict] += 1
    report = {
        "schema": SCHEMA,
        "generated_at": generated_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "input": input_name,
        "summary": {
            "references": len(references),
            "quotes": sum(verdicts.values()),
            "verdicts": verdicts,
            "flags": flags,
            "claims": claims,
            "attention": attention,
        },
        "references": [asdict(reference) for reference in references],
    }
    stamp = report["generated_at"]
    for reference in report["references"]:
        for quote in reference["quotes"]:
            quote["claim_review"] = claim_review(reference, quote, stamp)
    if article and any(article.values()):
        report["article"] = article
    return report


def exit_status(report: dict) -> int:
    """0 when no quotation needs attention (each verified, with or without edits, and
    unflagged), else 1."""
    return 1 if _attention(report) else 0


def render(report: dict, report_format: str) -> str:
    if report_format == "json":
        return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    template = _environment().get_template(f"report.{report_format}.j2")
    if report_format == "html":
        style, script = _asset("report.css"), _asset("report.js")
        return template.render(
            report=report,
            style=style,
            style_hash=_sha256(style),
            script=script,
            script_hash=_sha256(script),
        )
    return template.render(report=report)


def _asset(name: str) -> str:
    return resources.files("verifiers.report").joinpath(f"templates/{name}").read_text()


def _sha256(text: str) -> str:
    """The Content-Security-Policy hash of an inline script or style."""
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def write_reports(report: dict, directory: Path, formats: tuple[str, ...]) -> list[Path]:
    """The report in each of `formats`; a report file of another format left in the folder
    by an earlier run is removed, so that the folder never shows two runs."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for report_format in formats:
        path = directory / f"report.{report_format}"
        write_atomically(path, render(report, report_format).encode("utf-8"))
        written.append(path)
    for stale in set(FORMATS) - set(formats):
        (directory / f"report.{stale}").unlink(missing_ok=True)
    return written


def write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_UMASK)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _read_umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


# Read once, at import: changing the umask to read it is not safe once threads run.
_UMASK = _read_umask()


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("verifiers.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["md"] = markdown_escape
    environment.filters["href"] = safe_href
    environment.filters["json_ld"] = json_ld
    environment.globals["tracked_changes"] = tracked_changes
    environment.globals["passing_verdicts"] = PASSING_VERDICTS
    environment.tests["needing_attention"] = lambda quote: needs_attention(
        quote["verdict"], quote["flags"]
    )
    return environment


def markdown_escape(text: str | None) -> str:
    """Article and source text shown literally in Markdown, with no markup or HTML of its own."""
    if not text:
        return ""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|#~":
        escaped = escaped.replace(char, "\\" + char)
    return " ".join(escaped.split())


def json_ld(data: object) -> Markup:
    """JSON for a <script type="application/ld+json"> block that no text can break out of."""
    text = json.dumps(data, ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def safe_href(url: str | None) -> str | None:
    """Only http(s) links are clickable: a `javascript:` URL from an article stays text."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def write_index(
    report_root: Path, generated_at: str, failures: dict[str, tuple[str, str]] | None = None
) -> Path:
    """REPORT_ROOT/index.html: every watched entry with its latest summary and what changed,
    read from each entry's latest/report.json; `failures` (slug -> entry, why) are the
    entries whose run just now could not be made, such as an article that is gone."""
    failures = dict(failures or {})
    entries = []
    for latest in sorted(report_root.glob(f"*/{LATEST}/report.json")):
        try:
            report = json.loads(latest.read_text())
        except (OSError, ValueError):
            continue
        changes = report.get("changes")
        entries.append(
            {
                "slug": latest.parent.parent.name,
                "input": report["input"],
                "generated_at": report["generated_at"],
                "quotes": report["summary"]["quotes"],
                "verdicts": report["summary"]["verdicts"],
                "attention": _attention(report),
                "compared": changes is not None,
                "changed": len((changes or {}).get("quotes", []))
                + len((changes or {}).get("sources", [])),
                "worse": len(worse_quotes(report)),
                "failed": failures.pop(latest.parent.parent.name, (None, None))[1],
            }
        )
    entries += [{"slug": None, "input": entry, "failed": why} for entry, why in failures.values()]
    style = _asset("report.css")
    page = (
        _environment()
        .get_template("index.html.j2")
        .render(entries=entries, generated_at=generated_at, style=style, style_hash=_sha256(style))
    )
    path = report_root / "index.html"
    report_root.mkdir(parents=True, exist_ok=True)
    write_atomically(path, page.encode("utf-8"))
    return path


def _attention(report: dict) -> int:
    """How many quotations need attention (read from the quotations: a report written
    before `summary.attention` existed has none)."""
    return sum(
        needs_attention(quote["verdict"], quote["flags"])
        for reference in report["references"]
        for quote in reference["quotes"]
    )
