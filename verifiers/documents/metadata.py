"""Who wrote a page, where and when: from JSON-LD, citation_*, OpenGraph and meta tags,
then from what a reader sees (bylines, datelines, the headline).

Sources are read in order of how deliberate they are: JSON-LD and the scholarly
`citation_*` tags are written for machines, OpenGraph for link previews, the visible
byline and dateline for readers, plain `<meta name="author">` and `<title>` last. The
first non-empty value of each field wins.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from verifiers.documents.visible_metadata import (
    byline,
    date_beside_byline,
    labelled_byline,
    labelled_date,
    names_an_organisation,
    signed_by,
    text_near_heading,
    visible_date,
    written_byline,
)
from verifiers.model import Metadata

__all__ = ["normalise_date", "read_metadata"]

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
_GENERIC_TYPES = {"webpage", "creativework"}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SLASHED_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_DOTTED_DATE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")
# An article's <h1> of this many words is its headline, not a logo or a section name.
_HEADLINE_MIN_WORDS = 3
_SCRIPT_DATE = re.compile(
    r'"(?:datePublished|datePosted|publishDate|publishedDate|pubDate|date_published|'
    r'publication_date)"\s*:\s*"([^"]{6,40})"'
)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:[/_-]|$)")
_UPDATE_DATE_KEYS = (
    "article:modified_time",
    "og:updated_time",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
)
_PUBLICATION_DATE_KEYS = (
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "article:published_time",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.created",
    "pubdate",
    "publishdate",
    "sailthru.date",
    "parsely-pub-date",
)
_BY_PREFIX = re.compile(r"^\s*(by|von|par|por)\s+", re.IGNORECASE)


def read_metadata(
    parser: LexborHTMLParser, url: str = "", text: str = "", html_source: str = ""
) -> Metadata:
    """What the page says of itself; `text` is its readable text (for bylines and
    datelines written in it), `url` its address (for dates written in that), and
    `html_source` the page's HTML (for dates that only its scripts' data hold)."""
    meta = _meta_tags(parser)
    linked = list(_json_ld_articles(parser))
    declared = _first(
        meta.get(key, [None])[0] for key in ("og:title", "twitter:title", "dc.title")
    ) or _title_tag(parser)
    title = (
        _first(_text(item.get("headline") or _story_name(item)) for item in linked)
        or _first(meta.get("citation_title", []))
        or _heading_like(parser, declared)
        or declared
    )
    near_heading = text_near_heading(parser, text, title)
    written = written_byline(near_heading, title)
    authors = _readable(
        _completed(
            _first_list(
                _declared_authors(parser, meta, linked, text, near_heading, title, written)
            ),
            written,
        ),
        text,
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
    beside_byline = date_beside_byline(text, authors, near_heading, _month_first(parser, meta))
    published = _first(
        normalise_date(value)
        for value in _declared_dates(
            parser, meta, linked, url, text, html_source, beside_byline, near_heading
        )
    )
    updated = _first(
        normalise_date(value)
        for value in [_text(item.get("dateModified")) for item in linked]
        + [meta.get(key, [None])[0] for key in _UPDATE_DATE_KEYS]
    )
    if published and beside_byline and beside_byline > published:
        updated = max(updated or "", beside_byline)  # a later day shown by the byline
    return Metadata(
        title=title,
        authors=authors,
        publisher=publisher,
        published=published,
        updated=updated if updated != published else None,
    )


def _declared_authors(
    parser: LexborHTMLParser,
    meta: dict[str, list[str]],
    linked: list[dict[str, Any]],
    text: str,
    near_heading: str,
    title: str | None,
    written: list[str],
) -> Iterator[list[str]]:
    """The authors as each place that may name them says, the most deliberate first;
    lazily, as most pages answer early."""
    yield from (_people(item.get("author") or item.get("creator")) for item in linked)
    yield _clean_names(meta.get("citation_author", []))
    yield _clean_names(meta.get("dc.creator", []))
    yield _clean_names([a for a in meta.get("article:author", []) if "://" not in a])
    # A byline in the markup may be a related story's: the one written under the headline
    # outranks it unless it is that one.
    marked = byline(parser, full_names=True)
    yield marked if _stands_in(marked, near_heading) else []
    yield written_byline(near_heading, title, own_line=True)
    yield marked
    yield written
    yield labelled_byline(text)
    yield byline(parser, full_names=False)
    yield _clean_names(meta.get("author", []))
    yield _clean_names(meta.get("parsely-author", []) + meta.get("sailthru.author", []))
    yield signed_by(text, near_heading)


def _declared_dates(
    parser: LexborHTMLParser,
    meta: dict[str, list[str]],
    linked: list[dict[str, Any]],
    url: str,
    text: str,
    html_source: str,
    beside_byline: str | None,
    near_heading: str,
) -> Iterator[str | None]:
    """The publication date as each place that may hold it says, the most deliberate
    first; lazily, as most pages answer early."""
    yield from (_text(item.get("datePublished")) for item in linked)
    yield from (meta.get(key, [None])[0] for key in _PUBLICATION_DATE_KEYS)
    yield _any_json_ld_date(parser)
    yield from (values[0] for key, values in meta.items() if "pubdate" in key or "publish" in key)
    yield _script_date(html_source)
    yield _publication_time(parser)
    yield beside_byline
    yield labelled_date(text)
    # A page's plain "date" is often the day it was generated or last changed.
    yield from (meta.get(key, [None])[0] for key in ("date", "dc.date"))
    yield _any_time(parser)
    yield _url_date(url)
    yield visible_date(near_heading)


def _stands_in(names: list[str], text: str) -> bool:
    folded = text.casefold()
    return bool(names) and all(name.split()[-1].casefold() in folded for name in names)


def _completed(declared: list[str], written: list[str]) -> list[str]:
    """First names alone ("Todd") completed from the written byline ("By Todd Bates")."""
    if not declared or any(len(name.split()) > 1 for name in declared):
        return declared
    full = [
        name
        for name in written
        if name.split()[0].casefold() in {declared_name.casefold() for declared_name in declared}
    ]
    return full or declared


# "2021-11-04T23:00Z": a page that knows only the day stores it as local midnight, and in
# Central and Eastern European time local midnight is 22:00 or 23:00 UTC the day before.
_LOCAL_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2})T2[23]:00(?::00(?:\.0+)?)?(?:Z|[+]00:?00)$")


_USERNAME = re.compile(r"^[a-z0-9]+(?:[._-][a-z0-9]+)*$")
_CAPITALISED_NAME = re.compile(
    r"\b[A-ZÀ-Þ][\w'’-]+(?:[^\S\n]+(?:[A-ZÀ-Þ]\.|[A-ZÀ-Þ][\w'’-]+)){1,3}"
)


def _readable(authors: list[str], text: str) -> list[str]:
    """A username ("christian.stadtfeld", "arianschlichenmayer") replaced by the name the
    page writes for it ("Christian P. Stadtfeld"), when it writes one."""
    return [_written_name(name, text) if _USERNAME.match(name) else name for name in authors]


def _written_name(username: str, text: str) -> str:
    parts = [part for part in re.split(r"[._-]+", username) if part]
    for found in _CAPITALISED_NAME.finditer(text):
        words = [_ascii(word) for word in found.group().split()]
        if (len(parts) > 1 and all(part in words for part in parts)) or (
            len(parts) == 1 and "".join(w for w in words if len(w) > 1) == parts[0]
        ):
            return _BY_PREFIX.sub("", found.group())
    return username


def _ascii(word: str) -> str:
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def normalise_date(value: str | None) -> str | None:
    """An ISO `YYYY-MM-DD` from the date forms pages use, or None."""
    if not value:
        return None
    value = value.strip()
    midnight = _LOCAL_MIDNIGHT.match(value)
    if midnight:
        return (date.fromisoformat(midnight.group(1)) + timedelta(days=1)).isoformat()
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
            # Some sites escape their meta content twice ("&amp;#8211;").
            found.setdefault(key.strip().lower(), []).append(html.unescape(content.strip()))
    return found


def _heading_like(parser: LexborHTMLParser, declared: str | None) -> str | None:
    """The page's headline: the <h1> of its article (or main part) when it reads like one,
    else any <h1> that its declared title also names (and not a logo or section name)."""
    in_article = parser.css_first("article h1") or parser.css_first("main h1")
    heading = in_article or parser.css_first("h1")
    text = _text(heading.text(separator=" ")) if heading is not None else None
    if not text or not 3 <= len(text) <= 300:
        return None
    if in_article is not None and len(text.split()) >= _HEADLINE_MIN_WORDS:
        return text
    if not declared:
        return None
    words, named = set(text.casefold().split()), set(declared.casefold().split())
    return text if len(words & named) >= max(2, len(words) // 2) else None


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


def _story_name(item: dict[str, Any]) -> Any:
    """A story's name; a WebPage's or CreativeWork's name is often only the site's."""
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    generic = all(isinstance(k, str) and k.lower() in _GENERIC_TYPES for k in kinds)
    return None if generic else item.get("name")


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
        value = _BY_PREFIX.sub("", " ".join((value or "").split()))
        if value and not names_an_organisation(value) and value not in names:
            names.append(value)
    return names


def _text(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, str) and value.strip():
        return " ".join(html.unescape(value).split())
    return None


def _title_tag(parser: LexborHTMLParser) -> str | None:
    node = parser.css_first("title")
    return _text(node.text()) if node is not None else None


def _publication_time(parser: LexborHTMLParser) -> str | None:
    """The <time> (or microformat) marked as the publication's."""
    return _time_in(
        parser,
        '[itemprop="datePublished"]',
        "time[pubdate]",
        'time[class*="publish"]',
        ".published[title]",
        ".published[datetime]",
    )


def _any_time(parser: LexborHTMLParser) -> str | None:
    """The article's first <time>, else the page's, else an hAtom `updated` date."""
    return _time_in(
        parser,
        "article time[datetime]",
        "time[datetime]",
        "article time",
        "time",
        ".updated[title]",
    )


def _time_in(parser: LexborHTMLParser, *selectors: str) -> str | None:
    for selector in selectors:
        node = parser.css_first(selector)
        if node is not None:
            attributes = node.attributes
            value = (
                attributes.get("datetime")
                or attributes.get("content")
                or attributes.get("title")
                or node.text()
            )
            if normalise_date(value):
                return value
    return None


def _month_first(parser: LexborHTMLParser, meta: dict[str, list[str]]) -> bool | None:
    """Whether the page's language writes dates month first (US English), or None when
    its language is not known or is English of no stated country."""
    root = parser.css_first("html")
    attributes = root.attributes if root is not None else {}
    declared = (
        attributes.get("lang")
        or attributes.get("xml:lang")
        or meta.get("og:locale", [None])[0]
        or meta.get("content-language", [None])[0]
        or ""
    )
    language = declared.strip().lower().replace("_", "-")
    if not language or language == "en":
        return None
    return language == "en-us"


def _any_json_ld_date(parser: LexborHTMLParser) -> str | None:
    """datePublished from any JSON-LD object, whatever its declared type."""
    for node in parser.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text(deep=True) or "", strict=False)
        except ValueError:
            continue
        for item in _walk_json_ld(data):
            if _text(item.get("datePublished")):
                return _text(item.get("datePublished"))
    return None


def _script_date(html_source: str) -> str | None:
    """A publication date in data that a page's scripts carry ("datePublished": "…")."""
    found = _SCRIPT_DATE.search(html_source)
    return found.group(1) if found else None


def _url_date(url: str) -> str | None:
    found = _URL_DATE.search(url)
    return "-".join(found.groups()) if found else None


def _first(values: Iterator[str | None] | list[str | None]) -> str | None:
    return next((value for value in values if value), None)


def _first_list(values: Iterator[list[str]]) -> list[str]:
    return next((value for value in values if value), [])
