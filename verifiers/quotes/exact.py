"""Find a quotation word for word, honouring its editorial marks.

Each segment (the text between ellipses) is located through the inverted index by its
rarest word, then checked word by word; slots take zero to a few source words. Segments
must then follow each other in the source, each within an ellipsis' reach of the last.
"""

from __future__ import annotations

import itertools
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from verifiers.language.folding import WordIndex
from verifiers.quotes.parse import Item, ParsedQuote, QuoteWord, Slot
from verifiers.quotes.policy import MAX_BRACKET_WORDS, MAX_ELLIPSIS_GAP_WORDS

__all__ = ["ExactMatch", "SegmentMatch", "case_differences", "find_exact"]

# How many occurrences are searched for one in the quotation's own case.
_CASE_CANDIDATES = 50

Span = tuple[int, int]  # first and last word position, inclusive; last < first when empty


@dataclass(frozen=True)
class SegmentMatch:
    first: int
    last: int
    spans: tuple[Span, ...]  # one per item of the segment


@dataclass(frozen=True)
class ExactMatch:
    segments: tuple[SegmentMatch, ...]
    occurrences: int

    @property
    def first(self) -> int:
        return self.segments[0].first

    @property
    def last(self) -> int:
        return self.segments[-1].last


def find_exact(index: WordIndex, quote: ParsedQuote) -> ExactMatch | None:
    """The closest-knit occurrence of the whole quotation, or None."""
    found = []
    for segment in quote.segments:
        matches = _segment_matches(index, segment)
        if not matches:
            return None
        found.append(matches)
    chains = sorted(_chains(found), key=lambda chain: (_total_gap(chain), chain[0].first))
    if not chains:
        return None
    # Of several occurrences, prefer one whose letters have the quotation's case too.
    best = next(
        (chain for chain in chains[:_CASE_CANDIDATES] if not case_differences(quote, index, chain)),
        chains[0],
    )
    return ExactMatch(segments=tuple(best), occurrences=len(chains))


def word_pairs(quote: ParsedQuote, index: WordIndex, segments) -> list[tuple[QuoteWord, int]]:
    """Each quotation word that matched a whole source word, with that word's position."""
    return [
        (item, span[0])
        for items, segment in zip(quote.segments, segments, strict=True)
        for item, span in zip(items, segment.spans, strict=True)
        if isinstance(item, QuoteWord)
        and (item.cut or not item.partial)
        and index.word_at(span[0]) == item.word
    ]


def case_differences(quote: ParsedQuote, index: WordIndex, segments) -> list[tuple[QuoteWord, int]]:
    """The matched words whose upper and lower case letters differ from the source's."""
    differences = []
    for item, position in word_pairs(quote, index, segments):
        start, end = index.span(position, position)
        if case_pattern(quote.text[item.start : item.end]) != case_pattern(index.text[start:end]):
            differences.append((item, position))
    return differences


def case_pattern(word: str) -> str:
    word = unicodedata.normalize("NFKC", word)
    return "".join("U" if char.isupper() else "l" for char in word if char.lower() != char.upper())


def _segment_matches(index: WordIndex, items: list[Item]) -> list[SegmentMatch]:
    anchor = _rarest_word(index, items)
    if anchor is None:
        return []
    anchor_item, anchor_id = anchor
    slots_before = sum(isinstance(item, Slot) for item in items[:anchor_item])
    words_before = anchor_item - slots_before
    matches: dict[int, SegmentMatch] = {}
    for position in index.positions(anchor_id):
        for extra in _slot_takes(slots_before * MAX_BRACKET_WORDS):
            start = position - words_before - extra
            if start < 0:
                continue
            spans = _match_from(index, items, 0, start, [])
            if spans is not None and spans[anchor_item][0] == position:
                match = SegmentMatch(_first_of(spans, start), _last_of(spans, start), tuple(spans))
                matches.setdefault(match.first, match)
                break
    return sorted(matches.values(), key=lambda match: match.first)


def _rarest_word(index: WordIndex, items: list[Item]) -> tuple[int, int] | None:
    """The item number and word id of the segment's rarest whole word, or None if absent."""
    best = None
    for number, item in enumerate(items):
        if isinstance(item, Slot) or item.partial:
            continue
        word_id = index.id_of(item.word)
        if word_id is None:
            return None
        frequency = index.frequency(word_id)
        if best is None or frequency < best[0]:
            best = (frequency, number, word_id)
    return (best[1], best[2]) if best else None


def _match_from(
    index: WordIndex, items: list[Item], number: int, position: int, spans: list[Span]
) -> list[Span] | None:
    """Match items[number:] from `position`; slots try the fewest source words first."""
    while number < len(items):
        item = items[number]
        if isinstance(item, Slot):
            for taken in _slot_takes(MAX_BRACKET_WORDS):
                if position + taken > len(index):
                    break
                result = _match_from(
                    index,
                    items,
                    number + 1,
                    position + taken,
                    [*spans, (position, position + taken - 1)],
                )
                if result is not None:
                    return result
            return None
        if position >= len(index) or not item.accepts(index.word_at(position)):
            return None
        spans = [*spans, (position, position)]
        number, position = number + 1, position + 1
    return spans


def _slot_takes(most: int) -> list[int]:
    """How many source words brackets may stand for, likeliest first: a bracket most often
    replaces one word ("[Moscow]" for "Russia"), then none (an added clarification)."""
    return [taken for taken in (1, 0, *range(2, most + 1)) if taken <= most]


def _first_of(spans: list[Span], default: int) -> int:
    return next((first for first, last in spans if last >= first), default)


def _last_of(spans: list[Span], default: int) -> int:
    return max((last for first, last in spans if last >= first), default=default)


def _chains(found: list[list[SegmentMatch]]) -> list[list[SegmentMatch]]:
    """Every occurrence of the first segment followed, in reach, by the others.

    Each later segment is taken at its nearest occurrence after the one before, which keeps
    the left-out stretches as short as the source allows.
    """
    chains = [[match] for match in found[0]]
    for matches in found[1:]:
        firsts = [match.first for match in matches]
        extended = []
        for chain in chains:
            after = chain[-1].last
            number = bisect_right(firsts, after)
            if (
                number < len(matches)
                and matches[number].first - after - 1 <= MAX_ELLIPSIS_GAP_WORDS
            ):
                extended.append([*chain, matches[number]])
        chains = extended
    return chains


def _total_gap(chain: list[SegmentMatch]) -> int:
    return sum(b.first - a.last - 1 for a, b in itertools.pairwise(chain))
