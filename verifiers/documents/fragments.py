"""Point a reader at a passage: its context and a text-fragment link that lands on it."""

from __future__ import annotations

import re
from urllib.parse import quote, urldefrag

__all__ = ["collapse", "context", "fragment_url", "same_page"]

# A text fragment names a long passage by its first and last words (textStart,textEnd).
_FRAGMENT_EDGE_WORDS = 4
_WHITESPACE = re.compile(r"\s+")
_LINE_BREAK_HYPHEN = re.compile(r"(?<=\w)-\n(?=\w)")


def collapse(text: str) -> str:
    """Text for reading: one line, a word hyphenated across a line break joined again."""
    return _WHITESPACE.sub(" ", _LINE_BREAK_HYPHEN.sub("-", text)).strip()


def context(text: str, start: int, end: int, size: int) -> tuple[str, str]:
    """About `size` characters either side of text[start:end], cut at word boundaries. A
    space between the context and the passage is kept (one), so that the three read as
    the page does: "this year" and "unless", not "this yearunless"."""
    before = text[max(0, start - size) : start]
    if start - size > 0 and " " in before:
        before = "…" + before.split(" ", 1)[1]
    after = text[end : end + size]
    if end + size < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    shown_before, shown_after = collapse(before), collapse(after)
    if shown_before and before[-1:].isspace():
        shown_before += " "
    if shown_after and after[:1].isspace():
        shown_after = " " + shown_after
    return shown_before, shown_after


def fragment_url(url: str, passage: str) -> str:
    """A `#:~:text=` link that lands on `passage` (the page's own words)."""
    words = passage.split()  # as a browser renders the page's whitespace
    if not words:
        return url
    base = urldefrag(url).url
    if len(words) <= 2 * _FRAGMENT_EDGE_WORDS:
        directive = _encode(" ".join(words))
    else:
        start = " ".join(words[:_FRAGMENT_EDGE_WORDS])
        end = " ".join(words[-_FRAGMENT_EDGE_WORDS:])
        directive = f"{_encode(start)},{_encode(end)}"
    return f"{base}#:~:text={directive}"


def _encode(text: str) -> str:
    # The directive's own syntax characters (& , -) must be escaped inside its terms.
    return quote(text, safe="").replace("-", "%2D")


def same_page(url: str, other: str | None) -> bool:
    """Whether two addresses name one page: a place in it (#…) or a closing slash aside."""
    if not other:
        return False
    return urldefrag(url).url.rstrip("/") == urldefrag(other).url.rstrip("/")
