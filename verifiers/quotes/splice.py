"""Find a quotation made of two passages that stand apart, joined without an ellipsis."""

from __future__ import annotations

from dataclasses import dataclass

from verifiers.language.folding import WordIndex
from verifiers.language.words import is_content_word
from verifiers.quotes.exact import SegmentMatch, find_exact
from verifiers.quotes.parse import ParsedQuote
from verifiers.quotes.policy import SPLICE_MIN_GAP_WORDS, SPLICE_MIN_PART_WORDS

__all__ = ["Splice", "find_splice"]


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

    The first part is the longest opening of the quotation found word for word (every
    shorter opening is then found too, so a binary search finds it); the rest must be found
    word for word as well. Parts that stand close together in order are a misquotation
    with left-out words, which the approximate search reports; only a real splice is
    returned here.
    """
    words = quote.words
    if quote.has_marks or len(words) < 2 * SPLICE_MIN_PART_WORDS:
        return None

    def found(part) -> SegmentMatch | None:
        match = find_exact(index, ParsedQuote(quote.text, [list(part)]))
        return match.segments[0] if match else None

    low, high = SPLICE_MIN_PART_WORDS, len(words) - SPLICE_MIN_PART_WORDS
    if found(words[:low]) is None:
        return None
    while low < high:  # the longest opening found: low stays found, high + 1 is not
        middle = (low + high + 1) // 2
        if found(words[:middle]) is not None:
            low = middle
        else:
            high = middle - 1
    split = low
    left, right = words[:split], words[split:]
    if not (_substantial(left) and _substantial(right)):
        return None
    first, second = found(left), found(right)
    if first is None or second is None:
        return None
    out_of_order = second.first <= first.last
    distance = (first.first - second.last - 1) if out_of_order else (second.first - first.last - 1)
    if out_of_order or distance >= SPLICE_MIN_GAP_WORDS:
        return Splice(split, first, second, out_of_order, max(distance, 0))
    return None


def _substantial(words) -> bool:
    return sum(1 for word in words if is_content_word(word.word)) >= 2
