"""Read a quotation's editorial marks: ellipses, bracketed insertions, [sic].

A quotation becomes a list of segments (the parts an ellipsis separates), each a list of
words and slots. A slot is a bracketed insertion such as "[the minister]": it stands for
zero to a few source words. A bracket inside a word ("[T]he", "negotiat[ing]") makes that
word partial: it matches a source word with the same letters outside the brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from verifiers.language.folding import fold, tokenize
from verifiers.model import Edit
from verifiers.quotes.policy import MAX_BRACKET_WORDS, MAX_ELLIPSIS_GAP_WORDS

__all__ = ["Item", "ParsedQuote", "QuoteWord", "Slot", "cut_edges", "parse_quote"]

_MARK_RE = re.compile(
    r"(?P<ellipsis>[\[(]\s*(?:\.\s*){2,}\.[\])]|[\[(]\s*…\s*[\])]|\.(?:\s*\.){2,}|…)"
    r"|(?P<bracket>\[[^\[\]]{0,80}\])"
)
_SIC = re.compile(r"^\s*sic\s*!?\s*$", re.IGNORECASE)
_INVISIBLE = "\u200b"  # folded away, so a word keeps its letters and its offsets


# Letters whose loss at a quotation's cut edge would flip its meaning: "legal" cut from
# "illegal", "care" from "careless", "do" from "don't". Such a cut is never accepted.
_NEGATING_PREFIXES = frozenset("anti dis dé dés il im in ir mis miss non un".split())
_NEGATING_SUFFIXES = frozenset("n't 't less lessly lessness los lose losen loser".split())


@dataclass(frozen=True)
class QuoteWord:
    word: str  # folded, as in the document index
    start: int  # offsets in the quotation text
    end: int
    prefix: str | None = None  # set for a partial word: the letters it must start with
    suffix: str | None = None  # ... and end with
    cut: bool = False  # partial because the quotation starts or ends inside a source word

    @property
    def partial(self) -> bool:
        return self.prefix is not None

    def accepts(self, source_word: str) -> bool:
        if source_word == self.word:
            return True
        if self.prefix is None or self.suffix is None:
            return False
        fits = (
            len(source_word) >= len(self.prefix) + len(self.suffix)
            and source_word.startswith(self.prefix)
            and source_word.endswith(self.suffix)
        )
        return fits and (not self.cut or self._harmless_cut(source_word))

    def _harmless_cut(self, source_word: str) -> bool:
        missing = source_word[len(self.prefix or "") : len(source_word) - len(self.suffix or "")]
        if any(char.isdigit() for char in missing):
            return False  # "1" cut from "100" is another number
        affixes = _NEGATING_PREFIXES if not self.prefix else _NEGATING_SUFFIXES
        return missing not in affixes


@dataclass(frozen=True)
class Slot:
    """A bracketed insertion: the quoting writer's words standing in for the source's."""

    text: str


Item = QuoteWord | Slot


@dataclass
class ParsedQuote:
    text: str
    segments: list[list[Item]]
    separators: list[str] = field(default_factory=list)  # the ellipsis before each later segment
    marks: list[Edit] = field(default_factory=list)  # [sic] and ellipses at either end

    @property
    def words(self) -> list[QuoteWord]:
        return [
            item for segment in self.segments for item in segment if isinstance(item, QuoteWord)
        ]

    @property
    def has_marks(self) -> bool:
        return (
            len(self.segments) > 1
            or bool(self.marks)
            or any(
                isinstance(item, Slot) or item.partial
                for segment in self.segments
                for item in segment
            )
        )

    def gap_positions(self) -> dict[int, int]:
        """Indices into `words` before which an ellipsis or a slot lets source words stand,
        each with how many it may stand for (an ellipsis more than a bracket)."""
        gaps: dict[int, int] = {}
        position = 0
        for number, segment in enumerate(self.segments):
            if number:
                gaps[position] = MAX_ELLIPSIS_GAP_WORDS
            for item in segment:
                if isinstance(item, Slot):
                    gaps[position] = max(gaps.get(position, 0), MAX_BRACKET_WORDS)
                else:
                    position += 1
        return gaps


def parse_quote(text: str) -> ParsedQuote:
    chars = list(text)
    marks: list[tuple[str, int, int]] = []
    partial_spans: list[tuple[int, int]] = []
    for found in _MARK_RE.finditer(text):
        start, end = found.span()
        if found.group("bracket"):
            inner = found.group()[1:-1]
            if _SIC.match(inner):
                kind = "sic"
            elif _touches_word(text, start, end) and inner.strip() and " " not in inner.strip():
                chars[start] = chars[end - 1] = _INVISIBLE
                partial_spans.append((start, end))
                continue
            else:
                kind = "slot"
        else:
            kind = "ellipsis"
        chars[start:end] = " " * (end - start)
        marks.append((kind, start, end))
    tokens = tokenize("".join(chars))
    segments: list[list[Item]] = [[]]
    separators: list[str] = []
    edge_marks: list[Edit] = []
    token_index = 0
    events = sorted(
        [(m[1], 1, m) for m in marks] + [(t.start, 0, t) for t in tokens],
        key=lambda event: (event[0], event[1]),
    )
    for _, is_mark, event in events:
        if not is_mark:
            segments[-1].append(_quote_word(text, event, partial_spans))
            token_index += 1
            continue
        kind, start, end = event
        original = text[start:end]
        if kind == "sic":
            edge_marks.append(Edit(op="sic", quote=original, source=""))
        elif kind == "slot":
            segments[-1].append(Slot(text=original))
        elif token_index == 0 or token_index == len(tokens):
            edge_marks.append(Edit(op="ellipsis", quote=original, source=""))
        elif any(isinstance(item, QuoteWord) for item in segments[-1]):
            segments.append([])
            separators.append(original)
    return ParsedQuote(text=text, segments=segments, separators=separators, marks=edge_marks)


def cut_edges(quote: ParsedQuote) -> ParsedQuote | None:
    """The quotation with its first word allowed to end a source word and its last word to
    begin one, as when it was cut from the page mid-word; None if it has no such edges."""
    words = quote.words
    if len(words) < 2:
        return None
    segments = [list(segment) for segment in quote.segments]
    first, last = segments[0][0], segments[-1][-1]
    if isinstance(first, QuoteWord) and not first.partial:
        segments[0][0] = QuoteWord(first.word, first.start, first.end, "", first.word, cut=True)
    if isinstance(last, QuoteWord) and not last.partial:
        segments[-1][-1] = QuoteWord(last.word, last.start, last.end, last.word, "", cut=True)
    return ParsedQuote(quote.text, segments, quote.separators, quote.marks)


def _touches_word(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())


def _quote_word(text: str, token, partial_spans: list[tuple[int, int]]) -> QuoteWord:
    for start, end in partial_spans:
        if start < token.end and end > token.start:
            prefix = fold(text[token.start : start])[0]
            suffix = fold(text[end : token.end])[0]
            return QuoteWord(
                token.word, min(token.start, start), max(token.end, end), prefix, suffix
            )
    return QuoteWord(token.word, token.start, token.end)
