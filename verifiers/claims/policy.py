"""The named thresholds behind every claim verdict, each with the reason for its value.

A wrong `supported` is the worst thing sourcecheck can say, so the bar for it is high and
everything below it goes to `needs_review` with the passages shown. Changing one of these
changes what users are told; tests/claims/test_policy.py pins both sides of each.
"""

__all__ = [
    "BM25_B",
    "BM25_K1",
    "EVIDENCE_MIN_SHARE",
    "MAX_EVIDENCE",
    "SEMANTIC_POOL",
    "SUPPORTED_MIN_SHARE",
]

# Share of the claim's content-word stems one passage must hold for `supported`: nearly
# all. At 0.9 a claim of ten content words may lack one ("the regional fund" for "the
# fund"); a claim missing two says something the passage does not.
SUPPORTED_MIN_SHARE = 0.9

# A passage contradicts a claim only when it holds all the rest of a claim of at least this
# many content words: in shorter claims ("prices fell") one other word is often another
# statement altogether, not the opposite of this one.
CONTRADICTION_MIN_CONTENT_WORDS = 3

# Passages are each unit (a sentence, or a line such as a list item), each with the next,
# and runs of up to this many lines: a claim may draw on a short list's items. Runs of
# sentences that long would gather a claim's words by chance.
PASSAGE_WINDOW_UNITS = 3

# How many of the best-ranked passages are judged for support or contradiction: the one
# that holds the answer is among the first few in practice, and each costs an alignment.
JUDGED_PASSAGES = 20

# Below this share a passage is not evidence worth an editor's time: fewer than two in
# five of the claim's content words are chance overlaps on a long page.
EVIDENCE_MIN_SHARE = 0.4

# Passages shown as evidence for a claim needing review: enough to judge it, few enough
# to read.
MAX_EVIDENCE = 3

# With the `semantic` extra, passages are ordered by meaning (all-MiniLM-L6-v2 embeddings)
# but are evidence only by the words they share. Meaning alone cannot say what is evidence:
# on benchmarks/claims.py paraphrases of a source's sentence score 0.32–0.58 against it and
# claims the page does not make 0.26–0.60, so no similarity bar separates them. So the
# model orders at most this many passages, the best by BM25 (no others can be evidence).
SEMANTIC_POOL = 200

# BM25's usual constants (Robertson and Zaragoza): term-frequency saturation and length
# normalisation. Passages are one or two sentences, so their lengths vary little and
# these defaults rank them as well as any tuning would.
BM25_K1 = 1.2
BM25_B = 0.75
