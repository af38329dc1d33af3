"""The verdict on one quotation: exact first, approximate after, paraphrase last.

Against each readable source the quotation is looked for word for word (with its
editorial marks honoured), then as the closest passage that differs in a few words, then
as a passage that shares most of its content. The best finding over all sources wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from verifiers.claims.stance import Words, judge_passage, swapped_entities, words_of
from verifiers.documents import Document
from verifiers.documents.fragments import collapse, context, fragment_url
from verifiers.language.words import is_content_word
from verifiers.model import Edit, Match, QuoteFinding, QuoteVerdict, verdict_rank
from verifiers.quotes.approximate import Alignment, closest_passage
from verifiers.quotes.exact import ExactMatch, case_differences, find_exact
from verifiers.quotes.flags import (
    ellipsis_hides,
    meaning_changed,
    truncated_condition,
    truncated_opening,
    wrong_speaker,
)
from verifiers.quotes.paraphrase import Paraphrase, closest_paraphrase
from verifiers.quotes.parse import ParsedQuote, QuoteWord, Slot, cut_edges, parse_quote
from verifiers.quotes.policy import (
    CONTEXT_CHARS,
    MIN_WORDS_FOR_MISQUOTE,
    MISQUOTE_MIN_SHARED_CONTENT_SHARE,
    MISQUOTE_MIN_SHARED_CONTENT_WORDS,
    MISQUOTE_MIN_SIMILARITY,
    PARAPHRASE_MIN_SHARED_SHARE,
    PARAPHRASE_MIN_SHARED_STEMS,
    PARAPHRASE_MIN_WORDS,
    SHORT_QUOTE_WORDS,
    SPLICE_MIN_GAP_WORDS,
    SPLICE_MIN_PART_WORDS,
)
from verifiers.quotes.splice import Splice, find_splice

__all__ = ["check_quote"]

# How many differences an explanation spells out before it says "and N more".
_EXPLAINED_EDITS = 3


@dataclass
class _Finding:
    verdict: QuoteVerdict
    score: float
    explanation: str
    first: int | None = None  # word positions of the passage in the document
    last: int | None = None
    edits: list[Edit] = field(default_factory=list)
    occurrences: int = 1
    spliced: str | None = None  # what was seen, when the quotation joins distant parts


def check_quote(
    text: str, documents: list[Document], unread: list[str], people: list[str] | None = None
) -> QuoteFinding:
    """Judge one quotation against the readable sources of its reference.

    `unread` holds one line per source that could not be read ("URL: why"); `people` names
    whoever the reference says the words are by (its authors and its citation).
    """
    if not documents:
        reasons = "; ".join(unread) or "the reference names no source"
        return QuoteFinding(
            text, "unavailable", 0.0, None, None, [], f"No source could be read ({reasons})."
        )
    quote = parse_quote(text)
    best_document, best = None, None
    for document in documents:
        finding = _check_in_document(quote, document)
        if best is None or (verdict_rank(finding.verdict), -finding.score) < (
            verdict_rank(best.verdict),
            -best.score,
        ):
            best_document, best = document, finding
    assert best_document is not None and best is not None
    explanation = best.explanation
    if best.verdict == "not_found" and len(documents) > 1:
        pages = ", ".join(document.url for document in documents)
        explanation = f"Not found in any of the {len(documents)} pages read ({pages}), nor any "
        explanation += "passage close to it."
    if best.verdict == "not_found" and unread:
        explanation += f" {len(unread)} other source(s) could not be read: {'; '.join(unread)}."
    flags = _flags(text, best_document, best, people or [])
    if flags:
        explanation += " " + " ".join(f"Flag {flag}: {seen}." for flag, seen in flags)
    match = _match(best_document, best) if best.first is not None else None
    source_url = best_document.url if best.verdict != "not_found" else None
    return QuoteFinding(
        text,
        best.verdict,
        best.score,
        source_url,
        match,
        [flag for flag, _ in flags],
        explanation,
    )


def _flags(
    text: str, document: Document, finding: _Finding, people: list[str]
) -> list[tuple[str, str]]:
    """Each flag the finding earns, with what was seen."""
    if finding.first is None or finding.last is None or finding.verdict == "paraphrased":
        return []
    seen = [
        ("spliced", finding.spliced),
        (
            "meaning_changed",
            meaning_changed(finding.edits) if finding.verdict == "misquoted" else None,
        ),
        ("ellipsis_hides", ellipsis_hides(finding.edits)),
        ("truncated_opening", truncated_opening(document, finding.first, text)),
        ("truncated_condition", truncated_condition(document, finding.last)),
        (
            "wrong_speaker",
            wrong_speaker(document, finding.first, finding.last, people, finding.occurrences),
        ),
    ]
    return [(flag, what) for flag, what in seen if what]


def _check_in_document(quote: ParsedQuote, document: Document) -> _Finding:
    words = quote.words
    if not words:
        return _Finding("not_found", 0.0, "The quotation has no words to look for.")
    exact = find_exact(document.index, quote)
    if exact is not None:
        return _exact_finding(quote, document, exact)
    cut = cut_edges(quote)
    exact = find_exact(document.index, cut) if cut is not None else None
    if cut is not None and exact is not None:
        return _exact_finding(cut, document, exact)
    alignment = closest_passage(document.index, words, quote.gap_positions())
    if alignment is not None and not alignment.differences:
        return _typographic_finding(quote, document, alignment)
    misquotation = alignment is not None and _is_misquotation(words, alignment)
    if misquotation and not _may_be_a_splice(alignment):
        return _misquoted_finding(quote, document, alignment)
    splice = find_splice(document.index, quote)
    if splice is not None:
        return _spliced_finding(quote, document, splice)
    if misquotation:
        return _misquoted_finding(quote, document, alignment)
    paraphrase = (
        closest_paraphrase(document.index, [word.word for word in words])
        if len(words) >= PARAPHRASE_MIN_WORDS
        else None
    )
    if (
        paraphrase is not None
        and len(paraphrase.shared) >= PARAPHRASE_MIN_SHARED_STEMS
        and paraphrase.share >= PARAPHRASE_MIN_SHARED_SHARE
    ):
        other_facts = _other_facts(quote, document, paraphrase)
        if other_facts:
            return _Finding(
                "not_found",
                paraphrase.share,
                f"Not found in {document.url}: a passage uses these words for other facts "
                f"({other_facts}).",
            )
        return _Finding(
            "paraphrased",
            paraphrase.share,
            f"No passage of {document.url} holds these words, but one says much the same: "
            f"it shares {round(100 * paraphrase.share)}% of the quotation's content words.",
            paraphrase.first,
            paraphrase.last,
        )
    score = alignment.similarity if alignment else 0.0
    return _Finding(
        "not_found", score, f"Not found in {document.url}, nor any passage close to it."
    )


def _other_facts(quote: ParsedQuote, document: Document, paraphrase: Paraphrase) -> str | None:
    """What makes a passage that shares most of the quotation's words state other facts:
    another number, rank or opposite word, or names and numbers swapped; else None. Such a
    passage is no paraphrase, however many words it shares."""
    begin, end = document.index.span(paraphrase.first, paraphrase.last)
    passage = words_of(document.text[begin:end])
    quoted = Words.of(
        [word.word for word in quote.words],
        [quote.text[word.start : word.end] for word in quote.words],
    )
    judgment = judge_passage(quoted, passage)
    if judgment.stance == "contradicts":
        return judgment.reason
    swapped = swapped_entities(quoted, passage)
    if swapped:
        return f"it has “{swapped[0]}” and “{swapped[1]}” the other way round"
    return None


def _exact_finding(quote: ParsedQuote, document: Document, exact: ExactMatch) -> _Finding:
    edits = (
        list(quote.marks)
        + _mark_edits(quote, document, exact)
        + _case_edits(quote, document, exact)
    )
    repeated = (
        f" The words stand there {exact.occurrences} times; the first is shown."
        if exact.occurrences > 1
        else ""
    )
    if not edits:
        explanation = f"Found word for word in {document.url}.{repeated}"
        return _Finding(
            "verified", 1.0, explanation, exact.first, exact.last, [], exact.occurrences
        )
    explanation = (
        f"Found in {document.url} once its editorial marks are honoured: "
        f"{_describe_marks(edits)}.{repeated}"
    )
    return _Finding(
        "verified_with_edits", 1.0, explanation, exact.first, exact.last, edits, exact.occurrences
    )


def _mark_edits(quote: ParsedQuote, document: Document, exact: ExactMatch) -> list[Edit]:
    """One edit per ellipsis (with the words it leaves out) and per bracket."""
    edits = []
    pairs = zip(exact.segments, exact.segments[1:], quote.separators, strict=False)
    for before, after, separator in pairs:
        left_out = _words_text(document, before.last + 1, after.first - 1)
        edits.append(Edit("ellipsis", separator, left_out))
    for segment_items, segment in zip(quote.segments, exact.segments, strict=True):
        for item, (first, last) in zip(segment_items, segment.spans, strict=True):
            if isinstance(item, Slot):
                edits.append(Edit("bracket", item.text, _words_text(document, first, last)))
            elif item.partial and not (item.cut and document.index.word_at(first) == item.word):
                edits.append(
                    Edit(
                        "partial" if item.cut else "bracket",
                        quote.text[item.start : item.end],
                        _words_text(document, first, last),
                    )
                )
    return edits


def _case_edits(quote: ParsedQuote, document: Document, exact: ExactMatch) -> list[Edit]:
    first_word = quote.words[0]
    edits = []
    for item, position in case_differences(quote, document.index, exact.segments):
        quoted = quote.text[item.start : item.end]
        source = _words_text(document, position, position)
        edits.append(Edit("capital" if item is first_word else "case", quoted, source))
    return edits


def _typographic_finding(quote: ParsedQuote, document: Document, alignment: Alignment) -> _Finding:
    if quote.has_marks:
        slots = [item for items in quote.segments for item in items if isinstance(item, Slot)]
        edits = [
            *quote.marks,
            *(Edit("ellipsis", separator, "") for separator in quote.separators),
            *(Edit("bracket", slot.text, "") for slot in slots),
        ]
        explanation = (
            f"Found in {document.url} once its editorial marks are honoured "
            "(and with only typography differing)."
        )
        return _Finding(
            "verified_with_edits", 1.0, explanation, alignment.first, alignment.last, edits
        )
    explanation = (
        f"Found word for word in {document.url}; only typography differs "
        "(hyphens, apostrophes or digit grouping)."
    )
    return _Finding("verified", 1.0, explanation, alignment.first, alignment.last)


def _may_be_a_splice(alignment: Alignment) -> bool:
    """A misquotation that drops a long stretch of the source, or has a whole part of its
    own that the passage lacks, may be a splice instead."""
    return any(
        difference.source_end - difference.source_first >= SPLICE_MIN_GAP_WORDS
        or difference.quote_end - difference.quote_first >= SPLICE_MIN_PART_WORDS
        for difference in alignment.differences
    )


def _spliced_finding(quote: ParsedQuote, document: Document, splice: Splice) -> _Finding:
    words = quote.words
    first_part = quote.text[words[0].start : words[splice.split - 1].end]
    second_part = quote.text[words[splice.split].start : words[-1].end]
    where = (
        f"{splice.distance} words before it"
        if splice.out_of_order
        else f"{splice.distance} words after it"
    )
    seen = (
        f"the quotation joins “{first_part}” and “{second_part}”, which stand apart in "
        f"{document.url}: the second part {where}, with no ellipsis between them"
    )
    return _Finding(
        "misquoted",
        splice.similarity,
        f"The words are in {document.url}, but not as one passage.",
        splice.first.first,
        splice.first.last,
        [Edit("insert", second_part, "")],
        spliced=seen,
    )


def _is_misquotation(words: list[QuoteWord], alignment: Alignment) -> bool:
    if len(words) < MIN_WORDS_FOR_MISQUOTE:
        return False
    shared = set(alignment.shared)
    content = [number for number, word in enumerate(words) if is_content_word(word.word)]
    shared_content = sum(1 for number in content if number in shared)
    if len(words) <= SHORT_QUOTE_WORDS:
        (difference,) = alignment.differences[:1] or (None,)
        return (
            len(alignment.differences) == 1
            and difference is not None
            and difference.quote_end - difference.quote_first <= 1
            and difference.source_end - difference.source_first <= 1
            and shared_content >= MISQUOTE_MIN_SHARED_CONTENT_WORDS
        )
    return (
        alignment.similarity >= MISQUOTE_MIN_SIMILARITY
        and shared_content >= min(MISQUOTE_MIN_SHARED_CONTENT_WORDS, len(content))
        and shared_content >= MISQUOTE_MIN_SHARED_CONTENT_SHARE * len(content)
    )


def _misquoted_finding(quote: ParsedQuote, document: Document, alignment: Alignment) -> _Finding:
    words = quote.words
    edits = []
    for difference in alignment.differences:
        quoted = (
            quote.text[words[difference.quote_first].start : words[difference.quote_end - 1].end]
            if difference.quote_end > difference.quote_first
            else ""
        )
        source = _words_text(document, difference.source_first, difference.source_end - 1)
        edits.append(Edit(difference.op, quoted, source))
    described = "; ".join(_describe_difference(edit) for edit in edits[:_EXPLAINED_EDITS])
    more = len(edits) - _EXPLAINED_EDITS
    if more > 0:
        described += f"; and {more} more"
    explanation = (
        f"The closest passage of {document.url} differs in {len(edits)} place"
        f"{'s' if len(edits) != 1 else ''}: {described}."
    )
    return _Finding(
        "misquoted", alignment.similarity, explanation, alignment.first, alignment.last, edits
    )


def _describe_difference(edit: Edit) -> str:
    if edit.op == "replace":
        return f"“{edit.quote}” where the source has “{edit.source}”"
    if edit.op == "insert":
        return f"“{edit.quote}” is not in the source"
    return f"the source's “{edit.source}” is left out"


def _describe_marks(edits: list[Edit]) -> str:
    parts = []
    for edit in edits:
        if edit.op == "ellipsis":
            left_out = len(edit.source.split())
            parts.append(
                f"an ellipsis leaves out {left_out} word{'s' if left_out != 1 else ''}"
                if edit.source
                else "an ellipsis at one end"
            )
        elif edit.op == "bracket":
            parts.append(
                f"{edit.quote} stands for “{edit.source}”"
                if edit.source
                else f"{edit.quote} is the quoting writer's insertion"
            )
        elif edit.op == "partial":
            parts.append(f"“{edit.quote}” is cut from the source's word “{edit.source}”")
        elif edit.op == "sic":
            parts.append(f"{edit.quote} marks the source's own error")
        elif edit.op == "capital":
            parts.append(f"the first letter's case changed (“{edit.source}” in the source)")
        else:
            parts.append(f"“{edit.quote}” is “{edit.source}” in the source")
    return "; ".join(parts)


def _words_text(document: Document, first: int, last: int) -> str:
    if last < first:
        return ""
    start, end = document.index.span(first, last)
    return collapse(document.text[start:end])


def _match(document: Document, finding: _Finding) -> Match:
    assert finding.first is not None and finding.last is not None
    start, end = document.index.span(finding.first, finding.last)
    passage = document.text[start:end]
    before, after = context(document.text, start, end, CONTEXT_CHARS)
    return Match(
        text=collapse(passage),
        before=before,
        after=after,
        fragment_url=fragment_url(document.url, passage),
        edits=finding.edits,
        occurrences=finding.occurrences,
    )
