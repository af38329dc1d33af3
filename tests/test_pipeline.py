"""The pipeline runs without Prefect and gives the verdicts the verify flow gives."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from flows.verify import verify as verify_flow
from tests.support.settings import local_settings
from verifiers.errors import InputError
from verifiers.pipeline import averify

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "manifest.yaml"
EVIDENCE = ROOT / "examples" / "evidence.warc.gz"
# Prefect made unimportable, then the library's entry point: what a notebook would do.
WITHOUT_PREFECT = """
import json, sys
sys.modules["prefect"] = None
from verifiers.pipeline import verify
report = verify(sys.argv[1], replay=sys.argv[2], report_dir=sys.argv[3])
print(json.dumps(report))
"""


def findings(report: dict) -> list[tuple]:
    return [
        (reference["id"], quote["text"], quote["verdict"], tuple(quote["flags"]))
        for reference in report["references"]
        for quote in reference["quotes"]
    ] + [
        (reference["id"], claim["text"], claim["verdict"])
        for reference in report["references"]
        for claim in reference["claims"]
    ]


def test_without_prefect_the_example_gets_the_verdicts_of_the_flow(tmp_path: Path) -> None:
    plain = subprocess.run(
        [sys.executable, "-c", WITHOUT_PREFECT, str(EXAMPLE), str(EVIDENCE), str(tmp_path / "a")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    report = json.loads(plain.stdout)
    assert report == json.loads((tmp_path / "a" / "report.json").read_text())
    assert (tmp_path / "a" / "evidence.warc.gz").stat().st_size > 0
    asyncio.run(verify_flow(str(EXAMPLE), str(tmp_path / "b"), replay=str(EVIDENCE)))
    flowed = json.loads((tmp_path / "b" / "report.json").read_text())
    assert findings(report) == findings(flowed)
    assert report["summary"] == flowed["summary"]


def test_bad_input_raises_and_leaves_nothing(tmp_path: Path) -> None:
    article = tmp_path / "empty.md"
    article.write_text("An article that quotes no one.\n")
    out = tmp_path / "reports" / "run"
    with pytest.raises(InputError, match="no quotations"):
        asyncio.run(averify(str(article), report_dir=out, settings=local_settings()))
    assert not (tmp_path / "reports").exists()
