"""Named quotation thresholds of verifiers.quotes.policy, each pinned on both sides: the
tests read the constants, so a changed value changes what they expect with it."""

from __future__ import annotations

import itertools

from tests.support.documents import document
from verifiers.quotes.check import check_quote
from verifiers.quotes.policy import (
    MAX_BRACKET_WORDS,
    MAX_ELLIPSIS_GAP_WORDS,
    MIN_WORDS_FOR_MISQUOTE,
    MISQUOTE_MIN_SIMILARITY,
)

_SYLLABLES = "ba ko ri tu me sa lo ni pe du".split()


def words(count: int, offset: int = 0) -> list[str]:
    """`count` made-up words, each different from every other, none a stopword."""
    made = ("".join(parts) for parts in itertools.product(_SYLLABLES, repeat=3))
    return list(itertools.islice(made, offset, offset + count))


def verdict(quote: str, text: str) -> str:
    return check_quote(quote, [document(text)], []).verdict


def test_a_bracket_stands_for_at_most_the_words_the_policy_allows() -> None:
    before, after = words(8), words(8, 100)
    for replaced, expected in ((MAX_BRACKET_WORDS, True), (MAX_BRACKET_WORDS + 1, False)):
        text = " ".join([*before, *words(replaced, 200), *after]) + "."
        quote = " ".join([*before, "[the mayor]", *after])
        assert (verdict(quote, text) == "verified_with_edits") is expected, replaced


def test_an_ellipsis_leaves_out_at_most_the_words_the_policy_allows() -> None:
    first, last = words(8), words(8, 100)
    quote = f"{' '.join(first)} … {' '.join(last)}"
    for gap, expected in ((MAX_ELLIPSIS_GAP_WORDS, True), (MAX_ELLIPSIS_GAP_WORDS + 1, False)):
        text = " ".join([*first, *words(gap, 300), *last]) + "."
        assert (verdict(quote, text) == "verified_with_edits") is expected, gap


def test_a_misquotation_is_at_least_as_similar_as_the_policy_says() -> None:
    # Dice over words for n quoted words with k replaced: 1 - k / n.
    source = words(20)
    most = round(len(source) * (1 - MISQUOTE_MIN_SIMILARITY))  # 6 of 20 at 0.7
    for changed, expected in ((most, True), (most + 1, False)):
        quote = [*source]
        for position in range(changed):
            quote[1 + 2 * position] = words(1, 500 + position)[0]
        assert (verdict(" ".join(quote), " ".join(source) + ".") == "misquoted") is expected


def test_a_phrase_shorter_than_the_policy_says_is_never_misquoted() -> None:
    source = words(12)
    text = " ".join(source) + "."
    short = [*source[3 : 3 + MIN_WORDS_FOR_MISQUOTE - 1]]
    short[-1] = words(1, 600)[0]
    assert verdict(" ".join(short), text) != "misquoted"
    longer = [*source[3 : 3 + MIN_WORDS_FOR_MISQUOTE + 2]]
    longer[-1] = words(1, 600)[0]
    assert verdict(" ".join(longer), text) == "misquoted"
