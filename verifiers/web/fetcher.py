"""Fetch source pages: live over HTTP, or replayed from a previous run's evidence.

Both fetchers share one path from URL to `FetchedPage`: the URL policy, redirects (at most
`max_redirects`, loops refused), status and content-type checks, and the evidence record
of every exchange. Failures never raise: they become a page with an `error`, so one bad
source never costs the results of the others.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import json
import random
import ssl
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import urljoin

import httpcore
import httpx

from verifiers.errors import FetchError, RefusedURL
from verifiers.model import FetchedPage, Via
from verifiers.web.cache import PageCache
from verifiers.web.policy import GuardedNetworkBackend, check_url
from verifiers.web.politeness import HostPacer, RobotsRules
from verifiers.web.warc import Exchange, read_exchanges

__all__ = [
    "DEFAULT_USER_AGENT",
    "FetchSettings",
    "Fetcher",
    "Limits",
    "LiveFetcher",
    "ReplayFetcher",
]

DEFAULT_USER_AGENT = "sourcecheck/0.1 (checks quotations against their cited sources)"
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf")
_TRANSIENT_STATUSES = frozenset({429, 500, 502, 503, 504})
_BINARY_SIGNATURES = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"RIFF",
    b"\x00\x00\x01\x00",
    b"OggS",
    b"ID3",
    b"\x7fELF",
    b"MZ",
)
# A text page may hold a stray NUL byte or two; binary data is full of control bytes.
_CONTROL_BYTES = frozenset(set(range(32)) - {9, 10, 12, 13})
_MAX_CONTROL_SHARE = 0.1
# Bodies of redirects and error pages are kept only this far, as evidence.
_ERROR_BODY_BYTES = 65536
_READ_CHUNK = 65536


@dataclass(frozen=True)
class FetchSettings:
    concurrency: int = 8
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    # A whole request, body included: what cuts off a server that drips a byte a second.
    total_timeout: float = 60.0
    max_redirects: int = 10
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 3
    backoff_seconds: float = 0.5
    max_retry_after_seconds: float = 10.0
    allow_private_hosts: bool = False
    # (host, port) of services the operator configured (search): reachable even if private.
    trusted_hosts: frozenset[tuple[str, int]] = frozenset()
    user_agent: str = DEFAULT_USER_AGENT
    obey_robots: bool = True
    # Politeness towards each host: requests at once, and seconds between their starts.
    per_host_concurrency: int = 2
    per_host_interval: float = 0.0
    # Where pages are kept between runs for conditional requests (None: nowhere).
    cache_dir: Path | None = None


class Recorder(Protocol):
    def record(self, exchange: Exchange) -> str | None: ...


@dataclass(frozen=True)
class Limits:
    """How much fetching may happen at once, overall and per host. Fetchers that share one
    (the runs of a watchlist's entries) are polite together, not each on its own."""

    slots: asyncio.Semaphore
    pacer: HostPacer
    # Each origin's robots.txt, read once for all the fetchers that share these limits.
    robots: dict = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: FetchSettings) -> Limits:
        return cls(
            asyncio.Semaphore(settings.concurrency),
            HostPacer(settings.per_host_concurrency, settings.per_host_interval),
        )


class Fetcher:
    """Turns URLs into pages; subclasses say how one request is answered."""

    via: Via

    def __init__(
        self,
        settings: FetchSettings,
        recorder: Recorder | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.settings = settings
        self._recorder = recorder
        self._limits = limits or Limits.from_settings(settings)
        self._slots = self._limits.slots

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        return None

    async def fetch(self, url: str, headers: dict[str, str] | None = None) -> FetchedPage:
        """The page at `url`; `headers` go with every request made for it."""
        fetched_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        async with self._slots:
            try:
                exchange, final_url = await self._follow(url, headers or {})
            except (FetchError, RefusedURL) as error:
                self._record(Exchange(url=url, error=str(error)))
                return FetchedPage(url, None, None, self.via, fetched_at, error=str(error))
        return self._page(url, final_url, exchange, fetched_at)

    async def fetch_json(self, url: str) -> object | None:
        """A small JSON answer (an archive's API), or None when there is none to be had."""
        async with self._slots:
            try:
                exchange, _ = await self._follow(url, {})
            except (FetchError, RefusedURL) as error:
                self._record(Exchange(url=url, error=str(error)))
                return None
        if exchange.status is None or not 200 <= exchange.status < 300:
            return None
        try:
            return json.loads(exchange.body)
        except ValueError:
            return None

    async def _exchange(self, url: str, headers: dict[str, str]) -> Exchange:
        raise NotImplementedError

    async def _follow(self, url: str, headers: dict[str, str]) -> tuple[Exchange, str]:
        current, seen = url, {url}
        for _ in range(self.settings.max_redirects + 1):
            check_url(current)
            exchange = await self._exchange(current, headers)
            self._record(exchange)
            if exchange.error is not None:
                raise FetchError(exchange.error)
            location = exchange.header("location")
            if exchange.status is None or not (300 <= exchange.status < 400 and location):
                return exchange, current
            current = urljoin(current, location.strip())
            if current in seen:
                raise FetchError(f"redirect loop at {current}")
            seen.add(current)
        raise FetchError(f"more than {self.settings.max_redirects} redirects")

    def _page(self, url: str, final_url: str, exchange: Exchange, fetched_at: str) -> FetchedPage:
        content_type = exchange.header("content-type")
        page = FetchedPage(
            url,
            final_url,
            exchange.status,
            self.via,
            fetched_at,
            content_type=content_type,
            headers=dict(exchange.headers),
            evidence_record=exchange.record_id,
        )
        if exchange.status is None or exchange.status >= 400:
            page.error = f"HTTP {exchange.status} {exchange.reason}".rstrip()
            return page
        problem = _content_problem(content_type, exchange.body)
        if problem:
            page.error = problem
            return page
        page.body = exchange.body
        page.sha256 = hashlib.sha256(exchange.body).hexdigest()
        return page

    def _record(self, exchange: Exchange) -> None:
        if self._recorder is not None:
            exchange.record_id = self._recorder.record(exchange)


class LiveFetcher(Fetcher):
    """One pooled httpx client for the whole run, every connection through the policy."""

    via: Via = "live"

    def __init__(
        self,
        settings: FetchSettings,
        recorder: Recorder | None = None,
        limits: Limits | None = None,
    ) -> None:
        super().__init__(settings, recorder, limits)
        self._pacer = self._limits.pacer
        self._cache = PageCache(settings.cache_dir) if settings.cache_dir else None
        self._robots = (
            RobotsRules(self._robots_exchange, self._pacer, self._limits.robots)
            if settings.obey_robots
            else None
        )
        transport = httpx.AsyncHTTPTransport(retries=0, verify=_ssl_context())
        # httpx does not expose the network backend, but the pool is its documented engine:
        # swap in one whose connections are made only to checked addresses.
        transport._pool = _guarded_pool(settings)
        self._client = httpx.AsyncClient(
            transport=transport,
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            headers={
                "User-Agent": settings.user_agent,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,"
                "*/*;q=0.1",
                "Accept-Encoding": "gzip, deflate",
            },
        )

    async def __aexit__(self, *exc_info: object) -> None:
        await self._client.aclose()

    async def _exchange(self, url: str, headers: dict[str, str]) -> Exchange:
        if self._robots is not None:
            refusal = await self._robots.refusal(url)
            if refusal:
                raise FetchError(refusal)
        return await self._request_with_retries(url, headers)

    async def _robots_exchange(self, url: str) -> Exchange:
        exchange = await self._request_with_retries(url, {})
        self._record(exchange)
        return exchange

    async def _request_with_retries(self, url: str, headers: dict[str, str]) -> Exchange:
        settings = self.settings
        for attempt in range(settings.retries + 1):
            last_attempt = attempt == settings.retries
            try:
                async with self._pacer.slot(url):
                    exchange = await self._request(url, headers)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as error:
                if last_attempt:
                    raise FetchError(_describe(error)) from None
                await asyncio.sleep(self._backoff(attempt))
                continue
            except httpx.HTTPError as error:
                raise FetchError(_describe(error)) from None
            if exchange.status in _TRANSIENT_STATUSES and not last_attempt:
                await asyncio.sleep(self._retry_after(exchange) or self._backoff(attempt))
                continue
            return exchange
        raise AssertionError("unreachable")

    async def _request(self, url: str, headers: dict[str, str]) -> Exchange:
        settings = self.settings
        try:
            conditions = self._cache.validators(url) if self._cache else {}
            conditions.update(headers)
            async with asyncio.timeout(settings.total_timeout):
                async with self._client.stream("GET", url, headers=conditions) as response:
                    keep = response.status_code < 300 and _acceptable(response.headers)
                    limit = settings.max_bytes if keep else _ERROR_BODY_BYTES
                    body = await _read_decoded(response, limit, strict=keep)
        except TimeoutError:
            raise FetchError(
                f"no complete answer within {settings.total_timeout:g} s (total time limit)"
            ) from None
        exchange = Exchange(
            url=url,
            request_headers=list(response.request.headers.items()),
            status=response.status_code,
            reason=response.reason_phrase,
            headers=list(response.headers.items()),
            body=body,
        )
        if self._cache is None:
            return exchange
        if exchange.status == 304:
            return self._cache.revalidated(url, exchange) or exchange
        if exchange.status == 200 and keep:
            self._cache.keep(exchange)
        return exchange

    def _backoff(self, attempt: int) -> float:
        base = self.settings.backoff_seconds * 2**attempt
        return base + random.uniform(0, base / 2)

    def _retry_after(self, exchange: Exchange) -> float | None:
        value = exchange.header("retry-after")
        if not value:
            return None
        try:
            seconds = float(value)
        except ValueError:
            try:
                seconds = (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()
            except (TypeError, ValueError):
                return None
        return min(max(seconds, 0.0), self.settings.max_retry_after_seconds)


class ReplayFetcher(Fetcher):
    """Answers every request from a WARC file; opens no socket."""

    via: Via = "replay"

    def __init__(
        self, warc_path: str, settings: FetchSettings, recorder: Recorder | None = None
    ) -> None:
        super().__init__(settings, recorder)
        self._answers: dict[str, Exchange] = {}
        for exchange in read_exchanges(warc_path):
            known = self._answers.get(exchange.url)
            # A run may have retried: the last answer it got is the one it used.
            if known is None or exchange.status is not None or known.status is None:
                self._answers[exchange.url] = exchange
        self._warc_path = warc_path

    async def _exchange(self, url: str, headers: dict[str, str]) -> Exchange:
        exchange = self._answers.get(url)
        if exchange is None:
            raise FetchError(f"not recorded in {self._warc_path}")
        return exchange


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One TLS context for every client: loading the CA store takes some 20 ms of CPU, too
    much to pay for each of a watchlist's many runs."""
    return httpx.create_ssl_context()


def _guarded_pool(settings: FetchSettings) -> httpcore.AsyncConnectionPool:
    return httpcore.AsyncConnectionPool(
        ssl_context=_ssl_context(),
        max_connections=max(10, 2 * settings.concurrency),
        max_keepalive_connections=max(10, 2 * settings.concurrency),
        keepalive_expiry=5.0,
        network_backend=GuardedNetworkBackend(settings.allow_private_hosts, settings.trusted_hosts),
    )


def _acceptable(headers: httpx.Headers) -> bool:
    content_type = headers.get("content-type")
    return content_type is None or _media_type(content_type) in _TEXT_TYPES


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _content_problem(content_type: str | None, body: bytes) -> str | None:
    if content_type and _media_type(content_type) not in _TEXT_TYPES:
        return f"not a text page ({_media_type(content_type)})"
    head = body[:1024]
    if head.startswith(b"%PDF-"):
        return None
    if head.startswith(_BINARY_SIGNATURES) or (
        not head.startswith((b"\xff\xfe", b"\xfe\xff"))
        and sum(byte in _CONTROL_BYTES for byte in head) > _MAX_CONTROL_SHARE * len(head)
    ):
        return f"binary content labelled {content_type or 'as nothing'}"
    return None


async def _read_decoded(response: httpx.Response, limit: int, strict: bool) -> bytes:
    """The body, decoded from gzip or deflate as it streams, never more than `limit` bytes.

    httpx's own decoder inflates a whole network chunk at once, so a compression bomb would
    fill memory before any limit could act: here every step inflates at most what is left.
    """
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    decoder = _decoder(encoding)
    parts: list[bytes] = []
    size = 0
    async for chunk in response.aiter_raw(_READ_CHUNK):
        pending = chunk
        while pending:
            if decoder is None:
                piece, pending = pending, b""
            else:
                try:
                    piece = decoder.decompress(pending, limit - size + 1)
                except zlib.error as error:
                    raise FetchError(f"the {encoding} body is corrupt ({error})") from None
                pending = decoder.unconsumed_tail
            size += len(piece)
            if size > limit:
                if strict:
                    raise FetchError(f"the page is larger than the limit of {limit:,} bytes")
                parts.append(piece[: limit - size + len(piece)])
                return b"".join(parts)
            parts.append(piece)
            if decoder is not None and not piece and pending:
                break
    return b"".join(parts)


def _decoder(encoding: str):
    if encoding in ("identity", ""):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS)
    raise FetchError(f"unsupported content encoding {encoding!r}")


def _describe(error: httpx.HTTPError) -> str:
    kind = {
        httpx.ConnectTimeout: "connection timed out",
        httpx.ReadTimeout: "the server stopped answering (read timeout)",
        httpx.ConnectError: "cannot connect",
    }.get(type(error), type(error).__name__)
    detail = str(error)
    return f"{kind} ({detail})" if detail and detail != kind else kind
