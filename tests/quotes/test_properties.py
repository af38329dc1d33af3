"""Properties of the matcher over generated documents and quotations."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.documents import document
from verifiers.quotes.check import check_quote

VOCABULARY = (
    "the minister said that talks would resume after a long pause in Geneva and "
    "don't expect results before spring because both sides remain far apart on "
    "borders sanctions prisoners grain exports security guarantees 2022 3.5 1,000"
).split()
SPACES = [" ", "\u00a0", "  ", "\u2009", "\n"]
PUNCTUATION = ["", "", "", ",", ".", ";", " —", ":"]


@st.composite
def document_and_span(draw):
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=5, max_size=120))
    marks = draw(st.lists(st.sampled_from(PUNCTUATION), min_size=len(words), max_size=len(words)))
    start = draw(st.integers(0, len(words) - 1))
    end = draw(st.integers(start + 1, min(len(words), start + 40)))
    text = " ".join(word + mark for word, mark in zip(words, marks, strict=True))
    return text, words, marks, start, end


@st.composite
def typographic_variant(draw, words: list[str], marks: list[str]) -> str:
    pieces = []
    for number, (word, mark) in enumerate(zip(words, marks, strict=True)):
        word = word.replace("'", draw(st.sampled_from(["'", "’", "ʼ"])))
        pieces.append(word + (mark if number < len(words) - 1 else ""))
        pieces.append(draw(st.sampled_from(SPACES)))
    opening, closing = draw(st.sampled_from([("", ""), ("“", "”"), ('"', '"'), ("«", "»")]))
    return opening + "".join(pieces[:-1]) + closing


@settings(max_examples=150, deadline=None)
@given(data=st.data(), case=document_and_span())
def test_any_span_with_typography_changes_is_verified(data, case) -> None:
    text, words, marks, start, end = case
    quote = data.draw(typographic_variant(words[start:end], marks[start:end]))
    finding = check_quote(quote, [document(text)], [])
    assert finding.verdict == "verified", (quote, finding.explanation)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), case=document_and_span())
def test_a_word_absent_from_the_document_is_never_verified(data, case) -> None:
    text, words, _, start, end = case
    span = list(words[start:end])
    replaced = data.draw(st.integers(0, len(span) - 1))
    span[replaced] = "zygomorphic"
    quote = " ".join(span)
    finding = check_quote(quote, [document(text)], [])
    assert finding.verdict not in ("verified", "verified_with_edits"), (quote, finding.explanation)
