"""Evidence as WARC 1.1: every request and response a run made, readable by any WARC tool.

Each record is its own gzip member, as web archives write them. Response payloads are
stored decoded (the run's view of the page): `Content-Encoding` and `Transfer-Encoding`
are dropped from the recorded headers and `Content-Length` is set to the stored body.
A fetch that got no response at all is kept as a `metadata` record holding the error, so
a replay reproduces the failure instead of inventing a new one.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import BinaryIO
from urllib.parse import urlsplit

from verifiers.errors import InputError

__all__ = ["Exchange", "WarcWriter", "read_exchanges"]

WARC_VERSION = b"WARC/1.1"
ERROR_CONTENT_TYPE = "application/x-sourcecheck-error"
_DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass
class Exchange:
    """One HTTP request and the response it got (or the error instead of one)."""

    url: str
    method: str = "GET"
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    status: int | None = None
    reason: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    error: str | None = None
    date: str = ""
    record_id: str | None = None  # of its record in the evidence, once written

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((value for key, value in self.headers if key.lower() == name), None)


class WarcWriter:
    """Appends records to a gzipped WARC file; safe to share between threads."""

    def __init__(self, stream: BinaryIO, software: str) -> None:
        self._stream = stream
        self._lock = threading.Lock()
        info = f"software: {software}\r\nformat: WARC File Format 1.1\r\n".encode()
        self._write({"WARC-Type": "warcinfo", "Content-Type": "application/warc-fields"}, info)

    def record(self, exchange: Exchange) -> str:
        """Write the exchange; return the WARC-Record-ID of its response (or error) record."""
        date = exchange.date or _now()
        if exchange.status is None:
            headers = {
                "WARC-Type": "metadata",
                "WARC-Target-URI": exchange.url,
                "WARC-Date": date,
                "Content-Type": ERROR_CONTENT_TYPE,
            }
            return self._write(headers, (exchange.error or "no response").encode())
        request_id = _record_id()
        self._write(
            {
                "WARC-Type": "request",
                "WARC-Record-ID": request_id,
                "WARC-Target-URI": exchange.url,
                "WARC-Date": date,
                "Content-Type": "application/http;msgtype=request",
            },
            _request_block(exchange),
        )
        return self._write(
            {
                "WARC-Type": "response",
                "WARC-Target-URI": exchange.url,
                "WARC-Date": date,
                "WARC-Concurrent-To": request_id,
                "WARC-Payload-Digest": _sha1_digest(exchange.body),
                "Content-Type": "application/http;msgtype=response",
            },
            _response_block(exchange),
        )

    def _write(self, headers: dict[str, str], block: bytes) -> str:
        headers = {"WARC-Record-ID": _record_id(), "WARC-Date": _now(), **headers}
        head = (
            WARC_VERSION
            + b"\r\n"
            + b"".join(f"{key}: {value}\r\n".encode() for key, value in headers.items())
        )
        head += f"Content-Length: {len(block)}\r\n\r\n".encode()
        member = gzip.compress(head + block + b"\r\n\r\n", compresslevel=6, mtime=0)
        with self._lock:
            self._stream.write(member)
        return headers["WARC-Record-ID"]


def read_exchanges(path: str) -> Iterator[Exchange]:
    """Every response and recorded error in a WARC file, in file order."""
    try:
        with gzip.open(path, "rb") if _is_gzip(path) else open(path, "rb") as stream:
            yield from _exchanges(stream, path)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except (OSError, EOFError) as error:
        raise InputError(path, f"is not a readable WARC file ({error})") from None


def _exchanges(stream: BinaryIO, path: str) -> Iterator[Exchange]:
    while True:
        line = stream.readline()
        if not line:
            return
        if not line.strip():
            continue
        if not line.startswith(b"WARC/"):
            raise InputError(path, f"is not a WARC file (found {line[:20]!r})")
        headers = _read_headers(stream)
        try:
            length = int(headers.get("content-length", ""))
        except ValueError:
            raise InputError(path, "has a WARC record without Content-Length") from None
        block = stream.read(length)
        record_type = headers.get("warc-type")
        url = headers.get("warc-target-uri", "")
        if record_type == "response":
            yield _parse_response(url, headers.get("warc-date", ""), block)
        elif record_type == "metadata" and headers.get("content-type") == ERROR_CONTENT_TYPE:
            yield Exchange(
                url=url, error=block.decode("utf-8", "replace"), date=headers.get("warc-date", "")
            )


def _read_headers(stream: BinaryIO) -> dict[str, str]:
    headers = {}
    for line in iter(stream.readline, b""):
        if not line.strip():
            break
        key, _, value = line.decode("utf-8", "replace").partition(":")
        headers[key.strip().lower()] = value.strip()
    return headers


def _parse_response(url: str, date: str, block: bytes) -> Exchange:
    head, _, body = block.partition(b"\r\n\r\n")
    lines = head.decode("iso-8859-1").split("\r\n")
    _, status, reason = ([*lines[0].split(" ", 2), "", ""])[:3]
    headers = [
        tuple(part.strip() for part in line.split(":", 1)) for line in lines[1:] if ":" in line
    ]
    return Exchange(
        url=url, status=int(status), reason=reason, headers=headers, body=body, date=date
    )


def _request_block(exchange: Exchange) -> bytes:
    parts = urlsplit(exchange.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    lines = [f"{exchange.method} {target} HTTP/1.1", f"Host: {parts.netloc}"]
    lines += [f"{key}: {value}" for key, value in exchange.request_headers if key.lower() != "host"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8", "replace")


def _response_block(exchange: Exchange) -> bytes:
    lines = [f"HTTP/1.1 {exchange.status} {exchange.reason}".rstrip()]
    lines += [
        f"{key}: {value}" for key, value in exchange.headers if key.lower() not in _DROPPED_HEADERS
    ]
    lines.append(f"Content-Length: {len(exchange.body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8", "replace") + exchange.body


def _is_gzip(path: str) -> bool:
    with open(path, "rb") as stream:
        return stream.read(2) == b"\x1f\x8b"


def _record_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


def _sha1_digest(body: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
