"""Flags: each fires on its signal and stays quiet where the use is fine."""

from __future__ import annotations

import pytest

from tests.support.documents import document
from verifiers.model import Reference, ReferenceReport, SourceReport
from verifiers.quotes.check import check_quote
from verifiers.review import look_elsewhere


def flags(quote: str, text: str, people: list[str] | None = None) -> list[str]:
    finding = check_quote(quote, [document(text)], [], people or ["The Author"])
    return finding.flags


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plan will work, but only if the banks agree to it.", ["truncated_condition"]),
        ("The plan will work unless the banks refuse.", ["truncated_condition"]),
        ("The plan will work, provided that the banks agree.", ["truncated_condition"]),
        ("The plan will work. But the banks may refuse.", []),  # a new sentence
        ("The plan will work, and the banks agree.", []),
        ("The plan will work, butter prices permitting.", []),
    ],
)
def test_truncated_condition(text: str, expected: list[str]) -> None:
    assert flags("The plan will work", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is false that the vaccine causes infertility in women.", ["truncated_opening"]),
        ("Critics claim that the vaccine causes infertility in women.", ["truncated_opening"]),
        ("No one believes that the vaccine causes infertility in women.", ["truncated_opening"]),
        ("The study found that the vaccine causes infertility in women.", []),
        ("Nobody denies it. The vaccine causes infertility in women.", []),  # another sentence
    ],
)
def test_truncated_opening(text: str, expected: list[str]) -> None:
    assert flags("the vaccine causes infertility in women", text) == expected


SPEECH = (
    "The summit ended late. “We will never negotiate with them,” said Foreign Minister "
    "Karl Meyer on Tuesday."
)


def test_wrong_speaker_when_the_source_quotes_someone_the_reference_does_not_name() -> None:
    assert flags("We will never negotiate with them", SPEECH, ["Anna Schmidt"]) == ["wrong_speaker"]
    assert flags("We will never negotiate with them", SPEECH, ["Karl Meyer"]) == []
    assert (
        flags(
            "We will never negotiate with them",
            SPEECH,
            ["Foreign Minister Meyer, quoted by the Daily"],
        )
        == []
    )


def test_no_wrong_speaker_outside_quotation_marks_or_without_a_named_speaker() -> None:
    plain = "The summit ended late. We will never negotiate with them, the paper wrote."
    anonymous = "“We will never negotiate with them,” he said."
    assert flags("We will never negotiate with them", plain, ["Anna Schmidt"]) == []
    assert flags("We will never negotiate with them", anonymous, ["Anna Schmidt"]) == []


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("The committee … approve the budget", ["ellipsis_hides"]),  # leaves out "did not"
        ("The committee met on Monday and … the budget", []),  # leaves out "discussed"
    ],
)
def test_ellipsis_hides(quote: str, expected: list[str]) -> None:
    text = (
        "The committee did not approve the budget on Friday. The committee met on Monday and "
        "discussed the budget."
    )
    finding = check_quote(quote, [document(text)], [], ["X"])
    assert finding.verdict == "verified_with_edits"
    assert finding.flags == expected


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("the minister said the tax would rise next year", ["meaning_changed"]),  # drops "not"
        ("the minister said the tax would not rise in 2025", ["meaning_changed"]),
        ("the minister Karl said the tax would not rise next year", ["meaning_changed"]),
        ("the minister said the levy would not rise next year", []),  # a plain misquotation
    ],
)
def test_meaning_changed(quote: str, expected: list[str]) -> None:
    text = "On Friday the minister Anna said the tax would not rise next year, officials said."
    finding = check_quote(quote, [document(text)], [], ["X"])
    assert finding.verdict == "misquoted", finding.explanation
    assert finding.flags == expected


def test_spliced_parts_far_apart_or_out_of_order() -> None:
    filler = " ".join(f"filler{n}" for n in range(40))
    text = f"The minister praised the new budget plan. {filler} Taxes will rise for everyone soon."
    finding = check_quote(
        "The minister praised the new budget plan taxes will rise for everyone",
        [document(text)],
        [],
        ["X"],
    )
    assert finding.verdict == "misquoted" and finding.flags == ["spliced"]
    assert "40 words after it" in finding.explanation
    reordered = check_quote(
        "Taxes will rise for everyone soon the minister praised the new budget",
        [document(text)],
        [],
        ["X"],
    )
    assert reordered.flags == ["spliced"]


def test_close_parts_are_a_misquotation_not_a_splice() -> None:
    text = "The minister praised the new budget plan warmly and said taxes will rise for everyone."
    finding = check_quote(
        "The minister praised the new budget plan and said taxes will rise",
        [document(text)],
        [],
        ["X"],
    )
    assert finding.verdict == "misquoted" and finding.flags == []


def test_verified_quotation_used_fairly_has_no_flag() -> None:
    text = "Officials said on Monday that the bridge will reopen in June after repairs."
    assert flags("the bridge will reopen in June after repairs", text) == []


def test_found_elsewhere_names_the_page_that_holds_the_words() -> None:
    own = document("Nothing about bridges here.", "https://own.example/")
    other = document("The bridge will reopen in June after long repairs.", "https://other.example/")
    reference = Reference(
        "r",
        "Cited page",
        urls=("https://own.example/",),
        quotes=("The bridge will reopen in June",),
    )
    quote = check_quote(reference.quotes[0], [own], [], ["Cited page"])
    assert quote.verdict == "not_found"
    source = SourceReport("https://own.example/", None, 200, "live", "", None, None, None)
    report = ReferenceReport("r", "Cited page", [source], {}, [quote], [])
    (updated,) = look_elsewhere(
        [reference], [report], {"https://own.example/": own, "https://other.example/": other}
    )
    (found,) = updated.quotes
    assert found.verdict == "verified" and found.flags == ["found_elsewhere"]
    assert found.source_url == "https://other.example/"
    assert "https://other.example/" in found.explanation


def test_words_only_in_readers_comments_are_flagged() -> None:
    from verifiers.documents import read_document
    from verifiers.model import FetchedPage

    def page(html: str):
        fetched = FetchedPage(
            "https://a.example/", None, 200, "live", "", "text/html", body=html.encode()
        )
        return read_document(fetched)

    article = "<article><h1>Budget passes</h1><p>The council passed the budget on Monday.</p>"
    comments = (
        '<section id="comments"><p>Reader: the council wasted every cent of it again.</p></section>'
    )
    only_comment = page(f"<html><body>{article}</article>{comments}</body></html>")
    finding = check_quote("the council wasted every cent of it", [only_comment], [], ["X"])
    assert finding.verdict == "verified" and finding.flags == ["wrong_speaker"]
    assert "reader's comment" in finding.explanation
    in_article = check_quote("The council passed the budget", [only_comment], [], ["X"])
    assert in_article.flags == []
    wrapper = page(f'<html><body><div class="has-comments">{article}</article></div></body></html>')
    assert check_quote("The council passed the budget", [wrapper], [], ["X"]).flags == []


def test_a_number_written_as_a_word_or_a_figure_is_the_same_number() -> None:
    from verifiers.quotes.flags import _numbers

    assert _numbers("eleven stops") == _numbers("11 stops") == {"11"}
    assert _numbers("zwölf Haltestellen") != _numbers("elf Haltestellen")
    assert _numbers("412 million") != _numbers("412 billion")


def test_flag_explanations_read_whichever_side_is_empty() -> None:
    from verifiers.model import Edit
    from verifiers.quotes.flags import ellipsis_hides, meaning_changed

    assert ellipsis_hides([Edit("ellipsis", "…", "not")]) == "the ellipsis leaves out “not”"
    assert "“not” among them" in ellipsis_hides([Edit("ellipsis", "…", "will not")])
    assert meaning_changed([Edit("insert", "12", "")]) == (
        "a number or date differs: the quotation adds “12”"
    )
    assert "where the source has “”" not in meaning_changed([Edit("delete", "", "12")])
