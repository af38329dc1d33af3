"""Is an indirect statement ("she said that ...") supported by the reference's sources?

`supported` only when one passage of a few sentences holds nearly every content word of
the claim, with the same negation and the same numbers; `needs_review` when passages share
a good part of it (the best are shown); `no_evidence` otherwise. Calling support that is
not there is the failure this module is built to avoid, so the bar for it is high.
"""

from __future__ import annotations

import re

from verifiers.documents import Document
from verifiers.fragments import collapse
from verifiers.model import ClaimFinding, Evidence
from verifiers.quotes.paraphrase import closest_paraphrase
from verifiers.text import tokenize

# Share of the claim's content stems one passage must hold for support.
SUPPORTED_MIN_SHARE = 0.9
# Below this share a passage is not evidence worth an editor's time.
EVIDENCE_MIN_SHARE = 0.4
MAX_EVIDENCE = 3
_NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor without cannot can't won't didn't doesn't "
    "isn't wasn't aren't weren't hasn't haven't hadn't shouldn't wouldn't couldn't".split()
)
_NUMBER = re.compile(r"\d")


def check_claim(text: str, documents: list[Document]) -> ClaimFinding:
    claim_words = [token.word for token in tokenize(text)]
    passages = []
    for document in documents:
        found = closest_paraphrase(document.index, claim_words)
        if found is not None and found.share >= EVIDENCE_MIN_SHARE:
            start, end = document.index.span(found.first, found.last)
            passage_words = [document.index.word_at(p) for p in range(found.first, found.last + 1)]
            passages.append(
                (found.share, document.url, collapse(document.text[start:end]), passage_words)
            )
    passages.sort(key=lambda passage: -passage[0])
    evidence = [Evidence(url, passage, share) for share, url, passage, _ in passages[:MAX_EVIDENCE]]
    if not passages:
        return ClaimFinding(text, "no_evidence", [])
    share, _, _, passage_words = passages[0]
    if share >= SUPPORTED_MIN_SHARE and _same_polarity_and_numbers(claim_words, passage_words):
        return ClaimFinding(text, "supported", evidence[:1])
    return ClaimFinding(text, "needs_review", evidence)


def _same_polarity_and_numbers(claim: list[str], passage: list[str]) -> bool:
    claim_negated = any(word in _NEGATIONS for word in claim)
    passage_negated = any(word in _NEGATIONS for word in passage)
    claim_numbers = {word for word in claim if _NUMBER.search(word)}
    passage_numbers = {word for word in passage if _NUMBER.search(word)}
    return claim_negated == passage_negated and claim_numbers <= passage_numbers
