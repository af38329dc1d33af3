"""Claims are supported only by a passage that says the same, with the same polarity."""

from tests.support.documents import document
from verifiers.claims import check_claim

SOURCE = document(
    "Host: Who pays? Okafor: We will not raise fares to pay for the tram. The money comes from "
    "the regional transport fund and the sale of the old depot. Construction costs 412 million "
    "euros.\n\nThe weather was fine all week."
)


def test_a_claim_stated_in_a_passage_is_supported() -> None:
    finding = check_claim("the money comes from the regional transport fund", [SOURCE])
    assert finding.verdict == "supported"
    assert "regional transport fund" in finding.evidence[0].text


def test_flipped_negation_or_number_is_not_supported() -> None:
    assert check_claim("construction costs 512 million euros", [SOURCE]).verdict == "needs_review"
    assert (
        check_claim("money does not come from the regional transport fund", [SOURCE]).verdict
        == "needs_review"
    )


def test_partial_overlap_needs_review_and_nothing_is_no_evidence() -> None:
    review = check_claim("fares will not rise because of the tram", [SOURCE])
    assert review.verdict == "needs_review" and review.evidence
    assert check_claim("the harbour bridge collapsed in spring", [SOURCE]).verdict == "no_evidence"
