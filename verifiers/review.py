"""Judge a reference against its fetched sources: the pure core of a verification run."""

from __future__ import annotations

from dataclasses import replace

from verifiers.attribution import (
    check_attribution,
    date_notes,
    publisher_hosts,
    spelling_notes,
)
from verifiers.candidates import locates, screen
from verifiers.claims.judge import check_claim
from verifiers.documents import Document, Source
from verifiers.model import (
    WORDS_HELD_VERDICTS,
    ClaimFinding,
    QuoteFinding,
    Reference,
    ReferenceReport,
    RejectedCandidate,
)
from verifiers.quotes.check import check_quote

__all__ = ["check_reference", "look_elsewhere"]

# Verdicts that may mean the words were misattributed: not on the reference's own pages.
_LOOKED_FOR_ELSEWHERE = frozenset({"not_found", "paraphrased"})


def check_reference(
    reference: Reference,
    sources: list[Source],
    candidates: list[Source] = (),
    article_url: str | None = None,
    by_meaning: bool = False,
) -> ReferenceReport:
    """Judge a reference against the pages it names and, when it names none that hold its
    words, against the pages search found for it that do. `article_url`, the citing
    article's address, tells words said to its own outlet ("told Axios" on axios.com);
    `by_meaning` orders claim evidence by the meaning model."""
    accepted, rejected = screen(reference, candidates)
    sources = [*sources, *accepted]
    documents = [document for _, document in sources if document is not None]
    unread = [
        f"{report.url}: {report.error_kind or 'failed'}: {report.error}"
        for report, document in sources
        if document is None
    ]
    people = reference.people
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
        claims=[_judge_claim(claim, documents, unread, by_meaning) for claim in reference.claims],
        rejected_candidates=rejected,
    )


def _judge_claim(
    claim: str, documents: list[Document], unread: list[str], by_meaning: bool
) -> ClaimFinding:
    """The claim's finding; with no page to weigh it against, why not."""
    if documents:
        return check_claim(claim, documents, by_meaning)
    why = (
        f"No source of this reference could be read ({'; '.join(unread)})."
        if unread
        else "No page to read: the reference names none, and no search found one."
    )
    return ClaimFinding(claim, "no_evidence", [], why)


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
            _found_elsewhere(quote, others, reference.people, sorted(own))
            if quote.verdict in _LOOKED_FOR_ELSEWHERE and others and locates(quote.text)
            else quote
            for quote in report.quotes
        ]
        updated.append(replace(report, quotes=quotes))
    return updated


def _found_elsewhere(
    quote: QuoteFinding, others: list[Document], people: list[str], own: list[str]
) -> QuoteFinding:
    """The finding on another page of the run, flagged, naming both pages (CONTRACT)."""
    found = check_quote(quote.text, others, [], people)
    if found.verdict not in WORDS_HELD_VERDICTS:
        return quote
    pages = f" ({', '.join(own)})" if own else ""
    seen = (
        f"the words are not in this reference's page{'s' if len(own) > 1 else ''}{pages} "
        f"but in {found.source_url}, another page read in this run"
    )
    return replace(
        found,
        flags=["found_elsewhere", *found.flags],
        explanation=f"{found.explanation} Flag found_elsewhere: {seen}.",
    )
