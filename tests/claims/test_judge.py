"""Claims are supported only by a passage that says the same, with the same polarity."""

from tests.support.documents import document
from verifiers.claims.judge import check_claim

SOURCE = document(
    "Host: Who pays? Okafor: We will not raise fares to pay for the tram. The money comes from "
    "the regional transport fund and the sale of the old depot. Construction costs 412 million "
    "euros.\n\nThe weather was fine all week."
)


def test_a_claim_stated_in_a_passage_is_supported() -> None:
    finding = check_claim("the money comes from the regional transport fund", [SOURCE])
    assert finding.verdict == "supported"
    assert "regional transport fund" in finding.evidence[0].text


def test_flipped_negation_or_another_number_is_contradicted() -> None:
    number = check_claim("construction costs 512 million euros", [SOURCE])
    assert number.verdict == "contradicted"
    assert number.evidence[0].stance == "contradicts" and "412" in number.evidence[0].text
    assert "“412”" in number.explanation and "“512”" in number.explanation
    negated = check_claim("money does not come from the regional transport fund", [SOURCE])
    assert negated.verdict == "contradicted"
    assert "the claim says “not” where the source does not" in negated.explanation


def test_partial_overlap_needs_review_and_nothing_is_no_evidence() -> None:
    review = check_claim("fares will not rise because of the tram", [SOURCE])
    assert review.verdict == "needs_review" and review.evidence
    assert check_claim("the harbour bridge collapsed in spring", [SOURCE]).verdict == "no_evidence"


def test_the_best_three_passages_are_ranked_for_review() -> None:
    source = document(
        "The tram will open in June. Fares will stay the same for the first year. "
        "The tram line runs along the river. Critics say the tram is too expensive. "
        "The weather was fine."
    )
    finding = check_claim("the tram fares will rise in June", [source])
    assert finding.verdict == "needs_review"
    assert 1 <= len(finding.evidence) <= 3
    assert finding.evidence[0].score >= finding.evidence[-1].score


def test_a_correction_in_the_source_is_shown_with_a_note() -> None:
    source = document(
        "The minister said the tax would not rise next year. Correction: an earlier version "
        "of this article misstated when the tax would rise; it will rise in 2026."
    )
    finding = check_claim("the minister said the tax would not rise next year", [source])
    assert finding.verdict == "supported"
    notes = [evidence.note for evidence in finding.evidence]
    assert notes[0] is None
    assert "corrects" in notes[-1]


SWAPS = document(
    "The city council voted on Tuesday to fund twelve new stops for the river tram between "
    "the old harbour and the university campus. The review will be published before the "
    "summer recess."
)


def test_one_word_swapped_in_a_long_claim_is_not_supported() -> None:
    stated = (
        "the city council voted on Tuesday to fund twelve new stops for the river tram "
        "between the old harbour and the university campus"
    )
    assert check_claim(stated, [SWAPS]).verdict == "supported"
    # "new" stands elsewhere in the passage: another wording, not the opposite.
    assert check_claim(stated.replace("old harbour", "new harbour"), [SWAPS]).verdict == (
        "needs_review"
    )
    for swapped in (
        stated.replace("twelve", "eleven"),  # another number
        stated.replace("Tuesday", "Friday"),  # another day
        "the review will be published after the summer recess",  # the opposite word
    ):
        assert check_claim(swapped, [SWAPS]).verdict == "contradicted", swapped


def test_numbers_written_as_words_or_figures_are_the_same_number() -> None:
    figures = (
        "the city council voted on Tuesday to fund 12 new stops for the river tram "
        "between the old harbour and the university campus"
    )
    assert check_claim(figures, [SWAPS]).verdict == "supported"
