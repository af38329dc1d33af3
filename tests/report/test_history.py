"""Watchlists, entry slugs, and what changed between two runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.artifacts import artifact_key, summary_markdown
from verifiers.errors import InputError
from verifiers.inputs.watchlist import DEFAULT_SCHEDULE, load_watchlist
from verifiers.model import is_worse
from verifiers.report.history import compare, entry_slug, refresh_latest, worse_quotes


def report(verdicts: dict[str, str], sources: dict[str, tuple[str | None, int | None]]) -> dict:
    return {
        "generated_at": "2026-11-27T06:00:00Z",
        "input": "refs.yaml",
        "summary": {"quotes": len(verdicts), "references": 1, "verdicts": {}},
        "references": [
            {
                "id": "smith",
                "sources": [
                    {"url": url, "sha256": sha, "status": status}
                    for url, (sha, status) in sources.items()
                ],
                "quotes": [
                    {"text": text, "verdict": verdict, "flags": [], "source_url": None}
                    for text, verdict in verdicts.items()
                ],
            }
        ],
    }


def test_changes_name_each_verdict_and_source_that_moved() -> None:
    before = report({"a": "verified", "b": "misquoted", "c": "verified"}, {"u": ("1", 200)})
    after = report(
        {"a": "not_found", "b": "verified", "c": "verified", "d": "verified"}, {"u": (None, 404)}
    )
    changes = compare(before, after)
    assert changes["previous"] == "2026-11-27T06:00:00Z"
    assert changes["quotes"] == [
        {"reference": "smith", "text": "a", "was": "verified", "now": "not_found", "worse": True},
        {"reference": "smith", "text": "b", "was": "misquoted", "now": "verified", "worse": False},
    ]
    assert changes["sources"] == [
        {"url": "u", "was_sha256": "1", "now_sha256": None, "was_status": 200, "now_status": 404}
    ]
    assert [c["text"] for c in worse_quotes({**after, "changes": changes})] == ["a"]
    assert compare(before, before) == {
        "previous": before["generated_at"],
        "quotes": [],
        "sources": [],
    }


@pytest.mark.parametrize(
    ("was", "now", "worse"),
    [
        ("verified", "verified_with_edits", False),
        ("verified_with_edits", "paraphrased", True),
        ("paraphrased", "misquoted", True),
        ("misquoted", "not_found", False),
        ("not_found", "verified", False),
        ("verified", "unavailable", True),
    ],
)
def test_what_counts_as_worse(was: str, now: str, worse: bool) -> None:
    assert is_worse(was, now) is worse


def test_slugs_are_stable_readable_and_distinct() -> None:
    assert entry_slug("refs/smith.yaml") == entry_slug("refs/smith.yaml")
    assert entry_slug("refs/smith.yaml").startswith("smith-")
    assert entry_slug("https://example.org/2024/essay/").startswith("essay-")
    assert entry_slug("a/smith.yaml") != entry_slug("b/smith.yaml")


def test_latest_is_replaced_whole(tmp_path: Path) -> None:
    for name, text in (("1", "first"), ("2", "second")):
        run = tmp_path / "entry" / name
        run.mkdir(parents=True)
        (run / "report.json").write_text(text)
        refresh_latest(run)
    latest = tmp_path / "entry" / "latest"
    assert (latest / "report.json").read_text() == "second"
    assert sorted(p.name for p in (tmp_path / "entry").iterdir()) == ["1", "2", "latest"]


def test_a_watchlist_reads_entries_relative_to_itself(tmp_path: Path) -> None:
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "smith.yaml").write_text("references: []\n")
    path = tmp_path / "watch.yaml"
    path.write_text(
        "notify: json://127.0.0.1:9000/hook\nentries:\n  - https://example.org/essay\n"
        "  - path: refs/smith.yaml\n    tags: [politics]\n"
    )
    watchlist = load_watchlist(str(path))
    assert watchlist.schedule == DEFAULT_SCHEDULE
    assert watchlist.notify == ("json://127.0.0.1:9000/hook",)
    assert watchlist.report_root == Path("reports").resolve()
    url, smith = watchlist.entries
    assert url.input == "https://example.org/essay"
    assert smith.input == str(tmp_path / "refs" / "smith.yaml")
    assert smith.written == "refs/smith.yaml" and smith.tags == ("politics",)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("entries: []\n", "entries: must be a non-empty list"),
        ("entries:\n  - missing.yaml\n", "entries[0]: missing.yaml: no such file"),
        ("entries:\n  - {file: x}\n", "entries[0]: unknown field 'file'"),
        ("schedul: x\nentries: [https://a.example/]\n", "unknown field 'schedul'"),
        ("entries: [\n", "invalid YAML"),
    ],
)
def test_bad_watchlists_are_named_in_one_line(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "watch.yaml"
    path.write_text(text)
    with pytest.raises(InputError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        load_watchlist(str(path))


def test_artifacts_put_what_got_worse_first() -> None:
    current = report({"a": "not_found"}, {})
    current["summary"]["verdicts"] = {"not_found": 1}
    current["changes"] = compare(report({"a": "verified"}, {}), current)
    text = summary_markdown(current)
    assert text.startswith("## sourcecheck: refs.yaml")
    assert text.index("got worse") < text.index("| verdict |")
    assert artifact_key("Refs/Smith 2022") == "sourcecheck-refs-smith-2022"
