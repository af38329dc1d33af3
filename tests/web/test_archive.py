"""The web-archive lookups, with the archive's APIs mocked."""

from __future__ import annotations

import asyncio

import pytest
import respx

from verifiers.model import FetchedPage
from verifiers.settings import Settings
from verifiers.web.archive import archived_copy, wayback_timestamp
from verifiers.web.fetcher import FetchSettings, LiveFetcher

API = "https://archive.example/wayback/available"
GONE = FetchedPage(
    "https://news.example/story",
    "https://news.example/story",
    404,
    "live",
    "",
    error="HTTP 404 Not Found",
)
HTML = {"Content-Type": "text/html"}


def lookup(cited_date: str | None = "2022-09", timegates: tuple[str, ...] = ()):
    async def run():
        async with LiveFetcher(FetchSettings(obey_robots=False, backoff_seconds=0.001)) as fetcher:
            return await archived_copy(fetcher, GONE, cited_date, API, timegates)

    return asyncio.run(run())


@pytest.mark.parametrize(
    ("cited", "stamp"), [("2022-09-01", "20220901"), ("2022-09", "20220915"), ("2022", "20220701")]
)
def test_timestamps_aim_at_the_middle_of_the_cited_period(cited: str, stamp: str) -> None:
    assert wayback_timestamp(cited) == stamp


@respx.mock
def test_the_nearest_snapshot_is_read_without_the_archive_frame() -> None:
    snapshot = "http://web.archive.example/web/20220825010203/https://news.example/story"
    api = respx.get(API).respond(
        json={
            "archived_snapshots": {
                "closest": {
                    "available": True,
                    "url": snapshot,
                    "timestamp": "20220825010203",
                    "status": "200",
                }
            }
        }
    )
    raw = respx.get("http://web.archive.example/web/20220825010203id_/https://news.example/story")
    raw.respond(200, headers=HTML, content=b"<p>archived words</p>")
    copy = lookup()
    assert api.calls.last.request.url.params["timestamp"] == "20220915"
    assert (copy.via, copy.url, copy.final_url) == ("archive", GONE.url, snapshot)
    assert copy.live_error == "HTTP 404 Not Found" and copy.body == b"<p>archived words</p>"


@respx.mock
def test_no_snapshot_means_no_copy() -> None:
    respx.get(API).respond(json={"archived_snapshots": {}})
    assert lookup() is None
    respx.get(API).respond(500)
    assert lookup(None) is None


@respx.mock
def test_memento_timegates_are_asked_when_configured() -> None:
    configured = Settings.from_environment(
        {"SOURCECHECK_MEMENTO_TIMEGATES": " https://gate.example/timegate/, "}
    )
    assert configured.memento_timegates == ("https://gate.example/timegate/",)
    respx.get(API).respond(json={})
    memento = "https://mementos.example/20220901/https://news.example/story"
    gate = respx.get("https://gate.example/timegate/https://news.example/story")
    gate.respond(302, headers={"Location": memento})
    respx.get(memento).respond(200, headers=HTML, content=b"<p>from a memento</p>")
    copy = lookup("2022-09-01", configured.memento_timegates)
    assert gate.calls.last.request.headers["accept-datetime"] == "Thu, 01 Sep 2022 00:00:00 GMT"
    assert (copy.via, copy.final_url, copy.body) == ("archive", memento, b"<p>from a memento</p>")
