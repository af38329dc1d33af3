"""Read a page that is gone from a web archive's copy nearest the cited date.

The Internet Archive's availability API names the snapshot closest to a timestamp; its
`id_` form serves the page as it was captured, without the archive's own frame. The API's
address is a setting (verifiers.settings), so another archive with the same API, or a test
server, can stand in. Memento TimeGates (RFC 7089), URL prefixes such as
`https://timetravel.mementoweb.org/timegate/`, are asked next, with `Accept-Datetime`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import urlencode

from verifiers.model import FetchedPage
from verifiers.web.fetcher import Fetcher

__all__ = ["DEFAULT_AVAILABILITY_URL", "archived_copy", "wayback_timestamp"]

DEFAULT_AVAILABILITY_URL = "https://archive.org/wayback/available"
_SNAPSHOT_TIMESTAMP = re.compile(r"/web/(\d{4,14})/")


async def archived_copy(
    fetcher: Fetcher,
    page: FetchedPage,
    cited_date: str | None,
    api_url: str,
    timegates: tuple[str, ...] = (),
) -> FetchedPage | None:
    """The archived page standing in for a live `page` that failed, or None: the copy the
    availability API at `api_url` names, else the first that one of `timegates` gives."""
    copy = await _availability_copy(fetcher, page, cited_date, api_url)
    for timegate in timegates if copy is None else []:
        copy = await _memento_copy(fetcher, page, cited_date, timegate)
        if copy is not None:
            break
    return copy


async def _memento_copy(
    fetcher: Fetcher, page: FetchedPage, cited_date: str | None, timegate: str
) -> FetchedPage | None:
    moment = datetime.strptime(wayback_timestamp(cited_date or "1996-01-01"), "%Y%m%d")
    accept = {"Accept-Datetime": format_datetime(moment.replace(tzinfo=UTC), usegmt=True)}
    copy = await fetcher.fetch(timegate + page.url, headers=accept)
    if copy.error is not None or copy.final_url in (None, timegate + page.url):
        return None  # a TimeGate answers with a redirect to the memento, or not at all
    return _standing_in(copy, page, copy.final_url)


async def _availability_copy(
    fetcher: Fetcher, page: FetchedPage, cited_date: str | None, api_url: str
) -> FetchedPage | None:
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
    return _standing_in(copy, page, snapshot)


def _standing_in(copy: FetchedPage, page: FetchedPage, snapshot: str) -> FetchedPage:
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
