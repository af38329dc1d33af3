"""An article as blocks of text with marked spans, whatever format it came in.

HTML, Markdown and plain text all become the same thing: a list of blocks (paragraphs, list
items, headings, block quotations), each a plain string whose links, `<q>` quotations,
italics and `<cite>` titles are kept as character spans. Everything that finds quotations
and their attributions works on this one shape.
"""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass, field
from typing import Literal

from selectolax.lexbor import LexborHTMLParser, LexborNode

from verifiers.documents.tags import BLOCKS, HEADINGS, LINE_BREAKS, NOT_SHOWN, PAGE_FURNITURE

__all__ = ["ArticleText", "Block", "from_html", "from_markdown", "from_plain_text"]

BlockKind = Literal["paragraph", "blockquote", "heading", "item"]
SpanKind = Literal["link", "quote", "emphasis", "cite"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: SpanKind
    # A link's address, or the `cite` address of a `<q>` or `<blockquote>`.
    href: str | None = None


@dataclass
class Block:
    text: str
    kind: BlockKind = "paragraph"
    spans: list[Span] = field(default_factory=list)
    # Paragraphs of one block quotation share a group number; other blocks have none.
    group: int | None = None
    # The `cite` address of the block quotation this block belongs to.
    cite_url: str | None = None


@dataclass
class ArticleText:
    location: str
    blocks: list[Block]
    title: str | None = None
    url: str | None = None
    # `citation_reference` metadata: a scholarly page's own list of the works it cites.
    cited_works: list[dict[str, list[str]]] = field(default_factory=list)


_SPACES = re.compile(r"\s+")
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]\"“”‘’']+[^\s<>()\[\]\"“”‘’'.,;:!?]")


# --- HTML -----------------------------------------------------------------------------

# What an article leaves out besides what is never shown: the page's navigation around it.
_SKIPPED = NOT_SHOWN | {"form", "button", "nav", "aside", "-comment"}
# A page's header and footer are no blocks here: outside a block quotation they are
# skipped (see `walk`); inside one, a footer's line stays with the quotation it closes.
_BLOCKS = (BLOCKS | LINE_BREAKS) - PAGE_FURNITURE
_EMPHASIS = frozenset({"em", "i"})


def from_html(html: str, location: str, url: str | None = None) -> ArticleText:
    """The article in an HTML page: its longest `<article>`, else its `<main>`, else its
    body; without navigation, asides, forms and the page's own header and footer."""
    parser = LexborHTMLParser(html)
    # Pages hold teasers in <article> elements too: the article is the one with most text.
    articles = sorted(parser.css("article"), key=lambda node: len(node.text()), reverse=True)
    root = (articles[0] if articles else None) or parser.css_first("main") or parser.body
    builder = _BlockBuilder()
    if root is not None:
        builder.walk(root)
    builder.flush()
    _follow_footnotes(builder.blocks, parser)
    title = _html_title(parser)
    canonical = parser.css_first('link[rel="canonical"]')
    page_url = (canonical.attributes.get("href") if canonical else None) or url
    return ArticleText(location, builder.blocks, title, page_url, _cited_works(parser))


class _BlockBuilder:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._pieces: list[str] = []
        self._length = 0
        self._spans: list[Span] = []
        self._kind: BlockKind = "paragraph"
        self._group: int | None = None
        self._cite_url: str | None = None
        self._groups = 0

    def walk(self, root: LexborNode) -> None:
        # An explicit stack: real pages nest deeper than Python recurses.
        stack: list[tuple[LexborNode, bool, int]] = [(root, True, 0)]
        while stack:
            node, entering, opened_at = stack.pop()
            tag = node.tag or ""
            if not entering:
                self._leave(node, tag, opened_at)
                continue
            if tag == "-text":
                self._add(node.text_content or "")
                continue
            attributes = node.attributes or {}
            if tag in _SKIPPED or "hidden" in attributes or attributes.get("aria-hidden") == "true":
                continue
            if tag in PAGE_FURNITURE and node is not root and self._group is None:
                continue
            self._enter(tag, attributes)
            stack.append((node, False, self._length))
            children = list(node.iter(include_text=True))
            stack.extend((child, True, 0) for child in reversed(children))

    def _enter(self, tag: str, attributes: dict) -> None:
        if tag == "blockquote":
            self.flush()
            self._groups += 1
            self._group, self._kind = self._groups, "blockquote"
            self._cite_url = attributes.get("cite")
        elif tag in _BLOCKS:
            self.flush()
            if tag in HEADINGS:
                self._kind = "heading"
            elif tag == "li" and self._group is None:
                self._kind = "item"

    def _leave(self, node: LexborNode, tag: str, opened_at: int) -> None:
        attributes = node.attributes or {}
        if tag == "a" and attributes.get("href"):
            self._mark(opened_at, "link", attributes["href"])
        elif tag == "q":
            self._mark(opened_at, "quote", attributes.get("cite"))
        elif tag in _EMPHASIS:
            self._mark(opened_at, "emphasis")
        elif tag == "cite":
            self._mark(opened_at, "cite")
        elif tag == "blockquote":
            self.flush()
            self._group, self._cite_url, self._kind = None, None, "paragraph"
        elif tag in _BLOCKS:
            self.flush()
            if tag in HEADINGS or tag == "li":
                self._kind = "blockquote" if self._group is not None else "paragraph"

    def _add(self, text: str) -> None:
        text = _SPACES.sub(" ", text)
        if not text:
            return
        if text.startswith(" ") and (not self._pieces or self._pieces[-1].endswith(" ")):
            text = text[1:]
        self._pieces.append(text)
        self._length += len(text)

    def _mark(self, start: int, kind: SpanKind, href: str | None = None) -> None:
        end = self._length
        if end > start and self._pieces[-1].endswith(" "):  # spaces collapse to one
            end -= 1
        if end > start:
            self._spans.append(Span(start, end, kind, href))

    def flush(self) -> None:
        raw = "".join(self._pieces)
        text = raw.rstrip()
        lead = len(text) - len(text.lstrip())
        if text.strip():
            spans = [
                Span(max(0, s.start - lead), min(len(text), s.end) - lead, s.kind, s.href)
                for s in self._spans
                if s.start < len(text)
            ]
            self.blocks.append(Block(text.strip(), self._kind, spans, self._group, self._cite_url))
        self._pieces, self._length, self._spans = [], 0, []


def _follow_footnotes(blocks: list[Block], parser: LexborHTMLParser) -> None:
    """A link to a note on the same page ("…settlement.”<sup><a href="#fn1">1</a></sup>")
    stands for the first web address in that note; a same-page link without one is no
    source at all."""
    for block in blocks:
        spans = []
        for span in block.spans:
            if span.kind == "link" and span.href and span.href.startswith("#"):
                href = _note_address(parser, span.href[1:])
                if href is None:
                    continue
                span = Span(span.start, span.end, "link", href)
            spans.append(span)
        block.spans = spans


def _note_address(parser: LexborHTMLParser, anchor: str) -> str | None:
    if not anchor or '"' in anchor or "\\" in anchor:
        return None
    note = parser.css_first(f'[id="{anchor}"]') or parser.css_first(f'a[name="{anchor}"]')
    if note is None:
        return None
    for link in note.css("a[href]"):
        href = (link.attributes.get("href") or "").strip()
        if href.startswith(("http://", "https://")):
            return href
    return _first_address(note.text())


def _first_address(text: str) -> str | None:
    found = _BARE_URL.search(text or "")
    return found.group() if found else None


def _html_title(parser: LexborHTMLParser) -> str | None:
    for selector in ('meta[property="og:title"]', 'meta[name="citation_title"]'):
        node = parser.css_first(selector)
        if node is not None and (node.attributes.get("content") or "").strip():
            return node.attributes["content"].strip()
    for selector in ("h1", "title"):
        node = parser.css_first(selector)
        if node is not None and node.text(strip=True):
            return _SPACES.sub(" ", node.text(strip=True))
    return None


def _cited_works(parser: LexborHTMLParser) -> list[dict[str, list[str]]]:
    """`<meta name="citation_reference" content="citation_title=…; citation_author=…">`."""
    works = []
    for node in parser.css('meta[name="citation_reference"]'):
        work: dict[str, list[str]] = {}
        for part in (node.attributes.get("content") or "").split(";"):
            key, _, value = part.partition("=")
            if value.strip():
                work.setdefault(key.strip().removeprefix("citation_"), []).append(value.strip())
        if work:
            works.append(work)
    return works


# --- Markdown ---------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[([^\]^][^\]]*)\]:\s*<?(\S+?)>?(?:\s+[\"'(].*)?$")
_FOOTNOTE_DEFINITION = re.compile(r"^\s{0,3}\[\^([^\]]+)\]:\s*(.*)$")
_INLINE = re.compile(
    r"\[(?P<text>[^\]]+)\]\((?P<href><[^>]*>|[^)\s]+)(?:\s+[\"'][^)]*[\"'])?\)"
    r"|\[(?P<note>\^[^\]]+)\]"
    r"|\[(?P<rtext>[^\]]+)\]\[(?P<ref>[^\]]*)\]"
    r"|<(?P<auto>https?://[^>\s]+)>"
    r"|(?P<strong>\*\*|__)(?P<stext>.+?)(?P=strong)"
    r"|(?<![\w*])(?P<em>[*_])(?P<etext>[^*_\s](?:[^*_]*[^*_\s])?)(?P=em)(?![\w*])"
    r"|`(?P<code>[^`]+)`"
    r"|<q>(?P<qtext>.+?)</q>"
)


def from_markdown(text: str, location: str) -> ArticleText:
    text = text.replace("\r\n", "\n")
    title, url = None, None
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            value = value.strip().strip("\"'")
            if key.strip() == "title" and value:
                title = value
            elif key.strip() in ("url", "canonical_url") and value:
                url = value
        text = text[front.end() :]
    lines = text.split("\n")
    definitions = {}
    for line in lines:
        match = _LINK_DEFINITION.match(line)
        if match:
            definitions[match.group(1).lower()] = match.group(2)
        note = _FOOTNOTE_DEFINITION.match(line)
        if note and _first_address(note.group(2)):
            definitions[f"^{note.group(1).lower()}"] = _first_address(note.group(2))
    lines = [line for line in lines if not _FOOTNOTE_DEFINITION.match(line)]
    blocks: list[Block] = []
    groups = 0
    for paragraph in _markdown_paragraphs([ln for ln in lines if not _LINK_DEFINITION.match(ln)]):
        kind, group, body = paragraph
        if kind == "blockquote" and (not blocks or blocks[-1].group != group):
            groups += 1
        heading = _HEADING.match(body)
        if heading and kind == "paragraph":
            kind, body = "heading", heading.group(1)
            title = title or body
        plain, spans = _markdown_inline(body, definitions)
        blocks.append(Block(plain, kind, spans, groups if group is not None else None))
    return ArticleText(location, blocks, title, url)


def _markdown_paragraphs(lines: list[str]):
    """(kind, block-quotation number, text) for each paragraph, list item and heading."""
    current: list[str] = []
    kind: BlockKind = "paragraph"
    group: int | None = None
    quote_number = 0
    previous_quoted = False

    def finish():
        nonlocal current
        if current:
            yield kind, group, " ".join(part.strip() for part in current)
        current = []

    for line in lines:
        quoted = line.lstrip().startswith(">")
        if quoted and not previous_quoted:
            yield from finish()
            quote_number += 1
        if not quoted and previous_quoted:
            yield from finish()
        previous_quoted = quoted
        body = re.sub(r"^\s*(>\s?)+", "", line) if quoted else line
        if not body.strip():
            yield from finish()
            continue
        if _HEADING.match(body) or _ITEM.match(body):
            yield from finish()
        if _ITEM.match(body):
            kind = "item" if not quoted else "blockquote"
            body = _ITEM.sub("", body, count=1)
        elif not current:
            kind = "blockquote" if quoted else "paragraph"
        group = quote_number if quoted else None
        current.append(body)
        if _HEADING.match(body):
            yield from finish()
    yield from finish()


def _markdown_inline(text: str, definitions: dict[str, str]) -> tuple[str, list[Span]]:
    pieces: list[str] = []
    spans: list[Span] = []
    length, position = 0, 0
    for match in _INLINE.finditer(text):
        plain = _markdown_unescape(text[position : match.start()])
        pieces.append(plain)
        length += len(plain)
        inner, kind, href = _inline_parts(match, definitions)
        inner = _markdown_unescape(inner)
        if kind is not None:
            spans.append(Span(length, length + len(inner), kind, href))
        pieces.append(inner)
        length += len(inner)
        position = match.end()
    pieces.append(_markdown_unescape(text[position:]))
    plain = "".join(pieces)
    return plain, spans + _bare_links(plain, spans)


def _inline_parts(match: re.Match, definitions: dict[str, str]):
    if match.group("text") is not None:
        return match.group("text"), "link", match.group("href").strip("<>")
    if match.group("note") is not None:  # a footnote marker: the note's address
        key = match.group("note").lower()
        marker = f"[{match.group('note')[1:]}]"
        return marker, ("link" if key in definitions else None), definitions.get(key)
    if match.group("rtext") is not None:
        key = (match.group("ref") or match.group("rtext")).lower()
        return match.group("rtext"), ("link" if key in definitions else None), definitions.get(key)
    if match.group("auto") is not None:
        return match.group("auto"), "link", match.group("auto")
    if match.group("stext") is not None:
        return match.group("stext"), None, None
    if match.group("etext") is not None:
        return match.group("etext"), "emphasis", None
    if match.group("code") is not None:
        return match.group("code"), None, None
    return match.group("qtext"), "quote", None


def _markdown_unescape(text: str) -> str:
    return html_module.unescape(re.sub(r"\\([\\`*_{}\[\]()#+\-.!>\"'])", r"\1", text))


# --- Plain text -------------------------------------------------------------------------


def from_plain_text(text: str, location: str) -> ArticleText:
    """Paragraphs are separated by blank lines; lines opening with `>` are block quotations;
    a short first line standing alone is the title."""
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    notes = _plain_notes(paragraphs)
    blocks: list[Block] = []
    groups, title = 0, None
    for index, paragraph in enumerate(paragraphs):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        if not lines:
            continue
        quoted = all(line.startswith(">") for line in lines)
        body = _join_lines([line.lstrip("> ").strip() if quoted else line for line in lines])
        # Plain-text writers mark titles with *asterisks* or _underscores_ too.
        body, spans = _markdown_inline(body, {})
        spans += [
            Span(m.start(), m.end(), "link", notes[m.group(1)])
            for m in _NOTE_MARKER.finditer(body)
            if m.group(1) in notes and not _NOTE_LINE.match(body)
        ]
        if index == 0 and len(lines) == 1 and len(body) < 120 and body[-1] not in '.!?”"':
            title = body
            blocks.append(Block(body, "heading"))
            continue
        if quoted and not (blocks and blocks[-1].kind == "blockquote"):
            groups += 1
        blocks.append(
            Block(
                body,
                "blockquote" if quoted else "paragraph",
                spans,
                groups if quoted else None,
            )
        )
    return ArticleText(location, blocks, title)


_NOTE_MARKER = re.compile(r"\[(\d{1,3})\]")
_NOTE_LINE = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s+(.*)$")


def _plain_notes(paragraphs: list[str]) -> dict[str, str]:
    """Numbered notes with a web address ("[1] Hill and Stent, https://…"), by number."""
    notes = {}
    for paragraph in paragraphs:
        for line in paragraph.split("\n"):
            found = _NOTE_LINE.match(line)
            address = _first_address(found.group(3)) if found else None
            if address:
                notes[found.group(1) or found.group(2)] = address
    return notes


def _join_lines(lines: list[str]) -> str:
    """A paragraph's lines as one line; a word broken by a hyphen at a line's end is rejoined."""
    text = ""
    for line in lines:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and line[:1].islower():
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text


def _bare_links(text: str, spans: list[Span]) -> list[Span]:
    covered = [(span.start, span.end) for span in spans if span.kind == "link"]
    links = []
    for match in _BARE_URL.finditer(text):
        if not any(start <= match.start() < end for start, end in covered):
            links.append(Span(match.start(), match.end(), "link", match.group()))
    return links
