"""Who and what a sentence attributes its quotation or reported claim to.

A sentence is read with its quotations masked, so quoted words never pass for an author or
an outlet. Each name in it takes its part from the words around it: "by Fiona Hill" is an
author, "Neftali Bennett … said" a speaker, "told the Harbour Gazette" and "issue of
Foreign Affairs" an outlet, "the Institute for Urban Mobility's cost review" a publisher.
Dates come from the forms articles use ("the September-October 2022 issue", "on 12 March
2024", "in a March 2023 interview"); an issue spanning months is dated by its first month.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from verifiers.language.months import month_number, names_pattern
from verifiers.language.names import PLATFORMS, Name, find_names
from verifiers.language.saying import (
    CLAIM_VERBS,
    SPEECH_VERBS,
    TOLD_TO,
    VERBS_AFTER_A_CLAIM,
)

__all__ = [
    "PERSON_PRONOUNS",
    "PRONOUN_SPEECH",
    "THING_PRONOUNS",
    "Citation",
    "find_date",
    "find_reported_claim",
    "find_trailing_claim",
    "read_citation",
]

_WRITING_VERBS = frozenset(
    "wrote writes write writing published found finds find reported reports report "
    "concluded concludes conclude concluding estimated estimates estimate showed shows show "
    "schrieb a écrit".split()
)
_WORK_NOUNS = (
    r"article|essay|op-ed|column|book|paper|study|studies|report|review|piece|letter|blog|"
    r"post|newsletter|memoir|analysis|commentary|editorial|issue|journal|chapter|survey|"
    r"guide|experiments?|research|work|findings|data|poll|trial|meta-analysis|thesis"
)
_WRITING_NOUNS = re.compile(rf"\b({_WORK_NOUNS})\b", re.I)
# "his 2018 book *The Road to Unfreedom*": the italics right after it name a book, not a
# publisher.
_BOOK_BEFORE = re.compile(
    r"\b(?:book|novel|memoir|biography|poem|play|film|documentary|album|collection)\s*,?\s*$",
    re.I,
)
_SPOKEN_NOUNS = re.compile(
    r"\b(interview|speech|statement|press conference|briefing|podcast|broadcast|hearing|"
    r"remarks|testimony|talk|debate|address|conversation)\b",
    re.I,
)
# Between a name and its verb: "(2000)", "et al.", ", who chairs the panel,", "in Nature",
# a work ("guide", "report") and adverbs ("famously", "later").
_VERB_AFTER = re.compile(
    r"^(?:['’]s)?(?:\s+et\s+al\.?|\s+and\s+(?:colleagues|co-?authors|others|(?:his|her|their)"
    r"\s+(?:team|colleagues)))?(?:\s*\([^()]{0,40}\))?\s*,?\s*"
    r"(?:[^,;:]{0,120},\s*){0,2}"
    rf"(?:(?:in|for|of|at)\s+(?:the\s+)?[A-Z][^,;:]{{0,50}}?\s+)?(?:(?:{_WORK_NOUNS})\s+)?"
    r"(?:(?:has|had|have|also|later|once|then|previously|recently|famously|publicly|"
    r"reportedly|herself|himself|first|instead|again|repeatedly|simply|last\s+\w+)\s+)*"
    rf"(?P<verb>{SPEECH_VERBS})\b",
)
# "said Ursula von der Leyen", "asked committee chair Robert Fane", "a déclaré la Première
# ministre Claire Dubois": a few words of role may stand between.
# A title's abbreviation ("Sen.", "Lt. Gov.") may stand among them.
_VERB_BEFORE = re.compile(rf"\b(?P<verb>{SPEECH_VERBS})\s+(?:[\w'’-]+\.?\s+){{0,3}}$", re.I)
# Whoever is told, or spoken or written to, is the outlet that reports it: "told
# Reuters", "told the Harbour Gazette", "shares with InStyle", "said to Le Monde".
_TOLD_BEFORE = re.compile(
    rf"\b(?:(?:told|tells|telling)|(?:{TOLD_TO})\s+(?:to|with))\s+(?:the\s+)?$",
    re.I,
)
_BY_BEFORE = re.compile(r"\b(?:by|from|co-written by|written by)\s+(?:the\s+)?$", re.I)
# "Google's Sundar Pichai", "NYU's Scott Galloway": a body's (or a person-like name's)
# possessive before a person's full name is the person's affiliation.
_POSSESSIVE = re.compile(r"^['’]s\s+")


def _affiliation(after: str) -> bool:
    """Whether what follows a name makes it a person's affiliation: "'s Jay Stanley", "'s
    spokesman, Dmitry Peskov"."""
    possessive = _POSSESSIVE.match(after)
    if possessive is None:
        return False
    following = find_names(after[: possessive.end() + 80])
    if not following:
        return False
    person = following[0]
    between = after[possessive.end() : person.start]
    return (
        _ROLE_BETWEEN.fullmatch(between) is not None
        and person.kind == "person"
        and " " in person.name
        and not _WORK_AFTER.match(after[person.end :])
    )


# Between "the Kremlin's" and the person: nothing, or a role ("spokesman, ").
_ROLE_BETWEEN = re.compile(r"(?:\s*(?:[a-z-]+\s+){0,3}?[a-z-]+\s*,?)?\s*")


# "Smith's New Deal essay": the words after a possessive name a work, not a person.
_WORK_AFTER = re.compile(rf"^\s+(?:{_WORK_NOUNS})\b", re.I)
# A name followed by its own verb opens a clause of its own ("claimed the West had …").
_CLAUSE_GOES_ON = re.compile(
    r"^\s+(?:had|has|have|was|were|is|are|would|will|could|should|can|may|might|must|did|"
    r"does|do)\b"
)
# A person named as a preposition's object is not the subject of the verb that follows.
_OBJECT_OF_PREPOSITION = re.compile(
    r"\b(?:of|in|into|about|across|against|over|under|behind|between|on|at|for|from|to|"
    r"toward|towards|than|like)\s+(?:the\s+)?$",
    re.I,
)
_ACCORDING_BEFORE = re.compile(r"\b(?:according to|selon|laut)\s+(?:the\s+)?$", re.I)
_VENUE_BEFORE = re.compile(
    r"\b(?:told|tells|to|in|of|with|on|for|at|published in|writing in|writing for|"
    r"wrote in|appeared in|issue of|edition of)\s+(?:the\s+|a\s+|an\s+)?$",
    re.I,
)
_POSSESSIVE_WORK = re.compile(
    rf"^['’]s?\s+(?:[\w-]+\s+){{0,4}}?(?P<noun>{_WORK_NOUNS}|interview|speech|statement|"
    r"testimony|podcast|broadcast|remarks)\b",
    re.I,
)
# "Elizabeth Eisenstein's The Printing Press as an Agent of Change": a work by its title.
_POSSESSIVE_TITLE = re.compile(r"^['’]s\s+(?:\*|_)?[A-Z]")
PRONOUN_SPEECH = re.compile(
    rf"\b(?:he|she|they|it|we|i)\s+(?:also\s+|later\s+|then\s+)?(?:{SPEECH_VERBS})\b"
    rf"|\b(?:{SPEECH_VERBS})\s+(?:he|she|they)\b"
    rf"|\b(?:its|his|her|their)\s+(?:[\w-]+\s+)?(?:{_WORK_NOUNS}|authors?|spokes\w+)\b",
    re.I,
)
_POINTER = re.compile(
    r"\b(?:that|this|the same|the)\s+(?:agreement|article|essay|report|"
    r"review|study|piece|interview|speech|statement|paper|book|column|analysis|survey|"
    r"document|draft|deal|plan|memo|letter)\b|\b(?:added|continued|went on|goes on)\b",
    re.I,
)
# An author-year citation in parentheses: "(Sacks et al., 2001)", "(Card and Krueger 1994)".
_AUTHOR_YEAR = re.compile(
    r"\((?P<names>[A-Z][\w'’-]+(?:\s+(?:et\s+al\.?|and|&)\s*(?:[A-Z][\w'’-]+)?)*),?\s+"
    r"(?P<year>(?:19|20)\d\d)[a-z]?(?:,\s*pp?\.\s*[\d–-]+)?\)"
)
# "Hanushek (1999) disagreed", "Blatchford and Russell (2020, p. 44) argue".
_NARRATIVE_AUTHOR_YEAR = re.compile(
    r"\b(?P<names>[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+|\s+et\s+al\.?)?)\s+"
    r"\((?P<year>(?:19|20)\d\d)[a-z]?(?:,\s*pp?\.\s*[\d–-]+)?\)"
)
PERSON_PRONOUNS = re.compile(r"\b(?:he|she|his|her|him)\b", re.I)
THING_PRONOUNS = re.compile(r"\b(?:it|its)\b", re.I)

_MONTH = rf"(?:{names_pattern('en')})\.?"
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
    # A source the sentence describes without naming: "their press office replied".
    unnamed: str | None = None

    def names_a_source(self) -> bool:
        return bool(self.names_someone() or self.urls)

    def names_someone(self) -> bool:
        return bool(self.authors or self.speakers or self.publisher or self.title or self.unnamed)


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
    names = find_names(frame)
    for name in names:
        listed = previous is not None and _LISTED.fullmatch(frame[previous.end : name.start])
        if listed and previous in citation.authors + citation.speakers:
            _same_part_as(citation, previous, name)
        else:
            _place(citation, name, frame)
        previous = name
    _share_parts_backwards(citation, names, frame)
    for match in _NARRATIVE_AUTHOR_YEAR.finditer(frame):
        if not (citation.authors or citation.speakers):
            cited = re.split(r"\s+(?:et\s+al\.?|and|&)\s*", match.group("names"))
            citation.authors = [
                Name(n, n, match.start(), match.end(), "person") for n in cited if n
            ]
            citation.date = citation.date or match.group("year")
    for match in _AUTHOR_YEAR.finditer(frame):  # the most specific source there is
        cited = re.split(r"\s+(?:et\s+al\.?|and|&)\s*", match.group("names"))
        citation.authors = [Name(n, n, match.start(), match.end(), "person") for n in cited if n]
        citation.speakers = []
        citation.date = match.group("year")
        break
    if uncued and not (citation.authors or citation.speakers):
        getattr(citation, uncued).extend(_first_people(frame, [*emphasis, *titles]))
    for start, end in titles:
        citation.title = citation.title or frame[start:end].strip() or None
    for start, end in emphasis:
        text = frame[start:end].strip()
        if not _names_a_work(text) or any(
            n.start <= start < n.end for n in citation.authors + citation.speakers
        ):
            continue
        if _BOOK_BEFORE.search(frame[:start]) or (
            _WRITING_NOUNS.search(frame[max(0, start - 30) : start]) and citation.publisher
        ):
            citation.title = citation.title or text
        elif citation.publisher is None or citation.publisher in text:
            citation.publisher = text
        elif citation.title is None:
            citation.title = text
    citation.date, citation.date_text = find_date(frame)
    if not (citation.authors or citation.speakers or citation.publisher):
        citation.unnamed = _unnamed_source(frame) or _anonymous_source(frame)
    citation.points_back = not citation.names_a_source() and bool(
        PRONOUN_SPEECH.search(frame) or _POINTER.search(frame)
    )
    return citation


_DETERMINERS = r"the|a|an|my|our|their|his|her|its|le|la|les|un|une|die|der|das"
_UNNAMED = re.compile(
    rf"\b(?P<phrase>(?i:{_DETERMINERS})\s+"
    # the words between the determiner and the head: no verb, and no other determiner
    # ("For a decade the engineers promised": the engineers)
    r"(?:(?!(?:is|was|were|are|be|been|could|would|should|can|will|may|might|has|had|have|"
    rf"did|do|does|not|{_DETERMINERS})\b)[a-zà-ÿ'’-]+\s+){{0,3}}?"
    r"(?P<head>(?!(?:is|was|were|are|be|been|could|would|should|can|will|may|might|has|had|"
    r"have|did|do|does|not)\b)[a-zà-ÿ'’-]+))\s*(?:,[^,]{0,80},\s*)?"
    rf"(?:also\s+|later\s+|then\s+)?(?:{SPEECH_VERBS})\b(?!\s+(?:{SPEECH_VERBS})\b)"
)
# "my coach's advice was …: “Run the mile you're in.”": a described source's words.
_UNNAMED_WORDS = re.compile(
    rf"\b(?P<phrase>(?i:{_DETERMINERS})\s+(?:[a-zà-ÿ-]+\s+){{0,2}}?(?P<head>[a-zà-ÿ-]+))"
    r"['’]s\s+(?:advice|words|motto|mantra|line|saying|reply|answer|warning|message|verdict|"
    r"response|favourite line|favorite line)\b"
)
# Heads that point back to a work or its writers already named ("the report found", "its
# authors wrote"), not to a new source.
_POINTING_HEADS = re.compile(rf"^(?:{_WORK_NOUNS}|authors?|writers?|same|latter|former)$")


def _names_a_work(text: str) -> bool:
    """Italics name a publication or a work when they read like a name: capitalised, no
    figures, a few words ('12,500' or 'really' are emphasis, not a title)."""
    words = text.split()
    return (
        bool(words)
        and len(words) <= _MAX_WORK_WORDS
        and text[:1].isupper()
        and not any(char.isdigit() for char in text)
    )


_MAX_WORK_WORDS = 12


def _unnamed_source(frame: str) -> str | None:
    """'their press office replied that …', 'the city's transit authority promised': a source
    the article describes but does not name."""
    for pattern in (_UNNAMED, _UNNAMED_WORDS):
        for match in pattern.finditer(frame):
            if not _POINTING_HEADS.match(match.group("head")):
                return match.group("phrase")
    return None


# A source who asked not to be named: "One, who asked not to be named, said: …".
_ANONYMOUS = re.compile(
    r"(?:asked|requested|declined|wished) not to be (?:named|identified)|"
    r"on (?:the )?condition of anonymity|speaking anonymously|who (?:asked|requested) "
    r"anonymity|an anonymous (?:source|official)",
    re.I,
)


def _anonymous_source(frame: str) -> str | None:
    return "an unnamed source" if _ANONYMOUS.search(frame) else None


def _first_people(frame: str, set_apart: list[tuple[int, int]]) -> list[Name]:
    """The first person named by a full name (else the first named), and those listed with
    them ('A and B'), outside titles."""
    people: list[Name] = []
    names = [
        name
        for name in find_names(frame)
        if not any(start <= name.start < end for start, end in set_apart)
    ]
    full = [n for n in names if n.kind == "person" and " " in n.name]
    if full:
        names = names[names.index(full[0]) :]
    for name in names:
        if people and not re.fullmatch(r"\s*(?:and|&)\s*", frame[people[-1].end : name.start]):
            break
        if name.kind == "person":
            people.append(name)
        elif people:
            break
    return people


_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")


def _share_parts_backwards(citation: Citation, names: list[Name], frame: str) -> None:
    """'Hooghe and Stolle (2003) found': the verb follows the last name of a list."""
    for earlier, later in reversed(list(itertools.pairwise(names))):
        if earlier.kind != "person" or earlier in citation.authors + citation.speakers:
            continue
        if not _LISTED.fullmatch(frame[earlier.end : later.start]):
            continue
        for people in (citation.authors, citation.speakers):
            if later in people:
                people.insert(people.index(later), earlier)


def _same_part_as(citation: Citation, previous: Name, name: Name) -> None:
    """'by Fiona Hill and Angela Stent': a name listed after another plays its part."""
    for people in (citation.authors, citation.speakers):
        if previous in people and name.kind == "person":
            people.append(name)


def _place(citation: Citation, name: Name, frame: str) -> None:
    if name.name.casefold() in PLATFORMS:
        return  # "she added on Twitter": where it was said, not who said it
    before, after = frame[: name.start], frame[name.end :]
    if _TOLD_BEFORE.search(before):
        citation.publisher = citation.publisher or name.name
        return
    verb = _VERB_AFTER.match(after) or (
        # "said Smith", not "claimed the West had decided": that name opens what was said
        _VERB_BEFORE.search(before) if not _CLAUSE_GOES_ON.match(after) else None
    )
    possessive = _POSSESSIVE_WORK.match(after)
    if name.kind == "organisation":
        if verb or possessive or _BY_BEFORE.search(before) or _ACCORDING_BEFORE.search(before):
            citation.publisher = citation.publisher or name.name
        elif _VENUE_BEFORE.search(before) and citation.publisher is None:
            citation.publisher = name.name
        return
    if _affiliation(after):
        return  # "Google's Sundar Pichai said": where the speaker works, not a source
    if _BY_BEFORE.search(before) or _POSSESSIVE_TITLE.match(after):
        citation.authors.append(name)
    elif _OBJECT_OF_PREPOSITION.search(before) and not _VERB_BEFORE.search(before):
        return  # "who leads research into the spread of Covid, says": not who says it
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
        month = month_number(match.group("mn"), "en")
    if precision == "month":
        return f"{year}-{month:02d}", match.group()
    day = int(match.group("d"))
    if not 1 <= day <= 31:
        return f"{year}-{month:02d}", match.group()
    return f"{year}-{month:02d}-{day:02d}", match.group()


# --- reported speech --------------------------------------------------------------------

_REPORTED = re.compile(
    rf"\b(?P<verb>{CLAIM_VERBS})(?:\s+(?:in|on|at|during|to|after|before)\s+[^,.;]{{1,40}}?"
    rf"(?=\s+that\b))?(?P<that>\s+that)?\s+(?P<clause>.+?)\s*[.!?]?\s*$",
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
# "There are 12,500 cameras in the schools, said Superintendent Robert Runcie, and …": the
# claim comes first, its source after the verb.
_SAID_AFTER = re.compile(
    rf"^(?P<clause>.{{12,}}?),\s+(?:{VERBS_AFTER_A_CLAIM})\s+"
    r"(?P<source>(?:[A-Z][\w.'’-]*\s*){1,6}?)\s*(?:,|[.!?]?\s*$)"
)
# "told reporters the talks had failed": told someone, then what, without "that".
_TOLD_WITHOUT_THAT = re.compile(r"^told (?:me|us|him|her|them|reporters|journalists)$", re.I)


@dataclass(frozen=True)
class ReportedClaim:
    text: str
    # The stretch of the sentence that names the claim's source, with its verb or
    # "according to": before the claim ("X said that …") or after it ("…, said X").
    source_start: int
    source_end: int


def find_reported_claim(sentence: str) -> ReportedClaim | None:
    """The statement a sentence reports in indirect speech ("X said that …")."""
    sentence = sentence.rstrip()
    first = _ACCORDING_FIRST.match(sentence)
    if first and _claim_words(first.group("clause")):
        return ReportedClaim(_tidy_claim(first.group("clause")), 0, first.start("clause"))
    for after in (_ACCORDING_LAST, _SAID_AFTER):
        match = after.match(sentence)
        if match and _claim_words(match.group("clause")):
            return ReportedClaim(
                _tidy_claim(match.group("clause")), match.end("clause"), len(sentence)
            )
    for match in _REPORTED.finditer(sentence):
        verb = match.group("verb").lower()
        if not (
            match.group("that") or verb in _SAID_WITHOUT_THAT or _TOLD_WITHOUT_THAT.match(verb)
        ):
            continue
        clause = match.group("clause").strip()
        if not match.group("that") and _OBJECT_NOT_CLAUSE.match(clause):
            continue  # "said nothing we did not know": what was said is not a statement
        subject = sentence[: match.start()]
        if not _claim_words(clause) or not (
            find_names(subject)
            or _PRONOUN_SUBJECT.search(subject)
            or _UNNAMED.search(sentence[: match.end("verb")])  # "the electoral commission said"
        ):
            continue
        return ReportedClaim(_tidy_claim(clause), 0, match.start("clause"))
    return None


_OBJECT_NOT_CLAUSE = re.compile(
    r"(?:nothing|something|anything|everything|little|much|so|yes|no|goodbye|hello|sorry|"
    r"thanks|this|these|those|a few words|a lot)\b",
    re.I,
)
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|they|it|we)\s+(?:\w+\s+)?$", re.I)


def _claim_words(clause: str) -> bool:
    return len(re.findall(r"\w+", clause)) >= _MIN_CLAIM_WORDS


def _tidy_claim(clause: str) -> str:
    """The claim's words alone: no closing bracket or full stop, no lead-in label
    ("Read this fact: …")."""
    clause = re.sub(r"\s+", " ", clause).strip().rstrip(".!?;, )]")
    label = re.match(r"^(?:[\w'’-]+\s+){0,3}[\w'’-]+:\s+(?=\S)", clause)
    return clause[label.end() :] if label else clause


_TRAILING_CLAIM = re.compile(
    rf"^\W*(?:and|but|while)\s+(?:also\s+)?(?:{VERBS_AFTER_A_CLAIM})"
    r"(?:\s+that)?\s+(?P<clause>.+?)\s*[.!?]?\s*$",
    re.I,
)


def find_trailing_claim(text: str) -> str | None:
    """The claim in what follows a sentence's last quotation: '… and said that X.'"""
    match = _TRAILING_CLAIM.match(text.strip())
    if match is None or '"' in match.group("clause") or "“" in match.group("clause"):
        return None
    clause = match.group("clause")
    return _tidy_claim(clause) if _claim_words(clause) else None
