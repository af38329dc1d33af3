"""Find the quoted passages of an article, and tell quotations from titles and scare quotes.

Quotation marks are paired per block: curly and low marks, guillemets and straight marks
(opening after a space or an opening bracket, closing otherwise). Single marks are the
article's primary quotation marks only when it opens more single than double quotations
(British style); otherwise they are nested quotes and belong to the quotation around them.
A quotation left open at a paragraph's end goes on when the next paragraph reopens it (the
convention for quotations over several paragraphs). Block quotations and `<q>` are
quotations by their markup.

Not every quoted phrase is a quotation to check. The rule, in order:
1. After "titled", "entitled", "headlined" or "the headline", the quoted words are a title;
   after "the book", "the film" (and the like) too, when they open with a capital.
2. Words in title case (most words of four letters or more capitalised), without a closing
   full stop, of at most twelve words, are a title ("The Long Road Back").
3. After "so-called" or "what they call" they are a term: a scare quote, a coinage, a
   name people use, a word being discussed.
4. One or two words are a quotation when someone is said to have called, described or
   branded something so ("called her conduct 'deeply reckless'", "described the plan as
   'unworkable'"); otherwise a term.
5. Three words are a quotation only when a verb of saying introduces or follows them
   ("called it 'a historic mistake'", "'We will see,' said Reed"), or stands earlier in
   the same clause ("said the industry had 'made real strides'"), or they form a whole
   sentence; otherwise a term.
Everything else is a quotation. Titles are kept: they name the work cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from verifiers.inputs.article_text import ArticleText, Block
from verifiers.language.saying import (
    QUOTATION_CUES,
    VERBS_AFTER_A_CLAIM,
    VERBS_AFTER_A_QUOTATION,
)

__all__ = ["QuotedSpan", "classify", "find_quoted_spans"]

QuoteRole = Literal["quotation", "title", "term"]
QuoteKind = Literal["inline", "block", "markup"]

_DOUBLE_OPENERS = "“„«"
_DOUBLE_CLOSERS = "”“»"
_SINGLE_OPENERS = "‘‚‹"
_SINGLE_CLOSERS = "’‛›"
_OPENING_CONTEXT = " \t([{—–-/\u00a0"
# Every character that may open or close a quotation, for double and for single marks.
_MARKS = {
    False: re.compile("[" + re.escape(_DOUBLE_OPENERS + _DOUBLE_CLOSERS + '"') + "]"),
    True: re.compile("[" + re.escape(_SINGLE_OPENERS + _SINGLE_CLOSERS + "'") + "]"),
}
_WORDS = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_TITLE_CUES = re.compile(r"\b(titled|entitled|headlined|headline)\W*$", re.I)
# "the book “Tartine”" names a work; "called the book “three hundred pages of …”" quotes.
_WORK_CUES = re.compile(
    r"\b(?:(?:the|a|his|her|their) (?:book|film|song|novel|poem|essay|album)"
    r"|(?:im|der|den|dem|das|ein|einem|seinem|ihrem|sein|ihr) (?:Artikel|Buch|Film|Roman|"
    r"Beitrag|Aufsatz|Essay|Lied|Song|Album|Gedicht)"
    r"|(?:le|son|un|l'|l’)\s?(?:livre|film|roman|article|essai|album|poème)"
    r"|(?:el|su|un) (?:libro|artículo|ensayo|película|novela|álbum|poema))\W*$",
    re.I,
)
_TERM_CUES = re.compile(r"\bso[- ]called\W*$", re.I)
_SAYING_CUES = re.compile(
    rf"\b({QUOTATION_CUES}|as|it|them|him|her)"
    r"\W*$",
    re.I,
)
# "called her conduct “deeply reckless”", "described the plan as “unworkable”", "branded
# him a “traitor”": what someone called something, in their words, however short.
_CALLED = re.compile(
    r"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|term(?:s|ed)?|dub(?:s|bed)?|"
    r"brand(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?|deem(?:s|ed)?|denounc(?:e|es|ed|ing))"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:as\s+)?(?:(?:a|an|the)\s+)?[\W_]*$",
    re.I,
)
# A verb of saying earlier in the same clause: "said the industry had “made real strides”".
_SAID_IN_CLAUSE = re.compile(
    rf"\b(?:{VERBS_AFTER_A_CLAIM}|told|wrote|writes|declared|promised|vowed|claimed)\b"
    r"[^.!?;:“”\"«»]{0,60}[“\"«„‘']?$",
    re.I,
)
# "what they call the “wall of promises”": a name people use, not words someone said.
_WHAT_THEY_CALL = re.compile(r"\bwhat\s+(?:[\w'’-]+\s+){0,2}call(?:s|ed)?\b[^.!?;:]{0,30}$", re.I)
# "“We will see,” said Mayor Reed" / "“Not this year,” she told reporters".
_SAID_AFTER = re.compile(
    rf"^[”\"’'»]?\s*,?\s*(?:[\w.'’-]+\s+){{0,3}}?(?:{VERBS_AFTER_A_QUOTATION})\b"
)
_TRAILING_PUNCTUATION = ",;:"
# Words of four letters or more: "of", "the", "and" are lower case in titles too.
_TITLE_WORD_LENGTH = 4
_TITLE_CASE_SHARE = 0.75
_MAX_TITLE_WORDS = 12
_MIN_SECONDARY_WORDS = 4


@dataclass(frozen=True)
class QuotedSpan:
    """Quoted words of the article: where they stand and what they are."""

    text: str
    block: int
    # Offsets of the words (marks excluded) in the first block, and the block they end in.
    start: int
    end: int
    last_block: int
    kind: QuoteKind
    role: QuoteRole
    cite_url: str | None = None


def find_quoted_spans(article: ArticleText) -> list[QuotedSpan]:
    """Every quoted span in reading order, each with its role."""
    single_primary = _single_marks_primary(article.blocks)
    spans: list[QuotedSpan] = []
    index, resume = 0, 0
    blocks = article.blocks
    while index < len(blocks):
        block = blocks[index]
        if block.kind == "blockquote":
            group_end = index
            while group_end + 1 < len(blocks) and blocks[group_end + 1].group == block.group:
                group_end += 1
            spans.extend(_block_quotation(blocks, index, group_end))
            index = group_end + 1
            continue
        if block.kind == "heading":
            index += 1
            continue
        if not resume:
            spans.extend(_markup_quotes(block, index))
        pairs, open_at = _pair_marks(block.text, single_primary, _markup_ranges(block), resume)
        spans.extend(_inline(block, index, start, end) for start, end in pairs)
        if not single_primary:
            spans.extend(_secondary_quotations(block, index, pairs, resume))
        resume = 0
        if open_at is not None:
            span, index, resume = _run_on(blocks, index, open_at, single_primary)
            spans.append(span)
            if resume:
                continue
        index += 1
    return spans


def _single_marks_primary(blocks: list[Block]) -> bool:
    double = sum(len(_pair_marks(b.text, False, [])[0]) for b in blocks if b.kind != "blockquote")
    single = sum(len(_pair_marks(b.text, True, [])[0]) for b in blocks if b.kind != "blockquote")
    return single > double


def _pair_marks(
    text: str, single_primary: bool, skip: list[tuple[int, int]], begin: int = 0
) -> tuple[list[tuple[int, int]], int | None]:
    """(start, end) of each quotation's words from `begin` on, and where one is left open
    at the end."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    straight = "'" if single_primary else '"'
    openers = _SINGLE_OPENERS if single_primary else _DOUBLE_OPENERS
    closers = _SINGLE_CLOSERS if single_primary else _DOUBLE_CLOSERS
    # Only the marks themselves need looking at: the text between them is skipped whole.
    for found in _MARKS[single_primary].finditer(text, begin):
        position, char = found.start(), found.group()
        if any(start <= position < end for start, end in skip):
            continue
        if open_at is None:
            if (char in openers and _opens(text, position, single_primary)) or (
                char == straight and _opens(text, position, single_primary)
            ):
                open_at = position + 1
        elif (char in closers or char == straight) and _closes(text, position, single_primary):
            if position > open_at:
                pairs.append((open_at, position))
            open_at = None
    return pairs, open_at


def _secondary_quotations(
    block: Block, index: int, primary: list[tuple[int, int]], begin: int
) -> list[QuotedSpan]:
    """Single-quoted passages outside the double quotations, in an article whose quotations
    are mostly double: kept only when they read as a quotation (four words or more), since
    an apostrophe is far likelier than a quotation otherwise."""
    covered = [(start - 1, end + 1) for start, end in primary] + _markup_ranges(block)
    pairs, _ = _pair_marks(block.text, True, covered, begin)
    found = []
    for start, end in pairs:
        span = _inline(block, index, start, end)
        if len(_WORDS.findall(span.text)) >= _MIN_SECONDARY_WORDS and span.role == "quotation":
            found.append(span)
    return found


def _opens(text: str, position: int, single: bool) -> bool:
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if after.isspace():
        return text[position] in "«‹"  # French spacing: « mot »
    if single and before.isalnum():
        return False  # an apostrophe: don't, rock 'n' roll
    return before in _OPENING_CONTEXT or before in "“‘\"'" or not before.isalnum()


def _closes(text: str, position: int, single: bool) -> bool:
    after = text[position + 1] if position + 1 < len(text) else " "
    if single and (after.isalnum()):
        return False  # an apostrophe inside a word
    return not after.isalnum() or not single


def _markup_ranges(block: Block) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in block.spans if s.kind == "quote"]


def _markup_quotes(block: Block, index: int) -> list[QuotedSpan]:
    spans = []
    for span in block.spans:
        if span.kind == "quote":
            text = _clean(block.text[span.start : span.end])
            role = "quotation" if len(_WORDS.findall(text)) >= 2 else "term"
            spans.append(
                QuotedSpan(text, index, span.start, span.end, index, "markup", role, span.href)
            )
    return spans


def _inline(block: Block, index: int, start: int, end: int) -> QuotedSpan:
    text = _clean(block.text[start:end])
    role = classify(text, block.text[:start], block.text[end:])
    return QuotedSpan(text, index, start, end, index, "inline", role)


def _run_on(
    blocks: list[Block], index: int, open_at: int, single_primary: bool
) -> tuple[QuotedSpan, int, int]:
    """A quotation left open: it goes on through every following paragraph that reopens it,
    up to the paragraph where it closes. Returns the span, the block it ends in and where
    in that block reading goes on (0: at the next block)."""
    parts = [blocks[index].text[open_at:]]
    last, resume = index, 0
    openers = (_SINGLE_OPENERS + "'") if single_primary else (_DOUBLE_OPENERS + '"')
    while last + 1 < len(blocks) and blocks[last + 1].text[:1] in openers:
        following = blocks[last + 1].text
        pairs, still_open = _pair_marks(following, single_primary, [])
        last += 1
        if still_open == 1:
            parts.append(following[1:])
            continue
        if pairs and pairs[0][0] == 1:
            parts.append(following[1 : pairs[0][1]])
            resume = pairs[0][1] + 1
        break
    text = _clean(" ".join(part.strip() for part in parts))
    block = blocks[index]
    role = classify(text, block.text[:open_at], "")
    span = QuotedSpan(text, index, open_at, len(block.text), last, "inline", role)
    return span, last, resume


def _block_quotation(blocks: list[Block], first: int, last: int) -> list[QuotedSpan]:
    """A block quotation is one quotation; a closing line opening with a dash (or a
    `<footer>`/`<cite>` line) is its attribution, not part of it."""
    paragraphs = list(range(first, last + 1))
    while paragraphs and _is_attribution_line(blocks[paragraphs[-1]].text):
        paragraphs.pop()
    if not paragraphs:
        return []
    text = _clean(" ".join(_unquoted(blocks[i].text) for i in paragraphs))
    words = len(_WORDS.findall(text))
    role: QuoteRole = "quotation" if words >= 2 else "term"
    end_block = paragraphs[-1]
    return [
        QuotedSpan(
            text,
            first,
            0,
            len(blocks[first].text),
            end_block,
            "block",
            role,
            blocks[first].cite_url,
        )
    ]


def _is_attribution_line(text: str) -> bool:
    return text.lstrip()[:1] in "—–-―" or text.lstrip().startswith("--")


def _unquoted(text: str) -> str:
    """A block quotation's paragraph without the quotation marks some writers add to it."""
    text = text.strip()
    if len(text) > 2 and text[0] in '“"' and text[-1] in '”"' and text.count(text[0]) <= 2:
        return text[1:-1]
    return text


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(_TRAILING_PUNCTUATION + " ").strip()


def classify(text: str, before: str, after: str) -> QuoteRole:
    """Quotation, title or term, by the rule in this module's docstring."""
    words = _WORDS.findall(text)
    if _TITLE_CUES.search(before) or (_WORK_CUES.search(before) and text[:1].isupper()):
        return "title"
    said = _SAYING_CUES.search(before) or _SAID_IN_CLAUSE.search(before)
    if _looks_like_title(text, words) and not (said and text.rstrip().endswith(".")):
        return "title"
    if _TERM_CUES.search(before) or _WHAT_THEY_CALL.search(before):
        return "term"
    if len(words) <= 2:
        return "quotation" if _CALLED.search(before) else "term"
    if len(words) == 3 and not (
        _SAYING_CUES.search(before)
        or _SAID_IN_CLAUSE.search(before)
        or _SAID_AFTER.match(after)
        or _whole_sentence(text)
    ):
        return "term"
    return "quotation"


def _looks_like_title(text: str, words: list[str]) -> bool:
    """Title case, at most _MAX_TITLE_WORDS words, with no closing "!" nor full stop — but
    the sentence's own full stop, set inside the marks in American style, may close it
    ("on the podcast “Here’s the Deal.”")."""
    if not 2 <= len(words) <= _MAX_TITLE_WORDS or text.rstrip()[-1:] == "!":
        return False
    if text.rstrip().endswith(".") and not _ends_sentence_with_stop(text):
        return False
    long_words = [w for w in words if len(w) >= _TITLE_WORD_LENGTH]
    if not long_words or not words[0][:1].isupper():
        return False
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return capitalised / len(long_words) >= _TITLE_CASE_SHARE and len(long_words) >= 2


def _ends_sentence_with_stop(text: str) -> bool:
    """A closing full stop that is the sentence's, not the quoted words' own: one full stop
    after the last word, and no other inside (a quoted sentence of title-case words with
    several sentences inside is words someone said)."""
    body = text.rstrip()
    return body.endswith(".") and not body.endswith("..") and "." not in body[:-1].replace(".'", "")


def _whole_sentence(text: str) -> bool:
    return text[:1].isupper() and text.rstrip()[-1:] in ".!?"
