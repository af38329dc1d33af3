"""Judge a reference against its fetched sources: the pure core of a verification run."""

from __future__ import annotations

from verifiers.attribution import check_attribution
from verifiers.claims import check_claim
from verifiers.documents import Document, build_document
from verifiers.model import FetchedPage, Reference, ReferenceReport, SourceReport
from verifiers.quotes.check import check_quote


def read_source(page: FetchedPage) -> tuple[SourceReport, Document | None]:
    """The report entry for a fetched page and, when it has a body, its document."""
    document, error = None, page.error
    if error is None:
        try:
            document = build_document(page)
        except Exception as failure:  # a page the parser chokes on is that source's fault
            error = f"the page could not be read ({type(failure).__name__}: {failure})"
    report = SourceReport(
        url=page.url,
        final_url=page.final_url,
        status=page.status,
        via=page.via,
        fetched_at=page.fetched_at,
        sha256=page.sha256,
        error=error,
        metadata=document.metadata if document else None,
    )
    return report, document


def check_reference(
    reference: Reference, sources: list[tuple[SourceReport, Document | None]]
) -> ReferenceReport:
    documents = [document for _, document in sources if document is not None]
    unread = [f"{report.url}: {report.error}" for report, document in sources if document is None]
    return ReferenceReport(
        id=reference.id,
        cite=reference.cite,
        sources=[report for report, _ in sources],
        attribution=check_attribution(reference, documents),
        quotes=[check_quote(quote, documents, unread) for quote in reference.quotes],
        claims=[check_claim(claim, documents) for claim in reference.claims],
    )
