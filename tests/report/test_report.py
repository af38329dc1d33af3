"""report.json per the CONTRACT; Markdown and HTML that show text, never run it."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from tests.support.reports import HOSTILE, reference
from verifiers.model import (
    ReferenceReport,
)
from verifiers.report import build_report, exit_status, render, write_reports


def report(*references: ReferenceReport) -> dict:
    return build_report("refs.yaml", list(references), datetime(2026, 11, 27, 6, tzinfo=UTC))


def test_json_has_every_contract_field() -> None:
    data = json.loads(render(report(reference()), "json"))
    assert data["schema"] == "sourcecheck/report@1"
    assert data["generated_at"] == "2026-11-27T06:00:00Z"
    assert data["summary"]["verdicts"] == {
        "verified": 0,
        "verified_with_edits": 0,
        "misquoted": 1,
        "paraphrased": 0,
        "not_found": 0,
        "unavailable": 0,
    }
    ref = data["references"][0]
    assert set(ref) == {
        "id",
        "cite",
        "sources",
        "attribution",
        "attribution_notes",
        "rejected_candidates",
        "quotes",
        "claims",
    }
    assert set(ref["sources"][0]) == {
        "url",
        "final_url",
        "status",
        "via",
        "fetched_at",
        "sha256",
        "error",
        "metadata",
        "live_error",
        "evidence_record",
        "found_by",
        "error_kind",
    }
    assert set(ref["sources"][0]["metadata"]) == {
        "title",
        "authors",
        "publisher",
        "published",
        "updated",
    }
    quote = ref["quotes"][0]
    assert set(quote) == {
        "text",
        "verdict",
        "score",
        "source_url",
        "match",
        "flags",
        "explanation",
        "claim_review",
    }
    review = quote["claim_review"]
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == HOSTILE
    assert review["reviewRating"]["alternateName"] == "misquoted"
    assert review["itemReviewed"]["appearance"]["url"] == "https://a.example/p"
    assert review["itemReviewed"]["appearance"]["author"] == [
        {"@type": "Person", "name": "Jane Smith"}
    ]
    assert set(quote["match"]) >= {"text", "before", "after", "fragment_url", "edits"}
    assert quote["match"]["edits"] == [{"op": "replace", "quote": "will", "source": "may"}]
    assert ref["claims"][0]["evidence"][0] == {
        "source_url": "https://a.example/p",
        "text": "text",
        "score": 0.5,
        "note": None,
        "stance": "related",
    }


def test_exit_status_is_zero_only_for_unflagged_verified_quotes() -> None:
    assert exit_status(report(reference("verified"), reference("verified_with_edits"))) == 0
    assert exit_status(report(reference("verified", ["truncated_condition"]))) == 1
    assert exit_status(report(reference("verified"), reference("not_found"))) == 1


def test_html_escapes_every_text_and_allows_only_its_own_style_and_script() -> None:
    html = render(report(reference()), "html")
    assert "<script>document.title" not in html and "<img" not in html
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # the report's own filter script
    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert re.search(r"style-src 'sha256-[A-Za-z0-9+/=]+';", policy)
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+';", policy)


def test_json_ld_cannot_be_broken_out_of() -> None:
    html = render(report(reference()), "html")
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and json.loads(block)[0]["@type"] == "ClaimReview"


def test_html_links_only_http_urls() -> None:
    bad = reference()
    bad.sources[0].url = bad.sources[0].final_url = "javascript:alert(1)"
    bad.quotes[0].match.fragment_url = "javascript:alert(2)"
    html = render(report(bad), "html")
    assert 'href="javascript' not in html


def test_markdown_shows_text_literally() -> None:
    markdown = render(report(reference()), "md")
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert "\\*\\*bold\\*\\*" in markdown
    assert "| misquoted | 1 |" in markdown
    assert "~~will~~ **may**" in markdown


def test_reports_are_written_whole(tmp_path: Path) -> None:
    paths = write_reports(report(reference()), tmp_path / "out", ("json", "md"))
    assert [p.name for p in paths] == ["report.json", "report.md"]
    assert not list((tmp_path / "out").glob(".*"))  # no temporary files left
    assert json.loads(paths[0].read_text())["input"] == "refs.yaml"


def test_each_change_since_the_run_before_is_its_own_line_in_markdown() -> None:
    data = report(reference())
    data["changes"] = {
        "previous": "2026-12-01T06:00:00Z",
        "quotes": [
            {"reference": "a", "text": "one", "was": "verified", "now": "not_found", "worse": True},
            {
                "reference": "b",
                "text": "two",
                "was": "verified",
                "now": "misquoted",
                "worse": False,
            },
        ],
        "sources": [],
    }
    lines = render(data, "md").splitlines()
    assert "- a: “one” was verified, now **not_found** (worse)" in lines
    assert "- b: “two” was verified, now **misquoted**" in lines


def test_a_report_written_in_fewer_formats_leaves_no_older_file_beside_it(tmp_path: Path) -> None:
    write_reports(report(reference()), tmp_path, ("json", "md", "html"))
    write_reports(report(reference("verified")), tmp_path, ("json",))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
