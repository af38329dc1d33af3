"""Who wrote a page, where and when: from JSON-LD, citation_*, OpenGraph and meta tags.

Sources are read in order of how deliberate they are: JSON-LD and the scholarly
`citation_*` tags are written for machines, OpenGraph for link previews, plain `<meta
name="author">` and `<title>` last. The first non-empty value of each field wins.
"""

from __future__ import annotations

import html
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
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{2})/(\d{2})(?:/|$)")
_BY_PREFIX = re.compile(r"^\s*(by|von|par|por)\s+", re.IGNORECASE)
_BYLINE_SELECTORS = (
    '[itemprop="author"] [itemprop="name"]',
    '[itemprop="author"]',
    '[rel="author"]',
    'a[href*="/author/"]',
    'a[href*="/autor/"]',
    '[class*="author-name"]',
    '[class*="author__name"]',
    '[class*="byline"] a',
    '[class*="byline"]',
    '[class*="author"] a',
    '[class*="author"]',
    '[class*="autor"]',
    ".vcard .fn",
)
# Author fields that name a site or an organisation rather than a person.
_NOT_A_PERSON = re.compile(
    r"://|@|\bwww\.|\.(?:com|de|org|net|at|ch|fr|es|uk|world|info|io)\b|\b(?:gmbh|e\.v\.|"
    r"ltd|inc|ag)\b|themegrill",
    re.IGNORECASE,
)
# Credits and links that sit where bylines do but name no author of the text.
_NOT_A_BYLINE = re.compile(
    r"^(?:foto|photo|bild|image|quelle|source|credit)s?\b|mehr (?:artikel|beiträge)|"
    r"more (?:articles|posts|stories)|alle beiträge|zeige alle",
    re.IGNORECASE,
)
_COMMENT_SECTION = re.compile(r"comment|respond|reply|kommentar", re.IGNORECASE)
_FURNITURE = frozenset(
    "name reply por by von par author autor autorin redaktion posted written admin "
    "publiziert am archiv anzeigen share teilen".split()
) | {"publiziert am", "archiv anzeigen", "posted by", "written by"}
_BYLINE_LABEL = re.compile(
    r"^(?:(?:written|posted|text|story)\s+)?(?:by|von|par|por|autor(?:in)?|author|text)\s*:?\s+",
    re.IGNORECASE,
)
_BYLINE_TAIL = re.compile(
    r"\s(?:[|·•–—(]|am |on |le |el |updated|aktualisiert|published)\s*", re.IGNORECASE
)
# Bylines and dates are looked for this far around an article's heading: its byline and
# dateline, not the people and dates its story talks about.
_NEAR_HEADING_CHARS = 1500
_CAPITALISED = r"[A-ZÀ-ÞĀ-Ž][\w'’-]+"
_PERSON = rf"{_CAPITALISED}(?:[^\S\n]+(?:{_CAPITALISED}|de|van|von|der|da|di)){{1,3}}"
_WRITTEN_BYLINE = re.compile(
    rf"(?:\b(?:[Vv]on|[Bb]y|[Pp]ar|[Pp]or|(?:[Aa]utor(?:in)?|[Aa]uteur):?|[Aa]uthor:?|[Rr]edaktion:|"
    rf"[Tt]ext:)\s+|\d{{4}}[^\S\n]+[-–][^\S\n]+)"
    rf"(?P<names>{_PERSON}(?:[^\S\n]+(?:und|and|et|y)[^\S\n]+{_PERSON})?)"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "january jan januar janvier enero ene janeiro",
            "february feb februar février fevrier febrero",
            "march mar märz maerz mars marzo",
            "april apr avril abril",
            "may mai mayo",
            "june jun juni juin junio",
            "july jul juli juillet julio",
            "august aug août aout agosto",
            "september sep sept septembre septiembre",
            "october oct oktober okt octobre octubre",
            "november nov novembre noviembre",
            "december dec dezember dez décembre decembre diciembre dic",
        ],
        start=1,
    )
    for name in names.split()
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WRITTEN_DATE = re.compile(
    r"(?P<dotted_day>\d{1,2})\.\s?(?P<dotted_month>\d{1,2})\.\s?(?P<dotted_year>\d{4})"
    r"|(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})"
    rf"|(?P<dm_day>\d{{1,2}})\.?\s+(?:de\s+)?(?P<dm_month>{_MONTH_NAMES})\.?\s+(?:de\s+)?"
    r"(?P<dm_year>\d{4})"
    rf"|(?P<md_month>{_MONTH_NAMES})\.?\s+(?P<md_day>\d{{1,2}}),?\s+(?P<md_year>\d{{4}})",
    re.IGNORECASE,
)


def read_metadata(parser: LexborHTMLParser, url: str = "", text: str = "") -> Metadata:
    """What the page says of itself; `text` is its readable text (for bylines and
    datelines written in it), `url` its address (for dates written in that)."""
    meta = _meta_tags(parser)
    linked = list(_json_ld_articles(parser))
    declared = _first(
        meta.get(key, [None])[0] for key in ("og:title", "twitter:title", "dc.title")
    ) or _title_tag(parser)
    title = (
        _first(_text(item.get("headline") or item.get("name")) for item in linked)
        or _first(meta.get("citation_title", []))
        or _heading_like(parser, declared)
        or declared
    )
    authors = (
        _first_list(_people(item.get("author") or item.get("creator")) for item in linked)
        or _clean_names(meta.get("citation_author", []))
        or _clean_names(meta.get("dc.creator", []))
        or _clean_names([a for a in meta.get("article:author", []) if "://" not in a])
        or _byline(parser, full_names=True)
        or _written_byline(_text_near_heading(parser, text))
        or _byline(parser, full_names=False)
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
        + [_any_json_ld_date(parser)]
        + [
            value
            for key, values in meta.items()
            if "pubdate" in key or "publish" in key
            for value in values[:1]
        ]
        + [_time_tag(parser), _url_date(url), _visible_date(parser, text)]
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
            # Some sites escape their meta content twice ("&amp;#8211;").
            found.setdefault(key.strip().lower(), []).append(html.unescape(content.strip()))
    return found


def _heading_like(parser: LexborHTMLParser, declared: str | None) -> str | None:
    """The page's <h1>, when it is the headline that its declared title also names (and
    not a logo or a section name)."""
    heading = (
        parser.css_first("article h1") or parser.css_first("main h1") or parser.css_first("h1")
    )
    text = _text(heading.text(separator=" ")) if heading is not None else None
    if not text or not declared or not 3 <= len(text) <= 300:
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
        if value and not _NOT_A_PERSON.search(value) and value not in names:
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


def _time_tag(parser: LexborHTMLParser) -> str | None:
    """The publication <time> (or microformat), else the first <time>."""
    for selector in (
        '[itemprop="datePublished"]',
        "time[pubdate]",
        'time[class*="publish"]',
        "abbr.published[title]",
        "article time[datetime]",
        "time[datetime]",
        "article time",
        "time",
    ):
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


def _url_date(url: str) -> str | None:
    found = _URL_DATE.search(url)
    return "-".join(found.groups()) if found else None


def _byline(parser: LexborHTMLParser, full_names: bool) -> list[str]:
    """The names a byline in the markup gives: with `full_names`, only a byline of full
    names; else also one of single names ("Todd"), which a written byline outranks.
    Bylines inside comment sections are readers', not the article's."""
    for selector in _BYLINE_SELECTORS:
        for node in parser.css(selector)[:3]:
            if _in_comments(node):
                continue
            names = _byline_names(node.text(separator=" ") or "")
            if names and (not full_names or all(len(name.split()) > 1 for name in names)):
                return names
    return []


def _in_comments(node) -> bool:
    while node is not None and node.tag != "body":
        marks = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _COMMENT_SECTION.search(marks):
            return True
        node = node.parent
    return False


def _byline_names(text: str) -> list[str]:
    text = " ".join(text.split())
    if _NOT_A_BYLINE.search(text):
        return []
    text = _BYLINE_LABEL.sub("", text)
    text = _BYLINE_TAIL.split(text, 1)[0].strip(" ,;:-|→")
    names = [name.strip() for name in re.split(r",| und | and | et | y |&", text) if name.strip()]
    if not names or any(not _looks_like_name(name) for name in names):
        return []
    return names


def _looks_like_name(text: str) -> bool:
    """A person's name, not a site, an organisation or a word of the page's furniture."""
    words = text.split()
    return (
        1 <= len(words) <= 5
        and 2 < len(text) <= 60
        and not any(char.isdigit() for char in text)
        and not _NOT_A_PERSON.search(text)
        and text.casefold() not in _FURNITURE
        and any(word[:1].isupper() for word in words)
    )


def _text_near_heading(parser: LexborHTMLParser, text: str) -> str:
    """The page's text around its heading, where bylines and datelines stand."""
    heading = (
        parser.css_first("article h1") or parser.css_first("main h1") or parser.css_first("h1")
    )
    title = " ".join((heading.text(separator=" ") if heading else "").split())
    start = text.find(title) if title else -1
    start = max(0, start - _NEAR_HEADING_CHARS // 4) if start >= 0 else 0
    return text[start : start + _NEAR_HEADING_CHARS]


def _visible_date(parser: LexborHTMLParser, text: str) -> str | None:
    """A date written near the top of the article, in the forms news pages use."""
    for found in _WRITTEN_DATE.finditer(_text_near_heading(parser, text)):
        date = _written_date(found)
        if date:
            return date
    return None


def _written_byline(text: str) -> list[str]:
    """Names after "By", "Von", "Par", "Autor" … or after a dateline's dash."""
    for found in _WRITTEN_BYLINE.finditer(text):
        names = [name.strip() for name in re.split(r" und | and | et | y ", found.group("names"))]
        if all(_looks_like_name(name) and len(name.split()) > 1 for name in names):
            return names
    return []


def _written_date(found: re.Match) -> str | None:
    parts = found.groupdict()
    try:
        if parts.get("dotted_year"):
            day, month, year = (
                int(parts["dotted_day"]),
                int(parts["dotted_month"]),
                int(parts["dotted_year"]),
            )
        elif parts.get("iso_year"):
            day, month, year = (
                int(parts["iso_day"]),
                int(parts["iso_month"]),
                int(parts["iso_year"]),
            )
        elif parts.get("dm_year"):
            day, month, year = (
                int(parts["dm_day"]),
                _MONTHS[parts["dm_month"].lower()],
                int(parts["dm_year"]),
            )
        else:
            day, month, year = (
                int(parts["md_day"]),
                _MONTHS[parts["md_month"].lower()],
                int(parts["md_year"]),
            )
        return datetime(year, month, day).date().isoformat()
    except (KeyError, TypeError, ValueError):
        return None


def _first(values: Iterator[str | None] | list[str | None]) -> str | None:
    return next((value for value in values if value), None)


def _first_list(values: Iterator[list[str]]) -> list[str]:
    return next((value for value in values if value), [])
