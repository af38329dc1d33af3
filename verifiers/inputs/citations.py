"""Who and what a sentence attributes its quotation or reported claim to.

A sentence is read with its quotations masked, so quoted words never pass for an author or
an outlet. Each name in it takes its part from the words around it: "by Fiona Hill" is an
author, "Neftali Bennett … said" a speaker, "told the Harbour Gazette" and "issue of
Foreign Affairs" an outlet, "the Institute for Urban Mobility's cost review" a publisher.
Dates come from the forms articles use ("the September-October 2022 issue", "on 12 March
2024", "in a March 2023 interview"); an issue spanning months is dated by its first month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from verifiers.inputs.names import Name, find_names

_SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|argued|argues|claimed|claims|warned|warns|noted|notes|"
    "explained|explains|insisted|insists|stated|states|declared|declares|asked|asks|replied|"
    "recalled|acknowledged|admitted|conceded|suggested|suggests|predicted|testified|tweeted|"
    "posted|announced|promised|continued|observed|concluded|remarked|maintained|contended|"
    "asserted|emphasi[sz]ed|stressed|pointed out|put it|called|calls|described|describes|"
    "wrote|writes|write|found|finds|reported|reports|published|estimated|estimates|"
    "concedes|believes|believed|alleged|alleges|urged|urges|wondered|recounted"
)
_WRITING_VERBS = frozenset(
    "wrote writes write published found finds reported reports concluded estimated "
    "estimates".split()
)
_WRITING_NOUNS = re.compile(
    r"\b(article|essay|op-ed|column|book|paper|study|report|review|piece|letter|blog|"
    r"post|newsletter|memoir|analysis|commentary|editorial|issue|journal|chapter|survey)\b",
    re.I,
)
_SPOKEN_NOUNS = re.compile(
    r"\b(interview|speech|statement|press conference|briefing|podcast|broadcast|hearing|"
    r"remarks|testimony|talk|debate|address|conversation)\b",
    re.I,
)
_VERB_AFTER = re.compile(
    r"^(?:['’]s)?\s*,?\s*(?:[^,]{0,120},\s*)?(?:(?:has|had|have|also|later|once|then|previously|"
    r"recently|famously|publicly|reportedly|herself|himself|first|last\s+\w+)\s+)*"
    rf"(?P<verb>{_SPEECH_VERBS})\b",
    re.I,
)
_VERB_BEFORE = re.compile(rf"\b(?P<verb>{_SPEECH_VERBS})\s+$", re.I)
_BY_BEFORE = re.compile(r"\b(?:by|from|co-written by|written by)\s+(?:the\s+)?$", re.I)
_ACCORDING_BEFORE = re.compile(r"\baccording to\s+(?:the\s+)?$", re.I)
_VENUE_BEFORE = re.compile(
    r"\b(?:told|tells|to|in|of|with|on|for|at|published in|writing in|writing for|"
    r"wrote in|appeared in|issue of|edition of)\s+(?:the\s+|a\s+|an\s+)?$",
    re.I,
)
_POSSESSIVE_WORK = re.compile(
    r"^['’]s?\s+(?:[\w-]+\s+){0,4}?(?P<noun>article|essay|op-ed|column|book|paper|study|"
    r"report|review|piece|letter|blog|post|newsletter|memoir|analysis|interview|speech|"
    r"statement|testimony|survey|editorial|podcast|broadcast|remarks)\b",
    re.I,
)
_PRONOUN_SPEECH = re.compile(
    rf"\b(?:he|she|they|it|we|i)\s+(?:also\s+|later\s+|then\s+)?(?:{_SPEECH_VERBS})\b"
    rf"|\b(?:{_SPEECH_VERBS})\s+(?:he|she|they)\b",
    re.I,
)
_POINTER = re.compile(
    r"\b(?:that|this|the same|the|its|their|his|her)\s+(?:agreement|article|essay|report|"
    r"review|study|piece|interview|speech|statement|paper|book|column|analysis|survey|"
    r"document|draft|deal|plan|memo|letter)\b|\b(?:added|continued|went on|goes on)\b",
    re.I,
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_DATE_FORMS = [
    # 2024-03-12
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"), "day"),
    # March 12, 2024
    (
        re.compile(
            rf"\b(?P<mn>{_MONTH})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
            re.I,
        ),
        "day",
    ),
    # 12 March 2024
    (
        re.compile(
            rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mn>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b",
            re.I,
        ),
        "day",
    ),
    # September-October 2022, March 2022
    (
        re.compile(rf"\b(?P<mn>{_MONTH})(?:\s*[-–/]\s*{_MONTH})?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
        "month",
    ),
    # Spring 2022, a 2019 study, in 2019, (2019)
    (re.compile(r"\b(?:spring|summer|autumn|fall|winter)\s+(?P<y>(?:19|20)\d\d)\b", re.I), "year"),
    (
        re.compile(
            r"(?:\b(?:in|a|an|the|its|his|her|their|since)\s+|\()(?P<y>(?:19|20)\d\d)\b", re.I
        ),
        "year",
    ),
]


@dataclass
class Citation:
    """What one sentence says about the source of its quotation or claim."""

    authors: list[Name] = field(default_factory=list)
    speakers: list[Name] = field(default_factory=list)
    publisher: str | None = None
    title: str | None = None
    date: str | None = None
    date_text: str | None = None
    urls: list[str] = field(default_factory=list)
    # The sentence points back to a source named before ("he added", "that agreement").
    points_back: bool = False

    def names_a_source(self) -> bool:
        return bool(self.authors or self.speakers or self.publisher or self.title or self.urls)


def read_citation(
    frame: str,
    emphasis: list[tuple[int, int]] = (),
    titles: list[tuple[int, int]] = (),
    uncued: str | None = None,
) -> Citation:
    """The attribution in `frame`, a sentence whose quotations are masked out.

    `emphasis` holds the (start, end) of italic words in it, the way most house styles set
    the name of a publication; `titles` those of `<cite>` titles. `uncued` says what a
    person named without a verb or preposition is: "authors" in a block quotation's dash
    line, "speakers" in the sentence that leads into one, nothing elsewhere.
    """
    citation = Citation()
    previous: Name | None = None
    for name in find_names(frame):
        listed = previous is not None and _LISTED.fullmatch(frame[previous.end : name.start])
        if listed and previous in citation.authors + citation.speakers:
            _same_part_as(citation, previous, name)
        else:
            _place(citation, name, frame)
        previous = name
    if uncued and not (citation.authors or citation.speakers):
        getattr(citation, uncued).extend(_first_people(frame, [*emphasis, *titles]))
    for start, end in titles:
        citation.title = citation.title or frame[start:end].strip() or None
    for start, end in emphasis:
        text = frame[start:end].strip()
        if not text or any(n.start <= start < n.end for n in citation.authors + citation.speakers):
            continue
        if _WRITING_NOUNS.search(frame[max(0, start - 30) : start]) and citation.publisher:
            citation.title = citation.title or text
        elif citation.publisher is None or citation.publisher in text:
            citation.publisher = text
        elif citation.title is None:
            citation.title = text
    citation.date, citation.date_text = find_date(frame)
    citation.points_back = not citation.names_a_source() and bool(
        _PRONOUN_SPEECH.search(frame) or _POINTER.search(frame)
    )
    return citation


def _first_people(frame: str, set_apart: list[tuple[int, int]]) -> list[Name]:
    """The first person named, and those listed with them ('A and B'), outside titles."""
    people: list[Name] = []
    for name in find_names(frame):
        if any(start <= name.start < end for start, end in set_apart):
            continue
        if people and not re.fullmatch(r"\s*(?:and|&)\s*", frame[people[-1].end : name.start]):
            break
        if name.kind == "person":
            people.append(name)
        elif people:
            break
    return people


_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")


def _same_part_as(citation: Citation, previous: Name, name: Name) -> None:
    """'by Fiona Hill and Angela Stent': a name listed after another plays its part."""
    for people in (citation.authors, citation.speakers):
        if previous in people and name.kind == "person":
            people.append(name)


def _place(citation: Citation, name: Name, frame: str) -> None:
    before, after = frame[: name.start], frame[name.end :]
    verb = _VERB_AFTER.match(after) or _VERB_BEFORE.search(before)
    possessive = _POSSESSIVE_WORK.match(after)
    if name.kind == "organisation":
        if verb or possessive or _BY_BEFORE.search(before) or _ACCORDING_BEFORE.search(before):
            citation.publisher = citation.publisher or name.name
        elif _VENUE_BEFORE.search(before) and citation.publisher is None:
            citation.publisher = name.name
        return
    if _BY_BEFORE.search(before):
        citation.authors.append(name)
    elif possessive:
        spoken = _SPOKEN_NOUNS.match(possessive.group("noun"))
        (citation.speakers if spoken else citation.authors).append(name)
    elif verb or _ACCORDING_BEFORE.search(before):
        written = (verb and verb.group("verb").lower() in _WRITING_VERBS) or (
            _WRITING_NOUNS.search(frame) and not _SPOKEN_NOUNS.search(frame)
        )
        (citation.authors if written else citation.speakers).append(name)
    elif re.search(r"\binterview with\s+$", before, re.I):
        citation.speakers.append(name)


def find_date(text: str) -> tuple[str | None, str | None]:
    """('2022-09', 'September-October 2022') for the first date written in `text`."""
    best = None
    for pattern, precision in _DATE_FORMS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0].start()):
            best = (match, precision)
    if best is None:
        return None, None
    match, precision = best
    year = match.group("y")
    if precision == "year":
        written = match.group().strip(" (")
        return year, written if written[:1].isupper() else year
    month = int(match.group("m")) if "m" in match.groupdict() and match.group("m") else None
    if month is None:
        month = _MONTHS[match.group("mn").lower().rstrip(".")]
    if precision == "month":
        return f"{year}-{month:02d}", match.group()
    day = int(match.group("d"))
    if not 1 <= day <= 31:
        return f"{year}-{month:02d}", match.group()
    return f"{year}-{month:02d}-{day:02d}", match.group()


# --- reported speech --------------------------------------------------------------------

_CLAIM_VERBS = (
    "said|says|claimed|claims|argued|argues|insisted|insists|warned|warns|stated|states|"
    "wrote|writes|believes|believed|suggested|suggests|maintained|contended|asserted|alleged|"
    "alleges|reported|reports|found|concluded|noted|acknowledged|admitted|explained|added|"
    "estimated|predicted|promised|told [^,.;]{1,60}?"
)
_REPORTED = re.compile(
    rf"\b(?P<verb>{_CLAIM_VERBS})(?P<that>\s+that)?\s+(?P<clause>.+?)\s*[.!?]?\s*$",
    re.I,
)
_ACCORDING_FIRST = re.compile(
    r"^according to (?P<source>[^,]{3,120}),\s+(?P<clause>.+?)[.!?]?$", re.I
)
_ACCORDING_LAST = re.compile(
    r"^(?P<clause>.+?),\s+according to (?P<source>[^,]{3,120}?)[.!?]?$", re.I
)
_MIN_CLAIM_WORDS = 5
_SAID_WITHOUT_THAT = frozenset({"said", "says"})


@dataclass(frozen=True)
class ReportedClaim:
    text: str
    # Where the claim's words start in the sentence; the source is named before it.
    start: int
    source_start: int
    source_end: int


def find_reported_claim(sentence: str) -> ReportedClaim | None:
    """The statement a sentence reports in indirect speech ("X said that …")."""
    sentence = sentence.strip()
    for pattern in (_ACCORDING_FIRST, _ACCORDING_LAST):
        match = pattern.match(sentence)
        if match:
            clause = match.group("clause").strip()
            if _claim_words(clause):
                return ReportedClaim(
                    _tidy_claim(clause),
                    match.start("clause"),
                    match.start("source"),
                    match.end("source"),
                )
    for match in _REPORTED.finditer(sentence):
        verb = match.group("verb").lower()
        if not match.group("that") and verb.split()[0] not in _SAID_WITHOUT_THAT:
            continue
        clause = match.group("clause").strip()
        if not _claim_words(clause) or (
            not find_names(sentence[: match.start()])
            and not (_PRONOUN_SUBJECT.search(sentence[: match.start()]))
        ):
            continue
        return ReportedClaim(_tidy_claim(clause), match.start("clause"), 0, match.start())
    return None


_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|they|it|we)\s+(?:\w+\s+)?$", re.I)


def _claim_words(clause: str) -> bool:
    return len(re.findall(r"\w+", clause)) >= _MIN_CLAIM_WORDS


def _tidy_claim(clause: str) -> str:
    return re.sub(r"\s+", " ", clause).strip().rstrip(".!?;, ")
