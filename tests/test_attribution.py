"""Cited authors, publisher and date against what the page says of itself."""

import pytest

from tests.support.documents import document
from verifiers.attribution import check_attribution
from verifiers.model import Metadata, Reference


def page(authors=(), publisher=None, published=None, url="https://www.foreignaffairs.com/x"):
    doc = document("text", url)
    doc.metadata = Metadata("T", list(authors), publisher, published)
    return doc


def judge(**cited):
    reference = Reference(id="r", cite="c", **cited)
    return check_attribution(
        reference, [page(["Fiona Hill", "Angela Stent"], "Foreign Affairs", "2022-08-25")]
    )


def test_matching_fields() -> None:
    assert judge(
        authors=("Hill, Fiona", "A. Stent"), publisher="Foreign Affairs", date="2022-09"
    ) == {"authors": "match", "publisher": "match", "date": "match"}


def test_mismatching_fields() -> None:
    assert judge(authors=("John Smith",), publisher="The Atlantic", date="2021") == {
        "authors": "mismatch",
        "publisher": "mismatch",
        "date": "mismatch",
    }


def test_unknown_when_either_side_is_silent() -> None:
    assert judge() == {"authors": "unknown", "publisher": "unknown", "date": "unknown"}
    silent = check_attribution(Reference("r", "c", authors=("X",), date="2022"), [page()])
    assert silent["authors"] == "unknown" and silent["date"] == "unknown"


def test_publisher_recognised_from_the_host_name() -> None:
    assert (
        check_attribution(Reference("r", "c", publisher="Foreign Affairs"), [page()])["publisher"]
        == "match"
    )


def test_a_publisher_cited_by_its_initials_matches() -> None:
    def publisher(cited: str, on_page: str) -> str:
        syndicated = page(publisher=on_page, url="https://news.example.com/story")
        return check_attribution(Reference("r", "c", publisher=cited), [syndicated])["publisher"]

    assert publisher("NYT", "The New York Times") == "match"
    assert publisher("The Wall Street Journal", "WSJ") == "match"
    assert publisher("FT", "The New Yorker") == "mismatch"


@pytest.mark.parametrize(
    ("cited", "published", "expected"),
    [
        ("2022-09", "2022-08-25", "match"),  # a magazine issue online before its cover date
        ("2022-09", "2022-06-01", "mismatch"),
        ("2022-09", "2022-10-01", "mismatch"),
        ("2022-09-01", "2022-09-02", "match"),  # time zones
        ("2022-09-01", "2022-09-03", "mismatch"),
        ("2022", "2022-12-31", "match"),
        ("2022-12", "2022-12-31", "match"),
    ],
)
def test_date_rule(cited: str, published: str, expected: str) -> None:
    result = check_attribution(Reference("r", "c", date=cited), [page(published=published)])
    assert result["date"] == expected


@pytest.mark.parametrize(
    ("cited", "on_page", "expected", "noted"),
    [
        ("Neftali Bennett", "Naftali Bennett", "match", True),  # a misspelt first name
        ("Fiona Hil", "Fiona Hill", "mismatch", False),  # short surnames must be exact
        ("Hill, Fiona", "F. Hill", "match", False),  # order and initials
        ("José Müller", "Jose Muller", "match", False),  # diacritics
        ("Tom Bell", "Tom Ball", "mismatch", False),  # short surnames must be exact
        ("Anna Stentberg", "Anna Stenberg", "match", True),
    ],
)
def test_names_are_matched_tolerantly_and_misspellings_noted(
    cited: str, on_page: str, expected: str, noted: bool
) -> None:
    from verifiers.attribution import spelling_notes

    reference = Reference("r", "c", authors=(cited,))
    documents = [page([on_page])]
    assert check_attribution(reference, documents)["authors"] == expected
    assert bool(spelling_notes(reference, documents)) == noted


def test_a_page_signed_with_one_word_cannot_contradict_a_full_name() -> None:
    from tests.support.documents import document
    from verifiers.attribution import check_attribution
    from verifiers.model import Reference

    page = document("Some text.")
    page.metadata.authors = ["Konstantin"]
    cited = Reference("r", "x", authors=("Konstantin Tretyakov",))
    assert check_attribution(cited, [page])["authors"] == "unknown"
    page.metadata.authors = ["Konstantin Petrov"]
    assert check_attribution(cited, [page])["authors"] == "mismatch"


def test_a_cited_date_may_be_the_update_the_page_declares() -> None:
    from verifiers.attribution import date_notes

    updated = page(published="2021-11-29")
    updated.metadata.updated = "2022-01-12"
    reference = Reference("r", "c", date="2022-01-12")
    assert check_attribution(reference, [updated])["date"] == "match"
    assert date_notes(reference, [updated]) == [
        "the cited date 2022-01-12 is when https://www.foreignaffairs.com/x was updated; "
        "it was first published on 2021-11-29"
    ]
    first = Reference("r", "c", date="2021-11-29")
    assert check_attribution(first, [updated])["date"] == "match"
    assert date_notes(first, [updated]) == []
    neither = Reference("r", "c", date="2020-05-01")
    assert check_attribution(neither, [updated])["date"] == "mismatch"
