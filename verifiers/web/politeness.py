"""Being a good guest on other people's servers: robots.txt and a per-host pace."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from verifiers.errors import RefusedURL
from verifiers.web.warc import Exchange

__all__ = ["HostPacer", "RobotsRules"]

ROBOTS_AGENT = "sourcecheck"
# A robots.txt Crawl-delay is honoured up to this many seconds between requests.
MAX_CRAWL_DELAY_SECONDS = 10.0
# RFC 9309: follow at most five redirects for robots.txt.
_ROBOTS_REDIRECTS = 5


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class HostPacer:
    """At most `concurrency` requests at once to one host, starting `interval` s apart."""

    def __init__(self, concurrency: int, interval: float) -> None:
        self._concurrency = concurrency
        self._interval = interval
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._next_start: dict[str, float] = {}
        self._host_intervals: dict[str, float] = {}

    def slow_down(self, url: str, interval: float) -> None:
        """Space this host's requests at least `interval` s apart (its robots.txt asks)."""
        host = urlsplit(url).netloc.lower()
        self._host_intervals[host] = min(max(interval, 0.0), MAX_CRAWL_DELAY_SECONDS)

    @asynccontextmanager
    async def slot(self, url: str) -> AsyncIterator[None]:
        host = urlsplit(url).netloc.lower()
        semaphore = self._slots.setdefault(host, asyncio.Semaphore(self._concurrency))
        async with semaphore:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, now))
            interval = max(self._interval, self._host_intervals.get(host, 0.0))
            self._next_start[host] = start + interval
            if start > now:
                await asyncio.sleep(start - now)
            yield


class RobotsRules:
    """Each origin's robots.txt, fetched once per run through the run's own client.

    A missing robots.txt (4xx) allows everything; one that cannot be read (5xx, no answer)
    allows nothing, as RFC 9309 asks, and the source's error says so.
    """

    def __init__(
        self,
        exchange: Callable[[str], Awaitable[Exchange]],
        pacer: HostPacer | None = None,
        shared: dict | None = None,
    ) -> None:
        self._exchange = exchange
        self._pacer = pacer
        # Origin -> the reading of its robots.txt; `shared` among fetchers of one run.
        self._rules: dict[str, asyncio.Task[RobotFileParser | str]] = (
            {} if shared is None else shared
        )

    async def refusal(self, url: str) -> str | None:
        """Why robots.txt forbids the URL, or None when it may be fetched."""
        key = origin(url)
        if key not in self._rules:
            self._rules[key] = asyncio.ensure_future(self._read(key))
        rules = await self._rules[key]
        if isinstance(rules, str):
            return rules
        if not rules.can_fetch(ROBOTS_AGENT, url):
            return f"{key}/robots.txt disallows it (use --ignore-robots to fetch anyway)"
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay and self._pacer is not None:
            self._pacer.slow_down(url, float(delay))
        return None

    async def _read(self, key: str) -> RobotFileParser | str:
        url = f"{key}/robots.txt"
        for _ in range(_ROBOTS_REDIRECTS + 1):
            try:
                answer = await self._exchange(url)
            except RefusedURL:
                raise  # the site itself may not be fetched: say that, not "no robots.txt"
            except Exception as error:  # any other failure: robots.txt could not be read
                return f"{key}/robots.txt could not be read ({error})"
            location = answer.header("location")
            if answer.status and 300 <= answer.status < 400 and location:
                url = location if "://" in location else key + location
                continue
            break
        rules = RobotFileParser()
        if answer.status is None or answer.status >= 500:
            return f"{key}/robots.txt could not be read (HTTP {answer.status})"
        if answer.status >= 400:
            rules.allow_all = True
            return rules
        rules.parse(answer.body.decode("utf-8", "replace").splitlines())
        return rules
