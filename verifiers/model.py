"""Domain types shared by every stage of the pipeline.

Inputs are frozen; findings are plain dataclasses that the report writer turns into
report.json, so field names here follow ../CONTRACT.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "CLAIM_VERDICTS",
    "EVIDENCE_VERDICTS",
    "FLAG_MEANINGS",
    "PASSING_VERDICTS",
    "QUOTE_VERDICTS",
    "QUOTE_VERDICT_MEANINGS",
    "WORDS_HELD_VERDICTS",
    "AttributionValue",
    "ClaimFinding",
    "ClaimVerdict",
    "Edit",
    "Evidence",
    "FetchedPage",
    "Manifest",
    "Match",
    "Metadata",
    "QuoteFinding",
    "QuoteVerdict",
    "Reference",
    "ReferenceReport",
    "RejectedCandidate",
    "SourceReport",
    "Stance",
    "VerdictMeaning",
    "Via",
    "is_worse",
    "needs_attention",
    "verdict_rank",
]

QuoteVerdict = Literal[
    "verified", "verified_with_edits", "misquoted", "paraphrased", "not_found", "unavailable"
]
ClaimVerdict = Literal["supported", "contradicted", "needs_review", "no_evidence"]
Stance = Literal["supports", "contradicts", "related"]
AttributionValue = Literal["match", "mismatch", "unknown"]
Via = Literal["live", "archive", "replay"]
_QUOTED_TITLE = re.compile(r"[“\"]([^”\"]{4,})[”\"]")


# --- what each verdict means: the one place the report, the templates, the history, the
# exit status and the matcher read it from ------------------------------------------------


@dataclass(frozen=True)
class VerdictMeaning:
    """What one quotation verdict tells the user, and what follows from it."""

    # The quotation holds up: with no flag, it asks nothing of the user (exit status 0).
    passes: bool
    # The page holds the quoted words, closely enough to be their source: a page found by
    # search that gives this verdict is the reference's source.
    holds_words: bool
    # How far the words stand from the source between runs (0 best): a change to a higher
    # standing is a change for the worse. Misquoted, gone and unreadable are alike: the
    # words no longer stand as quoted; a paraphrase is closer.
    standing: int
    # schema.org ClaimReview's rating, 0 worst to 5 best.
    rating: int
    # The CONTRACT's sentence.
    meaning: str


# Best first: when a quotation is judged against several pages, the verdict highest here wins.
QUOTE_VERDICT_MEANINGS: dict[QuoteVerdict, VerdictMeaning] = {
    "verified": VerdictMeaning(
        True, True, 0, 5, "the quotation stands in the source word for word"
    ),
    "verified_with_edits": VerdictMeaning(
        True, True, 0, 4, "it stands there once legitimate editorial marks are honoured"
    ),
    "misquoted": VerdictMeaning(
        False, True, 2, 1, "a passage of the source is close to it but words differ"
    ),
    "paraphrased": VerdictMeaning(
        False, False, 1, 3, "no close passage, but one that says much the same in other words"
    ),
    "not_found": VerdictMeaning(
        False, False, 2, 1, "every candidate source was read and none holds it"
    ),
    "unavailable": VerdictMeaning(False, False, 2, 0, "no candidate source could be read"),
}
QUOTE_VERDICTS: tuple[QuoteVerdict, ...] = tuple(QUOTE_VERDICT_MEANINGS)
PASSING_VERDICTS = frozenset(v for v, m in QUOTE_VERDICT_MEANINGS.items() if m.passes)
WORDS_HELD_VERDICTS = frozenset(v for v, m in QUOTE_VERDICT_MEANINGS.items() if m.holds_words)

FLAG_MEANINGS: dict[str, str] = {
    "truncated_condition": "right after the quoted words the source goes on with a qualifier "
    "that limits them",
    "truncated_opening": "right before them the source has words that govern them",
    "wrong_speaker": "in the source these words are said by someone else than the "
    "reference's author or speaker",
    "ellipsis_hides": "an ellipsis leaves out words that change the meaning",
    "spliced": "the pieces are in the source but far apart or out of order, joined without "
    "an ellipsis",
    "meaning_changed": "a misquotation's edits change the meaning",
    "found_elsewhere": "the words are not in the page this reference names, but in another "
    "page read in the same run",
}

CLAIM_VERDICTS: tuple[ClaimVerdict, ...] = (
    "supported",
    "contradicted",
    "needs_review",
    "no_evidence",
)
# A page found by search is the source of a reference of claims when it bears on them.
EVIDENCE_VERDICTS: frozenset[ClaimVerdict] = frozenset(
    {"supported", "contradicted", "needs_review"}
)


def needs_attention(verdict: str, flags: list[str] | tuple[str, ...]) -> bool:
    """A quotation asks something of the user: it does not pass, or it carries a flag."""
    return verdict not in PASSING_VERDICTS or bool(flags)


def is_worse(was: str, now: str) -> bool:
    """The verdict moved away from the source between two runs (an unknown verdict is
    taken at its worst)."""
    return _standing(now, worst=True) > _standing(was, worst=False)


def _standing(verdict: str, worst: bool) -> int:
    meaning = QUOTE_VERDICT_MEANINGS.get(verdict)  # type: ignore[call-overload]
    if meaning is not None:
        return meaning.standing
    return max(m.standing for m in QUOTE_VERDICT_MEANINGS.values()) if worst else 0


def verdict_rank(verdict: QuoteVerdict) -> int:
    """0 for the best verdict: the order in which pages' verdicts are preferred."""
    return QUOTE_VERDICTS.index(verdict)


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

    @property
    def people(self) -> list[str]:
        """Whoever the quoted words are said to be by: the authors, the speakers and the
        citation itself."""
        return [*self.authors, *self.speakers, self.cite]

    @property
    def cited_title(self) -> str | None:
        """The title the citation gives in quotation marks, if any."""
        match = _QUOTED_TITLE.search(self.cite)
        return match.group(1) if match else None


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
    # Whether the passage supports the claim, contradicts it, or only bears on it.
    stance: Stance = "related"


@dataclass
class ClaimFinding:
    text: str
    verdict: ClaimVerdict
    evidence: list[Evidence] = field(default_factory=list)
    # What was matched or what differed, in words.
    explanation: str = ""


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
    # With `error`: refused, blocked, gone, failed or unreadable (verifiers.web.failures).
    error_kind: str | None = None


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
