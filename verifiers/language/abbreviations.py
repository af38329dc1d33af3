"""Words whose full stop abbreviates them rather than ending a sentence.

"U.S. leaders", "Dr. Rae", "Gen. Ortiz", "Jan. 6", "e.g. the harbour": one list for every
sentence splitter, the source's (verifiers.language.folding) and the article's
(verifiers.inputs.article). Single letters ("J. Smith") are abbreviations too, by rule.
"""

from __future__ import annotations

from verifiers.language.months import ENGLISH_ABBREVIATIONS as _MONTHS

__all__ = ["ABBREVIATIONS", "TITLES", "is_abbreviation"]

# Titles written before a name ("Sen. Dana Whitford", "Lt. Gov. Ann Roe"); "St." (a saint,
# a street) and "Jr."/"Sr." (after the name) are abbreviations but no titles.
TITLES = frozenset("mr mrs ms dr prof gen sen rep gov lt col capt sgt rev maj adm cmdr".split())
_BUSINESS = "inc ltd co corp dept univ"
_LATIN_AND_OTHER = "no vs etc fig approx u.s u.k e.g i.e"
ABBREVIATIONS = TITLES | frozenset(f"st jr sr {_BUSINESS} {_LATIN_AND_OTHER}".split()) | _MONTHS


def is_abbreviation(word: str) -> bool:
    """`word`, without its full stop, is one letter or a known abbreviation."""
    word = word.lower().rstrip(".")
    return (len(word) == 1 and word.isalpha()) or word in ABBREVIATIONS
