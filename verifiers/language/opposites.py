"""Words that change what a sentence asserts when one stands in place of another.

Used to tell a passage that says the same from one that says otherwise in nearly the same
words: "before" for "after", "second-largest" for "largest", "vice president" for
"president". Folded (lower-case) forms, in English, German, French and Spanish where the
stopword lists cover them.
"""

from __future__ import annotations

__all__ = ["HEDGES", "ORDINALS", "RANK_QUALIFIERS", "are_opposites", "ordinal_value"]

# Each pair: the words of one sense, and the words of the opposite sense.
_PAIRS = (
    ("before earlier prior", "after later since"),
    (
        "more most higher highest larger largest greater greatest bigger biggest increase "
        "increased increases increasing rise rose risen rises rising gain gained grew grow "
        "growing above exceeded",
        "less least fewer fewest lower lowest smaller smallest lesser decrease decreased "
        "decreases decreasing fall fell fallen falls falling drop dropped shrank shrink below",
    ),
    ("first", "last final"),
    ("won win wins winning victory", "lost lose loses losing defeat defeated"),
    ("older oldest elder eldest", "younger youngest newer newest"),
    ("north northern", "south southern"),
    ("east eastern", "west western"),
    (
        "accepted accept accepts approved approve approves",
        "rejected reject rejects denied deny denies refused refuse refuses",
    ),
    ("legal lawful", "illegal unlawful"),
    ("true correct", "false incorrect wrong"),
    ("opened opens", "closed closes shut"),
    ("started starts began begin begins", "ended ends finished finishes"),
    ("vor früher", "nach später"),
    ("mehr höher größer", "weniger niedriger kleiner"),
    ("avant", "après"),
    ("plus", "moins"),
    ("antes", "después"),
    ("más mayor", "menos menor"),
)
# Each word's pair and side.
_SENSES: dict[str, tuple[int, int]] = {
    word: (number, side)
    for number, pair in enumerate(_PAIRS)
    for side, words in enumerate(pair)
    for word in words.split()
}

ORDINALS: dict[str, int] = {
    word: value
    for value, words in enumerate(
        [
            "first 1st erste ersten premier première primero primera",
            "second 2nd zweite zweiten deuxième second seconde segundo segunda",
            "third 3rd dritte dritten troisième tercero tercera",
            "fourth 4th vierte vierten quatrième cuarto cuarta",
            "fifth 5th fünfte fünften cinquième quinto quinta",
            "sixth 6th sechste sixième sexto",
            "seventh 7th siebte septième séptimo",
            "eighth 8th achte huitième octavo",
            "ninth 9th neunte neuvième noveno",
            "tenth 10th zehnte dixième décimo",
        ],
        start=1,
    )
    for word in words.split()
}

# Words that, put before a role or a rank, make it another one: "vice president", "former
# chairman", "acting director", "co-founder", "runner-up".
RANK_QUALIFIERS = frozenset(
    "vice deputy assistant associate former ex acting interim co honorary nominal junior "
    "runner stellvertretende ehemalige ehemaliger vize adjoint ancien ancienne vice-président "
    "adjunto exvicepresidente".split()
)


# Words that make an assertion uncertain: a passage that hedges ("appeared to have
# agreed") does not support a claim that states it as fact.
HEDGES = frozenset(
    "appeared appears appear seemed seems seem apparently reportedly allegedly possibly "
    "probably perhaps may might could likely unlikely rumoured rumored supposedly "
    "angeblich offenbar möglicherweise vermutlich wohl scheinbar apparemment "
    "probablement peut-être supposément aparentemente probablemente quizás supuestamente".split()
)


def are_opposites(one: str, other: str) -> bool:
    """The two folded words stand for opposite senses ("rose" and "fell")."""
    a, b = _SENSES.get(one), _SENSES.get(other)
    return a is not None and b is not None and a[0] == b[0] and a[1] != b[1]


def ordinal_value(word: str) -> int | None:
    """1 for "first" or "1st", 2 for "second" …; None for a word that is no ordinal."""
    return ORDINALS.get(word)
