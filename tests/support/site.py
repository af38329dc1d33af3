"""A small real web server on 127.0.0.1 for tests: pages, redirects, errors, and a log."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})


def send(
    handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]
) -> None:
    """Answer one request with a whole body of known length."""
    handler.send_response(status)
    for key, value in headers.items():
        handler.send_header(key, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class LocalSite:
    """Serves `pages` (path -> Page); a path may hold a list of Pages, answered in turn."""

    def __init__(self) -> None:
        self.pages: dict[str, Page | list[Page] | Callable[[str], Page]] = {}
        self.requests: list[str] = []
        self.posts: list[tuple[str, bytes]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append(self.path)
                page = site._answer(self.path)
                send(self, page.status, page.body, page.headers)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                site.posts.append((self.path, self.rfile.read(length)))
                send(self, 200, b"{}", {"Content-Type": "application/json"})

            def log_message(self, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, html: str | bytes, **options: object) -> str:
        body = html.encode() if isinstance(html, str) else html
        self.pages[path] = Page(body=body, **options)  # type: ignore[arg-type]
        return self.url(path)

    def _answer(self, path: str) -> Page:
        page = self.pages.get(path, self.pages.get(path.split("?", 1)[0]))
        if callable(page):  # a page made for each request, from its path and query
            return page(path)
        if isinstance(page, list):
            return page.pop(0) if len(page) > 1 else page[0]
        return page or Page(b"not here", 404, {"Content-Type": "text/plain"})

    def __enter__(self) -> LocalSite:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()
