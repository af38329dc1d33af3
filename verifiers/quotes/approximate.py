"""Find the passage closest to a quotation that is not in the source word for word.

Seed and extend, as sequence aligners do: the quotation's rarest words vote, through the
inverted index, for the diagonal (source position minus quotation position) they sit on;
the best-voted stretches are aligned word by word, and the best alignment wins. Voting
ignores sentence and paragraph breaks, so a quotation may run across them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from verifiers.language.folding import SENTENCE_BREAK, WordIndex
from verifiers.quotes.parse import QuoteWord
from verifiers.quotes.policy import (
    CANDIDATE_PASSAGES,
    MAX_ELLIPSIS_GAP_WORDS,
    VOTE_BUDGET,
)

__all__ = ["Alignment", "closest_passage"]

# Words spelt the same once joined: "well known" / "well-known" (hyphens are already
# gone) and "1,000" / "1000" (thousands separators). Apostrophes are not dropped: "we'll"
# is not "well", nor "won't" "wont".
_TYPOGRAPHIC = re.compile(r"(?<=\d),(?=\d{3})")

# How the search for the closest passage is tuned. None of these decides a verdict (that is
# verifiers.quotes.policy's); they decide where the aligner looks, and were set so that on
# benchmarks/quotes.py no planted passage is missed while pages of 200,000 words stay fast.
# Votes are counted in bands of a quarter of the quotation (at least this many words), so
# that a passage with a few words changed still gathers its votes in one or two bands.
_MIN_BAND_WORDS = 4
_BAND_SHARE = 4  # a band is len(quotation) // _BAND_SHARE words
# Bands scored with their neighbour: this many times the passages that are aligned.
_LEADERS_PER_PASSAGE = 4
# Passages aligned lie more than this many bands apart: not the same passage twice.
_MIN_BANDS_APART = 2
# A window reaches past the quotation's own length by a third of it (at least this many
# words), and by the words of at most this many ellipses.
_MIN_SLACK_WORDS = 3
_SLACK_SHARE = 3
_GAPS_REACHED = 2
# A stray match at either end: a lone word or two ...
_STRAY_BLOCK_WORDS = 2
# ... further from the rest than three times the smaller of the two matches, plus two.
_STRAY_DISTANCE_FACTOR = 3
_STRAY_DISTANCE_SLACK = 2


@dataclass(frozen=True)
class Difference:
    """One edit: quotation words quote_first..quote_last against source positions."""

    op: str  # replace, insert (only the quotation has the words), delete (only the source)
    quote_first: int
    quote_end: int  # exclusive
    source_first: int
    source_end: int  # exclusive


@dataclass(frozen=True)
class Alignment:
    first: int  # source word positions of the passage, inclusive
    last: int
    similarity: float
    shared: list[int]  # quotation word numbers found in the passage
    differences: list[Difference]


def closest_passage(
    index: WordIndex, words: list[QuoteWord], gaps: dict[int, int]
) -> Alignment | None:
    """The best word alignment of `words` with a stretch of the source, or None. `gaps`
    maps each quotation position where an ellipsis or a bracket stands to the most source
    words it may stand for."""
    if not words or not len(index):
        return None
    best = None
    for low, high in _candidate_windows(index, words, gaps):
        alignment = _align(index, words, gaps, low, high)
        if alignment and (best is None or alignment.similarity > best.similarity):
            best = alignment
    return best


def _candidate_windows(
    index: WordIndex, words: list[QuoteWord], gaps: dict[int, int]
) -> list[tuple[int, int]]:
    length = len(words)
    band = max(_MIN_BAND_WORDS, length // _BAND_SHARE)
    ranked = sorted(
        (index.frequency(word_id), number, word_id)
        for number, word in enumerate(words)
        if (word_id := index.id_of(word.word)) is not None
    )
    votes: Counter[int] = Counter()
    spent = 0
    for frequency, number, word_id in ranked:
        if spent and spent + frequency > VOTE_BUDGET:
            break
        spent += frequency
        votes.update((position - number) // band for position in index.positions(word_id))
    # A passage's votes may straddle two bands: score each of the best bands with its
    # neighbour, rather than every band on the page.
    leaders = {b for b, _ in votes.most_common(_LEADERS_PER_PASSAGE * CANDIDATE_PASSAGES)}
    leaders |= {b - 1 for b in leaders if b - 1 in votes}
    combined = Counter({b: votes.get(b, 0) + votes.get(b + 1, 0) for b in leaders})
    chosen: list[int] = []
    for band_number, _ in combined.most_common():
        if all(abs(band_number - other) > _MIN_BANDS_APART for other in chosen):
            chosen.append(band_number)
        if len(chosen) == CANDIDATE_PASSAGES:
            break
    reach = min(len(gaps), _GAPS_REACHED) * MAX_ELLIPSIS_GAP_WORDS
    slack = max(_MIN_SLACK_WORDS, length // _SLACK_SHARE)
    windows = []
    for band_number in chosen:
        low = max(0, band_number * band - slack)
        high = min(len(index), band_number * band + 2 * band + length + slack + reach)
        windows.append((low, high))
    return windows


def _align(
    index: WordIndex, words: list[QuoteWord], gaps: dict[int, int], low: int, high: int
) -> Alignment | None:
    source = [index.word_at(position) for position in range(low, high)]
    quote = [word.word for word in words]
    matcher = SequenceMatcher(None, quote, source, autojunk=False)
    blocks = _trim_stray_blocks(
        [block for block in matcher.get_matching_blocks() if block.size], gaps
    )
    if not blocks:
        return None
    first_a, first_b, _ = blocks[0]
    last_a, last_b, last_size = blocks[-1]
    first = _reach_back(index, low, first_b, first_a)
    last = _reach_forward(index, low, high, last_b + last_size - 1, len(quote) - last_a - last_size)
    differences = []
    absorbed = 0
    quote_at, source_at = 0, first
    for a, b, size in [*blocks, (len(quote), last + 1, 0)]:
        difference = _difference(quote, source, quote_at, a, source_at, b)
        if difference and _is_gap(difference, gaps):
            absorbed += difference.source_end - difference.source_first
        elif difference:
            absorbed += _left_out_beside_gap(difference, gaps)
            differences.append(difference)
        quote_at, source_at = a + size, b + size
    shared = [a + offset for a, _, size in blocks for offset in range(size)]
    passage_length = last - first + 1 - absorbed
    similarity = 2 * len(shared) / (len(quote) + passage_length)
    return Alignment(
        first=low + first,
        last=low + last,
        similarity=round(similarity, 4),
        shared=shared,
        differences=[_shifted(difference, low) for difference in differences],
    )


def _reach_back(index: WordIndex, low: int, first: int, words: int) -> int:
    """Take in up to `words` source words before the first matched one (the quotation's
    unmatched opening), but not across the end of a sentence."""
    while words and first > 0 and not index.breaks[low + first - 1] & SENTENCE_BREAK:
        first, words = first - 1, words - 1
    return first


def _reach_forward(index: WordIndex, low: int, high: int, last: int, words: int) -> int:
    """Likewise after the last matched word, for the quotation's unmatched ending."""
    while words and low + last + 1 < high and not index.breaks[low + last] & SENTENCE_BREAK:
        last, words = last + 1, words - 1
    return last


def _trim_stray_blocks(blocks: list, gaps: dict[int, int]) -> list:
    """Drop a lone word or two matched far away at either end ("the" forty words off),
    unless an ellipsis or a bracket of the quotation explains the distance."""

    def far_apart(before, after) -> bool:
        distance = after.b - before.b - before.size
        nearest = min(before.size, after.size)
        limit = _STRAY_DISTANCE_FACTOR * nearest + _STRAY_DISTANCE_SLACK
        return distance > limit and after.a not in gaps

    def stray(block) -> bool:
        return block.size <= _STRAY_BLOCK_WORDS

    while len(blocks) > 1 and stray(blocks[0]) and far_apart(blocks[0], blocks[1]):
        blocks = blocks[1:]
    while len(blocks) > 1 and stray(blocks[-1]) and far_apart(blocks[-2], blocks[-1]):
        blocks = blocks[:-1]
    return blocks


def _difference(
    quote: list[str],
    source: list[str],
    quote_at: int,
    quote_end: int,
    source_at: int,
    source_end: int,
) -> Difference | None:
    if quote_at < quote_end and source_at < source_end:
        if _typographic_variants(quote[quote_at:quote_end], source[source_at:source_end]):
            return None
        return Difference("replace", quote_at, quote_end, source_at, source_end)
    if quote_at < quote_end:
        return Difference("insert", quote_at, quote_end, source_at, source_at)
    if source_at < source_end:
        return Difference("delete", quote_at, quote_at, source_at, source_end)
    return None


def _typographic_variants(quote: list[str], source: list[str]) -> bool:
    return _TYPOGRAPHIC.sub("", "".join(quote)) == _TYPOGRAPHIC.sub("", "".join(source))


def _is_gap(difference: Difference, gaps: dict[int, int]) -> bool:
    """Source words left out where the quotation marks an ellipsis or a bracket, no more
    than it may stand for."""
    if difference.op != "delete" or difference.quote_first not in gaps:
        return False
    return difference.source_end - difference.source_first <= gaps[difference.quote_first]


def _left_out_beside_gap(difference: Difference, gaps: dict[int, int]) -> int:
    """Source words an ellipsis accounts for inside a replacement that borders it.

    In "closer than ever … nothing is agreed" against "closer than we have been at any
    point this year, but nothing is agreed", "ever" replaces one word and the ellipsis
    leaves out the rest: the rest must not count against the passage's similarity.
    """
    allowed = max(gaps.get(difference.quote_first, 0), gaps.get(difference.quote_end, 0))
    if difference.op != "replace" or not allowed:
        return 0
    extra = (difference.source_end - difference.source_first) - (
        difference.quote_end - difference.quote_first
    )
    return min(max(extra, 0), allowed)


def _shifted(difference: Difference, offset: int) -> Difference:
    return Difference(
        difference.op,
        difference.quote_first,
        difference.quote_end,
        difference.source_first + offset,
        difference.source_end + offset,
    )
