"""HTML to text: the page's whole visible text, blocks kept apart.

The whole visible text of the page is kept, not just a guessed "main content": extractors
that keep only the article body lose quoted passages. Blocks become paragraph breaks,
inline elements join without stray spaces, and what is never shown is dropped.
"""

from __future__ import annotations

import html as html_module
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from verifiers.documents.fragments import collapse
from verifiers.documents.tags import (
    BLOCKS,
    LINE_BREAKS,
    NON_NESTING,
    NOT_SHOWN,
    PRESERVING_WHITESPACE,
)

__all__ = [
    "MAX_NESTING_DEPTH",
    "html_to_text",
    "nesting_depth",
    "readers_comments",
    "text_without_markup",
]

# A hyphen that ends a source line between letters keeps its line break, so that the
# word split there is joined again ("negoti-\nated"), while "Arbeiter- und" stays two words.
_LINE_END_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")
_HTML_WHITESPACE = re.compile(r"(?<!-)[ \t\n\r\f]+|(?<=-)[ \t\r\f]+")
_SPACES_AROUND_BREAKS = re.compile(r" *\n[ \n]*")
_MANY_SPACES = re.compile(r" {2,}")
# The HTML parser's work grows with the square of the nesting depth (100,000 nested <div>s
# take about 15 s); real pages nest at most a few hundred deep (293 in the 200-page corpus).
# Deeper pages are read without their markup instead.
MAX_NESTING_DEPTH = 2000
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_UNREAD_ELEMENTS = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>", re.I | re.S)
_BLOCK_TAG = re.compile(rf"</?(?:{'|'.join(sorted(BLOCKS))})\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
_COMMENT_SELECTORS = (
    '[id*="comments"], [class*="comments"], [id*="disqus"], [class*="comment-list"], '
    '[class*="commentlist"], [id*="kommentare"], [class*="kommentare"], [class*="leserkommentar"]'
)


def readers_comments(parser: LexborHTMLParser, page_chars: int) -> list[str]:
    """The text of each comment section: not the article's words, though on its page.

    A section that holds the headline or most of the page is a wrapper named after its
    comment features, not a comment section.
    """
    sections = []
    for node in parser.css(_COMMENT_SELECTORS):
        if node.css_first("h1") is not None or any(_contains(s, node) for s in sections):
            continue
        text = collapse(node.text(separator=" ") or "")
        if text and len(text) < page_chars / 2:
            sections.append(node)
    return [collapse(node.text(separator=" ") or "") for node in sections]


def _contains(outer: LexborNode, inner: LexborNode) -> bool:
    node = inner.parent
    while node is not None:
        if node.mem_id == outer.mem_id:
            return True
        node = node.parent
    return False


def nesting_depth(html: str) -> int:
    """How deep elements nest, read from the tags alone, in one linear pass."""
    depth = deepest = 0
    for tag in _TAG.finditer(html):
        if tag.group(2).lower() in NON_NESTING:
            continue
        if tag.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def text_without_markup(html: str) -> str:
    """Visible text of a page too deeply nested to parse: tags dropped, blocks kept apart."""
    text = _UNREAD_ELEMENTS.sub(" ", html)
    text = _HTML_WHITESPACE.sub(" ", _LINE_END_HYPHEN.sub("-\n", text))
    text = _ANY_TAG.sub("", _BLOCK_TAG.sub("\n\n", text))
    return _tidy(html_module.unescape(text))


def html_to_text(parser: LexborHTMLParser) -> str:
    """The page's visible text, with a paragraph break between blocks."""
    root = parser.root
    if root is None:
        return ""
    pieces: list[str] = []
    # An explicit stack instead of recursion: real pages nest deeper than Python recurses.
    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    preserving = 0
    while stack:
        node, entering = stack.pop()
        tag = node.tag
        if not entering:
            if tag in BLOCKS:
                pieces.append("\n\n")
            elif tag in LINE_BREAKS:
                pieces.append("\n")
            if tag in PRESERVING_WHITESPACE:
                preserving -= 1
            continue
        if tag == "-text":
            content = node.text_content or ""
            if not preserving:
                content = _HTML_WHITESPACE.sub(" ", _LINE_END_HYPHEN.sub("-\n", content))
            pieces.append(content)
            continue
        if tag in NOT_SHOWN or tag == "-comment" or "hidden" in (node.attributes or {}):
            continue
        if tag in BLOCKS:
            pieces.append("\n\n")
        if tag in PRESERVING_WHITESPACE:
            preserving += 1
        stack.append((node, False))
        children = list(node.iter(include_text=True))
        stack.extend((child, True) for child in reversed(children))
    return _tidy("".join(pieces))


def _tidy(text: str) -> str:
    text = _MANY_SPACES.sub(" ", text)
    text = _SPACES_AROUND_BREAKS.sub(lambda m: "\n\n" if m.group().count("\n") > 1 else "\n", text)
    return text.strip()
