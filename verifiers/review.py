"""Judge a reference against its fetched sources: the pure core of a verification run."""

from __future__ import annotations

from dataclasses import replace

from verifiers.attribution import (
    check_attribution,
    date_notes,
    publisher_hosts,
    spelling_notes,
)
from verifiers.claims.judge import check_claim
from verifiers.documents import Document, read_document
from verifiers.errors import UnreadableSource
from verifiers.model import (
    FetchedPage,
    QuoteFinding,
    Reference,
    ReferenceReport,
    RejectedCandidate,
    SourceReport,
)
from verifiers.quotes.check import check_quote


def read_source(page: FetchedPage) -> tuple[SourceReport, Document | None]:
    """The report entry for a fetched page and, when it has a body, its document."""
    document, error, metadata = None, page.error, None
    if error is None:
        try:
            document = read_document(page)
        except UnreadableSource as failure:
            error = str(failure)
        except Exception as failure:  # a page the parser chokes on is that source's fault
            error = f"the page could not be read ({type(failure).__name__}: {failure})"
    if document is not None and document.wall:
        error = f"not the article but a stub: {document.wall}"
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
    )
    return report, document


Source = tuple[SourceReport, Document | None]
# What makes a page found by search the reference's source: its words are there.
_HOLDS_QUOTE = frozenset({"verified", "verified_with_edits", "misquoted"})
_HOLDS_CLAIM = frozenset({"supported", "needs_review"})


def check_reference(
    reference: Reference,
    sources: list[Source],
    candidates: list[Source] = (),
    article_url: str | None = None,
) -> ReferenceReport:
    """Judge a reference against the pages it names and, when it names none that hold its
    words, against the pages search found for it that do. `article_url`, the citing
    article's address, tells words said to its own outlet ("told Axios" on axios.com)."""
    accepted, rejected = _screen(reference, candidates)
    sources = [*sources, *accepted]
    documents = [document for _, document in sources if document is not None]
    unread = [f"{report.url}: {report.error}" for report, document in sources if document is None]
    people = _people(reference)
    if not sources and rejected:
        quotes = [_not_in_candidates(quote, rejected) for quote in reference.quotes]
    elif not sources:
        own_reporting = publisher_hosts(reference.publisher, article_url)
        quotes = [
            _no_page(quote, reference.publisher if own_reporting else None)
            for quote in reference.quotes
        ]
    else:
        quotes = [check_quote(quote, documents, unread, people) for quote in reference.quotes]
    return ReferenceReport(
        id=reference.id,
        cite=reference.cite,
        sources=[report for report, _ in sources],
        attribution=check_attribution(reference, documents),
        attribution_notes=spelling_notes(reference, documents) + date_notes(reference, documents),
        quotes=quotes,
        claims=[check_claim(claim, documents) for claim in reference.claims],
        rejected_candidates=rejected,
    )


def _screen(
    reference: Reference, candidates: list[Source]
) -> tuple[list[Source], list[RejectedCandidate]]:
    """Keep the candidates that hold a quotation (or, for a reference of claims only, give
    evidence for a claim); reject the rest, saying why: a decoy from the same outlet ranks
    well in search but does not hold the words."""
    accepted, rejected = [], []
    people = _people(reference)
    for report, document in candidates:
        if document is None:
            rejected.append(RejectedCandidate(report.url, f"could not be read: {report.error}"))
            continue
        if reference.quotes:
            holds = any(
                check_quote(quote, [document], [], people).verdict in _HOLDS_QUOTE
                for quote in reference.quotes
            )
            why = "none of the quoted words are on it"
        else:
            holds = any(
                check_claim(claim, [document]).verdict in _HOLDS_CLAIM for claim in reference.claims
            )
            why = "it says nothing about the reported claims"
        if holds and _someone_else(reference, document):
            why = (
                "it holds the words, but its byline and publisher are not the cited ones: a "
                "page quoting the source, not the source"
            )
        elif holds:
            accepted.append((replace(report, found_by="search"), document))
            continue
        rejected.append(RejectedCandidate(report.url, why))
    return accepted, rejected


def _someone_else(reference: Reference, document: Document) -> bool:
    """The page says it is by other people, or from another publisher, than the citation
    names, and nothing it says matches: search found a page that quotes the source."""
    stated = check_attribution(reference, [document])
    fields = [stated["authors"], stated["publisher"]]
    return "mismatch" in fields and "match" not in fields


def _no_page(quote: str, own_outlet: str | None = None) -> QuoteFinding:
    """No page to check the words against; said to `own_outlet`, the outlet that published
    the citing article, they are its original reporting, and no page is to be expected."""
    explanation = (
        f"Said to {own_outlet}, which published the citing article: original reporting, "
        "with no earlier published source to check the words against (the reporter's notes "
        "or recording are the evidence)."
        if own_outlet
        else "No page to read: the reference names none, and no search found one (set "
        "SOURCECHECK_SEARCH_URL to a SearXNG-compatible service, or add the source's address "
        "to the manifest's urls)."
    )
    return QuoteFinding(quote, "unavailable", 0.0, None, None, [], explanation)


def _not_in_candidates(quote: str, rejected: list[RejectedCandidate]) -> QuoteFinding:
    read = [c.url for c in rejected if not c.reason.startswith("could not be read")]
    if not read:
        reasons = "; ".join(f"{c.url}: {c.reason}" for c in rejected)
        return QuoteFinding(
            quote, "unavailable", 0.0, None, None, [], f"No source could be read ({reasons})."
        )
    return QuoteFinding(
        quote,
        "not_found",
        0.0,
        None,
        None,
        [],
        f"The article names no page for this reference; {len(read)} page(s) found by search "
        f"were read and none holds these words ({', '.join(read)}).",
    )


def look_elsewhere(
    references: list[Reference],
    reports: list[ReferenceReport],
    documents: dict[str, Document],
) -> list[ReferenceReport]:
    """Quotations absent from their own reference's pages, looked for in every other page
    read in the run: words that stand there were misattributed, not invented."""
    updated = []
    for reference, report in zip(references, reports, strict=True):
        own = {source.url for source in report.sources}
        others = [doc for url, doc in documents.items() if url not in own]
        quotes = [
            _found_elsewhere(quote, others, _people(reference))
            if quote.verdict in ("not_found", "paraphrased") and others
            else quote
            for quote in report.quotes
        ]
        updated.append(replace(report, quotes=quotes))
    return updated


def _people(reference: Reference) -> list[str]:
    """Whoever the reference says the quoted words are by: its authors, its speakers and
    its citation."""
    return [*reference.authors, *reference.speakers, reference.cite]


def _found_elsewhere(
    quote: QuoteFinding, others: list[Document], people: list[str]
) -> QuoteFinding:
    found = check_quote(quote.text, others, [], people)
    if found.verdict not in ("verified", "verified_with_edits", "misquoted"):
        return quote
    seen = (
        f"the words are not in this reference's pages but in {found.source_url}, "
        "another page read in this run"
    )
    return replace(
        found,
        flags=["found_elsewhere", *found.flags],
        explanation=f"{found.explanation} Flag found_elsewhere: {seen}.",
    )
