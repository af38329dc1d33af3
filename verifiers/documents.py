"""Turn a fetched page into a Document: its readable text, its metadata and a word index.

The whole visible text of the page is kept, not just a guessed "main content": extractors
that keep only the article body lose quoted passages. Blocks become paragraph breaks,
inline elements join without stray spaces, and script, style, template and noscript are
dropped.
"""

from __future__ import annotations

import codecs
import html as html_module
import re
from dataclasses import dataclass, field

import charset_normalizer
from selectolax.lexbor import LexborHTMLParser, LexborNode

from verifiers.fragments import collapse
from verifiers.metadata import read_metadata
from verifiers.model import FetchedPage, Metadata
from verifiers.pdf import read_pdf
from verifiers.text import WordIndex
from verifiers.walls import find_wall

_SKIPPED_TAGS = frozenset(
    {
        "head",
        "script",
        "style",
        "template",
        "noscript",
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "select",
        "datalist",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "caption",
        "summary",
        "legend",
        "menu",
    }
)
_LINE_TAGS = frozenset({"br", "td", "th"})
_PRESERVING_TAGS = frozenset({"pre", "textarea", "listing", "plaintext"})
# A hyphen that ends a source line between letters keeps its line break, so that the
# word split there is joined again ("negoti-\nated"), while "Arbeiter- und" stays two words.
_LINE_END_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")
_HTML_WHITESPACE = re.compile(r"(?<!-)[ \t\n\r\f]+|(?<=-)[ \t\r\f]+")
_SPACES_AROUND_BREAKS = re.compile(r" *\n[ \n]*")
_MANY_SPACES = re.compile(r" {2,}")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# How much of a page's start may hold its <meta charset> (the HTML standard says 1024
# bytes; real pages put long scripts first, so look further).
_META_CHARSET_WINDOW = 8192
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# The HTML parser's work grows with the square of the nesting depth (100,000 nested <div>s
# take about 15 s); real pages nest at most a few hundred deep (293 in the 200-page corpus).
# Deeper pages are read without their markup instead.
MAX_NESTING_DEPTH = 2000
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
# Elements that never nest: void ones, and those the parser closes by itself.
_NON_NESTING = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
        "optgroup",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "rb",
        "rt",
        "rp",
        "param",
    }
)
_UNREAD_ELEMENTS = re.compile(r"<(script|style|template|noscript)\b.*?</\1\s*>", re.I | re.S)
_BLOCK_TAG = re.compile(rf"</?(?:{'|'.join(sorted(_BLOCK_TAGS))})\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
_COMMENT_SELECTORS = (
    '[id*="comments"], [class*="comments"], [id*="disqus"], [class*="comment-list"], '
    '[class*="commentlist"], [id*="kommentare"], [class*="kommentare"], [class*="leserkommentar"]'
)


@dataclass(eq=False)
class Document:
    """A source page ready for matching."""

    url: str
    text: str
    metadata: Metadata
    index: WordIndex
    wall: str | None = None  # what shows the page is a paywall or consent stub
    # Readers' comments on the page, one line each, as in `collapse(text)`.
    comments: list[str] = field(default_factory=list)


def build_document(page: FetchedPage) -> Document:
    """Read a fetched page's body as HTML or plain text."""
    url = page.final_url or page.url
    if page.body.startswith(b"%PDF-"):
        body_text, metadata = read_pdf(page.body)
        return Document(url=url, text=body_text, metadata=metadata, index=WordIndex(body_text))
    text = decode_body(page.body, page.content_type)
    is_html = _is_html(page.content_type, text)
    if is_html and nesting_depth(text) > MAX_NESTING_DEPTH:
        body_text, metadata = text_without_markup(text), Metadata()
    elif is_html:
        parser = LexborHTMLParser(text)
        body_text = html_to_text(parser)
        metadata = read_metadata(parser, url, body_text, text)
        document = Document(url, body_text, metadata, WordIndex(body_text))
        document.wall = find_wall(parser, body_text)
        document.comments = readers_comments(parser, len(body_text))
        return document
    else:
        body_text, metadata = text.replace("\r\n", "\n"), Metadata()
    return Document(url=url, text=body_text, metadata=metadata, index=WordIndex(body_text))


def decode_body(body: bytes, content_type: str | None) -> str:
    """Decode with the header's charset, then a BOM, then `<meta charset>`, then detection."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    for candidate in (_charset_from_header(content_type), _charset_from_meta(body)):
        if candidate:
            try:
                return body.decode(_whatwg_alias(candidate), errors="replace")
            except LookupError:
                continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body).best()
    if best is not None and not all(_is_latin(alphabet) for alphabet in best.alphabets):
        return str(best)
    # Undeclared Latin-script pages are windows-1252 in practice (browsers decode them so);
    # detectors guess among look-alike code pages and often pick a DOS one.
    return body.decode("windows-1252", errors="replace")


def _is_latin(alphabet: str) -> bool:
    return "Latin" in alphabet or alphabet in {"General Punctuation", "Currency Symbols"}


def _charset_from_header(content_type: str | None) -> str | None:
    found = _HEADER_CHARSET.search(content_type or "")
    return found.group(1) if found else None


def _charset_from_meta(body: bytes) -> str | None:
    found = _META_CHARSET.search(body[:_META_CHARSET_WINDOW])
    return found.group(1).decode("ascii") if found else None


def _whatwg_alias(label: str) -> str:
    """Browsers read latin-1 and ascii labels as windows-1252; so must we."""
    label = label.strip().lower()
    if label in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"}:
        return "windows-1252"
    codecs.lookup(label)
    return label


def _is_html(content_type: str | None, text: str) -> bool:
    if content_type:
        media_type = content_type.split(";")[0].strip().lower()
        if media_type in {"text/html", "application/xhtml+xml"}:
            return True
        if media_type == "text/plain":
            return False
    return bool(re.match(r"\s*(<!doctype html|<html|<head|<body|<!--)", text[:512], re.I))


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
        if tag.group(2).lower() in _NON_NESTING:
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
            if tag in _BLOCK_TAGS:
                pieces.append("\n\n")
            elif tag in _LINE_TAGS:
                pieces.append("\n")
            if tag in _PRESERVING_TAGS:
                preserving -= 1
            continue
        if tag == "-text":
            content = node.text_content or ""
            if not preserving:
                content = _HTML_WHITESPACE.sub(" ", _LINE_END_HYPHEN.sub("-\n", content))
            pieces.append(content)
            continue
        if tag in _SKIPPED_TAGS or tag == "-comment" or "hidden" in (node.attributes or {}):
            continue
        if tag in _BLOCK_TAGS:
            pieces.append("\n\n")
        if tag in _PRESERVING_TAGS:
            preserving += 1
        stack.append((node, False))
        children = list(node.iter(include_text=True))
        stack.extend((child, True) for child in reversed(children))
    return _tidy("".join(pieces))


def _tidy(text: str) -> str:
    text = _MANY_SPACES.sub(" ", text)
    text = _SPACES_AROUND_BREAKS.sub(lambda m: "\n\n" if m.group().count("\n") > 1 else "\n", text)
    return text.strip()
