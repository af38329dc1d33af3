"""Every way a source can misbehave, against a real server on 127.0.0.1.

Each case asserts the verdict or the error, a bound on elapsed time, and a bound on the
memory the fetch and the reading of the page took.
"""

from __future__ import annotations

import pytest

from tests.support.hostile import QUOTE, HostileSite, fetch_read_judge
from verifiers.web.fetcher import FetchSettings

SETTINGS = FetchSettings(
    allow_private_hosts=True,
    total_timeout=3.0,
    read_timeout=2.0,
    backoff_seconds=0.05,
    max_retry_after_seconds=1.5,
)
MEGABYTE = 1024 * 1024


@pytest.fixture(scope="module")
def hostile():
    with HostileSite() as site:
        yield site


def verify(url: str, quote: str = QUOTE, settings: FetchSettings = SETTINGS):
    return fetch_read_judge(url, quote, settings)


@pytest.mark.parametrize(
    ("path", "error", "seconds"),
    [
        ("/drip", "no complete answer within 3 s", 5),
        ("/endless", "larger than the limit", 10),
        ("/bomb", "larger than the limit", 10),
        ("/loop-a", "redirect loop", 3),
        ("/png", "binary content labelled text/html", 3),
        ("/private/page", "robots.txt disallows it", 3),
    ],
)
def test_misbehaving_sources_become_errors_quickly_and_in_bounded_memory(
    hostile, path: str, error: str, seconds: float
) -> None:
    report, finding, elapsed, peak = verify(hostile.url(path))
    assert error in report.error
    assert finding.verdict == "unavailable"
    assert elapsed < seconds, elapsed
    assert peak < 40 * MEGABYTE, peak


@pytest.mark.parametrize(
    ("path", "quote", "seconds"),
    [
        ("/too-busy", QUOTE, 4),  # 429 with Retry-After: 1, then the page
        ("/unavailable", QUOTE, 4),  # 503 twice, then the page
        ("/cp1252", "the café will reopen in June", 3),  # only <meta charset> tells
        ("/pdf", QUOTE, 3),
        ("/deep", QUOTE, 5),  # 100,000 nested <div>s
        ("/nul", QUOTE, 3),  # NUL bytes and unclosed tags
    ],
)
def test_difficult_sources_are_still_read(hostile, path: str, quote: str, seconds: float) -> None:
    report, finding, elapsed, peak = verify(hostile.url(path), quote)
    assert report.error is None
    assert finding.verdict == "verified", finding.explanation
    assert elapsed < seconds, elapsed
    assert peak < 200 * MEGABYTE, peak


def test_robots_can_be_ignored(hostile) -> None:
    ignoring = FetchSettings(allow_private_hosts=True, obey_robots=False)
    report, finding, _, _ = verify(hostile.url("/private/page"), settings=ignoring)
    assert report.error is None and finding.verdict == "verified"


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.1",
        "0x7f000001",
        "2130706433",
        "0177.0.0.1",
        "localhost",
        "[::ffff:127.0.0.1]",
        "[::1]",
    ],
)
def test_loopback_in_any_spelling_is_refused_before_a_packet_is_sent(hostile, host) -> None:
    before = len(hostile.requests)
    url = f"http://{host}:{hostile.port}/page"
    report, finding, elapsed, _ = verify(url, settings=FetchSettings())
    assert "non-public address" in report.error or "not a valid URL" in report.error
    assert finding.verdict == "unavailable"
    assert len(hostile.requests) == before, f"{url} reached the server"
    assert elapsed < 3


def test_a_redirect_to_an_internal_address_is_refused_at_that_hop(hostile) -> None:
    import respx

    before = len(hostile.requests)
    with respx.mock(assert_all_called=False) as mock:
        mock.get("https://public.example/moved").respond(
            302, headers={"Location": hostile.url("/page")}
        )
        mock.route(host="127.0.0.1").pass_through()
        report, finding, _, _ = verify(
            "https://public.example/moved", settings=FetchSettings(obey_robots=False)
        )
    assert "non-public address" in report.error
    assert finding.verdict == "unavailable"
    assert len(hostile.requests) == before
