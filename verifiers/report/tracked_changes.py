"""The source's words with a quotation's differences marked, as tracked changes show them:
words only the quotation has are struck out, words only the source has are inserted."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from verifiers.language.folding import tokenize

__all__ = ["tracked_changes"]

_WORD_RUN = re.compile(r"\S+")


def tracked_changes(quote: str, source: str) -> list[tuple[str, str]]:
    """(kind, text) pieces, kind one of "same", "deleted" (quotation only), "inserted"."""
    quoted, found = _words(quote), _words(source)
    matcher = SequenceMatcher(
        None, [key for key, _ in quoted], [key for key, _ in found], autojunk=False
    )
    pieces: list[tuple[str, str]] = []
    for operation, q1, q2, s1, s2 in matcher.get_opcodes():
        if operation == "equal":
            pieces.append(("same", " ".join(text for _, text in found[s1:s2])))
            continue
        if q2 > q1:
            pieces.append(("deleted", " ".join(text for _, text in quoted[q1:q2])))
        if s2 > s1:
            pieces.append(("inserted", " ".join(text for _, text in found[s1:s2])))
    return pieces


def _words(text: str) -> list[tuple[str, str]]:
    """Each whitespace-separated word with the folded form it is compared by."""
    return [
        ("".join(t.word for t in tokenize(word.group())), word.group())
        for word in _WORD_RUN.finditer(text)
    ]
