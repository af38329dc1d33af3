"""Candidate sources: pages that may be a reference's source though the article names none.

Three steps, in the order a run takes them:

1. **Finding** (`add_candidates`): a reference that names no page is given the pages the
   search providers (verifiers.web.search) find for it, or, in a watched article, the
   pages search found for the same citation in the run before.
2. **Ranking** (`score`): of what search returns, only the few that best fit what the
   article says of the source are read. The ranking only chooses what to read.
3. **Accepting** (`screen`): a page read is the reference's source only when its words are
   there; a decoy from the same outlet ranks well in search but does not hold them, and a
   page that holds them under another byline and publisher quotes the source.

Every weight of the ranking is named below, with the reason for its value.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace
from urllib.parse import urlsplit

from verifiers.attribution import check_attribution
from verifiers.claims.judge import check_claim
from verifiers.documents import Document, Source
from verifiers.documents.fragments import same_page
from verifiers.language.names import surname
from verifiers.language.words import content_stems
from verifiers.model import (
    EVIDENCE_VERDICTS,
    WORDS_HELD_VERDICTS,
    Manifest,
    Reference,
    RejectedCandidate,
)
from verifiers.quotes.check import check_quote
from verifiers.quotes.parse import parse_quote
from verifiers.quotes.policy import MIN_WORDS_TO_LOCATE
from verifiers.web.fetcher import Fetcher
from verifiers.web.search import Candidate, SearchProvider

__all__ = [
    "CANDIDATES_PER_REFERENCE",
    "MIN_SCORE",
    "add_candidates",
    "find_candidates",
    "found_by_search",
    "locates",
    "score",
    "screen",
]

# Pages read per reference: enough to get past a decoy or two, few enough to stay polite.
CANDIDATES_PER_REFERENCE = 3
# A result must fit the reference at least this well to be read at all: about the cited
# people and publisher alone, or half the quoted words in the snippet.
MIN_SCORE = 0.15

# How well a result fits, about 0 to 1, is the sum of these parts.
# The article's quoted or reported words in the result's title and snippet: the strongest
# sign there is before reading the page (the share of their content words, or a run of
# RUN_FOR_CERTAINTY of them in a row).
QUOTED_WORDS_WEIGHT = 0.35
# Eight quoted words in a row in a snippet are as sure a sign as search gives.
RUN_FOR_CERTAINTY = 8
# The title the citation gives, in the result's title: the share of its content words.
TITLE_WEIGHT = 0.25
# The cited people's surnames among the result's authors, text or address.
PEOPLE_WEIGHT = 0.2
# The cited publisher in the result or its web address: weaker, since one outlet publishes
# many pages (a decoy is often from the right outlet).
PUBLISHER_WEIGHT = 0.15
# The result's date in the cited month or year; years apart it counts against the result.
DATE_FITS = 0.1
DATE_YEARS_APART = -0.2


async def add_candidates(
    manifest: Manifest,
    fetcher: Fetcher,
    providers: list[SearchProvider],
    found_before: dict[str, list[str]] | None = None,
) -> Manifest:
    """Each reference that names no page gets the pages the search providers find for it.
    `found_before` (citation → pages) holds what search found for the same citations in
    the run before: those pages are read again instead of searching anew, so a watched
    article's verdicts do not change with a search engine's mood, while a page that is
    gone is told as gone."""
    found_before = found_before or {}
    if not providers and not found_before:
        return manifest

    async def searched(reference: Reference) -> Reference:
        if reference.urls or reference.candidates:
            return reference
        if reference.cite in found_before:
            return replace(reference, candidates=tuple(found_before[reference.cite]))
        if not providers:
            return reference
        found = await find_candidates(fetcher, reference, providers)
        # The citing article quotes its sources word for word: it is never one of them.
        found = [url for url in found if not same_page(url, manifest.article_url)]
        return replace(reference, candidates=tuple(found))

    references = await asyncio.gather(*(searched(ref) for ref in manifest.references))
    return replace(manifest, references=tuple(references))


def found_by_search(previous: dict | None) -> dict[str, list[str]]:
    """The pages search found, and that held the words, in the run before (a report as
    report.json holds it): citation → addresses."""
    found: dict[str, list[str]] = {}
    for reference in (previous or {}).get("references", []):
        urls = [s["url"] for s in reference.get("sources", []) if s.get("found_by") == "search"]
        if urls:
            found[reference["cite"]] = urls
    return found


async def find_candidates(
    fetcher: Fetcher, reference: Reference, providers: list[SearchProvider]
) -> list[str]:
    """The best few pages the providers know for `reference`, best first."""
    found: dict[str, Candidate] = {}
    for provider in providers:
        if provider.wants(reference):
            for candidate in await provider.search(fetcher, reference):
                found.setdefault(candidate.url, candidate)
    ranked = sorted(
        ((score(reference, c), index, c) for index, c in enumerate(found.values())),
        key=lambda item: (-item[0], item[1]),
    )
    return [c.url for value, _, c in ranked if value >= MIN_SCORE][:CANDIDATES_PER_REFERENCE]


def score(reference: Reference, candidate: Candidate) -> float:
    """How well a search result fits the reference, about 0 to 1 (the weights above)."""
    shown = f"{candidate.title} {candidate.snippet}"
    shown_stems = _stems(shown)
    total = 0.0
    said = " ".join(reference.quotes or reference.claims)
    wanted = _stems(said)
    if wanted:
        shared = len(wanted & shown_stems) / len(wanted)
        run = min(1.0, _longest_run(said, shown) / RUN_FOR_CERTAINTY)
        total += QUOTED_WORDS_WEIGHT * max(shared, run)
    title_stems = _stems(reference.cited_title or "")
    if title_stems:
        total += TITLE_WEIGHT * len(title_stems & _stems(candidate.title)) / len(title_stems)
    people = [surname(name) for name in (*reference.authors, *reference.speakers)]
    if people:
        known = f"{' '.join(candidate.authors)} {shown} {candidate.url}".lower()
        total += PEOPLE_WEIGHT * sum(1 for name in people if name and name in known) / len(people)
    if reference.publisher and _publisher_matches(reference.publisher, candidate):
        total += PUBLISHER_WEIGHT
    total += _date_fit(reference.date, candidate.published)
    return round(total, 3)


def screen(
    reference: Reference, candidates: list[Source]
) -> tuple[list[Source], list[RejectedCandidate]]:
    """Keep the candidates that hold a quotation (or, for a reference of claims only, give
    evidence for a claim); reject the rest, saying why."""
    accepted, rejected = [], []
    for report, document in candidates:
        if document is None:
            rejected.append(RejectedCandidate(report.url, f"could not be read: {report.error}"))
            continue
        locating = [quote for quote in reference.quotes if locates(quote)]
        if reference.quotes:
            holds = any(
                check_quote(quote, [document], [], reference.people).verdict in WORDS_HELD_VERDICTS
                for quote in locating
            )
            why = "none of the quoted words are on it"
        else:
            holds = any(
                check_claim(claim, [document]).verdict in EVIDENCE_VERDICTS
                for claim in reference.claims
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


def locates(quote: str) -> bool:
    """The quotation is long enough to say which page holds it (see MIN_WORDS_TO_LOCATE):
    it may make a page found by search the source, or flag found_elsewhere."""
    return len(parse_quote(quote).words) >= MIN_WORDS_TO_LOCATE


def _someone_else(reference: Reference, document: Document) -> bool:
    """The page says it is by other people, or from another publisher, than the citation
    names, and nothing it says matches: search found a page that quotes the source."""
    stated = check_attribution(reference, [document])
    fields = [stated["authors"], stated["publisher"]]
    return "mismatch" in fields and "match" not in fields


def _publisher_matches(publisher: str, candidate: Candidate) -> bool:
    squeezed = re.sub(r"[^a-z0-9]", "", publisher.lower().removeprefix("the "))
    host = re.sub(r"[^a-z0-9]", "", urlsplit(candidate.url).netloc.lower())
    shown = re.sub(r"[^a-z0-9]", "", f"{candidate.publisher or ''} {candidate.title}".lower())
    return bool(squeezed) and (squeezed in host or squeezed in shown)


def _date_fit(cited: str | None, published: str | None) -> float:
    if not cited or not published:
        return 0.0
    if published.startswith(cited) or cited.startswith(published[:7]):
        return DATE_FITS
    try:
        years = abs(int(cited[:4]) - int(published[:4]))
    except ValueError:
        return 0.0
    return DATE_YEARS_APART if years > 1 else 0.0


def _longest_run(said: str, shown: str) -> int:
    """The most words in a row the result shows of the article's quoted words."""
    ours, theirs = re.findall(r"\w+", said.casefold()), re.findall(r"\w+", shown.casefold())
    best, previous = 0, [0] * (len(theirs) + 1)
    for word in ours:
        current = [0] * (len(theirs) + 1)
        for j, other in enumerate(theirs, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _stems(text: str) -> set[str]:
    return content_stems(re.findall(r"\w+", text.casefold()))
