"""Read a page that is gone from the web archive's copy nearest the cited date.

The Internet Archive's availability API names the snapshot closest to a timestamp; its
`id_` form serves the page as it was captured, without the archive's own frame. The API's
address is a setting (SOURCECHECK_ARCHIVE_URL), so another archive with the same API, or
a test server, can stand in.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from urllib.parse import urlencode

from verifiers.model import FetchedPage
from verifiers.web.fetcher import Fetcher

DEFAULT_AVAILABILITY_URL = "https://archive.org/wayback/available"
_SNAPSHOT_TIMESTAMP = re.compile(r"/web/(\d{4,14})/")


def availability_url() -> str:
    return os.environ.get("SOURCECHECK_ARCHIVE_URL", DEFAULT_AVAILABILITY_URL)


async def archived_copy(
    fetcher: Fetcher, page: FetchedPage, cited_date: str | None, api_url: str
) -> FetchedPage | None:
    """The archived page standing in for a live `page` that failed, or None."""
    query = {"url": page.url}
    if cited_date:
        query["timestamp"] = wayback_timestamp(cited_date)
    answer = await fetcher.fetch_json(f"{api_url}?{urlencode(query)}")
    closest = _closest(answer)
    if closest is None:
        return None
    snapshot = closest["url"]
    copy = await fetcher.fetch(_SNAPSHOT_TIMESTAMP.sub(r"/web/\1id_/", snapshot, count=1))
    if copy.error is not None:
        return None
    return replace(
        copy,
        url=page.url,
        final_url=snapshot,
        via="archive" if copy.via == "live" else copy.via,
        live_error=page.error,
    )


def wayback_timestamp(cited_date: str) -> str:
    """YYYYMMDD nearest the middle of the cited period: a day, a month or a year."""
    parts = cited_date.split("-")
    if len(parts) == 3:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]}{parts[1]}15"
    return f"{parts[0]}0701"


def _closest(answer: object) -> dict | None:
    if not isinstance(answer, dict):
        return None
    closest = (answer.get("archived_snapshots") or {}).get("closest")
    if not isinstance(closest, dict) or not closest.get("available"):
        return None
    if str(closest.get("status", "200")) != "200" or not isinstance(closest.get("url"), str):
        return None
    return closest
