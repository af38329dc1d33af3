"""Who a passage is about, when it names its subject only by a pronoun.

Real pages name their subject once: "He was a major advocate of a single parliament" on a
page about a king, "The company reported a loss" after the company was named. A passage
that opens so is read with the claim's own subject in the pronoun's place, but only when
that subject is the last name the page gave before the passage (or, with none near, the
page's title names it): never a guess between two people.
"""

from __future__ import annotations

from verifiers.claims.stance import Words
from verifiers.language.names import SUBJECT_PRONOUNS, Name, find_names, surname

__all__ = ["LOOK_BACK_CHARS", "with_subject"]

# A person's pronoun, or "it" for a thing named before ("It was founded in 1998").
_PRONOUNS = SUBJECT_PRONOUNS | {"it"}
# "The company", "the band": a subject named by what it is.
_GENERIC_SUBJECTS = frozenset(
    "company firm band group club team party city town airline bank charity school "
    "university council government agency organisation organization film album book "
    "series show station museum".split()
)
_PREPOSITIONS = frozenset(
    "in at on from to of by with near for into über aus bei nach à en dans de".split()
)
# How far back on the page the subject's last mention is looked for, in characters: about
# a paragraph.
LOOK_BACK_CHARS = 600


def with_subject(passage: Words, claim: Words, before: str, title: str | None) -> Words:
    """`passage`, its opening pronoun (or "the company") read as the claim's subject when
    the page names that subject last before it; else the passage as it is."""
    subject = _leading_name(claim)
    if not subject or not passage.folded:
        return passage
    if passage.folded[0] in _PRONOUNS:
        replaced = 1
    elif passage.folded[0] == "the" and len(passage.folded) > 1:
        replaced = 2 if passage.folded[1] in _GENERIC_SUBJECTS else 0
    else:
        replaced = 0
    if not replaced or not _named_last(subject, before, title):
        return passage
    folded = [*subject, *passage.folded[replaced:]]
    capitalised = [True] * len(subject) + passage.capitalised[replaced:]
    return Words(folded, capitalised)


def _leading_name(claim: Words) -> list[str]:
    """The capitalised words a claim opens with ("Saturn", "Peter Holm"), folded."""
    name = []
    for word, capital in zip(claim.folded, claim.capitalised, strict=True):
        if not capital:
            break
        name.append(word)
    return name


def _named_last(subject: list[str], before: str, title: str | None) -> bool:
    named = [name for name in find_names(before) if not _in_passing(name, before)]
    last = subject[-1]
    if named:
        return surname(named[-1].name).split()[-1].casefold() == last
    return bool(title) and last in title.casefold().split()


def _in_passing(name: Name, text: str) -> bool:
    """One capitalised word that opens a sentence or a line ("Early years"), or follows a
    preposition ("grew up in Kiel"): no antecedent for the pronoun."""
    if " " in name.name.strip():
        return False
    before = text[: name.start].rstrip(" ")
    if not before or before[-1] in ".!?\n:":
        return True
    previous = before.split()[-1].casefold() if before.split() else ""
    return previous in _PREPOSITIONS
