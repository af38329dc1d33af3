"""From an article to the references it cites: its quotations and reported claims, each
with the source the article gives for it, grouped one reference per source.

A quotation's source is read from its own sentence first. A sentence that names no source
("he added", "Under that agreement, …", or no attribution at all) points back to the source
named last; with none before it, the next sentence and then the previous one are read. A
block quotation is attributed by its closing dash line or by the sentence that leads into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from verifiers.documents.fragments import same_page
from verifiers.inputs.article_text import ArticleText, Block
from verifiers.inputs.citations import (
    PERSON_PRONOUNS,
    PRONOUN_SPEECH,
    THING_PRONOUNS,
    Citation,
    find_reported_claim,
    find_trailing_claim,
    read_citation,
)
from verifiers.inputs.quotations import QuotedSpan, find_quoted_spans
from verifiers.language.abbreviations import is_abbreviation
from verifiers.language.first_names import Gender, gender_of
from verifiers.language.names import PLATFORMS, Name, find_names, surname
from verifiers.report.slug import slugify

__all__ = ["find_references", "split_sentences"]

UNATTRIBUTED = "Unattributed quotations"
# Quotations of at most this many words are kept only when their own sentence names a source.
_SHORT_QUOTATION = 2
# A full stop, closing marks, a footnote marker ("[1]", "[^1]", "¹" or a bare number
# from a <sup>), then space, any opening mark („ « » ‚ too) and a capital (Ä, É too).
_SENTENCE_END = re.compile(
    r"[.!?…]+[\"”’»«“)\]]*(?:\[\^?\w{1,4}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,3})?\s+"
    r"(?=[\"“‘«»„‚‹›(\[]?[A-ZÀ-ÖØ-Þ0-9])"
)


# A caption's credit ("© Getty Images …", "Photograph: Paul Ellis/AFP") and a credit in
# brackets ("(Photo by Christopher Furlong/Getty Images)"): their names are the picture's
# makers, never the speaker a later "he says" points back to.
_PICTURE_CREDIT = re.compile(
    r"^\s*(?:©|\(c\)\s|(?:photo(?:graph)?|foto|bild|image|picture|credit)s?(?:\s+by)?\s*:)",
    re.IGNORECASE,
)
_CREDIT_IN_BRACKETS = re.compile(
    r"\((?:[^()]*\b(?:photo(?:graph)?|foto|bild|picture|credit)s?\b|[^()]*\b(?:getty images|"
    r"reuters|afp|ap photo|dpa|epa|imago|shutterstock|alamy)\b)[^()]*\)",
    re.IGNORECASE,
)


# Words that mark German text, whose nouns are all capitalised.
_GERMAN_WORDS = frozenset("der die das und nicht ist mit sich auch auf ein eine dass wird".split())
_ENGLISH_WORDS = frozenset("the and of is to that with for was are this it".split())


def _capitalises_nouns(article: ArticleText) -> bool:
    """Whether the article is in German, where a capital does not mark a name."""
    words = re.findall(r"[a-zäöüß]+", " ".join(block.text for block in article.blocks).lower())
    german = sum(1 for word in words if word in _GERMAN_WORDS)
    english = sum(1 for word in words if word in _ENGLISH_WORDS)
    return german > 2 * english and german >= 5


def _bare_question(quotations: list[QuotedSpan], frame: str) -> bool:
    """A sentence that is nothing but a quoted question."""
    return quotations[-1].text.rstrip().endswith("?") and not re.sub(r"[\W_]+", "", frame)


def _pronoun_gender(said: str) -> Gender | None:
    words = set(re.findall(r"\w+", said.casefold()))
    if words & {"he", "him", "his"}:
        return "male"
    if words & {"she", "her"}:
        return "female"
    return None


def _mentioned(text: str) -> list[Name]:
    """The names a later "he said" may point back to. Not one capitalised word that is a
    place or a thing more often than a person: after a preposition ("the spread of Covid",
    "in Hamburg"), after a place and a comma ("Fresno, Calif."), used as an adjective
    between a determiner and a noun ("the firm's Boca office", "a German engineer", "the
    Obama campaign"), or a platform ("on Twitter")."""
    return [
        name
        for name in find_names(text)
        if name.kind != "person" or " " in name.name or not _in_passing(name, text)
    ]


def _in_passing(name: Name, text: str) -> bool:
    before, after = text[: name.start], text[name.end :]
    return bool(
        _AFTER_PREPOSITION.search(before)
        or _AFTER_PLACE.search(before)
        or (_AFTER_DETERMINER.search(before) and _BEFORE_NOUN.match(after))
        or name.name.casefold() in PLATFORMS
    )


_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|in|into|across|from|to|at|on|over|through|throughout|outside|inside|near)\s+$",
    re.IGNORECASE,
)
_AFTER_PLACE = re.compile(r"\b[A-Z][\w'’-]+,\s+$")
_AFTER_DETERMINER = re.compile(r"\b(?:the|a|an|its|his|her|their|our|\w+['’]s)\s+$", re.IGNORECASE)
_BEFORE_NOUN = re.compile(r"\.?\s+[a-z][\w-]+")


def _blank(match: re.Match) -> str:
    return " " * len(match.group())


@dataclass
class _Source:
    """One reference being assembled from the sentences that cite it."""

    authors: list[str] = field(default_factory=list)
    authors_as_written: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    speakers_as_written: list[str] = field(default_factory=list)
    publisher: str | None = None
    title: str | None = None
    unnamed: str | None = None
    date: str | None = None
    date_text: str | None = None
    urls: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)

    def surnames(self) -> set[str]:
        return {surname(name) for name in self.authors + self.speakers}


def find_references(article: ArticleText) -> dict:
    """The article's references as manifest data (CONTRACT format, `speakers` added)."""
    spans = find_quoted_spans(article)
    reader = _Reader(article, spans)
    reader.read()
    if _capitalises_nouns(article):
        reader.fold_uninitiated_names()
    for source in reader.sources:
        if not source.urls:
            _complete_from_cited_works(source, article.cited_works)
    references = [_as_manifest_entry(source) for source in reader.sources]
    taken: set[str] = set()
    for entry, source in zip(references, reader.sources, strict=True):
        entry["id"] = _unique(_short_id(source), taken)
    data: dict = {"references": references}
    article_fields = {"title": article.title, "url": article.url}
    if any(article_fields.values()):
        data = {"article": {k: v for k, v in article_fields.items() if v}, **data}
    return data


class _Reader:
    """Reads the blocks in order, keeping the sources named so far and every name seen, so
    that "he said" finds its speaker and "the same report" its report."""

    def __init__(self, article: ArticleText, spans: list[QuotedSpan]) -> None:
        self.article = article
        self.spans = spans
        self.sources: list[_Source] = []
        self.last: _Source | None = None
        self.before_last: _Source | None = None  # the source quoted before the last one
        self.mentions: list[Name] = []
        self._base = article.url or (
            article.location if article.location.startswith(("http://", "https://")) else None
        )

    def read(self) -> None:
        blocks = self.article.blocks
        inside_run_on = {
            index
            for span in self.spans
            for index in range(span.block + 1, span.last_block + 1)
            if span.kind == "inline"
        }
        for index, block in enumerate(blocks):
            if block.kind == "heading" or _PICTURE_CREDIT.match(block.text):
                continue  # a picture's credit names its photographer, not a source
            if block.kind == "blockquote":
                for span in self.spans:
                    if span.kind == "block" and span.block == index and span.role == "quotation":
                        self._block_quotation(span)
                continue
            self._paragraph(index, block, claims=index not in inside_run_on)

    def _paragraph(self, index: int, block: Block, claims: bool) -> None:
        spans = [s for s in self.spans if s.block == index and s.kind != "block"]
        sentences = split_sentences(block.text, [(s.start, s.end) for s in spans])
        for number, (start, end) in enumerate(sentences):
            quotations = [s for s in spans if start <= s.start < end and s.role == "quotation"]
            frame = _masked(block.text, start, end, spans)
            if quotations:
                self._quotations(index, block, sentences, number, spans, quotations)
                if claims:
                    self._claim_after(block.text[quotations[-1].end : end])
            elif claims:
                self._reported_claim(block, start, end, spans)
            self.mentions.extend(_mentioned(_CREDIT_IN_BRACKETS.sub(_blank, frame)))

    def _quotations(self, index, block, sentences, number, spans, quotations) -> None:
        start, end = sentences[number]
        introduced = re.search(r":\s*[\"“‘'«„]?$", block.text[start : quotations[0].start])
        citation = self._citation(block, start, end, spans, "speakers" if introduced else None)
        for span in quotations:
            if span.cite_url:
                citation.urls.insert(0, self._url(span.cite_url))
        frame = _masked(block.text, start, end, spans)
        if not citation.names_someone():
            # A quotation of a word or two is the words of whoever its own sentence names:
            # carried over to a source named elsewhere, it would be checked against the
            # wrong pages ("Critics call this “consultation theatre”").
            quotations = [s for s in quotations if len(s.text.split()) > _SHORT_QUOTATION]
            if not quotations:
                return
            found = (
                self._pronoun(frame)
                or self._lead_in(index, number)
                or self._neighbour(block, sentences, number, spans, citation)
            )
            found.urls = list(dict.fromkeys([*citation.urls, *found.urls]))
            citation = found
        elif not (citation.authors or citation.speakers):
            # "…,” he told Sky Sports: the outlet is named, the speaker only by pronoun.
            speaker = self._pronoun(frame)
            if speaker is not None:
                citation.speakers = speaker.speakers
        if not citation.names_a_source() and _bare_question(quotations, frame):
            source = self._turn_back()
        else:
            source = self._attach(citation)
        source.quotes.extend(s.text for s in quotations if s.text not in source.quotes)

    def _turn_back(self) -> _Source:
        """A bare question after one person's answer to another: in a dialogue the turn
        goes back to whoever asked before ("And what did the bank do?")."""
        if self.before_last is None or self.last is None:
            return self._attach(Citation())
        self.before_last, self.last = self.last, self.before_last
        return self.last

    def _pronoun(self, frame: str) -> Citation | None:
        """'…,” she said': the last person named before; 'its report': the last body."""
        match = PRONOUN_SPEECH.search(frame)
        if match is None:
            return None
        said = match.group()
        wanted = (
            "person"
            if PERSON_PRONOUNS.search(said)
            else "organisation"
            if THING_PRONOUNS.search(said)
            else None
        )
        gender = _pronoun_gender(said)
        before = [n for n in find_names(frame) if n.end <= match.start()]
        for name in reversed([*self.mentions, *before]):
            if name.kind == "person" and gender and gender_of(name.name) not in (gender, None):
                continue  # "he said" is not Kate Summers
            if wanted is None or name.kind == wanted:
                if name.kind == "organisation":
                    return Citation(publisher=name.name)
                return Citation(speakers=[name])
        return None

    def _lead_in(self, index: int, number: int) -> Citation | None:
        """A paragraph that opens with a quotation, after one that ends 'X wrote:'."""
        if number or index == 0:
            return None
        lead = self.article.blocks[index - 1]
        if lead.kind not in ("paragraph", "item") or not lead.text.rstrip().endswith(":"):
            return None
        citation = self._last_sentence_citation(index - 1, "speakers")
        return citation if citation.names_someone() else None

    def _last_sentence_citation(self, index: int, uncued: str) -> Citation:
        block = self.article.blocks[index]
        spans = [s for s in self.spans if s.block == index and s.kind != "block"]
        sentences = split_sentences(block.text, [(s.start, s.end) for s in spans])
        start, end = sentences[-1] if sentences else (0, len(block.text))
        return self._citation(block, start, end, spans, uncued)

    def _reported_claim(self, block: Block, start: int, end: int, spans) -> None:
        claim = find_reported_claim(block.text[start:end])
        if claim is None:
            return
        named = (start + claim.source_start, start + claim.source_end)
        citation = self._citation(block, *named, spans)
        if not citation.names_a_source():
            frame = _masked(block.text, *named, spans)
            citation = self._pronoun(frame) or Citation()
            if not citation.names_a_source():
                return
        self._attach(citation).claims.append(claim.text)

    def _claim_after(self, text: str) -> None:
        """'…called the strike “unnecessary” and said buses would run': a claim of the
        quotation's own source."""
        claim = find_trailing_claim(text)
        if claim and self.last is not None and claim not in self.last.claims:
            self.last.claims.append(claim)

    def _block_quotation(self, span: QuotedSpan) -> None:
        blocks = self.article.blocks
        citation = Citation()
        for index in range(span.last_block + 1, len(blocks)):
            if blocks[index].group != blocks[span.block].group:
                break
            block = blocks[index]
            citation = self._citation(block, 0, len(block.text), [], uncued="authors")
            self.mentions.extend(_mentioned(block.text))
        leads_in = span.block > 0 and blocks[span.block - 1].kind in ("paragraph", "item")
        if not citation.names_a_source() and leads_in:
            citation = self._last_sentence_citation(span.block - 1, "speakers")
        if span.cite_url:
            citation.urls.insert(0, self._url(span.cite_url))
        if not citation.names_a_source():
            citation.points_back = True
        source = self._attach(citation)
        if span.text not in source.quotes:
            source.quotes.append(span.text)

    def _citation(
        self,
        block: Block,
        start: int,
        end: int,
        spans: list[QuotedSpan],
        uncued: str | None = None,
    ) -> Citation:
        """The citation one stretch of a block gives, its quoted words masked."""
        frame = _masked(block.text, start, end, spans)
        emphasis, cited_titles = (
            [
                (s.start - start, s.end - start)
                for s in block.spans
                if s.kind == kind and start <= s.start < end
            ]
            for kind in ("emphasis", "cite")
        )
        citation = read_citation(frame, emphasis, cited_titles, uncued)
        titles = [s.text for s in spans if s.role == "title" and start <= s.start < end]
        if titles and not citation.title:
            citation.title = titles[0]
        citation.urls = [
            self._url(s.href)
            for s in block.spans
            if s.kind == "link" and s.href and start <= s.start < end
        ]
        citation.urls = [
            # A link to the article itself (or a place in it) is never a source: verified
            # against itself, any quotation would hold.
            url
            for url in dict.fromkeys(citation.urls)
            if _is_web(url) and not same_page(url, self._base)
        ]
        return citation

    def _neighbour(self, block, sentences, number, spans, own: Citation) -> Citation:
        if own.points_back and self.last is not None:
            return own
        # The next sentence may name the source ("That was how Smith put it"); the one
        # before may name the speaker without a verb ("Senator Moreno held up a printout.").
        for other, uncued in ((number + 1, None), (number - 1, "speakers")):
            if 0 <= other < len(sentences):
                start, end = sentences[other]
                if any(start <= s.start < end for s in spans if s.role == "quotation"):
                    continue
                citation = self._citation(block, start, end, spans, uncued)
                if citation.names_someone():
                    return citation
        own.points_back = True
        return own

    def _attach(self, citation: Citation) -> _Source:
        if not citation.names_a_source():
            source = self.last if self.last is not None else self._unattributed()
        else:
            source = next((s for s in self.sources if _same_source(s, citation)), None)
            if source is None:
                source = _Source()
                self.sources.append(source)
            _merge(source, citation)
        if source is not self.last:
            self.before_last, self.last = self.last, source
        return source

    def fold_uninitiated_names(self) -> None:
        """In a language that capitalises its nouns, one capitalised word ("Weiter",
        "Kind") is a person only when the article named someone by it in full before
        ("Göbel" after "Hans Göbel"): the other sources' words become unattributed."""
        named_in_full = {
            part
            for name in self.mentions
            if name.kind == "person" and " " in name.name
            for part in name.name.split()
        } | {
            part
            for source in self.sources
            for name in source.authors + source.speakers
            if " " in name
            for part in name.split()
        }
        for source in list(self.sources):
            people = source.authors + source.speakers
            if (
                not people
                or source.urls
                or source.publisher
                or any(" " in name or name in named_in_full for name in people)
            ):
                continue
            self.sources.remove(source)
            unattributed = self._unattributed()
            unattributed.quotes.extend(q for q in source.quotes if q not in unattributed.quotes)
            unattributed.claims.extend(c for c in source.claims if c not in unattributed.claims)

    def _unattributed(self) -> _Source:
        for source in self.sources:
            if source.title == UNATTRIBUTED:
                return source
        source = _Source(title=UNATTRIBUTED)
        self.sources.append(source)
        return source

    def _url(self, href: str) -> str:
        return urljoin(self._base, href) if self._base else href


def _masked(text: str, start: int, end: int, spans: list[QuotedSpan]) -> str:
    """text[start:end] with every quoted passage blanked out: quoted words name no source."""
    masked = list(text[start:end])
    for span in spans:
        for position in range(max(span.start, start), min(span.end, end)):
            masked[position - start] = " "
    return "".join(masked)


def split_sentences(text: str, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each sentence. Full stops inside quotations end a sentence only when
    they close the quotation; abbreviations and initials ("U.S.", "Dr.") never do."""
    masked = list(text)
    for start, end in quoted:  # the first letter stays: it may open a sentence
        for position in range(start + 1, min(end, len(text))):
            masked[position] = "x"
        if 0 < end <= len(text) and text[end - 1] in ".!?…":
            masked[end - 1] = text[end - 1]
    plain = "".join(masked)
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(plain):
        word = re.search(r"([\w.]+)$", plain[start : match.start()])
        last_word = word.group(1).lower().rstrip(".") if word else ""
        if len(last_word) == 1 or is_abbreviation(last_word):
            continue
        sentences.append((start, match.end()))
        start = match.end()
    if start < len(text):
        sentences.append((start, len(text)))
    return sentences


def _same_source(source: _Source, citation: Citation) -> bool:
    if set(source.urls) & set(citation.urls):
        return True
    if source.urls and citation.urls:
        return False
    if citation.title and source.title:
        return citation.title.casefold() == source.title.casefold()
    if citation.unnamed or source.unnamed:
        # "the authority's account" is "the city's transit authority" met before.
        return bool(citation.unnamed and source.unnamed) and (
            _head(source.unnamed) in citation.unnamed.casefold()
            or _head(citation.unnamed) in source.unnamed.casefold()
        )
    people = {surname(n.name) for n in citation.authors + citation.speakers}
    same_people = bool(people & source.surnames())
    publishers_agree = (
        not citation.publisher
        or not source.publisher
        or citation.publisher.casefold() == source.publisher.casefold()
    )
    if same_people:
        return publishers_agree
    if people and source.surnames():
        return False
    return bool(
        citation.publisher
        and source.publisher
        and citation.publisher.casefold() == source.publisher.casefold()
    )


def _head(phrase: str) -> str:
    return phrase.casefold().split()[-1].removesuffix("'s").removesuffix("’s")


def _merge(source: _Source, citation: Citation) -> None:
    for name in citation.authors:
        if surname(name.name) not in {surname(a) for a in source.authors}:
            source.authors.append(name.name)
            source.authors_as_written.append(name.text)
    for name in citation.speakers:
        if surname(name.name) not in {surname(s) for s in source.speakers + source.authors}:
            source.speakers.append(name.name)
            source.speakers_as_written.append(name.text)
    source.publisher = source.publisher or citation.publisher
    source.unnamed = source.unnamed or citation.unnamed
    source.title = source.title or citation.title
    if citation.date and not source.date:
        source.date, source.date_text = citation.date, citation.date_text
    source.urls.extend(url for url in citation.urls if url not in source.urls)


def _as_manifest_entry(source: _Source) -> dict:
    people = " and ".join(source.authors_as_written or source.speakers_as_written)
    parts = [
        people or source.unnamed,
        f"“{source.title}”"
        if source.title and source.title not in (UNATTRIBUTED, source.publisher)
        else None,
        source.publisher,
        source.date_text,
    ]
    cite = ", ".join(part for part in parts if part) or UNATTRIBUTED
    if source.title == UNATTRIBUTED and not people:
        cite = UNATTRIBUTED
    entry: dict = {"cite": cite}
    if source.authors:
        entry["authors"] = list(source.authors)
    if source.speakers:
        entry["speakers"] = list(source.speakers)
    if source.publisher:
        entry["publisher"] = source.publisher
    if source.date:
        entry["date"] = source.date
    if source.urls:
        entry["urls"] = list(source.urls)
    if source.quotes:
        entry["quotes"] = list(source.quotes)
    if source.claims:
        entry["claims"] = list(source.claims)
    return entry


def _complete_from_cited_works(source: _Source, works: list[dict[str, list[str]]]) -> None:
    """A scholarly page lists the works it cites in `citation_reference` metadata: the one
    by the same author, or with the same title, gives the reference its address."""
    for work in works:
        surnames = {surname(_name_order(author)) for author in work.get("author", [])}
        titles = {title.casefold() for title in work.get("title", [])}
        same_title = bool(source.title and source.title.casefold() in titles)
        if not (same_title or surnames & source.surnames()):
            continue
        doi = next(iter(work.get("doi", [])), None)
        addresses = [f"https://doi.org/{doi}"] if doi else []
        for key in ("fulltext_html_url", "abstract_html_url", "pdf_url", "url"):
            addresses.extend(work.get(key, []))
        source.urls.extend(url for url in addresses if _is_web(url))
        source.publisher = source.publisher or next(iter(work.get("journal_title", [])), None)
        source.title = source.title or next(iter(work.get("title", [])), None)
        return


def _name_order(name: str) -> str:
    """'Okonkwo, Ada' → 'Ada Okonkwo'."""
    family, comma, given = name.partition(",")
    return f"{given.strip()} {family.strip()}" if comma else name


def _short_id(source: _Source) -> str:
    """'hill-stent-2022', 'bennett', 'institute-for-urban-mobility-2024': who, else where,
    and the year."""
    people = [surname(name) for name in source.authors or source.speakers][:2]
    parts = people or [source.publisher or source.title or source.unnamed or "unattributed"]
    if source.date:
        parts.append(source.date[:4])
    return slugify(" ".join(parts), max_length=40) or "reference"


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _is_web(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")
