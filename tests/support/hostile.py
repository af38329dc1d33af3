"""A hostile web server on 127.0.0.1: every way a source can misbehave, one path each."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.pdf import make_pdf
from tests.support.site import send
from verifiers.documents import Source
from verifiers.model import QuoteFinding, SourceReport
from verifiers.pipeline import fetch_source
from verifiers.quotes.check import check_quote
from verifiers.settings import Settings
from verifiers.web.fetcher import FetchSettings, LiveFetcher

QUOTE = "the river tram will carry its first passengers in June"
PAGE = f"<html><body><p>Officials said {QUOTE}, weather permitting.</p></body></html>"
# 200 MB of zeros: about 200 kB on the wire, twenty times the body limit once inflated.
BOMB = gzip.compress(b"\0" * 200_000_000, compresslevel=9)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
CP1252 = (
    "<html><head><meta charset='windows-1252'></head><body><p>The mayor’s office said "
    "“the café will reopen in June” – probably.</p></body></html>"
).encode("cp1252")
DEEP = (
    "<html><body>" + "<div>" * 100_000 + f"<p>{QUOTE}</p>" + "</div>" * 100_000 + "</body></html>"
).encode()
NUL = f"<html><body><p>Broken\x00 <b>markup <i>{QUOTE}</p></div></span>\x00\x00".encode()
PDF = make_pdf([["Report of the transport committee", f"It expects that {QUOTE}."]])


def fetch_read_judge(
    url: str, quote: str, settings: FetchSettings
) -> tuple[SourceReport, QuoteFinding, float, int]:
    """Fetch, read and judge one source as a run does (with no archive to fall back on);
    with the seconds and peak bytes that took."""
    run_settings = Settings(fetch=settings).without_archive()

    async def fetch() -> Source:
        async with LiveFetcher(settings) as fetcher:
            return await fetch_source(fetcher, url, None, run_settings)

    tracemalloc.start()
    started = time.perf_counter()
    report, document = asyncio.run(fetch())
    unread = [f"{url}: {report.error}"] if report.error else []
    finding = check_quote(quote, [document] if document else [], unread)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return report, finding, elapsed, peak


class HostileSite:
    def __init__(self) -> None:
        self.requests: list[str] = []
        self._counts: dict[str, int] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                site.requests.append(self.path)
                site._counts[self.path] = site._counts.get(self.path, 0) + 1
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    site._route(self, site._counts[self.path])

            def log_message(self, *args: object) -> None:
                return

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{path}"

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def __enter__(self) -> HostileSite:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _route(self, handler: BaseHTTPRequestHandler, count: int) -> None:
        path = handler.path
        if path == "/robots.txt":
            return _send(handler, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/drip":
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Content-Length", "100000")
            handler.end_headers()
            for _ in range(120):
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(1)
            return None
        if path == "/endless":
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Transfer-Encoding", "chunked")
            handler.end_headers()
            chunk = b"<p>" + b"more words " * 6000 + b"</p>"
            while True:
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        if path == "/bomb":
            return _send(handler, 200, BOMB, "text/html", {"Content-Encoding": "gzip"})
        if path in ("/loop-a", "/loop-b"):
            target = "/loop-b" if path == "/loop-a" else "/loop-a"
            return _send(handler, 302, b"", "text/plain", {"Location": target})
        if path == "/too-busy":
            if count == 1:
                return _send(handler, 429, b"slow down", "text/plain", {"Retry-After": "1"})
            return _send(handler, 200, PAGE.encode(), "text/html")
        if path == "/unavailable":
            if count <= 2:
                return _send(handler, 503, b"try later", "text/plain")
            return _send(handler, 200, PAGE.encode(), "text/html")
        pages = {
            "/png": (PNG, "text/html"),
            "/cp1252": (CP1252, "text/html"),
            "/pdf": (PDF, "application/pdf"),
            "/private/page": (PAGE.encode(), "text/html"),
            "/deep": (DEEP, "text/html"),
            "/nul": (NUL, "text/html"),
            "/page": (PAGE.encode(), "text/html"),
        }
        body, content_type = pages.get(path, (b"not here", "text/plain"))
        return _send(handler, 200 if path in pages else 404, body, content_type)


class _QuietServer(ThreadingHTTPServer):
    """Clients that hang up on a hostile answer are the point, not an error to print."""

    def handle_error(self, request, client_address) -> None:
        return


def _send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str,
    headers: dict[str, str] | None = None,
) -> None:
    send(handler, status, body, {"Content-Type": content_type, **(headers or {})})
