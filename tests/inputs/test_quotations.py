"""How quotations are found in an article's text and told from titles and scare quotes."""

from __future__ import annotations

import pytest

from verifiers.inputs.article import find_references
from verifiers.inputs.article_text import from_html, from_markdown, from_plain_text
from verifiers.inputs.quotations import classify, find_quoted_spans


def quotations(text: str) -> list[tuple[str, str]]:
    article = from_plain_text(f"Title\n\n{text}", "a.txt")
    return [(span.role, span.text) for span in find_quoted_spans(article)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'She said "we will never agree to this deal".',
            [("quotation", "we will never agree to this deal")],
        ),
        (
            "She said “we will never agree to this deal.”",
            [("quotation", "we will never agree to this deal.")],
        ),
        (
            "Er sagte „wir werden nie zustimmen, niemals“.",
            [("quotation", "wir werden nie zustimmen, niemals")],
        ),
        (
            "Il a dit « nous ne céderons jamais sur ce point ».",
            [("quotation", "nous ne céderons jamais sur ce point")],
        ),
        (
            "He said “we ‘never’ agreed to that deal,” and left.",
            [("quotation", "we ‘never’ agreed to that deal")],
        ),
        ('The so-called "peace camp" was weak.', [("term", "peace camp")]),
        ('The "experts" were wrong again.', [("term", "experts")]),
        ('She called it "a historic mistake".', [("quotation", "a historic mistake")]),
        ('It was "a historic mistake" for sure.', [("term", "a historic mistake")]),
        (
            'In an essay titled "Why the war will end soon," he argued.',
            [("title", "Why the war will end soon")],
        ),
        ('His book "The Long Road Back" sold well.', [("title", "The Long Road Back")]),
        ("It's the players' union's view, isn't it?", []),
    ],
)
def test_quotations_are_told_from_titles_and_scare_quotes(text, expected) -> None:
    assert quotations(text) == expected


def test_british_single_quotation_marks_with_apostrophes() -> None:
    text = "The minister said ‘we won’t be rushed into a deal that isn’t right’, and left."
    assert quotations(text) == [("quotation", "we won’t be rushed into a deal that isn’t right")]


def test_a_quotation_over_paragraphs_reopened_at_each() -> None:
    text = "“The first paragraph ends without a closing mark.\n\n“The second one closes it,” she said. Then “a new quotation starts here.”"  # noqa: E501
    assert quotations(text) == [
        ("quotation", "The first paragraph ends without a closing mark. The second one closes it"),
        ("quotation", "a new quotation starts here."),
    ]


def test_an_interrupted_quotation_is_two_quotations_of_one_source() -> None:
    text = (
        'According to Jane Smith in The Quarterly, "the talks had reached a tentative outline," '
        'Under that agreement, "both armies would pull back by ten kilometres."'
    )
    references = find_references(from_plain_text(f"Title\n\n{text}", "a.txt"))["references"]
    assert len(references) == 1
    assert references[0]["quotes"] == [
        "the talks had reached a tentative outline",
        "both armies would pull back by ten kilometres.",
    ]
    assert references[0]["publisher"] == "The Quarterly"


def test_block_quotations_in_markdown_and_html_with_their_attribution() -> None:
    markdown = from_markdown(
        "As Amal Idris wrote in *The Ledger*:\n\n> Prices rose for the ninth month running.\n",
        "a.md",
    )
    html = from_html(
        "<article><blockquote cite='https://ledger.example/prices'><p>Prices rose for the "
        "ninth month running.</p><footer>— Amal Idris, <cite>The Ledger</cite></footer>"
        "</blockquote></article>",
        "a.html",
    )
    for article in (markdown, html):
        (reference,) = find_references(article)["references"]
        assert reference["quotes"] == ["Prices rose for the ninth month running."]
        assert reference["authors"] == ["Amal Idris"]
    assert find_references(html)["references"][0]["urls"] == ["https://ledger.example/prices"]


def test_html_article_ignores_navigation_and_page_furniture() -> None:
    article = from_html(
        "<body><nav>“Subscribe for the best coverage in town today”</nav><main><p>Jo Park said "
        "“the bridge will open in May next year”.</p></main><footer>“All rights reserved to "
        "the publisher and partners”</footer></body>",
        "a.html",
    )
    assert [s.text for s in find_quoted_spans(article)] == ["the bridge will open in May next year"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Sea Defences for Small Harbours", "title"),
        ("we will build the wall", "quotation"),
        ("bad", "term"),
    ],
)
def test_classify(text, role) -> None:
    assert classify(text, "They said ", "") == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Director Ana Costa called her conduct “deeply reckless.”",
            [("quotation", "deeply reckless.")],
        ),
        ("She described the plan as “unworkable”.", [("quotation", "unworkable")]),
        ("They branded him a “traitor” and moved on.", [("quotation", "traitor")]),
        ("He said the industry had “made real strides”.", [("quotation", "made real strides")]),
        # Scare quotes and words being discussed stay terms.
        ("The “experts” were wrong again.", [("term", "experts")]),
        ("The so-called “peace camp” was weak.", [("term", "peace camp")]),
        ("It was “a historic mistake” for sure.", [("term", "a historic mistake")]),
    ],
)
def test_a_word_or_two_someone_called_something_is_a_quotation(text, expected) -> None:
    assert quotations(text) == expected


def test_a_title_may_end_with_the_sentences_full_stop_inside_the_marks() -> None:
    assert quotations("He spoke on the podcast “Here’s the Deal.”") == [
        ("title", "Here’s the Deal.")
    ]
    assert quotations("She said “We Will Not Give Up.”") == [("quotation", "We Will Not Give Up.")]
