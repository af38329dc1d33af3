"""The named thresholds behind every quotation verdict, each with the reason for its value.

Changing one of these changes what users are told; the tests pin both sides of each.
"""

__all__ = [
    "CANDIDATE_PASSAGES",
    "CONTEXT_CHARS",
    "MAX_BRACKET_WORDS",
    "MAX_ELLIPSIS_GAP_WORDS",
    "MIN_WORDS_FOR_MISQUOTE",
    "MISQUOTE_MIN_SHARED_CONTENT_SHARE",
    "MISQUOTE_MIN_SHARED_CONTENT_WORDS",
    "MISQUOTE_MIN_SIMILARITY",
    "PARAPHRASE_MAX_SENTENCES",
    "PARAPHRASE_MIN_SHARED_SHARE",
    "PARAPHRASE_MIN_SHARED_STEMS",
    "PARAPHRASE_MIN_WORDS",
    "SHORT_QUOTE_WORDS",
    "SPLICE_MIN_GAP_WORDS",
    "SPLICE_MIN_PART_WORDS",
    "VOTE_BUDGET",
]

# An ellipsis leaves out words of one passage, not of a page: parts of a quotation that stand
# further apart than this are not one quotation (a speech's two ends joined by "..." are a
# splice). About two paragraphs of news prose.
MAX_ELLIPSIS_GAP_WORDS = 120

# A bracketed insertion replaces a pronoun or a short phrase ("[the minister]" for "he",
# "[in 2022]" for "then"); more than this many source words is not an insertion but a cut.
MAX_BRACKET_WORDS = 6

# Below this many words a quotation is a phrase: it is either there or not. Calling a
# two-word phrase "misquoted" would accuse the writer on the strength of one shared word.
MIN_WORDS_FOR_MISQUOTE = 3

# Below this many words a quotation is checked on its own reference's pages only: it never
# makes a page found by search the source, nor raises found_elsewhere. Two words recur by
# chance on unrelated pages ("deeply reckless"), so they cannot say which page is the source.
MIN_WORDS_TO_LOCATE = 3

# Up to this many words, a quotation is short: one changed word already weighs a lot, so a
# misquotation may differ by a single edit only.
SHORT_QUOTE_WORDS = 5

# Similarity (Dice over words: 2 x shared / (quote words + passage words)) from which the
# closest passage counts as the source of a misquotation. At 0.7 a 20-word quotation may
# differ in about six words; below that the passage says something else in part, and the
# quotation is better reported as paraphrased or not found than "misquoted" against words
# that may not be its source.
MISQUOTE_MIN_SIMILARITY = 0.7

# A misquotation must share real content with its passage, not just "of the": at least this
# many content words, and at least this share of the quotation's content words.
MISQUOTE_MIN_SHARED_CONTENT_WORDS = 2
MISQUOTE_MIN_SHARED_CONTENT_SHARE = 0.5

# A paraphrase shares most content words (by stem) with a passage of about two sentences.
PARAPHRASE_MIN_WORDS = 5
PARAPHRASE_MIN_SHARED_STEMS = 3
PARAPHRASE_MIN_SHARED_SHARE = 0.6
PARAPHRASE_MAX_SENTENCES = 3

# How many word positions the approximate search may read from the inverted index for one
# quotation: the rarest words vote first, so this bounds the work on huge pages without
# losing the passage (a page's common words carry no location).
VOTE_BUDGET = 6000

# How many candidate passages get a full word-level alignment.
CANDIDATE_PASSAGES = 3

# Context shown around a match in the report, in characters.
CONTEXT_CHARS = 200

# A splice is two parts of at least this many words each (shorter ones recur by chance on
# long pages), standing at least this many words apart, or out of order. Closer parts are a
# misquotation with left-out words.
SPLICE_MIN_PART_WORDS = 4
SPLICE_MIN_GAP_WORDS = 12
