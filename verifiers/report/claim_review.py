"""schema.org ClaimReview for each quotation, as fact-checking organisations exchange them."""

from __future__ import annotations

from typing import Any

from verifiers.model import QUOTE_VERDICT_MEANINGS

__all__ = ["claim_review"]


def claim_review(reference: dict, quote: dict, generated_at: str) -> dict[str, Any]:
    """The review of one quotation of `reference` (both as they stand in report.json)."""
    source = _source_of(reference, quote.get("source_url"))
    metadata = (source or {}).get("metadata") or {}
    page_authors = [{"@type": "Person", "name": name} for name in metadata.get("authors", [])]
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if quote.get("source_url"):
        appearance["url"] = quote["source_url"]
    if metadata.get("title"):
        appearance["headline"] = metadata["title"]
    if page_authors:
        appearance["author"] = page_authors
    if metadata.get("published"):
        appearance["datePublished"] = metadata["published"]
    cited_author = ", ".join(reference.get("authors") or []) or reference["cite"]
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": quote["text"],
        "datePublished": generated_at[:10],
        "author": {"@type": "Organization", "name": "sourcecheck"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": QUOTE_VERDICT_MEANINGS[quote["verdict"]].rating,
            "bestRating": 5,
            "worstRating": 0,
            "alternateName": quote["verdict"],
            "ratingExplanation": quote["explanation"],
        },
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Thing", "name": cited_author},
            "appearance": appearance,
        },
    }
    if quote.get("match"):
        review["url"] = quote["match"]["fragment_url"]
    return review


def _source_of(reference: dict, url: str | None) -> dict | None:
    for source in reference["sources"]:
        if url and url in (source["url"], source["final_url"]):
            return source
    return None
