"""Pages kept between runs, revalidated with ETag and Last-Modified.

A scheduled re-run asks the server "has it changed?" instead of downloading every page
again; an unchanged page (304 Not Modified) is read from here. Only whole, successful text
pages that carry a validator are kept. Entries are written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from verifiers.web.warc import Exchange

__all__ = ["PageCache"]

REVALIDATED_HEADER = "X-Sourcecheck-Revalidated"


class PageCache:
    def __init__(self, folder: Path) -> None:
        self._folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def validators(self, url: str) -> dict[str, str]:
        """Conditional-request headers for the kept copy of `url`, if there is one."""
        entry = self._entry(url)
        if entry is None:
            return {}
        headers = {}
        if entry.get("etag"):
            headers["If-None-Match"] = entry["etag"]
        if entry.get("last_modified"):
            headers["If-Modified-Since"] = entry["last_modified"]
        return headers

    def revalidated(self, url: str, not_modified: Exchange) -> Exchange | None:
        """The kept page standing for a 304 answer, marked as revalidated."""
        entry = self._entry(url)
        body_path = self._path(url, ".body")
        if entry is None or not body_path.exists():
            return None
        headers = [(key, value) for key, value in entry["headers"]]
        headers.append((REVALIDATED_HEADER, f"304 Not Modified, copy of {entry['date']}"))
        return Exchange(
            url=url,
            request_headers=not_modified.request_headers,
            status=entry["status"],
            reason=entry["reason"],
            headers=headers,
            body=body_path.read_bytes(),
        )

    def keep(self, exchange: Exchange) -> None:
        etag, last_modified = exchange.header("etag"), exchange.header("last-modified")
        if not (etag or last_modified):
            return
        entry = {
            "url": exchange.url,
            "etag": etag,
            "last_modified": last_modified,
            "status": exchange.status,
            "reason": exchange.reason,
            "headers": exchange.headers,
            "date": exchange.header("date") or "",
        }
        _write_atomically(self._path(exchange.url, ".body"), exchange.body)
        _write_atomically(self._path(exchange.url, ".json"), json.dumps(entry).encode())

    def _entry(self, url: str) -> dict | None:
        try:
            entry = json.loads(self._path(url, ".json").read_text())
        except (OSError, ValueError):
            return None
        return entry if entry.get("url") == url else None

    def _path(self, url: str, suffix: str) -> Path:
        return self._folder / (hashlib.sha256(url.encode()).hexdigest() + suffix)


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
