"""Each rule of a passage's stance on a claim, on both sides (verifiers.claims.stance and
verifiers.claims.subjects, through check_claim)."""

from __future__ import annotations

import pytest

from tests.support.documents import document
from verifiers.claims.judge import check_claim
from verifiers.model import Metadata


def verdict(claim: str, text: str) -> str:
    return check_claim(claim, [document(text)]).verdict


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # Another number, date, rank, or the opposite word: contradicted.
        ("the bridge cost 40 million euros", "The bridge cost 45 million euros.", "contradicted"),
        ("the bridge opened in May 2019", "The bridge opened in June 2019.", "contradicted"),
        (
            "Saturn is the largest planet in the Solar System",
            "Saturn is the second-largest planet in the Solar System, after Jupiter.",
            "contradicted",
        ),
        (
            "the committee met before the election",
            "The committee met after the election.",
            "contradicted",
        ),
        (
            "unemployment rose sharply last year",
            "Unemployment fell sharply last year.",
            "contradicted",
        ),
        # ... but a number the claim does not give, or another wording, is no contradiction.
        ("the bridge cost a lot of money", "The bridge cost 45 million euros.", "needs_review"),
        (
            "the committee met before the vote",
            "The committee met after the election.",
            "needs_review",
        ),
    ],
)
def test_another_value_of_the_same_kind_contradicts(claim: str, source: str, expected: str) -> None:
    assert verdict(claim, source) == expected


def test_a_negation_contradicts_only_inside_the_claims_own_words() -> None:
    source = "The striker scored twice in the final, although he did not play the full match."
    assert verdict("the striker scored twice in the final", source) == "supported"
    assert verdict("the striker did not score twice in the final", source) == "contradicted"


def test_another_holder_of_the_role_contradicts_only_when_the_claims_is_absent() -> None:
    source = "Maria Lindqvist chaired the board of the harbour trust from 2010 to 2015."
    claim = "Peter Holm chaired the board of the harbour trust from 2010 to 2015"
    assert verdict(claim, source) == "contradicted"
    both = source + " Peter Holm chaired it before her."
    assert verdict(claim, both) != "supported"


def test_a_rank_or_role_qualifier_the_claim_lacks_keeps_it_from_support() -> None:
    assert (
        verdict(
            "Jonas Berg was president of the rowing club until 2019",
            "Jonas Berg was vice president of the rowing club until 2019.",
        )
        == "needs_review"
    )
    assert (
        verdict(
            "Jonas Berg was vice president of the rowing club until 2019",
            "Jonas Berg was vice president of the rowing club until 2019.",
        )
        == "supported"
    )


def test_another_entity_before_a_relations_object_keeps_it_from_support() -> None:
    source = "The film was directed by Jane Roe and written by Ann Lee."
    assert verdict("the film was directed by Ann Lee", source) == "needs_review"
    assert verdict("the film was directed by Jane Roe", source) == "supported"


def test_inflections_align_but_words_sharing_only_their_first_letters_do_not() -> None:
    assert (
        verdict(
            "the money comes from the regional transport fund",
            "The money came from the regional transport fund.",
        )
        != "contradicted"
    )
    assert (
        verdict(
            "the committee approved the harbour budget",
            "The commission approved the harbour budget.",
        )
        == "needs_review"
    )
    assert (
        verdict(
            "the committee approved the harbour budget",
            "The committee approves the harbour budget.",
        )
        == "supported"
    )


def test_a_leading_pronoun_is_the_subject_named_just_before() -> None:
    page = "Anna Weber grew up in Kiel. She founded the harbour choir in 1998."
    assert verdict("Anna Weber founded the harbour choir in 1998", page) == "supported"
    other = "Anna Weber grew up in Kiel with Tom Berg. He founded the harbour choir in 1998."
    assert verdict("Anna Weber founded the harbour choir in 1998", other) == "needs_review"


def test_the_pages_title_names_the_subject_when_no_name_is_near() -> None:
    text = "Early years\n\nThe company was founded in 1998 and builds ferries."
    titled = document(text)
    titled.metadata = Metadata(title="Nordlicht Werft – history")
    claim = "Nordlicht Werft was founded in 1998"
    assert check_claim(claim, [titled]).verdict == "supported"
    assert verdict(claim, text) == "needs_review"


def test_support_may_be_spread_over_a_lists_lines() -> None:
    cv = "Career\nmayor of Kiel\n2004 to 2012\nSocial Democrats\n\nShe retired in 2013."
    assert verdict("mayor of Kiel 2004 to 2012", cv) == "supported"


@pytest.mark.parametrize(
    ("text", "correction"),
    [
        ("Correction: the tax will rise in 2026, not 2025.", True),
        ("An earlier version of this article misstated when the tax will rise.", True),
        ("The minister later walked back the remark that the tax will rise.", True),
        ("The team published the corrected data set in May.", False),
        ("They later said the tax would rise in 2026.", False),
        ("The tax will rise in 2026.[clarification needed]", False),
    ],
)
def test_only_a_real_correction_is_shown_as_one(text: str, correction: bool) -> None:
    finding = check_claim("the tax will rise in 2026", [document(text)])
    noted = any(evidence.note for evidence in finding.evidence)
    assert noted is correction


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # The same name or value written otherwise is no other holder, no other number.
        (
            "Congress gave the FTC authority to run the national list",
            "Congress gave the F.T.C. authority to run the national list.",
        ),
        (
            "he was killed in his home in Amherst, New York",
            "He was killed in his home in Amherst, N.Y.",
        ),
        (
            "the worst-affected area was South Kyongsang province",
            "The worst-affected area was South Kyeongsang province.",
        ),
        (
            "revenue rose 1.5 percent in the third quarter",
            "Revenue rose 1.5 percent in Q3.",
        ),
        (
            "the indexes recorded their third straight week of gains",
            "The indexes have scored three straight weeks of gains.",
        ),
    ],
)
def test_another_spelling_is_no_contradiction(claim: str, source: str) -> None:
    assert verdict(claim, source) != "contradicted"


def test_a_modifier_or_a_description_added_to_a_name_keeps_support() -> None:
    assert (
        verdict(
            "the offer is not in the best interest of stockholders",
            "The offer is not in the best interest of PeopleSoft stockholders.",
        )
        == "supported"
    )
    assert (
        verdict(
            "the lawsuit names Lay and Skilling as defendants",
            "The lawsuit names former Enron chairman Kenneth Lay and Skilling as defendants.",
        )
        == "supported"
    )


def test_a_hedged_passage_does_not_support_a_plain_claim() -> None:
    source = "The talks appeared to have collapsed on Sunday."
    assert verdict("the talks had collapsed on Sunday", source) == "needs_review"
    assert verdict("the talks appeared to have collapsed on Sunday", source) == "supported"
    assert verdict("the library will open in May", "The library will open in May.") == ("supported")
