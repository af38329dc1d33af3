"""One text, one map: fold typography away, cut the text into words, remember where each was.

Matching works on words, never on raw characters. A word here is a run of letters and
digits (with in-word apostrophes and decimal points) after the text is folded; in scripts
written without spaces (Chinese, Japanese, Thai) every character is a word:

* Unicode NFKC (ligatures such as "ﬁ" become "fi", full-width forms become plain),
* case folding (the case each word had is still read from the original text),
* every apostrophe-like mark becomes "'", so "don’t" and "don't" are one word,
* soft hyphens and zero-width characters vanish, so "nego\u00adtiate" is one word,
* a hyphen that ends a line between letters is dropped ("negoti-\\nated" -> "negotiated"),
* quote marks, dashes and every kind of space separate words and are otherwise ignored.

Each word keeps its start and end offsets in the original text, so a finding can always
show the source's own words.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

from verifiers.language.abbreviations import is_abbreviation

__all__ = ["PARAGRAPH_BREAK", "SENTENCE_BREAK", "WordIndex", "fold", "tokenize"]

_DROPPED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_LINE_BREAKS = "\r\n\u2028\u2029\x0b\x0c\x85"
_APOSTROPHES = "‘’‚‛′‹›`´ʼ"
_HYPHENS = "‐‑"
_ASCII_FOLD = str.maketrans({"\t": " ", "\r": "\n", "\x0b": "\n", "\x0c": "\n", "`": "'"})
_NOT_PLAIN_ASCII = re.compile(r"[^\x00-\x7f]+")

# Scripts written without spaces between words: each character is a word of its own.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f"
_LETTERS = rf"[^\W_{_UNSPACED}]"
TOKEN_RE = re.compile(
    rf"[{_UNSPACED}]"
    r"|\d+(?:[.,]\d+)*(?:[^\W\d_]+)?"  # numbers: 1,000  3.5  1990s  19th
    rf"|{_LETTERS}+(?:(?:'|-[ \t]*\n[ \t]*){_LETTERS}+)*"  # words: don't  negoti-\nated
)
_LINE_BREAK_HYPHEN = re.compile(r"-[ \t]*\n[ \t]*")
_SENTENCE_END = re.compile(r"[.!?;:]")

# Long texts are folded in pieces of about this many characters, cut at a space that is
# not a hyphenated line break.
_CHUNK_CHARS = 65536
_CHUNK_BOUNDARY = re.compile(r"(?<!-)[ \n]")

SENTENCE_BREAK = 1
PARAGRAPH_BREAK = 2


@lru_cache(maxsize=65536)
def _fold_char(char: str) -> str:
    if char in _DROPPED:
        return ""
    if char in _LINE_BREAKS:
        return "\n"
    if char.isspace():
        return " "
    if char in _APOSTROPHES:
        return "'"
    if char in _HYPHENS:
        return "-"
    folded = unicodedata.normalize("NFKC", char).casefold()
    return "".join(_fold_char(part) if part != char else part for part in folded)


def fold(text: str) -> tuple[str, array]:
    """Return the folded text and, for each folded character, its offset in `text`."""
    chunks: list[str] = []
    offsets = array("I")
    position = 0
    for run in _NOT_PLAIN_ASCII.finditer(text):
        if run.start() > position:
            chunks.append(text[position : run.start()].lower().translate(_ASCII_FOLD))
            offsets.extend(range(position, run.start()))
        for index in range(run.start(), run.end()):
            char = text[index]
            if unicodedata.combining(char) and chunks and chunks[-1]:
                composed = unicodedata.normalize("NFC", chunks[-1][-1] + char)
                if len(composed) == 1:
                    chunks[-1] = chunks[-1][:-1] + composed
                    continue
            folded = _fold_char(char)
            if folded:
                chunks.append(folded)
                offsets.extend([index] * len(folded))
        position = run.end()
    if position < len(text):
        chunks.append(text[position:].lower().translate(_ASCII_FOLD))
        offsets.extend(range(position, len(text)))
    return "".join(chunks), offsets


@dataclass(frozen=True)
class Token:
    """A word of a short text (a quotation): its folded form and where it stands."""

    word: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Cut a short text into folded words with their offsets in `text`."""
    folded, offsets = fold(text)
    return [
        Token(_word(found.group()), offsets[found.start()], _end(text, offsets, found.end()))
        for found in TOKEN_RE.finditer(folded)
    ]


def _chunks(text: str) -> list[tuple[int, int]]:
    """Pieces of a long text, cut at spaces no word runs across, folded one at a time so
    that the folded copy and its offsets never hold more than a piece in memory."""
    pieces, start = [], 0
    while len(text) - start > _CHUNK_CHARS:
        cut = _CHUNK_BOUNDARY.search(text, start + _CHUNK_CHARS)
        if cut is None:
            break
        pieces.append((start, cut.start()))
        start = cut.start()
    pieces.append((start, len(text)))
    return pieces


def _end(text: str, offsets: array, folded_end: int) -> int:
    """The original offset just past a word, including combining marks folded into it."""
    end = offsets[folded_end - 1] + 1
    while end < len(text) and text[end] > "\x7f" and unicodedata.combining(text[end]):
        end += 1
    return end


def _word(raw: str) -> str:
    return _LINE_BREAK_HYPHEN.sub("", raw) if "\n" in raw else raw


class WordIndex:
    """A long text as a sequence of word ids, with an inverted index over them.

    Memory stays small and linear: per word 4 bytes of id, 8 of offsets, 1 of breaks
    and 4 in the inverted index, plus one entry per distinct word.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.vocabulary: dict[str, int] = {}
        self.words: list[str] = []
        self.ids = array("I")
        self.starts = array("I")
        self.ends = array("I")
        vocabulary, words = self.vocabulary, self.words
        for chunk_start, chunk_end in _chunks(text):
            chunk = text[chunk_start:chunk_end]
            folded, offsets = fold(chunk)
            for found in TOKEN_RE.finditer(folded):
                word = _word(found.group())
                word_id = vocabulary.get(word)
                if word_id is None:
                    word_id = vocabulary[word] = len(words)
                    words.append(word)
                self.ids.append(word_id)
                self.starts.append(chunk_start + offsets[found.start()])
                self.ends.append(chunk_start + _end(chunk, offsets, found.end()))
        self.breaks = self._find_breaks()
        self._order, self._first = self._invert()

    def __len__(self) -> int:
        return len(self.ids)

    def id_of(self, word: str) -> int | None:
        return self.vocabulary.get(word)

    def positions(self, word_id: int) -> memoryview:
        """Ascending positions of a word id in the text."""
        return memoryview(self._order)[self._first[word_id] : self._first[word_id + 1]]

    def frequency(self, word_id: int) -> int:
        return self._first[word_id + 1] - self._first[word_id]

    def word_at(self, position: int) -> str:
        return self.words[self.ids[position]]

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets of the words first..last (inclusive)."""
        return self.starts[first], self.ends[last]

    def _find_breaks(self) -> bytearray:
        """Mark each word that ends a sentence or a paragraph."""
        text, starts, ends = self.text, self.starts, self.ends
        breaks = bytearray(len(self.ids))
        for position in range(len(self.ids)):
            gap_end = starts[position + 1] if position + 1 < len(starts) else len(text)
            gap = text[ends[position] : gap_end]
            if not gap.strip(" "):
                continue
            if "\n\n" in gap:
                breaks[position] = PARAGRAPH_BREAK | SENTENCE_BREAK
            elif _SENTENCE_END.search(gap) and not _abbreviated(
                text, starts[position], ends[position]
            ):
                breaks[position] = SENTENCE_BREAK
        return breaks

    def _invert(self) -> tuple[array, array]:
        """Counting sort of positions by word id: one flat array instead of a dict of lists."""
        counts = [0] * (len(self.words) + 1)
        for word_id in self.ids:
            counts[word_id + 1] += 1
        for word_id in range(len(self.words)):
            counts[word_id + 1] += counts[word_id]
        first = array("I", counts)
        cursor = counts[:-1]
        order = array("I", bytes(4 * len(self.ids)))
        for position, word_id in enumerate(self.ids):
            order[cursor[word_id]] = position
            cursor[word_id] += 1
        return order, first


def _abbreviated(text: str, start: int, end: int) -> bool:
    return is_abbreviation(text[start:end])
