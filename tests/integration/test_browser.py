"""report.html in a real headless Chromium: verdicts shown, filters working, nothing run
that the report did not bring itself.

The set-up installs Debian's chromium when it is missing and this is root with apt-get
(as in CI); elsewhere the tests are skipped, saying why.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from flows.verify import verify
from tests.support.reports import reference
from verifiers.report import build_report, render

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("chromium is not installed and cannot be installed here (needs root apt-get)")
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=900,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        if result.returncode != 0:
            pytest.skip(f"installing chromium failed: {result.stderr.strip()[-300:]}")
    return shutil.which("chromium") or pytest.skip("chromium installed but not on PATH")


def browse(chromium: str, page: Path, tmp_path: Path, fragment: str = "", *extra: str) -> str:
    """The page's DOM once its own script has run."""
    result = subprocess.run(
        [
            chromium,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=3000",
            *extra,
            "--dump-dom",
            page.as_uri() + fragment,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture(scope="module")
def example_report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("example-report")
    asyncio.run(
        verify(
            str(EXAMPLES / "manifest.yaml"),
            report_dir=str(folder),
            replay=str(EXAMPLES / "evidence.warc.gz"),
        )
    )
    return folder / "report.html"


def cards(dom: str) -> list[tuple[str, bool]]:
    """(verdict, hidden) of each finding card in a DOM."""
    return [
        (verdict, "hidden" in attributes)
        for attributes, verdict in re.findall(r'<article ([^>]*data-verdict="([^"]+)"[^>]*)>', dom)
    ]


def test_every_verdict_shows_and_the_script_runs(chromium, example_report, tmp_path) -> None:
    started = time.perf_counter()
    dom = browse(chromium, example_report, tmp_path)
    seconds = time.perf_counter() - started
    shown = {verdict for verdict, hidden in cards(dom) if not hidden}
    assert shown == {"verified", "verified_with_edits", "misquoted", "paraphrased", "not_found"}
    assert "Showing 7 of 7 findings." in dom  # written by the report's own script under CSP
    assert "4 of 7 quotations need attention." in dom
    print(f"rendered the example report in {seconds:.2f} s")


def test_filters_show_only_what_is_asked_for(chromium, example_report, tmp_path) -> None:
    misquoted = cards(browse(chromium, example_report, tmp_path, "#show:verdict%3Dmisquoted"))
    assert sorted(v for v, hidden in misquoted if not hidden) == ["misquoted", "misquoted"]
    assert all(hidden for v, hidden in misquoted if v != "misquoted")
    attention = cards(browse(chromium, example_report, tmp_path, "#show:attention"))
    assert sorted(v for v, hidden in attention if not hidden) == [
        "misquoted",
        "misquoted",
        "not_found",
        "paraphrased",
    ]


def test_a_screenshot_of_the_report(chromium, example_report, tmp_path) -> None:
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            chromium,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1000,2400",
            f"--screenshot={shot}",
            example_report.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    print(f"screenshot {shot} ({shot.stat().st_size} bytes)")


def test_hostile_source_text_leaves_the_page_untouched(chromium, tmp_path) -> None:
    page = tmp_path / "report.html"
    data = build_report("hostile.yaml", [reference()], datetime(2026, 11, 27, tzinfo=UTC))
    page.write_text(render(data, "html"))
    dom = browse(chromium, page, tmp_path)
    assert "<title>sourcecheck report: hostile.yaml</title>" in dom
    assert "pwned" not in re.search(r"<title>.*?</title>", dom).group()
    assert "<img" not in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
