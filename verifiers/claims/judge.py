"""Is an indirect statement ("she said that ...") supported by the reference's sources?

Passages (each sentence, and each pair of neighbouring sentences) of every readable source
are ranked by BM25 over content-word stems. The claim is `supported` only when the best
passage holds nearly all of its content words with the same negation and the same
numbers; `needs_review` with the three best passages when they share a good part of it;
`no_evidence` otherwise (the thresholds are in verifiers.claims.policy). With the optional
`semantic` extra, the passages that qualify are ordered by meaning rather than by BM25.
Calling support that is not there is the failure this module is built to avoid, so the bar
for it is high. A source's correction, clarification or retraction that concerns the claim
is always shown, with a note.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from verifiers.claims import semantic
from verifiers.claims.policy import (
    BM25_B,
    BM25_K1,
    EVIDENCE_MIN_SHARE,
    JUDGED_PASSAGES,
    MAX_EVIDENCE,
    PASSAGE_WINDOW_UNITS,
    SEMANTIC_POOL,
)
from verifiers.claims.stance import Judgment, Words, judge_passage, words_of
from verifiers.claims.subjects import LOOK_BACK_CHARS, with_subject
from verifiers.documents import Document
from verifiers.documents.fragments import collapse
from verifiers.language.folding import SENTENCE_BREAK
from verifiers.language.words import is_content_word, stem
from verifiers.model import ClaimFinding, ClaimVerdict, Evidence

__all__ = ["check_claim"]

# A source correcting itself: a correction's label opening a passage ("Correction:",
# "Update —"), or the words with which a page or a person takes something back. Ordinary
# words that merely contain these ("the corrected data set", "they later said", a
# wiki's "[clarification needed]") are not corrections.
_CORRECTION = re.compile(
    r"^\W*(?:correction|clarification|update|editor's note|berichtigung|korrektur|"
    r"richtigstellung|rectificatif|rectification|fe de erratas|aclaración)\s*[:\-–—]"
    r"|\b(?:an earlier version of this|this (?:article|story|report) (?:has been|was) "
    r"(?:corrected|updated|amended)|walked back|walks back|walking back|retracted|"
    r"retracts|retraction|sought to clarify|later clarified|has since clarified|"
    r"backtracked|softened (?:that|the|this|his|her|their) (?:claim|remark|remarks|comment|"
    r"comments|statement|position))\b",
    re.IGNORECASE,
)


_NOTHING_SHARED = (
    f"No passage of the sources holds {round(100 * EVIDENCE_MIN_SHARE)} % of the claim's "
    "content words."
)


@dataclass(frozen=True)
class _Passage:
    url: str
    text: str
    stems: Counter[str]
    correction: bool
    begin: int  # where the passage starts in its document's text


@dataclass(frozen=True)
class _PageIndex:
    """A page's passages, and for each content stem the passages that hold it."""

    passages: list[_Passage]
    postings: dict[str, list[tuple[int, int]]]  # stem -> (passage number, count in it)
    lengths: list[int]  # content words per passage
    # BM25's length normalisation per passage, for the average length it was worked out for.
    norms: dict[float, list[float]] = field(default_factory=dict)

    def normalised(self, average: float) -> list[float]:
        if average not in self.norms:
            self.norms.clear()
            self.norms[average] = [
                BM25_K1 * (1 - BM25_B + BM25_B * length / average) for length in self.lengths
            ]
        return self.norms[average]


_PASSAGES: WeakKeyDictionary[Document, _PageIndex] = WeakKeyDictionary()


def check_claim(text: str, documents: list[Document], by_meaning: bool = False) -> ClaimFinding:
    """The claim's verdict and evidence among the documents' passages; `by_meaning` orders
    the passages that qualify by the meaning model (the `semantic` extra, when installed)."""
    claim = words_of(text)
    wanted = {stem(word) for word in claim.folded if is_content_word(word)}
    pages = [_passages(document) for document in documents]
    passages = [passage for page in pages for passage in page.passages]
    if not wanted or not passages:
        return ClaimFinding(text, "no_evidence", [], "The sources hold no passage to weigh.")
    ranked = _rank(wanted, pages)

    def qualifies(passage: _Passage) -> bool:
        # A correction is shown as such, and never supports what it corrects.
        return not passage.correction and _share(wanted, passage) >= EVIDENCE_MIN_SHARE

    # The best that qualify, as many as are judged: the rest would never be shown.
    qualifying = (passage for _, passage in ranked if qualifies(passage))
    candidates = list(itertools.islice(qualifying, JUDGED_PASSAGES))
    # Order by meaning only when there is an order to choose: the model costs seconds.
    if by_meaning and len(candidates) > 1 and semantic.installed():
        pool = [passage for _, passage in ranked[:SEMANTIC_POOL] if qualifies(passage)]
        similar = semantic.similarities(text, [passage.text for passage in pool])
        order = sorted(zip(similar, pool, strict=True), key=lambda pair: -pair[0])
        candidates = [passage for _, passage in order]
    correction = next((p for _, p in ranked if p.correction), None)
    corrections = [_shown(wanted, correction, Judgment("related"))] if correction else []
    if not candidates:
        return ClaimFinding(text, "no_evidence", _evidence(corrections), _NOTHING_SHARED)
    pages = {document.url: document for document in documents}
    judged = [
        _shown(wanted, passage, judge_passage(claim, _words(passage, claim, pages[passage.url])))
        for passage in candidates[:JUDGED_PASSAGES]
    ]
    supports = [item for item in judged if item[2].stance == "supports"]
    contradicts = [item for item in judged if item[2].stance == "contradicts"]
    verdict: ClaimVerdict = "needs_review"
    explanation = "Passages bear on the claim, but none says the same or otherwise."
    if supports and not contradicts:
        verdict, explanation = "supported", f"{supports[0][1].url} says the same."
    elif contradicts and not supports:
        verdict = "contradicted"
        explanation = f"{contradicts[0][1].url} says otherwise: {contradicts[0][2].reason}."
    elif supports:
        explanation = (
            f"The source both says the same and says otherwise ({contradicts[0][2].reason})."
        )
    shown = _first_apart([*supports[:1], *contradicts[:1], *judged])
    return ClaimFinding(text, verdict, _evidence(shown + corrections), explanation)


def _shown(
    wanted: set[str], passage: _Passage, judgment: Judgment
) -> tuple[float, _Passage, Judgment]:
    return round(_share(wanted, passage), 2), passage, judgment


def _first_apart(items: list[tuple[float, _Passage, Judgment]]) -> list:
    """The first MAX_EVIDENCE passages that do not overlap one another."""
    kept: list[tuple[float, _Passage, Judgment]] = []
    for item in items:
        if not any(_overlaps(item[1], other[1]) for other in kept):
            kept.append(item)
        if len(kept) == MAX_EVIDENCE:
            break
    return kept


def _words(passage: _Passage, claim: Words, document: Document) -> Words:
    """The passage's words, its opening pronoun read as the claim's subject where the page
    names that subject just before (verifiers.claims.subjects)."""
    words = words_of(passage.text)
    before = document.text[max(0, passage.begin - LOOK_BACK_CHARS) : passage.begin]
    return with_subject(words, claim, before, document.metadata.title)


def _share(wanted: set[str], passage: _Passage) -> float:
    """The share of the claim's content stems the passage holds."""
    return len(wanted & passage.stems.keys()) / len(wanted)


def _passages(document: Document) -> _PageIndex:
    """The page's passages, indexed by stem; cut once per page, however many claims are
    checked against it."""
    cached = _PASSAGES.get(document)
    if cached is None:
        passages = _cut_passages(document)
        postings: dict[str, list[tuple[int, int]]] = {}
        for number, passage in enumerate(passages):
            for term, count in passage.stems.items():
                postings.setdefault(term, []).append((number, count))
        lengths = [sum(passage.stems.values()) for passage in passages]
        cached = _PASSAGES[document] = _PageIndex(passages, postings, lengths)
    return cached


def _cut_passages(document: Document) -> list[_Passage]:
    """Units — sentences, and lines that end without a full stop (headings, list items,
    table rows) — each alone, each with the next, and runs of up to PASSAGE_WINDOW_UNITS
    lines: support may be spread over a list's items."""
    index = document.index
    units, lines, start = [], [], 0
    for position in range(len(index)):
        if ends := _unit_end(document, position):
            units.append((start, position))
            lines.append(ends == "line")
            start = position + 1
    spans = [
        (units[first][0], units[first + size - 1][1])
        for size in range(1, PASSAGE_WINDOW_UNITS + 1)
        for first in range(len(units) - size + 1)
        if size <= 2 or all(lines[first : first + size])
    ]
    passages = []
    for first, last in spans:
        words = [index.word_at(p) for p in range(first, last + 1)]
        begin, end = index.span(first, last)
        text = collapse(document.text[begin:end])
        stems = Counter(stem(word) for word in words if is_content_word(word))
        correction = bool(_CORRECTION.search(text))
        passages.append(_Passage(document.url, text, stems, correction, begin))
    return passages


def _unit_end(document: Document, position: int) -> str | None:
    """ "sentence" when a sentence ends at this word, "line" when only its line does."""
    index = document.index
    if position == len(index) - 1 or index.breaks[position] & SENTENCE_BREAK:
        return "sentence"
    if "\n" in document.text[index.ends[position] : index.starts[position + 1]]:
        return "line"
    return None


def _rank(wanted: set[str], pages: list[_PageIndex]) -> list[tuple[float, _Passage]]:
    """Passages by BM25 score for the claim's stems, best first (zero scores left out);
    only the passages that hold one of the stems are scored."""
    count = sum(len(page.passages) for page in pages)
    if not count:
        return []
    average = sum(sum(page.lengths) for page in pages) / count or 1.0
    frequency = {term: sum(len(page.postings.get(term, ())) for page in pages) for term in wanted}
    scored = []
    for page_number, page in enumerate(pages):
        scores: dict[int, float] = {}
        norms = page.normalised(average)
        for term in wanted:
            postings = page.postings.get(term)
            if not postings:
                continue
            idf = math.log(1 + (count - frequency[term] + 0.5) / (frequency[term] + 0.5))
            weight = idf * (BM25_K1 + 1)
            for number, tf in postings:
                scores[number] = scores.get(number, 0.0) + weight * tf / (tf + norms[number])
        scored += [(score, page_number, n, page.passages[n]) for n, score in scores.items()]
    # Ties keep the pages' order, and each page's passages in their order.
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    return [(score, passage) for score, _, _, passage in scored if score > 0]


def _overlaps(a: _Passage, b: _Passage) -> bool:
    return a.url == b.url and (a.text in b.text or b.text in a.text)


def _evidence(found: list[tuple[float, _Passage, Judgment]]) -> list[Evidence]:
    return [
        Evidence(
            passage.url,
            passage.text,
            share,
            "the source corrects, clarifies or retracts here" if passage.correction else None,
            judgment.stance,
        )
        for share, passage, judgment in found
    ]
