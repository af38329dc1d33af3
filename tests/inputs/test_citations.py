"""Reading who and what a sentence cites: sources, dates and reported claims."""

from __future__ import annotations

import pytest

from verifiers.inputs.citations import find_date, find_reported_claim, read_citation


@pytest.mark.parametrize(
    ("sentence", "authors", "speakers", "publisher"),
    [
        (
            "an article in Foreign Affairs by Fiona Hill and Angela Stent, …",
            ["Fiona Hill", "Angela Stent"],
            [],
            "Foreign Affairs",
        ),
        (
            "Maria Lindqvist told the Harbour Gazette that …",
            [],
            ["Maria Lindqvist"],
            "Harbour Gazette",
        ),
        ("…, said Ursula von der Leyen", [], ["Ursula von der Leyen"], None),
        (
            "John Mearsheimer wrote in Foreign Affairs that …",
            ["John Mearsheimer"],
            [],
            "Foreign Affairs",
        ),
        (
            "in a March interview with BBC Radio, Minister Ana Costa said …",
            [],
            ["Ana Costa"],
            "BBC Radio",
        ),
        ("Reuters reported that …", [], [], "Reuters"),
        (
            "the Institute for Urban Mobility's cost review found that …",
            [],
            [],
            "Institute for Urban Mobility",
        ),
        ("Dr. Ken Adair, who chairs the panel, said …", [], ["Ken Adair"], None),
    ],
)
def test_attribution_phrases(sentence, authors, speakers, publisher) -> None:
    citation = read_citation(sentence)
    assert [n.name for n in citation.authors] == authors
    assert [n.name for n in citation.speakers] == speakers
    assert citation.publisher == publisher


def test_a_sentence_without_a_source_points_back() -> None:
    assert read_citation("…, he added.").points_back
    assert read_citation("Under that agreement, …").points_back
    assert not read_citation("…, the minister Ana Costa said.").points_back


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("the September-October 2022 issue of Foreign Affairs", "2022-09"),
        ("on 12 March 2024", "2024-03-12"),
        ("on March 12, 2024,", "2024-03-12"),
        ("in a Sept. 2021 interview", "2021-09"),
        ("its Spring 2022 number", "2022"),
        ("a 2019 study", "2019"),
        ("published 2023-11-02", "2023-11-02"),
        ("no date here at all", None),
    ],
)
def test_dates_as_articles_write_them(text, date) -> None:
    assert find_date(text)[0] == date


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Former Israeli Prime Minister Neftali Bennett, who was acting as a mediator, said "
            "that "
            "British and U.S. leaders discouraged, or even outright blocked, such peace efforts.",
            "British and U.S. leaders discouraged, or even outright blocked, such peace efforts",
        ),
        (
            "He said fares would not rise to pay for the tram.",
            "fares would not rise to pay for the tram",
        ),
        (
            "According to the Water Board, leaks cost the city four million litres a day.",
            "leaks cost the city four million litres a day",
        ),
        (
            "Minister Ana Costa claimed that the budget was balanced last year.",
            "the budget was balanced last year",
        ),
        (
            "The electoral commission said results from 40 percent of polling stations showed "
            "a close race.",
            "results from 40 percent of polling stations showed a close race",
        ),
        (
            "The alert began at 6 p.m., when reserves stood at 12 percent, said David Marcus, "
            "an energy consultant.",
            "The alert began at 6 p.m., when reserves stood at 12 percent",
        ),
        ("The weather was fine and the talks went on until late.", None),
        ("He said no.", None),
        ("The plan, in short, said nothing we did not know.", None),
    ],
)
def test_reported_claims(sentence, claim) -> None:
    found = find_reported_claim(sentence)
    assert (found.text if found else None) == claim
