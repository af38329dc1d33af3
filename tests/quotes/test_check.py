"""The quotation verdicts, rule by rule, on both sides of each threshold."""

from __future__ import annotations

import pytest

from tests.support.documents import document
from verifiers.quotes.check import check_quote

SOURCE = (
    "Russian and Ukrainian negotiators appeared to have tentatively agreed on the outlines "
    "of a negotiated interim settlement, according to multiple former senior U.S. officials "
    "with whom we spoke. Russia would withdraw to its position on February 23, when it "
    "controlled part of the Donbas region and all of Crimea, and in exchange, Ukraine would "
    "promise not to seek NATO membership and instead receive security guarantees from a "
    "number of countries.\n\n"
    "The well-known ﬁgure said it was 1,000 times “better” than expected. Negoti-\n"
    "ated outcomes, she added, are rare — and fragile.\n\n"
    "Le président a déclaré que « la négociation n’est pas terminée » hier soir.\n\n"
    "Президент заявил, что переговоры будут продолжены в ближайшее время."
)


def judge(quote: str, text: str = SOURCE):
    return check_quote(quote, [document(text)], [])


@pytest.mark.parametrize(
    "quote",
    [
        "Russian and Ukrainian negotiators appeared to have tentatively agreed",
        "“Russian and Ukrainian negotiators appeared to have tentatively agreed,”",
        "negotiated interim settlement, according to multiple former senior U.S. officials",
        'The well-known figure said it was 1,000 times "better" than expected',
        "The well‐known ﬁgure said it was 1,000 times ‘better’ than expected.",
        "Negotiated outcomes, she added, are rare - and fragile",
        "Ukraine would promise not to seek NATO membership",
        "la négociation n'est pas terminée",
        "переговоры будут продолжены в ближайшее время",
        "all of Crimea, and in exchange,\u00a0Ukraine would promise",
    ],
)
def test_typography_only_differences_are_verified(quote: str) -> None:
    finding = judge(quote)
    assert finding.verdict == "verified", finding.explanation
    assert finding.score == 1.0
    assert finding.match is not None and finding.match.edits == []


def test_verified_match_shows_the_source_words_and_a_fragment_link() -> None:
    finding = judge("the outlines of a negotiated interim settlement")
    assert finding.match.text == "the outlines of a negotiated interim settlement"
    assert finding.match.before.endswith("tentatively agreed on ")  # the space kept
    assert finding.match.after.startswith(", according to")
    assert finding.match.fragment_url == (
        "https://source.example.org/page#:~:text="
        "the%20outlines%20of%20a%20negotiated%20interim%20settlement"
    )
    assert finding.source_url == "https://source.example.org/page"


def test_typography_of_compounds_and_digit_grouping_is_verified() -> None:
    finding = judge("The well known figure said it was 1000 times better")
    assert finding.verdict == "verified", finding.explanation


@pytest.mark.parametrize(
    ("quote", "ops"),
    [
        ("Russian and Ukrainian negotiators ... agreed on the outlines", ["ellipsis"]),
        ("Russian and Ukrainian negotiators . . . agreed on the outlines", ["ellipsis"]),
        ("Russian and Ukrainian negotiators … agreed on the outlines", ["ellipsis"]),
        ("Russian and Ukrainian negotiators […] agreed on the outlines", ["ellipsis"]),
        ("Russian and Ukrainian negotiators [...] agreed on the outlines", ["ellipsis"]),
        ("[Moscow] would withdraw to its position on February 23", ["bracket"]),
        ("Russia would withdraw to [its pre-invasion] position on February 23", ["bracket"]),
        ("[T]he outlines of a negotiated interim settlement", ["bracket"]),
        ("russian and Ukrainian negotiators appeared", ["capital"]),
        ("The outlines of a negotiated interim settlement", ["capital"]),
        ("the well-known figure [sic] said it was", ["sic", "capital"]),
        ("... Ukraine would promise not to seek NATO membership ...", ["ellipsis", "ellipsis"]),
    ],
)
def test_editorial_marks_are_verified_with_edits(quote: str, ops: list[str]) -> None:
    finding = judge(quote)
    assert finding.verdict == "verified_with_edits", finding.explanation
    assert sorted(edit.op for edit in finding.match.edits) == sorted(ops)


def test_an_ellipsis_edit_names_the_words_it_leaves_out() -> None:
    finding = judge("Russia would withdraw to its position on February 23 … and in exchange")
    (edit,) = finding.match.edits
    assert edit.source == "when it controlled part of the Donbas region and all of Crimea"
    assert "leaves out 12 words" in finding.explanation


def test_a_long_passage_is_linked_by_its_first_and_last_words() -> None:
    finding = judge("Russia would withdraw to its position on February 23, when it controlled")
    assert finding.match.fragment_url.endswith(
        "#:~:text=Russia%20would%20withdraw%20to,23%2C%20when%20it%20controlled"
    )


def test_a_bracket_edit_names_the_words_it_stands_for() -> None:
    finding = judge("[Moscow] would withdraw to its position")
    assert [(e.op, e.quote, e.source) for e in finding.match.edits] == [
        ("bracket", "[Moscow]", "Russia")
    ]


def test_parts_out_of_order_are_not_verified() -> None:
    finding = judge("Ukraine would promise not to seek NATO membership … Russia would withdraw")
    assert finding.verdict not in ("verified", "verified_with_edits")


def test_parts_too_far_apart_are_not_joined_by_an_ellipsis() -> None:
    filler = " ".join(f"word{n}" for n in range(130))
    text = f"The minister said the plan was sound. {filler} It will fail within a year."
    near = f"The minister said the plan was sound. {filler[:200]} It will fail within a year."
    quote = "the plan was sound … It will fail within a year"
    assert judge(quote, near).verdict == "verified_with_edits"
    assert judge(quote, text).verdict not in ("verified", "verified_with_edits")


@pytest.mark.parametrize(
    ("quote", "edits"),
    [
        (
            "Russia would withdraw to its position on February 24, when it controlled part",
            [("replace", "24", "23")],
        ),
        (
            "Ukraine would promise to seek NATO membership and instead receive guarantees",
            [("delete", "", "not"), ("insert", "guarantees", "")],
        ),
        (
            "Ukraine would promise not to seek EU membership and instead receive security",
            [("replace", "EU", "NATO")],
        ),
        (
            "Russia would never withdraw to its position on February 23, when it controlled",
            [("insert", "never", "")],
        ),
    ],
)
def test_changed_words_are_misquoted_with_every_edit(quote: str, edits: list) -> None:
    finding = judge(quote)
    assert finding.verdict == "misquoted", finding.explanation
    found = [(e.op, e.quote, e.source) for e in finding.match.edits]
    for edit in edits:
        if edit[0] != "insert" or edit[1] != "guarantees":
            assert edit in found
    assert 0.7 <= finding.score < 1.0


def test_misquote_match_shows_the_source_passage() -> None:
    finding = judge("Ukraine would promise to seek NATO membership")
    assert finding.match.text == "Ukraine would promise not to seek NATO membership"
    assert "“not” is left out" in finding.explanation


def test_short_quote_with_one_changed_content_word_is_misquoted() -> None:
    assert judge("a negotiated interim agreement").verdict == "misquoted"


def test_changed_words_in_a_mid_length_quote_are_misquoted() -> None:
    finding = judge("former senior British officials with whom they spoke")
    assert finding.verdict == "misquoted"
    assert [(e.quote, e.source) for e in finding.match.edits] == [
        ("British", "U.S"),
        ("they", "we"),
    ]


@pytest.mark.parametrize(
    "quote",
    [
        "of the peace",  # a three-word phrase sharing only function words
        "security promises",  # two words: a phrase is there or not
        "the officials spoke",  # three words whose match would need three inserted
    ],
)
def test_short_or_loose_resemblance_is_not_a_misquote(quote: str) -> None:
    assert judge(quote).verdict not in ("misquoted", "verified", "verified_with_edits")


def test_below_the_similarity_threshold_is_not_a_misquote() -> None:
    quote = "Russian and Belarusian diplomats seemed to have quietly settled the terms of a peace"
    assert judge(quote).verdict != "misquoted"


def test_paraphrase_is_recognised() -> None:
    quote = (
        "Ukraine pledged to forgo NATO membership and to accept security guarantees from countries"
    )
    finding = judge(quote)
    assert finding.verdict == "paraphrased", finding.explanation
    assert "NATO membership" in finding.match.text


def test_absent_words_are_not_found() -> None:
    finding = judge("the cat sat quietly on the old mat by the kitchen door")
    assert finding.verdict == "not_found"
    assert finding.match is None
    assert finding.source_url is None


def test_repeated_words_report_the_first_and_the_count() -> None:
    text = "He said: we will win. Later he said again: we will win. And once more: we will win."
    finding = judge("we will win", text)
    assert finding.verdict == "verified"
    assert finding.match.occurrences == 3
    assert "3 times" in finding.explanation
    assert finding.match.before.endswith("He said: ")


def test_no_readable_source_is_unavailable_with_reasons() -> None:
    finding = check_quote("anything at all", [], ["https://a.example/x: HTTP 404 Not Found"])
    assert finding.verdict == "unavailable"
    assert "HTTP 404" in finding.explanation


def test_best_source_wins_and_unread_sources_are_mentioned_when_not_found() -> None:
    other = document("Nothing relevant here at all.", "https://other.example/")
    good = document(SOURCE, "https://good.example/")
    finding = check_quote("Ukraine would promise not to seek NATO membership", [other, good], [])
    assert finding.verdict == "verified"
    assert finding.source_url == "https://good.example/"
    missing = check_quote("words nowhere to be seen here", [other], ["https://x.example/: timeout"])
    assert missing.verdict == "not_found"
    assert "could not be read" in missing.explanation


def test_quote_spanning_paragraphs_is_verified() -> None:
    finding = judge("number of countries. The well-known figure said")
    assert finding.verdict == "verified"


@pytest.mark.parametrize(
    ("quote", "source"),
    [
        ("we'll win the vote next week", "Well win the vote next week, she said."),
        ("they won't accept the offer today", "They wont accept the offer today."),
    ],
)
def test_a_dropped_or_added_apostrophe_is_not_typography(quote: str, source: str) -> None:
    assert judge(quote, source).verdict not in ("verified", "verified_with_edits")


SWAPPED = (
    "On Sunday evening, in a tense final watched by thousands, Houston defeated Dallas "
    "after extra time."
)


@pytest.mark.parametrize(
    ("quote", "verdict"),
    [
        # The same facts in other words (another order, or the passive): a paraphrase.
        ("Houston defeated Dallas after extra time on Sunday evening in the final", "paraphrased"),
        ("Dallas was defeated by Houston after extra time on Sunday evening", "paraphrased"),
        # The same words for other facts: never a paraphrase.
        ("Dallas defeated Houston after extra time on Sunday evening in the final", "not_found"),
    ],
)
def test_words_stating_other_facts_are_no_paraphrase(quote: str, verdict: str) -> None:
    finding = judge(quote, SWAPPED)
    assert finding.verdict == verdict, finding.explanation
    if verdict == "not_found":
        assert "“dallas” and “houston” the other way round" in finding.explanation
