"""Domain types shared by every stage of the pipeline.

Inputs are frozen; findings are plain dataclasses that the report writer turns into
report.json, so field names here follow ../CONTRACT.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteVerdict = Literal[
    "verified", "verified_with_edits", "misquoted", "paraphrased", "not_found", "unavailable"
]
QUOTE_VERDICTS: tuple[QuoteVerdict, ...] = (
    "verified",
    "verified_with_edits",
    "misquoted",
    "paraphrased",
    "not_found",
    "unavailable",
)
ClaimVerdict = Literal["supported", "needs_review", "no_evidence"]
AttributionValue = Literal["match", "mismatch", "unknown"]
Via = Literal["live", "archive", "replay"]


@dataclass(frozen=True)
class Reference:
    """One cited work: what the article says about it and what it quotes from it."""

    id: str
    cite: str
    authors: tuple[str, ...] = ()
    # People whose spoken words are quoted: not the work's authors, but whose words they are.
    speakers: tuple[str, ...] = ()
    publisher: str | None = None
    date: str | None = None
    urls: tuple[str, ...] = ()
    # Pages found by search, not named by the article: read, and kept as sources only when
    # they hold the reference's words.
    candidates: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()


@dataclass(frozen=True)
class Manifest:
    """A validated reference manifest."""

    path: str
    references: tuple[Reference, ...]
    article_title: str | None = None
    article_url: str | None = None


@dataclass
class Metadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: str | None = None
    updated: str | None = None  # the last update the page declares, when not published


@dataclass
class FetchedPage:
    """The outcome of fetching one URL: a body, or an error saying why there is none."""

    url: str
    final_url: str | None
    status: int | None
    via: Via
    fetched_at: str
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None
    sha256: str | None = None
    live_error: str | None = None
    evidence_record: str | None = None  # WARC-Record-ID of the response in the evidence


@dataclass
class Edit:
    """One difference between a quotation and its source.

    `op` is `replace`, `insert` (words only the quotation has) or `delete` (source words
    the quotation leaves out) for misquotations, and `ellipsis`, `bracket`, `sic`,
    `capital` or `case` for the editorial marks of a quotation verified with edits.
    """

    op: str
    quote: str
    source: str


@dataclass
class Match:
    text: str
    before: str
    after: str
    fragment_url: str
    edits: list[Edit] = field(default_factory=list)
    occurrences: int = 1


@dataclass
class QuoteFinding:
    text: str
    verdict: QuoteVerdict
    score: float
    source_url: str | None
    match: Match | None
    flags: list[str] = field(default_factory=list)
    explanation: str = ""


@dataclass
class Evidence:
    source_url: str
    text: str
    score: float
    note: str | None = None  # e.g. that the passage is the source's own correction


@dataclass
class ClaimFinding:
    text: str
    verdict: ClaimVerdict
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class SourceReport:
    url: str
    final_url: str | None
    status: int | None
    via: Via
    fetched_at: str
    sha256: str | None
    error: str | None
    metadata: Metadata | None
    # Set when an archived copy was read instead: why the live page could not be.
    live_error: str | None = None
    # The WARC-Record-ID, in evidence.warc.gz, of the response that was read.
    evidence_record: str | None = None
    # "search" for a page no one cited, found by a search provider and kept because it
    # holds the reference's words; None for a page the reference names.
    found_by: str | None = None


@dataclass
class RejectedCandidate:
    """A page found by search that is not the reference's source, and why."""

    url: str
    reason: str


@dataclass
class ReferenceReport:
    id: str
    cite: str
    sources: list[SourceReport]
    attribution: dict[str, AttributionValue]
    quotes: list[QuoteFinding]
    claims: list[ClaimFinding]
    # Names the page spells differently from the citation, which still match.
    attribution_notes: list[str] = field(default_factory=list)
    rejected_candidates: list[RejectedCandidate] = field(default_factory=list)
