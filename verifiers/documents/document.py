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
from verifiers.errors import UnreadableSource
from verifiers.language.folding import WordIndex
from verifiers.model import FetchedPage, Metadata, SourceReport
from verifiers.web.failures import ErrorKind, error_kind

__all__ = ["Document", "Source", "read_document", "read_source"]


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


# A source as a run holds it: its entry in the report, and its document when it could be read.
Source = tuple[SourceReport, Document | None]


def read_source(page: FetchedPage) -> tuple[SourceReport, Document | None]:
    """The report entry for a fetched page and, when it has a body, its document; an error
    comes with its kind (verifiers.web.failures)."""
    document, error, metadata = None, page.error, None
    kind: ErrorKind | None = error_kind(page.status, error) if error else None
    if error is None:
        try:
            document = read_document(page)
        except UnreadableSource as failure:
            error, kind = str(failure), "unreadable"
        except Exception as failure:  # a page the parser chokes on is that source's fault
            error = f"the page could not be read ({type(failure).__name__}: {failure})"
            kind = "unreadable"
    if document is not None and document.wall:
        error, kind = f"not the article but a stub: {document.wall}", "blocked"
        metadata, document = document.metadata, None
    report = SourceReport(
        url=page.url,
        final_url=page.final_url,
        status=page.status,
        via=page.via,
        fetched_at=page.fetched_at,
        sha256=page.sha256,
        error=error,
        metadata=document.metadata if document else metadata,
        live_error=page.live_error,
        evidence_record=page.evidence_record,
        error_kind=kind,
    )
    return report, document
