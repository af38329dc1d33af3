"""Find a quotation made of two passages that stand apart, joined without an ellipsis."""

from __future__ import annotations

from dataclasses import dataclass

from verifiers.quotes.exact import SegmentMatch, find_exact
from verifiers.quotes.parse import ParsedQuote
from verifiers.quotes.policy import SPLICE_MIN_GAP_WORDS, SPLICE_MIN_PART_WORDS
from verifiers.text import WordIndex
from verifiers.words import is_content_word


@dataclass(frozen=True)
class Splice:
    split: int  # number of the quotation's first word of its second part
    first: SegmentMatch
    second: SegmentMatch
    out_of_order: bool
    distance: int  # words between the two parts in the source

    @property
    def similarity(self) -> float:
        """Both parts are there word for word; the gap is what keeps this from 1.0."""
        quoted = self.first.last - self.first.first + self.second.last - self.second.first + 2
        return round(quoted / (quoted + min(self.distance, quoted)), 4)


def find_splice(index: WordIndex, quote: ParsedQuote) -> Splice | None:
    """Two parts of a plain quotation, each word for word, far apart or out of order.

    Parts that stand close together in order are a misquotation with left-out words, which
    the approximate search reports; only a real splice is returned here.
    """
    if quote.has_marks:
        return None
    words = quote.words
    for split in range(SPLICE_MIN_PART_WORDS, len(words) - SPLICE_MIN_PART_WORDS + 1):
        left, right = words[:split], words[split:]
        if not (_substantial(left) and _substantial(right)):
            continue
        first = find_exact(index, ParsedQuote(quote.text, [list(left)]))
        second = find_exact(index, ParsedQuote(quote.text, [list(right)])) if first else None
        if first is None or second is None:
            continue
        a, b = first.segments[0], second.segments[0]
        out_of_order = b.first <= a.last
        distance = (a.first - b.last - 1) if out_of_order else (b.first - a.last - 1)
        if out_of_order or distance >= SPLICE_MIN_GAP_WORDS:
            return Splice(split, a, b, out_of_order, max(distance, 0))
    return None


def _substantial(words) -> bool:
    return sum(1 for word in words if is_content_word(word.word)) >= 2
