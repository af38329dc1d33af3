"""Bylines and datelines as a reader sees them, for pages whose markup does not say.

A byline is read from the markup that carries one (`itemprop="author"`, `rel="author"`,
`byline` and `author` classes) or from the text near the headline ("By …", "Von …",
"Par …", "12.05.2023 - Name"); a date from the text near the headline. Readers' comments,
photo credits, site names and the page's furniture ("Reply", "Name") are not bylines.
"""

from __future__ import annotations

import re
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from verifiers.language.months import MONTHS, names_pattern

__all__ = [
    "byline",
    "date_beside_byline",
    "labelled_byline",
    "labelled_date",
    "names_an_organisation",
    "signed_by",
    "text_near_heading",
    "visible_date",
    "written_byline",
]

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
    r"ltd|inc|ag)(?!\w)|\b(?:pexels|unsplash|pixabay|getty|istock|shutterstock|imago)\b",
    re.IGNORECASE,
)
# Credits and links that sit where bylines do but name no author of the text.
_NOT_A_BYLINE = re.compile(
    r"^(?:foto|photo|bild|image|quelle|source|credit|übersetzung|translation|traduction)s?\b|"
    r"^translated by\b|mehr (?:artikel|beiträge)|"
    r"more (?:articles|posts|stories)|alle beiträge|zeige alle",
    re.IGNORECASE,
)
# Parts of a page whose names are not the article's byline: readers' comments, and the
# credits of its pictures.
_NOT_THE_ARTICLES = re.compile(
    r"comment|respond|reply|kommentar|license|licence|caption|copyright", re.IGNORECASE
)
_FURNITURE = frozenset(
    "name reply por by von par author autor autorin redaktion posted written admin "
    "publiziert am archiv anzeigen share teilen suchen suche search menu menü".split()
) | {"publiziert am", "archiv anzeigen", "posted by", "written by"}
_BYLINE_LABEL = re.compile(
    r"^(?:(?:written|posted|text|story|pressemitteilung|beitrag|gastbeitrag|kommentar)\s+)?"
    r"(?:by|von|par|por|autor(?:in)?|author|text)\s*:?\s+",
    re.IGNORECASE,
)
_BYLINE_TAIL = re.compile(
    r"\s(?:[|·•–—(]|am |on |le |el |updated|aktualisiert|published)\s*", re.IGNORECASE
)
# Bylines and dates are looked for this far around an article's heading: its byline and
# dateline, not the people and dates its story talks about.
_NEAR_HEADING_CHARS = 1500
# Capitalised words that begin what follows a byline ("Von Henry In Aktuell") or a time
# ("von Mitte September an"), not a name.
_AFTER_BYLINE = (
    r"(?!(?:In|Im|Am|An|Auf|Aus|Bei|Für|Mit|Zu|Zum|Zur|Anfang|Mitte|Ende|On|At|For|From|With|"
    r"Updated)\b)"
)
_CAPITALISED = rf"{_AFTER_BYLINE}[A-ZÀ-ÞĀ-Ž][\w'’-]+"
_PERSON = rf"{_CAPITALISED}(?:[^\S\n]+(?:{_CAPITALISED}|de|van|von|der|da|di)){{1,3}}"
_WRITTEN_BYLINE = re.compile(
    rf"(?:\b(?:[Vv]on|[Bb]y|[Pp]ar|[Pp]or|(?:[Aa]utor(?:in)?|[Aa]uteur):?|[Aa]uthor:?|[Rr]edaktion:|"
    rf"[Tt]ext:)\s+|\d{{4}}[^\S\n]+[-–][^\S\n]+)"
    rf"(?P<names>{_PERSON}(?:[^\S\n]+(?:und|and|et|y)[^\S\n]+{_PERSON})?)"
)
_DATE_LABEL = re.compile(
    r"\b(?:erschienen|veröffentlicht|publiziert|published|posted|publié|publicado|"
    r"datum|date)\b[^\n]{0,12}?(?:am|on|le|el|:)?",
    re.IGNORECASE,
)
_MONTH_NAMES = names_pattern()
_WRITTEN_DATE = re.compile(
    r"(?P<dotted_day>\d{1,2})\.\s?(?P<dotted_month>\d{1,2})\.\s?(?P<dotted_year>\d{4})"
    r"|(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})"
    rf"|(?P<dm_day>\d{{1,2}})\.?\s+(?:de\s+)?(?P<dm_month>{_MONTH_NAMES})\.?\s+(?:de\s+)?"
    r"(?P<dm_year>\d{4})"
    rf"|(?P<md_month>{_MONTH_NAMES})\.?\s+(?P<md_day>\d{{1,2}}),?\s+(?P<md_year>\d{{4}})",
    re.IGNORECASE,
)


def names_an_organisation(text: str) -> bool:
    """An author field that names a site or an organisation rather than a person."""
    return bool(_NOT_A_PERSON.search(text))


def byline(parser: LexborHTMLParser, full_names: bool) -> list[str]:
    """The names a byline in the markup gives: with `full_names`, only a byline of full
    names; else also one of single names ("Todd"), which a written byline outranks.
    Names in comment sections are readers', in picture credits photographers'."""
    for selector in _BYLINE_SELECTORS:
        for node in parser.css(selector)[:3]:
            if _in_comments_or_credits(node) or _credited_otherwise(node):
                continue
            names = _byline_names(node.text(separator=" ") or "")
            if names and (not full_names or all(len(name.split()) > 1 for name in names)):
                return names
    return []


def _in_comments_or_credits(node) -> bool:
    while node is not None and node.tag != "body":
        marks = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if node.tag in ("figure", "figcaption") or _NOT_THE_ARTICLES.search(marks):
            return True
        node = node.parent
    return False


# Credits for other work than the writing, just before the name they give.
_OTHER_CREDIT = re.compile(
    r"(?:übersetz\w*|translat\w*|tradu\w*|foto\w*|photo\w*|illustr\w*|grafik|bild\w*)"
    r"(?:\s+(?:von|by|par|por))?\s*:?\s*$",
    re.IGNORECASE,
)


def _credited_otherwise(node) -> bool:
    """A name credited as translator, photographer or illustrator ("Übersetzung
    <a>Sarah-Indra Jungblut</a>"), by the words just before it."""
    name = (node.text(separator=" ") or "").strip()
    ancestor = node.parent
    for _ in range(3):  # up to the element whose text holds more than the name
        if ancestor is None or not name:
            return False
        before = (ancestor.text(separator=" ") or "").partition(name)[0]
        if before.strip():
            return bool(_OTHER_CREDIT.search(before[-40:]))
        ancestor = ancestor.parent
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
        and (not any(char.isdigit() for char in text) or _is_handle(text))
        and not names_an_organisation(text)
        and text.casefold() not in _FURNITURE
        and any(word[:1].isupper() for word in words)
    )


def _is_handle(text: str) -> bool:
    """A forum's or blog's handle, which may hold digits ("Bo2man", "Marianne1"), unlike a
    date or a time."""
    return (
        " " not in text
        and text[:1].isalpha()
        and sum(char.isalpha() for char in text) >= 3
        and sum(char.isdigit() for char in text) <= 4
    )


def text_near_heading(parser: LexborHTMLParser, text: str, title: str | None = None) -> str:
    """The page's text around its headline, where bylines and datelines stand: found by the
    article's title when the text holds it (an <h1> may be a section's name, "News"),
    else by the <h1>."""
    heading = (
        parser.css_first("article h1") or parser.css_first("main h1") or parser.css_first("h1")
    )
    candidates = [
        _title_part(title) if title else "",
        heading.text(separator=" ") if heading else "",
    ]
    start = -1
    for candidate in candidates:
        candidate = " ".join(candidate.split())
        if len(candidate) >= _MIN_HEADLINE_CHARS and (start := text.find(candidate)) >= 0:
            break
    start = max(0, start - _NEAR_HEADING_CHARS // 4) if start >= 0 else 0
    return text[start : start + _NEAR_HEADING_CHARS]


_MIN_HEADLINE_CHARS = 12
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


def _title_part(title: str) -> str:
    """'Auf das erste Elektron kommt es an | Eawag' → the headline without the site's name."""
    return _TITLE_SUFFIX.sub("", title.strip())


def visible_date(near_heading: str) -> str | None:
    """A date written near the article's headline, in the forms news pages use."""
    for found in _WRITTEN_DATE.finditer(near_heading):
        date = _written_date(found)
        if date:
            return date
    return None


# Beside a byline a date may also be written short: "31.10.23", "02/10/2020".
_SHORT_DATE = re.compile(
    r"(?<![\d.])(?P<first>\d{1,2})(?P<mark>[./])(?P<second>\d{1,2})(?P=mark)"
    r"(?P<year>\d{4}|\d{2})(?![\d.])"
)
# How far from the byline its dateline is looked for.
_BESIDE_BYLINE_CHARS = 80


def date_beside_byline(
    text: str, names: list[str], near_heading: str, month_first: bool | None
) -> str | None:
    """The date written beside the article's byline, the nearest to it: "Von Moritz
    Wichmann\n29.04.2020", "Von: Björn Jahner | 31.10.23", "The Guardian 02/10/2020 Anna
    Fazackerley". A slashed date is read day first unless the page's language writes the
    month first (`month_first`); when the language is unknown (None), only a slashed date
    that cannot be read both ways is taken."""
    if not names:
        return None
    pattern = re.compile(re.escape(names[0]), re.IGNORECASE)
    for source in (near_heading, text):
        if written := pattern.search(source):
            break
    else:
        return None
    start = max(0, written.start() - _BESIDE_BYLINE_CHARS)
    end = written.end() + _BESIDE_BYLINE_CHARS
    dated = [
        (_distance(found, written), date)
        for found in _WRITTEN_DATE.finditer(source, start, end)
        if (date := _written_date(found))
    ] + [
        (_distance(found, written), date)
        for found in _SHORT_DATE.finditer(source, start, end)
        if (date := _short_date(found, month_first))
    ]
    return min(dated)[1] if dated else None


def _distance(found: re.Match, written: re.Match) -> int:
    return max(found.start() - written.end(), written.start() - found.end(), 0)


def _short_date(found: re.Match, month_first: bool | None) -> str | None:
    first, second, year = (int(found.group(part)) for part in ("first", "second", "year"))
    if year < 100:
        if found.group("mark") == "/":  # "24/03/16" may as well be year first
            return None
        year += 2000 if year <= datetime.now().year % 100 else 1900
    if found.group("mark") == ".":
        readings = [(first, second)]
    elif month_first is None:
        readings = [(first, second), (second, first)]
    else:
        readings = [(second, first)] if month_first else [(first, second)]
    dates = set()
    for day, month in readings:
        try:
            dates.add(datetime(year, month, day).date().isoformat())
        except ValueError:
            continue
    return dates.pop() if len(dates) == 1 else None


def labelled_date(text: str) -> str | None:
    """A date anywhere on the page that a label calls the publication date."""
    for label in _DATE_LABEL.finditer(text):
        for found in _WRITTEN_DATE.finditer(text, label.end(), label.end() + 40):
            date = _written_date(found)
            if date:
                return date
    return None


def written_byline(near_heading: str, headline: str | None, own_line: bool = False) -> list[str]:
    """Names after "By", "Von", "Par", "Autor" … or after a dateline's dash, in the text
    near the article's headline; with `own_line`, only a byline that begins its line. A
    sentence's "von" ("das von Heiko Maas geplante Gesetz") and the headline's own words
    ("Auf den Spuren von Rafael Nadal") are not bylines."""
    for found in _WRITTEN_BYLINE.finditer(near_heading):
        line_start = near_heading.rfind("\n", 0, found.start()) + 1
        line_end = near_heading.find("\n", found.end())
        line = near_heading[line_start : line_end if line_end >= 0 else None].strip()
        if own_line and near_heading[line_start : found.start()].strip(" \t\xa0"):
            continue
        if _SENTENCE_GOES_ON.match(near_heading, found.end()) or (headline and line in headline):
            continue
        names = [name.strip() for name in re.split(r" und | and | et | y ", found.group("names"))]
        if all(_looks_like_name(name) and len(name.split()) > 1 for name in names):
            return names
    return []


# After a byline's names comes the line's end, a separator, a date ("le 07 Mai 2020") or
# another credit, not more of a sentence.
_SENTENCE_GOES_ON = re.compile(r"[^\S\n]*(?!(?:am|on|le|el|vom|du|del|um|at)[^\S\n]+\d)[a-zß-ÿ]")


# A byline label at a line's start, anywhere on the page: "Text: Klausmartin Friedrich",
# "Autor\n\nNikolai Huke", "Redaktion: Eberhard Fuhr", "ByAlex Bozarjian" (markup glued).
_LABELLED_BYLINE = re.compile(
    r"(?m)^[^\S\n]*(?:\d{2}\.\d{2}\.\d{4}[^\S\n]*[-–][^\S\n]*)?"
    r"(?:Autor(?:in)?|Author|Text|Redaktion|Written by|Geschrieben von|By(?=[A-Z])|By)"
    r"[^\S\n]*:?[^\S\n]*\n{0,2}[^\S\n]*"
    rf"(?P<names>{_PERSON}(?:[^\S\n]+(?:und|and)[^\S\n]+{_PERSON})?)"
)


# A blog's signature beside its date: "Publiziert am 13. Januar 2014 von uriebe", "Posted
# by Konstantin 21.10.2019", "von Marianne1 am 20.09.2020", "by damianduchamps on August 3".
_SIGNED = re.compile(
    r"\b(?:[Pp]osted|[Pp]ublished|[Pp]ubliziert|[Vv]eröffentlicht|[Gg]eschrieben|[Ww]ritten)"
    r"\b[^\n]{0,40}?\b(?:by|von)[^\S\n]+(?P<handle>[\w.-]{2,30})"
    r"|\b(?:by|von)[^\S\n]+(?P<dated>[\w.-]{2,30})\s+(?:am|on)[^\S\n]+\S*\d"
    # "by" alone on its line, the name on the next; a forum's "Themenstarter Pepemaus"
    r"|(?m:^(?:by|von)[^\S\n]*\n+[^\S\n]*(?P<below>[\w.-]{2,30})[^\S\n]*$)"
    r"|\bThemenstarter[^\S\n]+(?P<starter>[\w.-]{2,30})"
)
# Desks sign too: "Redaktion\n\nam 3. Februar 2022".
_DESKS = frozenset({"redaktion", "newsdesk", "editorial", "rédaction", "redacción"})
_NOT_A_HANDLE = frozenset("the der die das dem den einem einer a an admin".split())


def signed_by(text: str, near_heading: str = "") -> list[str]:
    """The one-word signature a blog or forum puts beside its date; or, near the headline,
    a line of one word that a date follows ("Benni\n10. September 2017", "Redaktion -
    31. Januar 2022")."""
    for found in _SIGNED.finditer(text):
        handle = next(name for name in found.groups() if name).strip(".-")
        if handle.lower() not in _NOT_A_HANDLE and not handle.isdigit():
            return [handle]
    for found in _DATED_LINE.finditer(near_heading):
        handle = found.group("handle")
        if (
            handle.lower() not in _NOT_A_HANDLE
            and not handle.isdigit()
            and (handle.casefold() not in _FURNITURE or handle.casefold() in _DESKS)
            and _WRITTEN_DATE.match(near_heading, found.end())
            and _written_date(_WRITTEN_DATE.match(near_heading, found.end()))
        ):
            return [handle]
    return []


_DATED_LINE = re.compile(
    r"(?m)^(?P<handle>[\w.-]{3,30})[^\S\n]*(?:\n\n?|[-–][^\S\n]*)(?:am[^\S\n]+)?(?=\d)"
)


# A press release's signature: the name, then its role on the next line.
_ROLE_SIGNATURE = re.compile(
    rf"(?m)^[^\S\n]*(?P<names>{_PERSON})[^\S\n]*\n\n?[^\S\n]*(?:Stellvertretende[rn]?[^\S\n]+)?"
    r"(?:Pressesprecher(?:in)?|Pressereferent(?:in)?|Redakteur(?:in)?|Press Officer|"
    r"Spokes(?:person|woman|man)|Media Relations)\b"
)


def labelled_byline(text: str) -> list[str]:
    """Names after an explicit byline label anywhere in the page's text, or above a press
    officer's role."""
    signature = _ROLE_SIGNATURE.search(text)
    if signature and _looks_like_name(signature.group("names")):
        return [signature.group("names")]
    for found in _LABELLED_BYLINE.finditer(text):
        if text[found.end() : found.end() + 1] == ":":
            continue  # a menu's heading ("By Main Ingredient:"), not a byline
        names = [name.strip() for name in re.split(r" und | and ", found.group("names"))]
        if all(_looks_like_name(name) for name in names):
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
                MONTHS[parts["dm_month"].lower()],
                int(parts["dm_year"]),
            )
        else:
            day, month, year = (
                int(parts["md_day"]),
                MONTHS[parts["md_month"].lower()],
                int(parts["md_year"]),
            )
        return datetime(year, month, day).date().isoformat()
    except (KeyError, TypeError, ValueError):
        return None
