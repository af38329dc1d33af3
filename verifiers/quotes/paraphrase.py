"""Find a passage that says much the same as a quotation in other words.

Only consulted once no passage is close enough to call the quotation a misquotation: the
passage of at most a few sentences that shares the most content-word stems with it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from verifiers.language.folding import SENTENCE_BREAK, WordIndex
from verifiers.language.words import content_stems, stem
from verifiers.quotes.policy import PARAPHRASE_MAX_SENTENCES, VOTE_BUDGET

__all__ = ["Paraphrase", "closest_paraphrase"]

# How far a passage may be widened to reach a sentence boundary, in words.
_MAX_WIDENING = 40
_STEM_TABLES: WeakKeyDictionary[WordIndex, dict[str, list[int]]] = WeakKeyDictionary()


@dataclass(frozen=True)
class Paraphrase:
    first: int
    last: int
    share: float  # of the quotation's content stems found in the passage
    shared: frozenset[str]


def closest_paraphrase(index: WordIndex, words: list[str]) -> Paraphrase | None:
    stems = content_stems(words)
    if not stems or not len(index):
        return None
    table = _stem_table(index)
    half = max(10, len(words))
    stems_near: Counter[int] = Counter()  # bucket -> how many of the stems stand in it
    spent = 0
    for frequency, word_stem in sorted(
        (sum(index.frequency(i) for i in table.get(s, ())), s) for s in stems
    ):
        if not frequency or (spent and spent + frequency > VOTE_BUDGET):
            continue
        spent += frequency
        stems_near.update(
            {
                position // half
                for word_id in table[word_stem]
                for position in index.positions(word_id)
            }
        )
    if not stems_near:
        return None
    leaders = {b for b, _ in stems_near.most_common(8)}
    leaders |= {b - 1 for b in leaders if b - 1 in stems_near}
    bucket = max(leaders, key=lambda b: (stems_near.get(b, 0) + stems_near.get(b + 1, 0), -b))
    low, high = bucket * half, min(len(index), (bucket + 2) * half)
    inside = [p for p in range(low, high) if stem(index.word_at(p)) in stems]
    first, last = _sentence_bounds(index, inside[0], inside[-1])
    if _sentences(index, first, last) > PARAPHRASE_MAX_SENTENCES:
        return None
    first, last = _widen_while_it_helps(index, first, last, stems)
    shared = _shared(index, first, last, stems)
    return Paraphrase(first, last, round(len(shared) / len(stems), 4), shared)


def _widen_while_it_helps(
    index: WordIndex, first: int, last: int, stems: set[str]
) -> tuple[int, int]:
    """Take in a neighbouring sentence while it adds shared stems and the passage stays short."""
    while True:
        best, best_shared = (first, last), len(_shared(index, first, last, stems))
        for candidate in (
            _sentence_bounds(index, max(0, first - 1), last),
            _sentence_bounds(index, first, min(len(index) - 1, last + 1)),
        ):
            shared = len(_shared(index, *candidate, stems))
            fits = _sentences(index, *candidate) <= PARAPHRASE_MAX_SENTENCES
            if fits and shared > best_shared:
                best, best_shared = candidate, shared
        if best == (first, last):
            return first, last
        first, last = best


def _shared(index: WordIndex, first: int, last: int, stems: set[str]) -> frozenset[str]:
    return frozenset(stem(index.word_at(p)) for p in range(first, last + 1)) & stems


def _stem_table(index: WordIndex) -> dict[str, list[int]]:
    table = _STEM_TABLES.get(index)
    if table is None:
        table = defaultdict(list)
        for word_id, word in enumerate(index.words):
            table[stem(word)].append(word_id)
        table = _STEM_TABLES[index] = dict(table)
    return table


def _sentence_bounds(index: WordIndex, first: int, last: int) -> tuple[int, int]:
    """Widen to whole sentences, but not without end on a page with no punctuation."""
    lowest, highest = first - _MAX_WIDENING, last + _MAX_WIDENING
    while first > max(0, lowest) and not index.breaks[first - 1] & SENTENCE_BREAK:
        first -= 1
    while last < min(len(index) - 1, highest) and not index.breaks[last] & SENTENCE_BREAK:
        last += 1
    return first, last


def _sentences(index: WordIndex, first: int, last: int) -> int:
    return 1 + sum(1 for p in range(first, last) if index.breaks[p] & SENTENCE_BREAK)
