"""Who said it: titles before names, and what a pronoun can point back to."""

from __future__ import annotations

import pytest

from verifiers.inputs.article import find_references
from verifiers.inputs.article_text import from_plain_text


def cites(text: str) -> list[str]:
    article = from_plain_text(f"Title\n\n{text}", "a.txt")
    return [reference["cite"] for reference in find_references(article)["references"]]


QUOTE = '"We will not raise taxes this year,"'


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("said Sen. Dana Whitford.", "Dana Whitford"),
        ("said Rep. Tom Baker.", "Tom Baker"),
        ("said Lt. Gov. Ann Roe.", "Ann Roe"),
        ("said Mr. Baker, who chairs the committee.", "Baker"),
        ("said Dana Whitford.", "Dana Whitford"),  # no title: as before
    ],
)
def test_a_title_before_the_name_belongs_to_it(attribution: str, speaker: str) -> None:
    found = cites(f"Mayor Ana Costa opened the session. {QUOTE} {attribution}")
    assert found == [speaker] or found[-1].endswith(speaker), found


@pytest.mark.parametrize(
    ("before", "pronoun", "speaker"),
    [
        ("Joan Park, a partner in the firm's Boca office, reviewed the deal.", "she", "Joan Park"),
        ("Dan Roe of Fresno, Calif., grows almonds.", "he", "Dan Roe"),
        ("Tom Berg, a German engineer, built the bridge.", "he", "Tom Berg"),
        ("Lisa Chan, a former strategist for the Obama campaign, spoke first.", "she", "Lisa Chan"),
    ],
)
def test_a_pronoun_points_back_to_a_person_not_a_place_a_word_of_nationality(
    before: str, pronoun: str, speaker: str
) -> None:
    assert cites(f'{before} "It will stand for a century," {pronoun} said.') == [speaker]


def test_the_medium_is_not_the_speaker() -> None:
    text = 'Maria Lindqvist runs the shelter. "We cannot take more dogs," she added on Twitter.'
    assert cites(text) == ["Maria Lindqvist"]


def test_a_person_of_an_organisation_is_the_speaker_not_a_body() -> None:
    text = (
        'Analyst Marcus Webb of Halden Securities said the warning was "a sign of worse to come."'
    )
    assert "Marcus Webb" in cites(text)[0]
    # ... but "Bank of England" stays one body.
    body = 'The Bank of England said the rise was "temporary and already fading."'
    assert cites(body) == ["Bank of England"]
