"""A source that is gone is read from the archive's copy nearest the cited date."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.support.runs import sourcecheck

PAGE = "<html><body><p>The council approved the river tram in a late vote.</p></body></html>"


def test_gone_page_is_read_from_the_archive(tmp_path: Path, site) -> None:
    gone = site.url("/news/tram")  # not served: 404
    snapshot = site.url(f"/web/20230514000000/{gone}")
    site.add("/web/20230514000000id_/" + gone, PAGE)
    answer = {
        "archived_snapshots": {
            "closest": {
                "available": True,
                "url": snapshot,
                "timestamp": "20230514000000",
                "status": "200",
            }
        }
    }
    site.add("/wayback/available", json.dumps(answer), headers={"Content-Type": "application/json"})
    manifest = tmp_path / "refs.yaml"
    manifest.write_text(
        f"references:\n  - id: tram\n    date: 2023-05\n    urls: ['{gone}']\n"
        "    quotes: ['approved the river tram in a late vote']\n"
    )
    out = tmp_path / "out"
    environment = {"SOURCECHECK_ARCHIVE_URL": site.url("/wayback/available")}
    result = sourcecheck(
        "verify",
        str(manifest),
        "--allow-private-hosts",
        "--report-dir",
        str(out),
        environment=environment,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "report.json").read_text())
    (source,) = report["references"][0]["sources"]
    assert (source["via"], source["url"], source["final_url"]) == ("archive", gone, snapshot)
    assert source["live_error"] == "HTTP 404 Not Found" and source["error"] is None
    assert report["references"][0]["quotes"][0]["verdict"] == "verified"
    lookup = next(path for path in site.requests if path.startswith("/wayback/available"))
    assert parse_qs(urlsplit(lookup).query) == {"url": [gone], "timestamp": ["20230515"]}

    replayed = tmp_path / "replayed"
    result = sourcecheck(
        "verify",
        str(manifest),
        "--replay",
        str(out / "evidence.warc.gz"),
        "--report-dir",
        str(replayed),
        environment=environment,
    )
    assert result.returncode == 0, result.stderr
    again = json.loads((replayed / "report.json").read_text())
    assert again["references"][0]["quotes"][0]["verdict"] == "verified"
    assert again["references"][0]["sources"][0]["via"] == "replay"


def test_no_archive_turns_the_fallback_off(tmp_path: Path, site) -> None:
    gone = site.url("/news/tram")
    site.add("/wayback/available", "{}", headers={"Content-Type": "application/json"})
    manifest = tmp_path / "refs.yaml"
    manifest.write_text(f"references:\n  - id: tram\n    urls: ['{gone}']\n    quotes: ['x y']\n")
    result = sourcecheck(
        "verify",
        str(manifest),
        "--allow-private-hosts",
        "--no-archive",
        "--report-dir",
        str(tmp_path / "out"),
        environment={"SOURCECHECK_ARCHIVE_URL": site.url("/wayback/available")},
    )
    assert result.returncode == 1
    assert not any(path.startswith("/wayback") for path in site.requests)
