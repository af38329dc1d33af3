"""Watching articles over time: history, changes, alerts, Dask, and a schedule that fires."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.support.runs import sourcecheck
from verifiers.report.history import entry_slug

BRIDGE = (
    "<html><body><p>The bridge will open in the spring of next year, she said.</p></body></html>"
)
TOLL = "<html><body><p>We will not raise the toll to pay for repairs.</p></body></html>"


def watched(site, tmp_path: Path, notify: bool = False) -> Path:
    """A watchlist of one manifest citing two pages of the local site."""
    site.add("/bridge", BRIDGE)
    site.add("/toll", TOLL)
    (tmp_path / "refs.yaml").write_text(
        f"""references:
  - id: engineer
    cite: The engineer
    urls: ["{site.url("/bridge")}"]
    quotes: ["The bridge will open in the spring of next year"]
  - id: council
    cite: The council
    urls: ["{site.url("/toll")}"]
    quotes: ["We will not raise the toll to pay for repairs."]
"""
    )
    hook = f'notify: ["json://{site.base.removeprefix("http://")}/hook"]\n' if notify else ""
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text(f"report_root: history\n{hook}entries:\n  - path: refs.yaml\n")
    return watchlist


def entry_folder(root: Path) -> Path:
    (folder,) = [path for path in root.iterdir() if path.is_dir()]
    return folder


def test_history_and_changes_across_two_runs(site, tmp_path: Path) -> None:
    watchlist = watched(site, tmp_path, notify=True)
    first = sourcecheck("watch", str(watchlist), "--allow-private-hosts", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    root = tmp_path / "history"
    folder = entry_folder(root)
    assert (folder / "latest" / "report.json").is_file()
    assert "changes" not in json.loads((folder / "latest" / "report.json").read_text())
    assert not site.posts

    site.add("/bridge", "<html><body><p>The tunnel will open later.</p></body></html>")
    site.add("/toll", b"gone", status=404, headers={"Content-Type": "text/plain"})
    second = sourcecheck("watch", str(watchlist), "--allow-private-hosts", cwd=tmp_path)
    assert second.returncode == 1, second.stderr
    assert entry_folder(root) == folder  # the slug is stable across runs
    runs = sorted(path for path in folder.iterdir() if path.name != "latest")
    assert len(runs) == 2
    report = json.loads((folder / "latest" / "report.json").read_text())
    assert report == json.loads((runs[-1] / "report.json").read_text())
    changes = report["changes"]
    assert changes["previous"] == json.loads((runs[0] / "report.json").read_text())["generated_at"]
    assert [(c["reference"], c["was"], c["now"]) for c in changes["quotes"]] == [
        ("engineer", "verified", "not_found"),
        ("council", "verified", "unavailable"),
    ]
    by_url = {c["url"]: c for c in changes["sources"]}
    assert by_url[site.url("/toll")]["was_status"] == 200
    assert by_url[site.url("/toll")]["now_status"] == 404
    bridge = by_url[site.url("/bridge")]
    assert bridge["was_sha256"] != bridge["now_sha256"]
    assert "2 quotations got worse" in (folder / "latest" / "report.md").read_text()
    index = (root / "index.html").read_text()
    assert "2 got worse" in index and f"{folder.name}/latest/report.html" in index
    (path, body), *_ = site.posts
    assert path == "/hook"
    assert "verified → not_found" in json.loads(body)["message"]
    keys = {artifact["key"] for artifact in _artifacts()}
    assert {"sourcecheck-watch-alert", f"sourcecheck-watch-{entry_slug(str(watchlist))}"} <= keys


def _artifacts() -> list[dict]:
    answer = httpx.post(f"{os.environ['PREFECT_API_URL']}/artifacts/filter", json={}, timeout=30)
    answer.raise_for_status()
    return answer.json()


def test_the_dask_runner_gives_the_same_report(site, tmp_path: Path) -> None:
    watchlist = watched(site, tmp_path)
    reports = {}
    for runner in ("thread", "dask"):
        result = sourcecheck(
            "watch",
            str(watchlist),
            "--allow-private-hosts",
            "--task-runner",
            runner,
            "--report-root",
            str(tmp_path / runner),
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        report = json.loads(
            (entry_folder(tmp_path / runner) / "latest" / "report.json").read_text()
        )
        reports[runner] = _without_times(report)
    assert reports["dask"] == reports["thread"]


def _without_times(report: dict) -> dict:
    report = json.loads(json.dumps(report))
    report.pop("generated_at")
    for reference in report["references"]:
        for source in reference["sources"]:
            source.pop("fetched_at")
            source.pop("evidence_record")
        for quote in reference["quotes"]:
            quote.pop("claim_review")
    return report


def test_serve_starts_its_own_prefect_server_and_runs_on_schedule(site, tmp_path: Path):
    watchlist = watched(site, tmp_path)
    environment = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    environment.update(
        SOURCECHECK_HOME=str(tmp_path / "state"),
        PREFECT_HOME=str(tmp_path / "prefect-client"),
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    serving = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "serve",
            str(watchlist),
            "--interval",
            "2",
            "--allow-private-hosts",
        ],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    index = tmp_path / "history" / "index.html"
    try:
        deadline = time.monotonic() + 150
        while not index.exists() and time.monotonic() < deadline and serving.poll() is None:
            time.sleep(0.5)
        assert index.exists(), "no scheduled run wrote the history"
    finally:
        serving.send_signal(signal.SIGINT)
        output, _ = serving.communicate(timeout=60)
    assert serving.returncode == 0, output
    status = subprocess.run(
        [sys.executable, "-m", "flows.cli", "server", "status"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert status.stdout.strip() == "not running"


def test_an_entry_that_cannot_run_is_shown_and_the_others_go_on(site, tmp_path: Path) -> None:
    watchlist = watched(site, tmp_path)
    gone = site.url("/essays/gone")
    watchlist.write_text(watchlist.read_text() + f"  - {gone}\n")
    result = sourcecheck("watch", str(watchlist), "--allow-private-hosts", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"{gone}: " in result.stdout and "HTTP 404" in result.stdout
    index = (tmp_path / "history" / "index.html").read_text()
    assert "no run could be made" in index and "HTTP 404" in index
    assert "refs.yaml" in index


def test_an_article_that_vanishes_is_told_once(site, tmp_path: Path) -> None:
    site.add("/bridge", BRIDGE)
    article = site.add(
        "/essays/bridge",
        f"""<html><body><article><h1>When the bridge opens</h1><p>The engineer said that
        “<a href="{site.url("/bridge")}">the bridge will open in the spring of next year</a>”,
        which is later than promised.</p></article></body></html>""",
    )
    hook = site.base.removeprefix("http://")
    watchlist = tmp_path / "watchlist.yaml"
    watchlist.write_text(
        f'report_root: history\nnotify: ["json://{hook}/hook"]\nentries:\n  - {article}\n'
    )
    first = sourcecheck("watch", str(watchlist), "--allow-private-hosts", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert not site.posts

    site.add("/essays/bridge", b"gone", status=404, headers={"Content-Type": "text/plain"})
    second = sourcecheck("watch", str(watchlist), "--allow-private-hosts", cwd=tmp_path)
    assert second.returncode == 1, second.stderr
    folder = entry_folder(tmp_path / "history")
    report = json.loads((folder / "latest" / "report.json").read_text())
    (quote,) = report["references"][0]["quotes"]
    assert quote["verdict"] == "unavailable" and "HTTP 404" in quote["explanation"]
    with gzip.open(folder / "latest" / "evidence.warc.gz", "rb") as evidence:
        assert b"HTTP/1.1 404" in evidence.read()  # the failed fetch is kept as evidence
    (change,) = report["changes"]["quotes"]
    assert (change["was"], change["now"], change["worse"]) == (
        "verified_with_edits",  # the quotation's capital "the" is the article's edit
        "unavailable",
        True,
    )
    (_, body), *_ = site.posts
    message = json.loads(body)["message"]
    assert "verified_with_edits → unavailable" in message and "could not be run" in message

    third = sourcecheck("watch", str(watchlist), "--allow-private-hosts", cwd=tmp_path)
    assert third.returncode == 0, third.stderr  # still gone: nothing new to tell
    assert len(site.posts) == 2  # the failure itself is still told
