"""The bundled example: its evidence matches its pages, and it shows every verdict it should."""

from __future__ import annotations

import asyncio
import importlib.util
import json
from pathlib import Path

from flows.verify import verify
from verifiers.web.warc import read_exchanges

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _builder():
    spec = importlib.util.spec_from_file_location("build_evidence", EXAMPLES / "build_evidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_evidence_matches_the_source_pages() -> None:
    recorded = [
        (e.url, e.status, e.body) for e in read_exchanges(str(EXAMPLES / "evidence.warc.gz"))
    ]
    expected = [(e.url, e.status, e.body) for e in _builder().example_exchanges()]
    assert recorded == expected, "run examples/build_evidence.py after editing examples/sources"


def test_example_shows_every_verdict_but_unavailable(tmp_path: Path) -> None:
    result = asyncio.run(
        verify(
            str(EXAMPLES / "manifest.yaml"),
            report_dir=str(tmp_path),
            replay=str(EXAMPLES / "evidence.warc.gz"),
        )
    )
    report = json.loads((tmp_path / "report.json").read_text())
    verdicts = report["summary"]["verdicts"]
    assert verdicts["unavailable"] == 0
    assert all(verdicts[v] > 0 for v in verdicts if v != "unavailable"), verdicts
    assert result.exit_status == 1
    quotes = {q["text"]: q for ref in report["references"] for q in ref["quotes"]}
    misquoted = quotes["the line will carry 48,000 passengers a day by its fifth year of operation"]
    assert misquoted["verdict"] == "misquoted"
    assert [(e["quote"], e["source"]) for e in misquoted["match"]["edits"]] == [
        ("will", "may"),
        ("48,000", "38,000"),
    ]
