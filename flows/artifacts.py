"""What a run shows in the Prefect UI without opening a file: a summary and a table."""

from __future__ import annotations

import re

from prefect.artifacts import acreate_markdown_artifact, acreate_table_artifact

from verifiers.report.history import worse_quotes

_KEY_CHARACTERS = re.compile(r"[^a-z0-9-]+")
_TABLE_TEXT = 160


def artifact_key(name: str) -> str:
    """Prefect keys hold only lowercase letters, digits and dashes."""
    return _KEY_CHARACTERS.sub("-", f"sourcecheck-{name}".lower()).strip("-")[:100]


async def publish_artifacts(reports: list[dict], name: str) -> None:
    """A Markdown summary (any verdict that got worse first) and one table row per
    quotation, for one report or for all of a watch run's, under keys made from `name` so
    that successive runs line up in the UI."""
    key = artifact_key(name)
    await acreate_markdown_artifact(
        markdown="\n".join(summary_markdown(report) for report in reports),
        key=key,
        description="sourcecheck summary",
    )
    rows = [
        {
            "input": report["input"],
            "reference": reference["id"],
            "quotation": quote["text"][:_TABLE_TEXT],
            "verdict": quote["verdict"],
            "flags": ", ".join(quote["flags"]),
            "source": quote["source_url"] or "",
        }
        for report in reports
        for reference in report["references"]
        for quote in reference["quotes"]
    ]
    if rows:
        await acreate_table_artifact(
            table=rows, key=f"{key}-quotes", description="one row per quotation"
        )


def summary_markdown(report: dict) -> str:
    summary = report["summary"]
    lines = [f"## sourcecheck: {report['input']}", ""]
    worse = worse_quotes(report)
    if worse:
        previous = report["changes"]["previous"]
        lines += [f"**{len(worse)} quotation(s) got worse since the run of {previous}:**", ""]
        lines += [
            f"- {c['reference']}: “{c['text'][:_TABLE_TEXT]}” {c['was']} → **{c['now']}**"
            for c in worse
        ]
        lines.append("")
    lines += ["| verdict | quotations |", "| --- | ---: |"]
    lines += [f"| {verdict} | {count} |" for verdict, count in summary["verdicts"].items()]
    lines += ["", f"{summary['quotes']} quotations in {summary['references']} references."]
    return "\n".join(lines) + "\n"
