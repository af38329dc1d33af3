"""A fetched page as a Document: its readable text, its metadata and a word index."""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from verifiers.documents.decoding import decode_body, is_html
from verifiers.documents.html_text import (
    MAX_NESTING_DEPTH,
    html_to_text,
    nesting_depth,
    readers_comments,
    text_without_markup,
)
from verifiers.documents.metadata import read_metadata
from verifiers.documents.pdf import read_pdf
from verifiers.documents.walls import find_wall
from verifiers.language.folding import WordIndex
from verifiers.model import FetchedPage, Metadata

__all__ = ["Document", "read_document"]


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


def read_document(page: FetchedPage) -> Document:
    """Read a fetched page's body as HTML or plain text."""
    url = page.final_url or page.url
    if page.body.startswith(b"%PDF-"):
        body_text, metadata = read_pdf(page.body)
        return Document(url=url, text=body_text, metadata=metadata, index=WordIndex(body_text))
    text = decode_body(page.body, page.content_type)
    html = is_html(page.content_type, text)
    if html and nesting_depth(text) > MAX_NESTING_DEPTH:
        body_text, metadata = text_without_markup(text), Metadata()
    elif html:
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
