"""Bad usage and bad input: one line on stderr naming the file, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.runs import sourcecheck


@pytest.mark.parametrize(
    ("files", "arguments", "message"),
    [
        ({}, ["verify", "absent.yaml"], "absent.yaml: no such file"),
        ({"bad.yaml": "references: ["}, ["verify", "bad.yaml"], "bad.yaml: invalid YAML"),
        (
            {"r.yaml": "references:\n  - {id: a, quotes: [1]}\n"},
            ["verify", "r.yaml"],
            "r.yaml: references[0] (a): quotes[0]: must be non-empty text",
        ),
        ({"essay.docx": "x"}, ["verify", "essay.docx"], "essay.docx: not a manifest or an article"),
        (
            {"r.yaml": "references:\n  - {id: a, quotes: [q]}\n"},
            ["verify", "r.yaml", "--replay", "missing.warc.gz"],
            "missing.warc.gz: no such file",
        ),
        (
            {"r.yaml": "references:\n  - {id: a, quotes: [q]}\n", "w.warc.gz": "not a warc"},
            ["verify", "r.yaml", "--replay", "w.warc.gz"],
            "w.warc.gz: is not a WARC file",
        ),
        (
            {"r.yaml": "references:\n  - {id: a, quotes: [q]}\n"},
            ["verify", "r.yaml", "--concurrency", "0"],
            "must be a whole number of 1 or more",
        ),
        (
            {"r.yaml": "references:\n  - {id: a, quotes: [q]}\n"},
            ["verify", "r.yaml", "--format", "pdf"],
            "unknown report format 'pdf'",
        ),
        ({}, ["verify"], "the following arguments are required: INPUT"),
        (
            {"r.yaml": "references:\n  - {id: a, quotes: [q]}\n", "file": "x"},
            ["verify", "r.yaml", "--report-dir", "file/out"],
            "file/out: cannot hold a report",
        ),
        ({}, ["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    tmp_path: Path, files: dict[str, str], arguments: list[str], message: str
) -> None:
    for name, content in files.items():
        (tmp_path / name).write_text(content)
    before = sorted(tmp_path.rglob("*"))
    if "--report-dir" not in arguments and len(arguments) > 1:
        arguments = [*arguments, "--report-dir", str(tmp_path / "out")]
    result = sourcecheck(*arguments, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stdout == ""
    assert sorted(tmp_path.rglob("*")) == before


def test_help_lists_every_option() -> None:
    result = sourcecheck("verify", "--help")
    assert result.returncode == 0
    for option in (
        "--report-dir",
        "--format",
        "--allow-private-hosts",
        "--no-archive",
        "--replay",
        "--concurrency",
        "--per-host",
        "--host-interval",
        "--ignore-robots",
        "--user-agent",
        "--no-cache",
    ):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("files", "arguments", "message"),
    [
        ({}, ["watch", "absent.yaml"], "absent.yaml: no such file"),
        ({"w.yaml": "entries: []\n"}, ["watch", "w.yaml"], "w.yaml: entries: must be a"),
        (
            {"w.yaml": "entries: [gone.yaml]\n"},
            ["serve", "w.yaml", "--interval", "5"],
            "w.yaml: entries[0]: gone.yaml: no such file",
        ),
        ({"a.txt": "Title\n\nNothing quoted here.\n"}, ["extract", "a.txt"], "no quotations"),
        (
            {"w.yaml": "entries: [https://a.example/]\n"},
            ["serve", "w.yaml", "--cron", "bad cron"],
            "--cron: not a cron schedule",
        ),
        ({}, ["extract", "ftp://example.org/a"], "not a manifest or an article"),
    ],
)
def test_watch_serve_and_extract_refuse_bad_input(files, arguments, message, tmp_path: Path):
    for name, content in files.items():
        (tmp_path / name).write_text(content)
    before = sorted(tmp_path.rglob("*"))
    result = sourcecheck(*arguments, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert sorted(tmp_path.rglob("*")) == before


def test_watch_and_serve_take_no_archive_and_no_search() -> None:
    from flows.cli import build_parser

    for command in ("watch", "serve"):
        parsed = build_parser().parse_args([command, "w.yaml", "--no-archive", "--no-search"])
        assert parsed.no_archive and parsed.no_search
        plain = build_parser().parse_args([command, "w.yaml"])
        assert not (plain.no_archive or plain.no_search)
