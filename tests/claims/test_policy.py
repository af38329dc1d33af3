"""Each named claim threshold of verifiers.claims.policy, pinned on both sides."""

from __future__ import annotations

import math

from tests.support.documents import document
from verifiers.claims.judge import check_claim
from verifiers.claims.policy import EVIDENCE_MIN_SHARE, MAX_EVIDENCE, SUPPORTED_MIN_SHARE

# Twenty content words, each its own stem, none a stopword or a number.
WORDS = (
    "harbour council approved funding tramway depot brewery cannery granary quarry "
    "orchard vineyard meadow village castle bridge tunnel viaduct beacon lantern"
).split()
EXTRA = "gallery museum theatre library stadium pavilion".split()


def claim_holding(held: int, total: int) -> str:
    """A claim of `total` content words of which the page holds `held`, in order: the words
    the page lacks come first, so that none stands in place of one of the page's."""
    return " ".join([*EXTRA[: total - held], *WORDS[:held]])


PAGE = document(" ".join(WORDS[:10]) + ".")


def test_supported_needs_the_share_of_content_words_the_policy_names() -> None:
    total = 10
    enough = math.ceil(SUPPORTED_MIN_SHARE * total)  # 9 of 10
    assert check_claim(claim_holding(enough, total), [PAGE]).verdict == "supported"
    assert check_claim(claim_holding(enough - 1, total), [PAGE]).verdict == "needs_review"


def test_evidence_needs_the_share_of_content_words_the_policy_names() -> None:
    total = 10
    enough = math.ceil(EVIDENCE_MIN_SHARE * total)  # 4 of 10
    shown = check_claim(claim_holding(enough, total), [PAGE])
    assert shown.verdict == "needs_review" and shown.evidence
    assert check_claim(claim_holding(enough - 1, total), [PAGE]).verdict == "no_evidence"


def test_no_more_evidence_is_shown_than_the_policy_allows() -> None:
    sentences = [f"{' '.join(WORDS[:6])} {word}." for word in EXTRA[: MAX_EVIDENCE + 2]]
    pages = [
        document(sentence, f"https://page.example/{n}") for n, sentence in enumerate(sentences)
    ]
    finding = check_claim(" ".join([*WORDS[:6], "lighthouse", "harbourmaster"]), pages)
    assert finding.verdict == "needs_review"
    assert len(finding.evidence) == MAX_EVIDENCE
