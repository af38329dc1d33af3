"""The seed essay's claims, against sources written as the cited pages put it."""

from __future__ import annotations

from tests.support.documents import document
from verifiers.claims.judge import check_claim

FOREIGN_AFFAIRS = document(
    "In April 2022, Russian and Ukrainian negotiators appeared to have tentatively agreed on "
    "the outlines of a negotiated interim settlement, according to multiple former senior "
    "U.S. officials with whom we spoke."
)
INTERVIEW = document(
    "In the interview, Bennett said the West had blocked the peace efforts he was "
    "mediating. He later softened that claim, saying the West had backed the talks as long "
    "as they lasted."
)


def test_a_hedged_passage_does_not_support_a_claim_stated_as_fact() -> None:
    hedged = check_claim(
        "Russian and Ukrainian negotiators had tentatively agreed on the outlines of an "
        "interim settlement",
        [FOREIGN_AFFAIRS],
    )
    assert hedged.verdict == "needs_review"
    assert "outlines of a negotiated interim settlement" in hedged.evidence[0].text
    stated = check_claim(
        "Russian and Ukrainian negotiators appeared to have tentatively agreed on the "
        "outlines of an interim settlement",
        [FOREIGN_AFFAIRS],
    )
    assert stated.verdict == "supported"


def test_leaders_who_blocked_the_talks_are_not_supported_and_the_softening_is_shown() -> None:
    finding = check_claim(
        "British and U.S. leaders discouraged, or even outright blocked, such peace efforts",
        [INTERVIEW],
    )
    # "The West" is not "British and U.S. leaders": three of the claim's eight content
    # words are on the page, too few to call it evidence, but the softening is shown.
    assert finding.verdict == "no_evidence"
    assert any(evidence.note and "softened" in evidence.text for evidence in finding.evidence)
