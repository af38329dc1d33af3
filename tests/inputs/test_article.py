"""An article as a manifest: its quotations, their sources and its reported claims, found
together (verifiers.inputs.article and load)."""

from __future__ import annotations

import pytest
import yaml

from tests.support.runs import FIXTURES
from verifiers.errors import InputError
from verifiers.inputs.article import find_references, split_sentences
from verifiers.inputs.article_text import from_html, from_markdown, from_plain_text
from verifiers.inputs.citations import read_citation
from verifiers.inputs.load import (
    check_input,
    manifest_data,
    manifest_from_article,
    read_article_file,
)
from verifiers.inputs.quotations import find_quoted_spans
from verifiers.language.names import find_names

ARTICLES = FIXTURES / "articles"


@pytest.mark.parametrize("name", ["harbour.html", "tram.md", "peace.txt"])
def test_fixture_articles_give_their_expected_manifests(name: str) -> None:
    article = read_article_file(str(ARTICLES / name))
    expected = yaml.safe_load((ARTICLES / f"{name.split('.')[0]}.expected.yaml").read_text())
    assert manifest_data(manifest_from_article(article)) == expected


def quotations(text: str) -> list[tuple[str, str]]:
    article = from_plain_text(f"Title\n\n{text}", "a.txt")
    return [(span.role, span.text) for span in find_quoted_spans(article)]


def test_q_elements_and_links_near_the_quotation() -> None:
    article = from_html(
        "<p>The <a href='/reports/2023'>annual report</a> of the Water Board found that "
        "<q>leaks cost the city four million litres a day</q>.</p>",
        "a.html",
        "https://paper.example/story",
    )
    (reference,) = find_references(article)["references"]
    assert reference["quotes"] == ["leaks cost the city four million litres a day"]
    assert reference["urls"] == ["https://paper.example/reports/2023"]
    assert reference["publisher"] == "Water Board"


def test_sentences_do_not_end_at_initials_or_inside_quotations() -> None:
    text = 'U.S. officials met Dr. Rae. She said "Stop. Now." Then she left.'
    quoted = [(text.index("Stop"), text.index('" Then'))]
    pieces = [text[start:end].strip() for start, end in split_sentences(text, quoted)]
    assert pieces == ["U.S. officials met Dr. Rae.", 'She said "Stop. Now."', "Then she left."]


def test_an_article_quoting_nothing_is_bad_input(tmp_path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("A title\n\nNothing is quoted here, and nobody is reported either.\n")
    with pytest.raises(InputError, match="no quotations or reported claims"):
        check_input(str(path))


def test_article_urls_are_checked_before_anything_runs() -> None:
    assert check_input("https://example.org/essay") is None
    with pytest.raises(InputError, match="credentials"):
        check_input("https://user:pw@example.org/essay")


def test_the_bundled_essay_gives_the_quotations_and_claims_of_its_manifest() -> None:
    examples = FIXTURES.parent.parent / "examples"
    found = manifest_from_article(read_article_file(str(examples / "essay.md")))
    written = yaml.safe_load((examples / "manifest.yaml").read_text())["references"]
    assert [list(r.quotes) for r in found.references] == [r["quotes"] for r in written]
    assert [list(r.claims) for r in found.references] == [r.get("claims", []) for r in written]


def test_the_longest_article_element_is_the_article() -> None:
    article = from_html(
        "<body><article><p>Teaser: “a teaser quotation that is not the story”</p></article>"
        "<article><p>Jo Park said “the bridge will open in May next year”.</p>"
        "<p>The rest of the story runs on for a good many words, as stories do.</p></article>"
        "</body>",
        "a.html",
    )
    assert [s.text for s in find_quoted_spans(article)] == ["the bridge will open in May next year"]


@pytest.mark.parametrize(
    ("text", "claim", "source"),
    [
        (
            "There are now more than 12,500 cameras in the schools, said Superintendent Robert "
            "Runcie, and the district agreed to share video.",
            "There are now more than 12,500 cameras in the schools",
            "Robert Runcie",
        ),
        (
            "Leaks cost the city four million litres a day, according to the Water Board.",
            "Leaks cost the city four million litres a day",
            "Water Board",
        ),
    ],
)
def test_claims_whose_source_is_named_after_them(text: str, claim: str, source: str) -> None:
    (reference,) = find_references(from_plain_text(f"Title\n\n{text}", "a.txt"))["references"]
    assert reference["claims"] == [claim]
    assert source in reference["cite"]


def test_footnotes_give_the_quotation_its_source_in_every_format() -> None:
    html = from_html(
        "<article><p>Hill and Stent wrote that “the talks had reached a tentative outline.”"
        '<sup><a href="#fn1">1</a></sup> Then they stalled.</p>'
        '<ol><li id="fn1">Fiona Hill and Angela Stent, <a href="https://fa.example/putin">'
        "The World Putin Wants</a>, 2022.</li></ol></article>",
        "a.html",
        "https://essay.example/peace",
    )
    markdown = from_markdown(
        "Hill and Stent wrote that “the talks had reached a tentative outline.”[^1] Then they "
        "stalled.\n\n[^1]: Fiona Hill and Angela Stent, https://fa.example/putin, 2022.\n",
        "a.md",
    )
    text = from_plain_text(
        "Title\n\nHill and Stent wrote that “the talks had reached a tentative outline.”[1] "
        "Then they stalled.\n\nNotes\n\n[1] Fiona Hill and Angela Stent, https://fa.example/putin\n",
        "a.txt",
    )
    for article in (html, markdown, text):
        (reference, *_) = find_references(article)["references"]
        assert reference["quotes"] == ["the talks had reached a tentative outline."]
        assert reference["urls"] == ["https://fa.example/putin"]


def test_a_link_to_the_article_itself_is_never_a_source() -> None:
    article = from_html(
        '<article><p>Jo Park <a href="#top">said</a> “the bridge will open in May next year”, '
        'as <a href="https://essay.example/bridge#more">we reported</a>.</p></article>',
        "a.html",
        "https://essay.example/bridge",
    )
    (reference,) = find_references(article)["references"]
    assert "urls" not in reference


def test_picture_credits_and_a_prepositions_object_are_not_speakers() -> None:
    text = (
        "Halls are full\n\n"
        "Fraser Amos, a final-year student at Warwick University, is rallying support.\n\n"
        "© Getty Images MANCHESTER: students peer out of a window. (Photo by Christopher "
        "Furlong/Getty Images)\n\n"
        "“Universities are putting rents and revenues above student lives,” he says.\n\n"
        "Prof Gavin Yamey, who is leading research into the spread of Covid across higher "
        "education, says: “Reopening a university is like dumping a cruise ship in town.”"
    )
    references = find_references(from_plain_text(text, "halls.txt"))["references"]
    people = {
        quote[:12]: ref.get("speakers", []) + ref.get("authors", [])
        for ref in references
        for quote in ref.get("quotes", [])
    }
    assert people == {"Universities": ["Fraser Amos"], "Reopening a ": ["Gavin Yamey"]}


def test_an_organisations_possessive_before_a_person_is_an_affiliation() -> None:
    stanley = read_citation("“…,” the ACLU's Jay Stanley tells Axios.")
    assert ([n.name for n in stanley.speakers], stanley.authors) == (["Jay Stanley"], [])
    galloway = read_citation("Apple won the award, NYU's Scott Galloway says.")
    assert ([n.name for n in galloway.speakers], galloway.authors) == (["Scott Galloway"], [])
    hill = read_citation("Hill's Foreign Affairs essay argued that the war was avoidable.")
    assert [n.name for n in hill.authors] == ["Hill"]
    peskov = read_citation("The Kremlin's spokesman, Dmitry Peskov, told reporters so.")
    assert [n.name for n in peskov.speakers] == ["Dmitry Peskov"]


def test_italics_after_book_name_a_title_not_a_publisher() -> None:
    snyder = read_citation(
        "As Timothy Snyder put it in his 2018 book The Road to Unfreedom, XXXX.",
        emphasis=[(42, 63)],
    )
    assert (snyder.title, snyder.publisher) == ("The Road to Unfreedom", None)


def test_whoever_is_spoken_to_is_the_outlet_and_the_pronoun_the_speaker() -> None:
    text = (
        "Hair\n\nWhen Dianne Austin decided to stop relaxing her hair, she had no idea.\n\n"
        "“My first thoughts were how ironic it was,” she shares with InStyle."
    )
    (reference,) = find_references(from_plain_text(text, "hair.txt"))["references"]
    assert (reference["speakers"], reference["publisher"]) == (["Dianne Austin"], "InStyle")


def test_a_name_that_opens_what_was_said_is_not_the_speaker() -> None:
    bennett = read_citation("Bennett claimed the West had decided to keep striking.")
    assert [n.name for n in bennett.speakers] == ["Bennett"]


def test_words_that_open_german_french_and_spanish_sentences_are_not_names() -> None:
    assert find_names("Aber Kaum jemand glaubt das.") == []
    assert find_names("Je pense que non. Leur avis compte.") == []
    assert [n.name for n in find_names("Marine Le Pen told Der Spiegel.")] == [
        "Marine Le Pen",
        "Der Spiegel",
    ]


def test_an_anonymous_source_and_a_thing_named_in_passing_are_not_a_named_speaker() -> None:
    text = (
        "Campus\n\n"
        "Ministers blamed the spread of Covid on the universities. One vice-chancellor, who "
        "asked not to be named, said: “The government looked to universities to sort it out.”\n\n"
        "Officials in Hamburg were calm. “We are ready for the winter,” he said."
    )
    cites = _cites(text)
    assert "an unnamed source" in cites
    assert not cites & {"Covid", "Hamburg"}


def test_a_pronouns_gender_rules_out_a_person_of_the_other() -> None:
    text = (
        "Housing\n\nMayor Daniel Okafor defended the plan.\n\n"
        "The presenter, Kate Summers, put it to him that residents had not been consulted. "
        "“There were nine public meetings,” he replied."
    )
    (reference,) = find_references(from_plain_text(text, "radio.txt"))["references"]
    assert reference["speakers"] == ["Daniel Okafor"]
    from verifiers.language.first_names import gender_of

    assert (gender_of("Kate Summers"), gender_of("Daniel Okafor"), gender_of("Hilary Benn")) == (
        "female",
        "male",
        None,
    )


def test_a_bare_question_in_a_dialogue_goes_back_to_who_asked_before() -> None:
    text = (
        "Hearing\n\n"
        "“Did you see this coming?” asked committee chair Robert Fane.\n\n"
        "“We saw the risks and raised them three times,” Margaret Ellison replied.\n\n"
        "“And what did the bank do?”\n\n"
        "“It told us it had the matter in hand,” she said."
    )
    references = find_references(from_plain_text(text, "hearing.txt"))["references"]
    quotes = {ref["speakers"][0]: ref["quotes"] for ref in references}
    assert quotes["Robert Fane"] == ["Did you see this coming?", "And what did the bank do?"]
    assert len(quotes["Margaret Ellison"]) == 2


def test_on_and_in_join_a_bodys_name_only() -> None:
    assert [n.name for n in find_names("The Council on Foreign Relations said so.")] == [
        "Council on Foreign Relations"
    ]
    assert "Norland Semiconductors" in [
        n.name for n in find_names("Shares in Norland Semiconductors fell 12 percent.")
    ]


def test_a_described_sources_words_are_that_source() -> None:
    coach = read_citation("My coach's advice was the only thing in my head: XXXX")
    assert coach.unnamed == "My coach"


def test_german_quotations_sentences_and_titles() -> None:
    text = (
        "Holz\n\n"
        "Die dünnen Äste sind für sie nicht zu gebrauchen. Für Hans Göbel aber schon. „Ich "
        "habe gemerkt, dass diese Äste einen sehr hohen Heizwert haben.“\n\n"
        "Infos findet man im Artikel „Es ist schon mal ein Meister vom Himmel gefallen“."
    )
    (reference,) = find_references(from_plain_text(text, "holz.txt"))["references"]
    assert reference["speakers"] == ["Hans Göbel"]
    assert reference["quotes"] == [
        "Ich habe gemerkt, dass diese Äste einen sehr hohen Heizwert haben."
    ]


def test_in_a_german_article_one_capitalised_word_is_no_speaker_until_named_in_full() -> None:
    text = (
        "Fussball\n\n"
        "Benjamin Näßler ist Fussballfan. „Ich bin Fussballfan und ich bin schwul“, sagt "
        "Näßler.\n\n"
        "Weiter schreibt er: „Doch ich habe grosse Bedenken, denn in Katar ist das verboten.“\n\n"
        "Kind 1 voller Euphorie: „Wir suchen uns im Internet ein Bild und das malen wir nach!“"
    )
    cites = _cites(text)
    assert "Benjamin Näßler" in cites or "Näßler" in cites
    assert not cites & {"Weiter", "Kind"}


def _cites(text: str) -> set[str]:
    """The citations of the references found in a plain-text article."""
    return {ref["cite"] for ref in find_references(from_plain_text(text, "a.txt"))["references"]}
