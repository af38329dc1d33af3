"""Evidence WARC files: written as standard WARC 1.1 and read back for replay."""

from __future__ import annotations

import asyncio
import gzip
from pathlib import Path

import pytest

from verifiers.errors import InputError
from verifiers.web.fetcher import FetchSettings, ReplayFetcher
from verifiers.web.warc import Exchange, WarcWriter, read_exchanges


def write(path: Path, exchanges: list[Exchange]) -> None:
    with path.open("wb") as stream:
        writer = WarcWriter(stream, "test")
        for exchange in exchanges:
            writer.record(exchange)


def test_round_trip_keeps_status_headers_body_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "e.warc.gz"
    body = "<p>café “quoted”</p>\r\n\r\nsecond".encode()
    write(
        path,
        [
            Exchange(
                url="https://a.example/p",
                status=200,
                reason="OK",
                headers=[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                body=body,
            ),
            Exchange(url="https://b.example/", error="cannot connect (refused)"),
        ],
    )
    page, failure = list(read_exchanges(str(path)))
    assert (page.url, page.status, page.reason, page.body) == (
        "https://a.example/p",
        200,
        "OK",
        body,
    )
    assert page.header("content-type") == "text/html"
    assert page.header("content-encoding") is None  # the stored body is the decoded one
    assert page.header("content-length") == str(len(body))
    assert failure.status is None and failure.error == "cannot connect (refused)"


def test_records_are_standard_warc(tmp_path: Path) -> None:
    path = tmp_path / "e.warc.gz"
    write(path, [Exchange(url="https://a.example/", status=200, reason="OK", body=b"x")])
    raw = gzip.decompress(path.read_bytes())
    records = raw.split(b"WARC/1.1\r\n")[1:]
    assert [r.split(b"WARC-Type: ", 1)[1].split(b"\r\n", 1)[0] for r in records] == [
        b"warcinfo",
        b"request",
        b"response",
    ]
    assert b"WARC-Payload-Digest: sha1:" in records[2]
    assert b"GET / HTTP/1.1\r\nHost: a.example\r\n" in records[1]


def test_replay_answers_from_the_file_and_says_what_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "e.warc.gz"
    write(
        path,
        [
            Exchange(
                url="https://a.example/old",
                status=301,
                reason="Moved",
                headers=[("Location", "/new")],
            ),
            Exchange(
                url="https://a.example/new",
                status=200,
                reason="OK",
                headers=[("Content-Type", "text/html")],
                body=b"<p>here</p>",
            ),
        ],
    )

    async def run(url: str):
        async with ReplayFetcher(str(path), FetchSettings()) as fetcher:
            return await fetcher.fetch(url)

    page = asyncio.run(run("https://a.example/old"))
    assert (page.via, page.final_url, page.body) == (
        "replay",
        "https://a.example/new",
        b"<p>here</p>",
    )
    missing = asyncio.run(run("https://a.example/other"))
    assert missing.error == f"not recorded in {path}"


def test_a_file_that_is_not_warc_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "not.warc.gz"
    path.write_bytes(gzip.compress(b"hello"))
    with pytest.raises(InputError, match="is not a WARC file"):
        list(read_exchanges(str(path)))
