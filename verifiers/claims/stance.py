"""Does one passage say what a claim says, say otherwise, or only bear on it?

The claim and the passage are aligned word by word (numbers by value, content words by
their first letters). A passage **supports** the claim when it holds nearly all of the
claim's content words and, aligned, puts no word of meaning in place of another: the same
negation, the same numbers, no rank or role qualifier the claim lacks ("second-largest",
"vice president"), and no other entity put between a preposition and its object
("directed by B, written by A" for "directed by A"). It **contradicts** the claim when it
holds the rest of the claim and differs in exactly one way that makes it say otherwise:
another number or date, the opposite polarity, an opposite word ("before" for "after",
"fell" for "rose"), another rank, or another holder of the role. Anything else only bears
on the claim.

Rules rather than a learned model: each is an explicit, testable reason that the report
gives in words ("the source gives “412”, the claim “512”").
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from difflib import SequenceMatcher

from verifiers.claims.policy import CONTRADICTION_MIN_CONTENT_WORDS, SUPPORTED_MIN_SHARE
from verifiers.language.folding import tokenize
from verifiers.language.months import WEEKDAYS, month_number
from verifiers.language.names import SUBJECT_PRONOUNS
from verifiers.language.opposites import (
    HEDGES,
    RANK_QUALIFIERS,
    are_opposites,
    ordinal_value,
)
from verifiers.language.words import NEGATIONS, is_content_word, number_value, stem
from verifiers.model import Stance

__all__ = ["Judgment", "Words", "judge_passage", "swapped_entities", "words_of"]

# Short words that stopword lists drop but that carry a claim's meaning.
_MEANING_WORDS = frozenset(
    "before after from until till since above below more most less fewer few over under up "
    "down against only off out again vor nach bis seit ab mehr weniger über unter gegen nur "
    "avant après depuis jusqu plus moins sous contre seulement antes después desde hasta más "
    "menos bajo contra solo".split()
)
# Content words align by their first four letters, so that an inflection does not break
# the alignment ("scored" and "score", "comes" and "come"); two words so aligned are then
# the same word only when they are one inflected ("committee" is no "commission").
_ALIGNED_LETTERS = 4
# A word is derived from another ("vaccinated" from "vaccine", "fiercely" from "fierce")
# when the other's base, of at least this many letters, begins it: "state" (base "stat")
# is no base of "station".
_MIN_DERIVED_BASE = 5
# Inflections taken off before two aligned words are compared, longest first.
_INFLECTIONS = ("ing", "ed", "es", "s", "d")
# Prepositions whose object is the entity a relation is about: "directed by", "born in".
_RELATION_PREPOSITIONS = frozenset("by of for from in at to with von für aus par pour de".split())
# Words that mark a passive's agent: "beaten by Dallas", "geschlagen von", "battu par".
_AGENT_MARKERS = frozenset("by von par por".split())
# Two names swapped are tied by at most this many words ("Dallas beat Houston").
_MAX_TIE_WORDS = 4
# Two spellings this alike (difflib's ratio over letters) are one name ("Kyongsang",
# "Kyeongsang": 0.95); other names of the same length differ far more ("Holm", "Berg").
_SAME_NAME_SIMILARITY = 0.85
# A replaced stretch longer than this on either side is another wording, not another value.
_MAX_VALUE_WORDS = 3


@dataclass(frozen=True)
class Words:
    """A text's folded words, and which of them are written with a capital (names)."""

    folded: list[str]
    capitalised: list[bool]

    @classmethod
    def of(cls, folded: list[str], raw: list[str]) -> Words:
        return cls(folded, [word[:1].isupper() for word in raw])


def words_of(text: str) -> Words:
    """A short text's words (a sentence, a passage, a claim)."""
    tokens = tokenize(text)
    return Words.of([t.word for t in tokens], [text[t.start : t.end] for t in tokens])


@dataclass(frozen=True)
class Judgment:
    stance: Stance
    # What differs, in words, when the passage contradicts the claim.
    reason: str | None = None


def judge_passage(claim: Words, passage: Words) -> Judgment:
    """The passage's stance on the claim."""
    keys = _keys(claim.folded), _keys(passage.folded)
    operations = SequenceMatcher(None, *keys, autojunk=False).get_opcodes()
    alignment = _Alignment(claim, passage, _refined(operations, claim, passage))
    contradiction = _contradiction(alignment)
    if contradiction is not None:
        return Judgment("contradicts", contradiction)
    if alignment.held() >= SUPPORTED_MIN_SHARE and _states(alignment):
        return Judgment("supports")
    return Judgment("related")


def swapped_entities(claim: Words, passage: Words) -> tuple[str, str] | None:
    """Two names that the claim and the passage both give the other way round, tied by the
    same few words ("Dallas beat Houston" against "Houston beat Dallas"): the same words
    for other facts. Names that only stand in another order of clauses ("Boston's
    archdiocese" against "the archdiocese in Boston") are no swap, and neither is a change
    of voice ("Houston was beaten by Dallas"); dates and days move freely, and are no names."""
    ours, theirs = _name_places(claim), _name_places(passage)
    shared = [word for word in ours if word in theirs]
    for one, other in itertools.combinations(shared, 2):
        if (ours[one] < ours[other]) == (theirs[one] < theirs[other]):
            continue
        tie = _between(claim, ours[one], ours[other])
        if tie and tie == _between(passage, theirs[one], theirs[other]):
            return one, other
    return None


def _between(words: Words, one: int, other: int) -> tuple[str, ...] | None:
    """The words that tie two names a few words apart (their first letters), or None."""
    low, high = sorted((one, other))
    tie = words.folded[low + 1 : high]
    if not tie or len(tie) > _MAX_TIE_WORDS or any(word in _AGENT_MARKERS for word in tie):
        return None
    return tuple(word[:_ALIGNED_LETTERS] for word in tie if is_content_word(word)) or None


def _name_places(words: Words) -> dict[str, int]:
    """Where each capitalised word that is no month or weekday first stands."""
    places: dict[str, int] = {}
    for n, word in enumerate(words.folded):
        calendar = month_number(word) is not None or word in WEEKDAYS
        if words.capitalised[n] and not calendar and is_content_word(word):
            places.setdefault(word, n)
    return places


@dataclass(frozen=True)
class _Alignment:
    claim: Words
    passage: Words
    operations: list

    def held(self, apart: tuple[int, int] = (0, 0)) -> float:
        """The share of the claim's content words (those of the span `apart` aside) that
        stand in the passage: aligned with the same word, or found there by stem."""
        aligned = {
            c1 + k for op, c1, c2, _, _ in self.operations if op == "equal" for k in range(c2 - c1)
        }
        present = {stem(word) for word in self.passage.folded}
        wanted = [
            n
            for n, word in enumerate(self.claim.folded)
            if is_content_word(word) and not apart[0] <= n < apart[1]
        ]
        held = [n for n in wanted if n in aligned or stem(self.claim.folded[n]) in present]
        return len(held) / len(wanted) if wanted else 0.0

    def within(self) -> list[str]:
        """The passage's words from the first to the last it shares with the claim: a
        negation further off ("…, although he did not play") is not the claim's."""
        matched = [(p1, p2) for op, _, _, p1, p2 in self.operations if op == "equal"]
        return self.passage.folded[matched[0][0] : matched[-1][1]] if matched else []


def _keys(words: list[str]) -> list[str]:
    """Numbers by value, content words by their first letters, other words as they are."""
    return [
        number_value(word) or (word[:_ALIGNED_LETTERS] if is_content_word(word) else word)
        for word in words
    ]


def _refined(operations: list, claim: Words, passage: Words) -> list:
    """The alignment with every pair of words that share only their first letters
    ("committee", "commission") taken as a replacement, not as the same word."""
    refined = []
    for operation in operations:
        kind, c1, c2, p1, p2 = operation
        if kind != "equal":
            refined.append(operation)
            continue
        start = 0
        for k in range(c2 - c1):
            if not _same_word(claim.folded[c1 + k], passage.folded[p1 + k]):
                if k > start:
                    refined.append(("equal", c1 + start, c1 + k, p1 + start, p1 + k))
                refined.append(("replace", c1 + k, c1 + k + 1, p1 + k, p1 + k + 1))
                start = k + 1
        if c2 - c1 > start:
            refined.append(("equal", c1 + start, c2, p1 + start, p2))
    return refined


def _same_word(one: str, other: str) -> bool:
    """The same word, an English inflection aside ("comes", "come"; "scored", "score"), or
    one derived from the other ("vaccine", "vaccinated"), or the same number however
    written ("12", "twelve"); not two words that merely begin alike ("committee",
    "commission")."""
    if number_value(one) is not None or number_value(other) is not None:
        return number_value(one) == number_value(other)
    shorter, longer = sorted((_base(one), _base(other)), key=len)
    return shorter == longer or (len(shorter) >= _MIN_DERIVED_BASE and longer.startswith(shorter))


def _base(word: str) -> str:
    if word.endswith("ies") and len(word) > 5:  # "companies": "company"
        return word[:-3] + "y"
    for ending in _INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            word = word[: -len(ending)]
            break
    return word.removesuffix("e")


def _states(alignment: _Alignment) -> bool:
    """The passage says what the claim says, word for word where it matters. Words the
    claim adds ("construction of the tram" for "construction") and words the passage adds
    are allowed, unless they change a rank, a role or a relation's object."""
    claim, passage = alignment.claim, alignment.passage
    if _negated(claim.folded) != _negated(alignment.within()):
        return False
    if not _numbers(claim.folded) <= _numbers(passage.folded):
        return False
    if _hedged(passage) and not _hedged(claim):
        return False
    for operation, c1, c2, p1, p2 in alignment.operations:
        changed, added = claim.folded[c1:c2], passage.folded[p1:p2]
        if operation == "replace" and any(is_content_word(word) for word in changed):
            return False
        if operation in ("replace", "delete") and any(w in _MEANING_WORDS for w in changed):
            return False
        inside = operation in ("insert", "replace") and 0 < c1 < len(claim.folded)
        if inside and (_qualifies(added) or _displaces_object(claim, passage, c1, p1, p2)):
            return False
    return True


def _contradiction(alignment: _Alignment) -> str | None:
    """What makes the passage say otherwise, when it otherwise says the same; else None."""
    claim, passage, operations = alignment.claim, alignment.passage, alignment.operations
    if sum(is_content_word(word) for word in claim.folded) < CONTRADICTION_MIN_CONTENT_WORDS:
        return None
    within = alignment.within()
    if not within:
        return None
    changed = [op for op in operations if op[0] in ("replace", "delete")]
    meaningful = [op for op in changed if _matters(claim.folded[op[1] : op[2]])]
    if _negated(claim.folded) != _negated(within):
        if meaningful or alignment.held() < SUPPORTED_MIN_SHARE:
            return None
        negating = within if _negated(within) else claim.folded
        holder, other = ("source", "claim") if _negated(within) else ("claim", "source")
        return f"the {holder} says “{_negation_of(negating)}” where the {other} does not"
    if len(meaningful) == 1 and len(changed) == 1 and meaningful[0][0] == "replace":
        _, c1, c2, p1, p2 = meaningful[0]
        if alignment.held((c1, c2)) < SUPPORTED_MIN_SHARE:
            return None
        return _different(claim, passage, (c1, c2), (p1, p2))
    if meaningful or alignment.held() < SUPPORTED_MIN_SHARE:
        return None
    for operation, c1, _, p1, p2 in operations:
        if operation == "insert" and 0 < c1 < len(claim.folded):
            ordinal = next((w for w in passage.folded[p1:p2] if ordinal_value(w)), None)
            if ordinal and ordinal_value(ordinal) != 1 and _ranked(claim.folded[c1]):
                return f"the source ranks it “{ordinal} {claim.folded[c1]}”"
    return None


def _different(
    claim: Words, passage: Words, claim_span: tuple[int, int], passage_span: tuple[int, int]
) -> str | None:
    """The one replaced stretch, when the passage's is another value of the same kind and
    the words around the value are the same."""
    said = claim.folded[claim_span[0] : claim_span[1]]
    given = passage.folded[passage_span[0] : passage_span[1]]
    if len(said) > _MAX_VALUE_WORDS or len(given) > _MAX_VALUE_WORDS:
        return None
    shown = f"the source gives “{' '.join(given)}”, the claim “{' '.join(said)}”"
    for value in (_plain_number, month_number):
        ours = [v for w in said if (v := value(w))]
        theirs = [v for w in given if (v := value(w))]
        rest = [w for w in said if not value(w)], [w for w in given if not value(w)]
        if ours and theirs and ours != theirs and _same_apart_from_dates(*rest):
            return shown
    if len(said) == len(given) == 1:
        one, other = said[0], given[0]
        ranks = ordinal_value(one), ordinal_value(other)
        if are_opposites(one, other) or (all(ranks) and ranks[0] != ranks[1]):
            return shown
    # Another holder of the role: the claim's is not there at all, nor spelt otherwise.
    names = _names(claim, claim_span) and _names(passage, passage_span)
    if names and not set(said) & set(passage.folded) and not _spelt_otherwise(said, given):
        return shown
    return None


def _plain_number(word: str) -> str | None:
    """A number written as a figure ("1,000", "3.2") or a word ("eleven", "million"); not
    an ordinal ("third") nor a code that holds digits ("Q3")."""
    if ordinal_value(word):
        return None
    if any(char.isdigit() for char in word):
        return word if all(char.isdigit() or char in ".,%" for char in word) else None
    return number_value(word)


def _same_apart_from_dates(ours: list[str], theirs: list[str]) -> bool:
    """Besides the differing value, the two stretches hold the same words, small words and
    days and months aside ("21" against "12 on Tuesday")."""

    def kept(words: list[str]) -> list[str]:
        return [w for w in words if is_content_word(w) and w not in WEEKDAYS]

    return len(kept(ours)) == len(kept(theirs)) and all(
        _same_word(a, b) for a, b in zip(kept(ours), kept(theirs), strict=True)
    )


def _spelt_otherwise(ours: list[str], theirs: list[str]) -> bool:
    """The same name in another spelling: with or without points and apostrophes ("FTC",
    "F.T.C."; "Kohls", "Kohl's"), as initials ("New York", "N.Y."), or a letter off
    ("Kyongsang", "Kyeongsang")."""
    one, other = ("".join(ch for ch in "".join(w) if ch.isalpha()) for w in (ours, theirs))
    if one == other:
        return True
    initials = "".join(w[0] for w in ours), "".join(w[0] for w in theirs)
    if other == initials[0] or one == initials[1]:
        return True
    return SequenceMatcher(None, one, other).ratio() >= _SAME_NAME_SIMILARITY


def _qualifies(added: list[str]) -> bool:
    """Inside the claim's words the passage puts a rank or a role qualifier right before
    one of them ("vice president", "second largest"; not "former Enron chairman Kenneth
    Lay" for "Lay"), or starts anew with another subject ("…, he founded")."""
    last = added[-1] if added else ""
    return (
        bool(ordinal_value(last))
        or last in RANK_QUALIFIERS
        # a subject pronoun: the passage moved on to someone else ("… Tom Berg. He founded")
        or any(word in SUBJECT_PRONOUNS for word in added)
    )


def _displaces_object(
    claim: Words, passage: Words, claim_at: int, passage_at: int, passage_end: int
) -> bool:
    """Right after a preposition of the claim, the passage names another entity and a
    relation of its own before the claim's object: "directed by [Jane Roe and written by]
    Ann Lee" for "directed by Ann Lee" (a mere modifier, "of [PeopleSoft] stockholders",
    is none)."""
    if claim.folded[claim_at - 1] not in _RELATION_PREPOSITIONS or passage_at >= passage_end:
        return False
    inserted = passage.folded[passage_at:passage_end]
    names_first = passage.capitalised[passage_at] or number_value(inserted[0]) is not None
    relation = any(word in _RELATION_PREPOSITIONS or word in ("and", "or") for word in inserted)
    return names_first and relation


def _names(words: Words, span: tuple[int, int]) -> bool:
    """The stretch is a name: every word of it written with a capital. A text's first
    word has one anyway, so there it counts only before another capitalised word."""
    capitals = words.capitalised[span[0] : span[1]]
    if span[0] == 0 and capitals:
        capitals = [len(capitals) > 1 and all(capitals[1:]), *capitals[1:]]
    return bool(capitals) and all(capitals)


def _hedged(words: Words) -> bool:
    """The text makes its assertion uncertain ("appeared to have agreed"); "May" with a
    capital is the month."""
    return any(
        word in HEDGES and not (capital and word == "may")
        for word, capital in zip(words.folded, words.capitalised, strict=True)
    )


def _negated(words: list[str]) -> bool:
    return any(word in NEGATIONS for word in words)


def _negation_of(words: list[str]) -> str:
    return next((word for word in words if word in NEGATIONS), "not")


def _numbers(words: list[str]) -> set[str]:
    return {value for word in words if (value := number_value(word)) is not None}


def _matters(words: list[str]) -> bool:
    """The words carry meaning: a content word, a number, or a short word of meaning."""
    return any(
        is_content_word(word) or word in _MEANING_WORDS or number_value(word) for word in words
    )


def _ranked(word: str) -> bool:
    """A superlative, or a rank, that an ordinal before it changes ("largest", "place")."""
    return word.endswith("est") or word in ("most", "best", "place", "rank")
