"""Live fetching with mocked HTTP: redirects, retries, limits and content checks."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import time
import zlib

import httpx
import pytest
import respx

from verifiers.web.fetcher import FetchSettings, LiveFetcher
from verifiers.web.warc import Exchange

FAST = FetchSettings(
    backoff_seconds=0.001, max_retry_after_seconds=0.01, retries=2, obey_robots=False
)
HTML = {"Content-Type": "text/html; charset=utf-8"}


class Recorder:
    def __init__(self) -> None:
        self.exchanges: list[Exchange] = []

    def record(self, exchange: Exchange) -> None:
        self.exchanges.append(exchange)


def fetch(url: str, settings: FetchSettings = FAST, recorder: Recorder | None = None):
    async def run():
        async with LiveFetcher(settings, recorder) as fetcher:
            return await fetcher.fetch(url)

    return asyncio.run(run())


@respx.mock
def test_a_page_is_fetched_with_its_hash_and_evidence() -> None:
    respx.get("https://a.example/p").respond(200, headers=HTML, content=b"<p>hello</p>")
    recorder = Recorder()
    page = fetch("https://a.example/p", recorder=recorder)
    assert (page.status, page.error, page.via, page.body) == (200, None, "live", b"<p>hello</p>")
    assert page.final_url == "https://a.example/p"
    assert page.sha256 == hashlib.sha256(b"<p>hello</p>").hexdigest()
    (exchange,) = recorder.exchanges
    assert exchange.status == 200 and exchange.body == b"<p>hello</p>"
    assert ("user-agent", FAST.user_agent) in [(k.lower(), v) for k, v in exchange.request_headers]


@respx.mock
def test_redirects_are_followed_and_recorded() -> None:
    respx.get("https://a.example/old").respond(301, headers={"Location": "/new"})
    respx.get("https://a.example/new").respond(200, headers=HTML, content=b"<p>moved</p>")
    recorder = Recorder()
    page = fetch("https://a.example/old", recorder=recorder)
    assert page.final_url == "https://a.example/new" and page.body == b"<p>moved</p>"
    assert [e.status for e in recorder.exchanges] == [301, 200]


@respx.mock
def test_redirect_loops_and_long_chains_are_errors() -> None:
    respx.get("https://a.example/a").respond(302, headers={"Location": "/b"})
    respx.get("https://a.example/b").respond(302, headers={"Location": "/a"})
    assert "redirect loop" in fetch("https://a.example/a").error
    for number in range(12):
        respx.get(f"https://c.example/{number}").respond(
            302, headers={"Location": f"/{number + 1}"}
        )
    assert "more than 10 redirects" in fetch("https://c.example/0").error


@respx.mock
def test_redirect_to_another_scheme_is_refused() -> None:
    respx.get("https://a.example/x").respond(302, headers={"Location": "file:///etc/passwd"})
    assert "only http and https" in fetch("https://a.example/x").error


@respx.mock
def test_transient_failures_are_retried() -> None:
    route = respx.get("https://a.example/flaky")
    route.side_effect = [
        httpx.Response(503),
        httpx.ConnectError("refused"),
        httpx.Response(200, headers=HTML, content=b"ok"),
    ]
    page = fetch("https://a.example/flaky")
    assert page.error is None and route.call_count == 3


@respx.mock
def test_retry_after_is_honoured_and_capped() -> None:
    route = respx.get("https://a.example/busy")
    route.side_effect = [
        httpx.Response(429, headers={"Retry-After": "3600"}),
        httpx.Response(200, headers=HTML, content=b"ok"),
    ]
    assert fetch("https://a.example/busy").error is None
    assert route.call_count == 2


@respx.mock
def test_persistent_failures_become_errors() -> None:
    respx.get("https://a.example/down").respond(503)
    respx.get("https://a.example/gone").respond(404)
    respx.get("https://a.example/dead").side_effect = httpx.ConnectError("refused")
    assert fetch("https://a.example/down").error == "HTTP 503 Service Unavailable"
    assert fetch("https://a.example/gone").error == "HTTP 404 Not Found"
    assert fetch("https://a.example/dead").error.startswith("cannot connect")


@respx.mock
def test_non_text_content_is_refused() -> None:
    respx.get("https://a.example/img").respond(
        200, headers={"Content-Type": "image/png"}, content=b"\x89PNG"
    )
    respx.get("https://a.example/fake").respond(200, headers=HTML, content=b"\x89PNG\x00\x00")
    assert fetch("https://a.example/img").error == "not a text page (image/png)"
    assert "binary content" in fetch("https://a.example/fake").error


@respx.mock
def test_compressed_bodies_are_decoded() -> None:
    body = b"<p>" + b"words " * 1000 + b"</p>"
    respx.get("https://a.example/gz").respond(
        200, headers={**HTML, "Content-Encoding": "gzip"}, content=gzip.compress(body)
    )
    respx.get("https://a.example/df").respond(
        200, headers={**HTML, "Content-Encoding": "deflate"}, content=zlib.compress(body)
    )
    assert fetch("https://a.example/gz").body == body
    assert fetch("https://a.example/df").body == body


@respx.mock
def test_size_limit_holds_for_plain_and_compressed_bodies() -> None:
    small = FetchSettings(max_bytes=10_000, backoff_seconds=0.001, obey_robots=False)
    bomb = gzip.compress(b"\0" * 5_000_000)  # 5 MB of zeros in about 5 kB
    respx.get("https://a.example/bomb").respond(
        200, headers={**HTML, "Content-Encoding": "gzip"}, content=bomb
    )
    respx.get("https://a.example/big").respond(200, headers=HTML, content=b"x" * 20_000)
    assert "larger than the limit of 10,000 bytes" in fetch("https://a.example/bomb", small).error
    assert "larger than the limit" in fetch("https://a.example/big", small).error


def test_urls_that_are_not_http_are_refused_without_a_request() -> None:
    with respx.mock(assert_all_called=False) as mock:
        route = mock.route()
        for url in (
            "ftp://a.example/x",
            "javascript:alert(1)",
            "https://user:pw@a.example/",
            "http:///nohost",
        ):
            assert fetch(url).error, url
        assert route.call_count == 0


def peak_requests(settings: FetchSettings, pages: int = 8) -> int:
    """How many requests were in flight at once while fetching `pages` pages of one host."""
    active, peak = 0, 0

    async def slow(request: httpx.Request) -> httpx.Response:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.01)
        active -= 1
        return httpx.Response(200, headers=HTML, content=b"ok")

    async def run():
        async with LiveFetcher(settings) as fetcher:
            urls = [f"https://a.example/{n}" for n in range(pages)]
            return await asyncio.gather(*(fetcher.fetch(url) for url in urls))

    with respx.mock:
        respx.get(url__regex=r"https://a\.example/\d+").mock(side_effect=slow)
        assert all(page.error is None for page in asyncio.run(run()))
    return peak


@pytest.mark.parametrize("concurrency", [1, 3])
def test_concurrency_is_bounded(concurrency: int) -> None:
    settings = FetchSettings(concurrency=concurrency, per_host_concurrency=8, obey_robots=False)
    assert peak_requests(settings) == concurrency


def test_each_host_gets_at_most_its_share_of_requests() -> None:
    settings = FetchSettings(concurrency=8, per_host_concurrency=2, obey_robots=False)
    assert peak_requests(settings) == 2


@respx.mock
def test_robots_txt_is_read_once_per_host_and_obeyed() -> None:
    robots = respx.get("https://a.example/robots.txt").respond(
        200, text="User-agent: *\nDisallow: /private/\n"
    )
    respx.get("https://a.example/public").respond(200, headers=HTML, content=b"ok")
    private = respx.get("https://a.example/private/x").respond(200, headers=HTML, content=b"no")
    settings = FetchSettings(backoff_seconds=0.001)

    async def run():
        async with LiveFetcher(settings) as fetcher:
            return await asyncio.gather(
                fetcher.fetch("https://a.example/public"),
                fetcher.fetch("https://a.example/private/x"),
            )

    public_page, private_page = asyncio.run(run())
    assert public_page.error is None
    assert "robots.txt disallows it" in private_page.error
    assert robots.call_count == 1 and private.call_count == 0


@respx.mock
def test_missing_robots_allows_and_unreadable_robots_refuses() -> None:
    respx.get("https://a.example/robots.txt").respond(404)
    respx.get("https://a.example/p").respond(200, headers=HTML, content=b"ok")
    respx.get("https://b.example/robots.txt").respond(503)
    respx.get("https://b.example/p").respond(200, headers=HTML, content=b"ok")
    settings = FetchSettings(backoff_seconds=0.001, retries=1)
    assert fetch("https://a.example/p", settings).error is None
    assert "robots.txt could not be read (HTTP 503)" in fetch("https://b.example/p", settings).error
    ignoring = FetchSettings(backoff_seconds=0.001, obey_robots=False)
    assert fetch("https://b.example/p", ignoring).error is None


def test_unchanged_pages_are_revalidated_not_downloaded_again(tmp_path) -> None:
    settings = FetchSettings(obey_robots=False, cache_dir=tmp_path / "cache")
    body = b"<p>the page as it was</p>"
    with respx.mock:
        respx.get("https://a.example/p").respond(
            200,
            headers={**HTML, "ETag": '"v1"', "Last-Modified": "Mon, 01 May 2023 10:00:00 GMT"},
            content=body,
        )
        first = fetch("https://a.example/p", settings)
    recorder = Recorder()
    with respx.mock:
        route = respx.get("https://a.example/p").respond(304)
        second = fetch("https://a.example/p", settings, recorder)
        sent = route.calls.last.request.headers
    assert first.body == second.body == body and second.status == 200
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Mon, 01 May 2023 10:00:00 GMT"
    (used,) = recorder.exchanges
    assert used.body == body and used.header("x-sourcecheck-revalidated").startswith("304")


def test_changed_pages_replace_the_kept_copy(tmp_path) -> None:
    settings = FetchSettings(obey_robots=False, cache_dir=tmp_path / "cache")
    with respx.mock:
        respx.get("https://a.example/p").respond(
            200, headers={**HTML, "ETag": '"v1"'}, content=b"old"
        )
        fetch("https://a.example/p", settings)
    with respx.mock:
        respx.get("https://a.example/p").respond(
            200, headers={**HTML, "ETag": '"v2"'}, content=b"new"
        )
        assert fetch("https://a.example/p", settings).body == b"new"
    with respx.mock:
        route = respx.get("https://a.example/p").respond(304)
        assert fetch("https://a.example/p", settings).body == b"new"
        assert route.calls.last.request.headers["if-none-match"] == '"v2"'


@respx.mock
def test_robots_crawl_delay_spaces_the_requests_to_that_site() -> None:
    respx.get("https://a.example/robots.txt").respond(200, text="User-agent: *\nCrawl-delay: 1\n")
    respx.get(url__regex=r"https://a\.example/p\d").respond(200, headers=HTML, content=b"ok")
    settings = FetchSettings(backoff_seconds=0.001)

    async def run():
        async with LiveFetcher(settings) as fetcher:
            started = time.perf_counter()
            await asyncio.gather(*(fetcher.fetch(f"https://a.example/p{n}") for n in range(2)))
            return time.perf_counter() - started

    assert asyncio.run(run()) >= 0.95  # two requests, a second apart
