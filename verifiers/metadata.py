"""Who wrote a page, where and when: from JSON-LD, citation_*, OpenGraph and meta tags.

Sources are read in order of how deliberate they are: JSON-LD and the scholarly
`citation_*` tags are written for machines, OpenGraph for link previews, plain `<meta
name="author">` and `<title>` last. The first non-empty value of each field wins.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from verifiers.model import Metadata

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "blogposting",
    "reportagenews",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "scholarlyarticle",
    "report",
    "webpage",
    "creativework",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "liveblogposting",
    "techarticle",
    "socialmediaposting",
    "interviewnewsarticle",
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SLASHED_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_DOTTED_DATE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")
_BY_PREFIX = re.compile(r"^\s*(by|von|par|por)\s+", re.IGNORECASE)


def read_metadata(parser: LexborHTMLParser) -> Metadata:
    meta = _meta_tags(parser)
    linked = list(_json_ld_articles(parser))
    title = (
        _first(_text(item.get("headline") or item.get("name")) for item in linked)
        or _first(
            meta.get(key, [None])[0]
            for key in ("citation_title", "og:title", "twitter:title", "dc.title")
        )
        or _title_tag(parser)
    )
    authors = (
        _first_list(_people(item.get("author") or item.get("creator")) for item in linked)
        or _clean_names(meta.get("citation_author", []))
        or _clean_names(meta.get("dc.creator", []))
        or _clean_names([a for a in meta.get("article:author", []) if "://" not in a])
        or _clean_names(meta.get("author", []))
        or _clean_names(meta.get("parsely-author", []) + meta.get("sailthru.author", []))
    )
    publisher = _first(_organisation(item.get("publisher")) for item in linked) or _first(
        meta.get(key, [None])[0]
        for key in (
            "citation_journal_title",
            "citation_publisher",
            "og:site_name",
            "dc.publisher",
            "application-name",
        )
    )
    published = _first(
        normalise_date(value)
        for value in [_text(item.get("datePublished")) for item in linked]
        + [
            meta.get(key, [None])[0]
            for key in (
                "citation_publication_date",
                "citation_date",
                "citation_online_date",
                "article:published_time",
                "og:published_time",
                "datepublished",
                "date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "pubdate",
                "publishdate",
                "sailthru.date",
                "parsely-pub-date",
            )
        ]
        + [_time_tag(parser)]
    )
    return Metadata(title=title, authors=authors, publisher=publisher, published=published)


def normalise_date(value: str | None) -> str | None:
    """An ISO `YYYY-MM-DD` from the date forms pages use, or None."""
    if not value:
        return None
    value = value.strip()
    for pattern, order in (
        (_ISO_DATE, (1, 2, 3)),
        (_SLASHED_DATE, (1, 2, 3)),
        (_DOTTED_DATE, (3, 2, 1)),
    ):
        found = pattern.search(value)
        if found:
            year, month, day = (int(found.group(i)) for i in order)
            try:
                return datetime(year, month, day).date().isoformat()
            except ValueError:
                continue
    for layout in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %Y"):
        try:
            return datetime.strptime(value, layout).date().isoformat()
        except ValueError:
            continue
    return None


def _meta_tags(parser: LexborHTMLParser) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in parser.css("meta"):
        attributes = node.attributes
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        content = attributes.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), []).append(content.strip())
    return found


def _json_ld_articles(parser: LexborHTMLParser) -> Iterator[dict[str, Any]]:
    for node in parser.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text(deep=True) or "", strict=False)
        except ValueError:
            continue
        yield from (item for item in _walk_json_ld(data) if _is_article(item))


def _walk_json_ld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk_json_ld(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk_json_ld(data["@graph"])
        if isinstance(data.get("mainEntity"), dict | list):
            yield from _walk_json_ld(data["mainEntity"])


def _is_article(item: dict[str, Any]) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and kind.lower() in _ARTICLE_TYPES for kind in kinds)


def _people(value: Any) -> list[str]:
    if isinstance(value, list):
        return [name for item in value for name in _people(item)]
    if isinstance(value, dict):
        return _clean_names([_text(value.get("name")) or ""])
    if isinstance(value, str):
        return _clean_names([value])
    return []


def _organisation(value: Any) -> str | None:
    if isinstance(value, list):
        return _first(_organisation(item) for item in value)
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _clean_names(values: list[str]) -> list[str]:
    names = []
    for value in values:
        value = _BY_PREFIX.sub("", value or "").strip()
        if value and "://" not in value and value not in names:
            names.append(value)
    return names


def _text(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _title_tag(parser: LexborHTMLParser) -> str | None:
    node = parser.css_first("title")
    return _text(node.text()) if node is not None else None


def _time_tag(parser: LexborHTMLParser) -> str | None:
    node = parser.css_first("time[datetime]")
    return node.attributes.get("datetime") if node is not None else None


def _first(values: Iterator[str | None] | list[str | None]) -> str | None:
    return next((value for value in values if value), None)


def _first_list(values: Iterator[list[str]]) -> list[str]:
    return next((value for value in values if value), [])
