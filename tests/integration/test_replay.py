"""A live run's evidence replays to the same verdicts without touching the network."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from flows.verify import verify
from tests.integration.conftest import manifest
from tests.support.settings import local_settings
from verifiers import pipeline
from verifiers.web.policy import GuardedNetworkBackend


def verdicts(report_dir: Path) -> list[tuple[str, str]]:
    report = json.loads((report_dir / "report.json").read_text())
    return [
        (ref["id"], quote["verdict"]) for ref in report["references"] for quote in ref["quotes"]
    ]


def test_replay_gives_the_same_verdicts_and_opens_no_socket(
    tmp_path: Path,
    served,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = str(manifest(tmp_path, served))
    live = asyncio.run(
        verify(
            path,
            report_dir=str(tmp_path / "live"),
            settings=local_settings(),
        )
    )
    served.__exit__(None, None, None)  # the site is gone: any live fetch would now fail

    def no_network(*args, **kwargs):
        raise AssertionError("replay must not open a connection")

    monkeypatch.setattr(pipeline, "LiveFetcher", no_network)
    monkeypatch.setattr(GuardedNetworkBackend, "connect_tcp", no_network)
    replayed = asyncio.run(
        verify(
            path,
            report_dir=str(tmp_path / "replay"),
            replay=str(tmp_path / "live" / "evidence.warc.gz"),
        )
    )

    assert verdicts(Path(replayed.report_dir)) == verdicts(Path(live.report_dir))
    assert replayed.exit_status == live.exit_status == 1
    report = json.loads((tmp_path / "replay" / "report.json").read_text())
    sources = [s for ref in report["references"] for s in ref["sources"]]
    assert {s["via"] for s in sources} == {"replay"}
    live_report = json.loads((tmp_path / "live" / "report.json").read_text())
    live_sources = [s for ref in live_report["references"] for s in ref["sources"]]
    assert [(s["final_url"], s["status"], s["sha256"], s["error"]) for s in sources] == [
        (s["final_url"], s["status"], s["sha256"], s["error"]) for s in live_sources
    ]
    assert (tmp_path / "replay" / "evidence.warc.gz").stat().st_size > 0
