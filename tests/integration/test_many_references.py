"""A manifest of 200 references against the local server: every one of them reported."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from flows.verify import verify
from tests.support.generated import serve_references, write_manifest
from tests.support.settings import local_settings


def test_two_hundred_references_are_each_reported(tmp_path: Path, site) -> None:
    references = serve_references(site, 200)
    path = write_manifest(tmp_path / "many.json", references)
    result = asyncio.run(
        verify(
            str(path),
            report_dir=str(tmp_path / "out"),
            formats=("json",),
            settings=local_settings(),
        )
    )
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["summary"]["references"] == 200
    assert report["summary"]["verdicts"]["verified"] == 200
    assert report["summary"]["verdicts"]["misquoted"] == 200
    assert [ref["id"] for ref in report["references"]] == [f"ref-{n}" for n in range(200)]
    pages = [path for path in site.requests if path != "/robots.txt"]
    assert sorted(pages) == sorted(f"/source/{n}" for n in range(200))  # each fetched once
    assert site.requests.count("/robots.txt") == 1  # read once for the host
    assert result.exit_status == 1
