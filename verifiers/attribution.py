"""Does the page say it is by the cited authors, in the cited publication, on the cited date?

Each field is `match`, `mismatch` or `unknown` (the page does not say). Across several
candidate pages of one reference, one page that matches is enough.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from urllib.parse import urlsplit

from verifiers.documents import Document
from verifiers.language.names import surname
from verifiers.model import AttributionValue, Reference

__all__ = ["check_attribution", "date_notes", "publisher_hosts", "spelling_notes"]

_NON_LETTERS = re.compile(r"[^a-z0-9 ]+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an|der|die|das|le|la|les|el)\s+")
# A magazine's issue is on the web some weeks before its cover date: a "September-October
# 2022" issue (cited as 2022-09) online on 2022-08-25 is the same publication.
_EARLY_PUBLICATION = timedelta(days=75)
# A day may differ across time zones.
_DAY_TOLERANCE = timedelta(days=1)


def check_attribution(
    reference: Reference, documents: list[Document]
) -> dict[str, AttributionValue]:
    return {
        "authors": _best(_authors(reference.authors, doc) for doc in documents),
        "publisher": _best(_publisher(reference.publisher, doc) for doc in documents),
        "date": _best(_date(reference.date, doc) for doc in documents),
    }


def spelling_notes(reference: Reference, documents: list[Document]) -> list[str]:
    """Cited names that match the page's only once a small misspelling is forgiven: an
    author against the page's byline, a speaker against the names in its text."""
    notes = []
    for document in documents:
        for author in reference.authors:
            for name in document.metadata.authors:
                if _same_person(author, name) and _misspelt(author, name):
                    notes.append(f"“{author}” is spelt “{name}” on {document.url}")
        for speaker in reference.speakers:
            spelt = _spelt_in_text(speaker, document.text)
            if spelt:
                notes.append(f"“{speaker}” is spelt “{spelt}” on {document.url}")
    return list(dict.fromkeys(notes))


_FULL_NAME = re.compile(r"\b([A-Z][\w'’-]+)\s+([A-Z][\w'’-]+)\b")
# How far into a page names are looked for: the article, not an endless comment thread.
_NAME_SEARCH_CHARS = 200_000


def _spelt_in_text(cited: str, text: str) -> str | None:
    """How the page writes a cited 'First Last' it spells slightly differently, if it does:
    'Neftali Bennett' for 'Naftali Bennett' (one of the two names may differ by two
    letters; a name the page also writes exactly as cited is not misspelt)."""
    words = _plain(cited).split()
    if len(words) < 2:
        return None
    first, last = words[0], words[-1]
    variants: dict[str, int] = {}
    for match in _FULL_NAME.finditer(text[:_NAME_SEARCH_CHARS]):
        given, family = _plain(match.group(1)), _plain(match.group(2))
        if (given, family) == (first, last):
            return None
        exact = (given == first) + (family == last)
        close = _edit_distance(given, first) <= 2 and _edit_distance(family, last) <= 1
        if exact == 1 and close and min(len(given), len(first)) >= 3:
            spelling = f"{match.group(1)} {match.group(2)}"
            variants[spelling] = variants.get(spelling, 0) + 1
    return max(variants, key=variants.get) if variants else None


def _best(values) -> AttributionValue:
    values = list(values)
    if "match" in values:
        return "match"
    return "mismatch" if "mismatch" in values else "unknown"


def _authors(cited: tuple[str, ...], document: Document) -> AttributionValue:
    page = document.metadata.authors
    if not cited or not page:
        return "unknown"
    # Pages often name only the first of several authors: one cited author on the page is
    # a match; none of them is a mismatch. A page that signs with one word only (a first
    # name, a handle: "Konstantin", "uriebe") cannot contradict a full name.
    found = any(_same_person(author, name) for author in cited for name in page)
    if found:
        return "match"
    if all(len(_plain(name).split()) < 2 for name in page):
        return "unknown"
    return "mismatch"


def _same_person(cited: str, named: str) -> bool:
    """Same surname (diacritics, case, name order and initials aside), allowing a slip of
    one letter in a surname of five or more letters and two in one of nine or more."""
    wanted, given = _surname(cited), _plain(named).split()
    if not wanted or not given:
        return False
    if "," in named:
        given = [_surname(named)]
    allowed = 2 if len(wanted) >= 9 else 1 if len(wanted) >= 5 else 0
    return any(_edit_distance(wanted, word) <= allowed for word in given)


def _misspelt(cited: str, named: str) -> bool:
    """Different letters, not merely an initial, another order or other diacritics."""
    cited_words = sorted(_plain(cited.replace(",", " ")).split())
    named_words = sorted(_plain(named.replace(",", " ")).split())
    full = [w for w in cited_words if len(w) > 2], [w for w in named_words if len(w) > 2]
    return full[0] != full[1] and len(full[0]) == len(full[1])


def _edit_distance(a: str, b: str) -> int:
    if abs(len(a) - len(b)) > 2:
        return 3
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


def publisher_hosts(publisher: str | None, url: str | None) -> bool:
    """Whether the page at `url` is on the publisher's own site ("Axios", axios.com)."""
    if not publisher or not url:
        return False
    wanted = _LEADING_ARTICLE.sub("", _plain(publisher)).replace(" ", "")
    host = (urlsplit(url).hostname or "").replace("-", "")
    return bool(wanted) and wanted in host


def _publisher(cited: str | None, document: Document) -> AttributionValue:
    if not cited:
        return "unknown"
    if publisher_hosts(cited, document.url):
        return "match"
    wanted = _LEADING_ARTICLE.sub("", _plain(cited))
    if not document.metadata.publisher:
        return "unknown"
    given = _LEADING_ARTICLE.sub("", _plain(document.metadata.publisher))
    if (
        wanted in given
        or given in wanted
        or _abbreviates(cited, given)
        or _abbreviates(document.metadata.publisher, wanted)
    ):
        return "match"
    return "mismatch"


def _abbreviates(short: str, name: str) -> bool:
    """'NYT' for 'New York Times', 'FT' for 'Financial Times': a name's initials."""
    letters = short.strip().replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    initials = "".join(word[0] for word in name.split() if word not in ("of", "and", "the"))
    return initials == letters.lower()


def _date(cited: str | None, document: Document) -> AttributionValue:
    """A cited date matches the page's publication date, or the update it declares (a
    writer cites the date the page shows)."""
    stated = [
        _date_against(cited, day)
        for day in (document.metadata.published, document.metadata.updated)
    ]
    return "match" if "match" in stated else stated[0]


def date_notes(reference: Reference, documents: list[Document]) -> list[str]:
    """A cited date that is not the page's first publication but its declared update."""
    return [
        f"the cited date {reference.date} is when {document.url} was updated; it was first "
        f"published on {document.metadata.published}"
        for document in documents
        if document.metadata.published
        and _date_against(reference.date, document.metadata.published) == "mismatch"
        and _date_against(reference.date, document.metadata.updated) == "match"
    ]


def _date_against(cited: str | None, published: str | None) -> AttributionValue:
    if not cited or not published:
        return "unknown"
    try:
        day = date.fromisoformat(published)
    except ValueError:
        return "unknown"
    try:
        start, end = _period(cited)
    except ValueError:  # not a calendar date, such as 2022-02-30
        return "unknown"
    if start == end:
        matches = abs(day - start) <= _DAY_TOLERANCE
    else:
        matches = start - _EARLY_PUBLICATION <= day <= end
    return "match" if matches else "mismatch"


def _period(cited: str) -> tuple[date, date]:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD date stands for."""
    parts = [int(part) for part in cited.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return first, following - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _plain(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(_NON_LETTERS.sub(" ", ascii_text.lower()).split())


def _surname(name: str) -> str:
    """The surname's last word, folded: "Leyen" for "von der Leyen", "Hill" for "Hill, Fiona"."""
    words = _plain(surname(name)).split() or _plain(name).split()
    return words[-1] if words else ""
