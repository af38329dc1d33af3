"""Folding and word indexing keep every word's place in the original text."""

from verifiers.language.folding import PARAGRAPH_BREAK, SENTENCE_BREAK, WordIndex, fold, tokenize


def test_fold_maps_every_folded_character_back() -> None:
    text = "Ｆull ﬁne “Don’t” nego\u00adtiate"
    folded, offsets = fold(text)
    assert folded == "full fine “don't” negotiate"
    assert len(folded) == len(offsets)
    for position, offset in enumerate(offsets):
        assert 0 <= offset < len(text)
        if position:
            assert offset >= offsets[position - 1]


def test_tokens_fold_typography_and_keep_original_spans() -> None:
    text = "Don’t say “negoti-\nated”: ﬁne, 1,000 and 3.5 — café"
    tokens = tokenize(text)
    assert [t.word for t in tokens] == [
        "don't",
        "say",
        "negotiated",
        "fine",
        "1,000",
        "and",
        "3.5",
        "café",
    ]
    assert [text[t.start : t.end] for t in tokens][2] == "negoti-\nated"
    assert text[tokens[3].start : tokens[3].end] == "ﬁne"


def test_a_hyphen_joins_only_at_a_line_break() -> None:
    assert [t.word for t in tokenize("opera-\n tion")] == ["operation"]
    assert [t.word for t in tokenize("Arbeiter- und Soldatenräte")] == [
        "arbeiter",
        "und",
        "soldatenräte",
    ]
    assert [t.word for t in tokenize("Paris - London")] == ["paris", "london"]


def test_combining_marks_compose_and_stay_in_the_span() -> None:
    text = "cafe\u0301 ok"
    (first, second) = tokenize(text)
    assert first.word == "café"
    assert text[first.start : first.end] == "cafe\u0301"
    assert second.word == "ok"


def test_zero_width_and_soft_hyphen_vanish() -> None:
    assert [t.word for t in tokenize("nego\u00adtia\u200btion")] == ["negotiation"]


def test_word_index_positions_and_breaks() -> None:
    index = WordIndex("The talks ended. Then\n\nthe talks resumed")
    the = index.id_of("the")
    assert list(index.positions(the)) == [0, 4]
    assert index.frequency(index.id_of("talks")) == 2
    assert index.breaks[2] & SENTENCE_BREAK
    assert index.breaks[3] & PARAGRAPH_BREAK
    assert not index.breaks[0]
    assert index.span(1, 2) == (4, 15)
    assert index.id_of("absent") is None


def test_cyrillic_and_accented_words() -> None:
    assert [t.word for t in tokenize("Переговоры будут продолжены; Élysée")] == [
        "переговоры",
        "будут",
        "продолжены",
        "élysée",
    ]
