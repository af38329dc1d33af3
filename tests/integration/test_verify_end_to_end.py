"""`sourcecheck verify` against a real HTTP server on 127.0.0.1, report checked field by field."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tests.integration.conftest import manifest
from tests.support.runs import sourcecheck


def test_verify_writes_the_contract_report(tmp_path: Path, served) -> None:
    out = tmp_path / "out"
    result = sourcecheck(
        "verify",
        str(manifest(tmp_path, served)),
        "--allow-private-hosts",
        "--no-archive",
        "--report-dir",
        str(out),
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    assert sorted(p.name for p in out.iterdir()) == [
        "evidence.warc.gz",
        "report.html",
        "report.json",
        "report.md",
    ]
    report = json.loads((out / "report.json").read_text())
    assert report["schema"] == "sourcecheck/report@1"
    assert report["input"].endswith("refs.yaml")
    assert report["summary"]["references"] == 4 and report["summary"]["quotes"] == 7
    refs = {ref["id"]: ref for ref in report["references"]}

    wire = refs["wire"]
    assert wire["cite"] == "Lena Ortiz, Northern Wire, 14 May 2023"
    moved, broken = wire["sources"]
    assert moved["url"] == served.url("/old-link")
    assert moved["final_url"] == served.url("/wire/talks")
    assert (moved["status"], moved["via"], moved["error"]) == (200, "live", None)
    assert len(moved["sha256"]) == 64 and moved["fetched_at"].endswith("Z")
    record = moved["evidence_record"]
    assert record.startswith("<urn:uuid:")
    with gzip.open(out / "evidence.warc.gz", "rb") as evidence:
        warc = evidence.read()
    header = warc.split(f"WARC-Record-ID: {record}".encode(), 1)[1].split(b"\r\n\r\n", 1)[0]
    assert b"WARC-Type: response" in header  # the record of the response that was read
    assert moved["metadata"] == {
        "title": "Ceasefire talks resume in Geneva",
        "authors": ["Lena Ortiz"],
        "publisher": "Northern Wire",
        "published": "2023-05-14",
        "updated": None,
    }
    assert (broken["status"], broken["error"], broken["sha256"]) == (
        500,
        "HTTP 500 Internal Server Error",
        None,
    )
    assert wire["attribution"] == {"authors": "match", "publisher": "match", "date": "match"}
    verified, edited, misquoted = wire["quotes"]
    assert verified["verdict"] == "verified" and verified["score"] == 1.0
    assert verified["source_url"] == served.url("/wire/talks")
    assert verified["match"]["text"] == "We are closer than we have been at any point this year"
    assert verified["match"]["fragment_url"].startswith(served.url("/wire/talks") + "#:~:text=")
    assert verified["match"]["after"].startswith(", but nothing is agreed")
    # The source goes on "but nothing is agreed ...", and the words are the mediator's.
    assert verified["flags"] == ["truncated_condition", "wrong_speaker"]
    assert "Ana Brandt" in verified["explanation"] and "but nothing" in verified["explanation"]
    assert edited["verdict"] == "misquoted"  # "closer than ever" is not what she said
    assert misquoted["verdict"] == "misquoted"
    assert {"op": "replace", "quote": "24", "source": "42"} in misquoted["match"]["edits"]
    assert wire["claims"][0]["verdict"] in ("supported", "needs_review")

    assert refs["cafe"]["quotes"][0]["verdict"] == "verified"  # windows-1252 via <meta>
    minister = refs["minister"]["quotes"]
    assert [q["verdict"] for q in minister] == ["verified", "misquoted"]
    gone = refs["nowhere"]
    assert gone["sources"][0]["error"] == "HTTP 404 Not Found"
    assert gone["quotes"][0]["verdict"] == "unavailable"
    assert "HTTP 404" in gone["quotes"][0]["explanation"]

    markdown = (out / "report.md").read_text()
    assert "## Lena Ortiz, Northern Wire, 14 May 2023" in markdown
    html = (out / "report.html").read_text()
    assert html.count('class="card v-') == 7


def test_private_addresses_are_refused_by_default(tmp_path: Path, served) -> None:
    out = tmp_path / "out"
    result = sourcecheck(
        "verify", str(manifest(tmp_path, served)), "--no-archive", "--report-dir", str(out)
    )
    assert result.returncode == 1
    report = json.loads((out / "report.json").read_text())
    errors = [s["error"] for ref in report["references"] for s in ref["sources"]]
    assert all("non-public address" in error for error in errors), errors
    assert report["summary"]["verdicts"]["unavailable"] == 7
    assert served.requests == []  # not one packet reached the server


def test_default_report_folders_never_overwrite_each_other(tmp_path: Path, monkeypatch) -> None:
    from verifiers.pipeline import default_report_dir

    monkeypatch.chdir(tmp_path)
    first = default_report_dir("refs.yaml")
    first.mkdir(parents=True)
    second = default_report_dir("refs.yaml")
    assert first.parent == second.parent == Path("reports") / "refs"
    assert second != first
