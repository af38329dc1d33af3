"""Flags: the words may be right while their use is not.

Each check looks at what a careful reader of the source would see around the quoted
words, and returns the flag with what it saw, or nothing. A flag on a quotation whose use
is fine is a false alarm, so every check asks for a specific signal, not a vague one.
"""

from __future__ import annotations

import re

from verifiers.documents import Document
from verifiers.documents.fragments import collapse
from verifiers.language.folding import SENTENCE_BREAK, tokenize
from verifiers.language.months import month_names
from verifiers.language.saying import SPEAKER_VERBS
from verifiers.language.words import NEGATIONS, number_value
from verifiers.model import Edit

__all__ = [
    "ellipsis_hides",
    "meaning_changed",
    "truncated_condition",
    "truncated_opening",
    "wrong_speaker",
]

# Words that limit what comes before them: a quotation that stops right before one of
# them may drop its condition. Multi-word ones are matched as phrases.
CONDITIONS = (
    "but",
    "unless",
    "except",
    "only if",
    "provided that",
    "providing that",
    "as long as",
    "so long as",
    "on condition that",
    "aber",
    "sofern",
    "außer",
    "es sei denn",
    "nur wenn",
    "mais",
    "sauf",
    "à moins que",
    "seulement si",
    "pourvu que",
    "pero",
    "salvo",
    "excepto",
    "a menos que",
    "solo si",
    "siempre que",
)
# Words before a quotation that make the source disown it ("it is false that ...").
_DISOWNING = re.compile(
    r"\b(false|untrue|not true|a myth|myth|a lie|wrong|nonsense|absurd|misconception|"
    r"critics|opponents|detractors|sceptics|skeptics|some claim|claim|claims|claimed|"
    r"allege|alleges|alleged|rumou?rs?|no one believes|nobody believes|nobody thinks|"
    r"denied|denies|deny|doubt|doubts|doubtful|falsch|unwahr|kritiker|behaupten|"
    r"behauptet|faux|prétendent|prétend|critiques|falso|críticos|afirman)\b"
)
_OPENING_WORDS = 8  # how far back, within the sentence, a disowning opening is looked for
_QUALIFIERS = frozenset(
    "only if unless except but however although though perhaps maybe possibly probably "
    "allegedly partly partially nearly almost some few".split()
)
_MONTHS = month_names("en", "de", "fr", abbreviated=False)
_QUOTE_OPENERS = '“„«‹"‚‘'
_NAME = r"(?:[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){0,3})"
_SPEAKER_AFTER = re.compile(rf"^[\s,.;:!?”»\"’]*(?:{SPEAKER_VERBS})\s+(?:the\s+\w+\s+)?({_NAME})")
_NAME_BEFORE_VERB_AFTER = re.compile(
    rf"^[\s,.;:!?”»\"’]*(?:[a-z][\w\s-]{{0,40}},\s*)?({_NAME}),?\s+(?:{SPEAKER_VERBS})\b"
)
_SPEAKER_BEFORE = re.compile(rf"({_NAME})\s*(?:,[^,]{{0,80}},)?\s+(?:{SPEAKER_VERBS})\s*[:,]?\s*$")


def truncated_condition(document: Document, last: int) -> str | None:
    """The source goes straight on, in the same sentence, with a limiting word."""
    index = document.index
    if last + 1 >= len(index) or index.breaks[last] & SENTENCE_BREAK:
        return None
    following = " ".join(index.word_at(p) for p in range(last + 1, min(len(index), last + 5)))
    for condition in CONDITIONS:
        if following == condition or following.startswith(condition + " "):
            start = index.starts[last + 1]
            shown = collapse(document.text[start : start + 120])
            return f"right after the quoted words the source goes on: “{shown}…”"
    return None


def truncated_opening(document: Document, first: int, quote_text: str) -> str | None:
    """Words just before the quotation, in its sentence, disown what it says."""
    index = document.index
    start = first
    while (
        start > 0
        and first - start < _OPENING_WORDS
        and not index.breaks[start - 1] & (SENTENCE_BREAK)
    ):
        start -= 1
    if start == first:
        return None
    opening = " ".join(index.word_at(p) for p in range(start, first))
    found = _DISOWNING.search(opening)
    quoted = " ".join(token.word for token in tokenize(quote_text))
    if found is None or _DISOWNING.search(quoted):
        return None
    shown = collapse(document.text[index.starts[start] : index.starts[first]])
    return f"right before the quoted words the source has “{shown}”"


def wrong_speaker(
    document: Document, first: int, last: int, people: list[str], occurrences: int
) -> str | None:
    """The source itself quotes these words, and from someone the reference does not name
    — or the words stand on the page only in readers' comments."""
    start, end = document.index.span(first, last)
    passage = collapse(document.text[start:end])
    if document.comments and sum(c.count(passage) for c in document.comments) >= occurrences:
        return "the words stand on the page only in a reader's comment"
    if not people:
        return None
    index, text = document.index, document.text
    start, end = index.starts[first], index.ends[last]
    paragraph_start = text.rfind("\n\n", 0, start) + 1
    paragraph_end = text.find("\n\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    before, after = text[paragraph_start:start], text[end:paragraph_end]
    if not _inside_quotation_marks(before):
        return None
    speaker = _speaker(before, after)
    if speaker is None:
        return None
    named = " ".join(people).casefold()
    if any(part.casefold() in named for part in speaker.split() if len(part) > 2):
        return None
    return f"in the source these words are quoted from {speaker}"


def ellipsis_hides(edits: list[Edit]) -> str | None:
    """An ellipsis leaves out a negation, a qualifier or a number."""
    for edit in edits:
        if edit.op != "ellipsis" or not edit.source:
            continue
        words = [token.word for token in tokenize(edit.source)]
        hidden = [w for w in words if w in NEGATIONS or w in _QUALIFIERS or _is_number(w)]
        if hidden and len(words) == 1:
            return f"the ellipsis leaves out “{edit.source}”"
        if hidden:
            return f"the ellipsis leaves out “{edit.source}”, “{hidden[0]}” among them"
    return None


def meaning_changed(edits: list[Edit]) -> str | None:
    """A misquotation's edits add or drop a negation, or change a number, date or name."""
    for edit in edits:
        quoted = [token.word for token in tokenize(edit.quote)]
        source = [token.word for token in tokenize(edit.source)]
        for words, other, what in ((quoted, source, "adds"), (source, quoted, "drops")):
            negation = next((w for w in words if w in NEGATIONS and w not in other), None)
            if negation:
                return f"the quotation {what} the negation “{negation}”"
        if _numbers(edit.quote) != _numbers(edit.source):
            return f"a number or date differs: {_difference(edit)}"
        if edit.op == "replace" and _names_differ(edit.quote, edit.source):
            return f"a name differs: {_difference(edit)}"
    return None


def _difference(edit: Edit) -> str:
    """One edit in words, whichever side is empty."""
    if not edit.source:
        return f"the quotation adds “{edit.quote}”"
    if not edit.quote:
        return f"the quotation leaves out the source's “{edit.source}”"
    return f"“{edit.quote}” where the source has “{edit.source}”"


def _is_number(word: str) -> bool:
    return number_value(word) is not None


def _numbers(text: str) -> set[str]:
    """Numbers, by value ("eleven" is "11"), and (capitalised, so not the verb "may") month
    names."""
    found = set()
    for word in re.findall(r"[\w'’.,-]+", text):
        folded = word.casefold().strip(".,")
        if number_value(folded) is not None:
            found.add(number_value(folded))
        elif word[:1].isupper() and folded in _MONTHS:
            found.add(folded)
    return found


def _names_differ(quoted: str, source: str) -> bool:
    """A capitalised word changed where capitals mark a name, not a sentence's start:
    inside the changed words, or on both sides of a change of single words."""
    quoted_words, source_words = quoted.split(), source.split()
    inner = [w for w in quoted_words[1:] + source_words[1:] if w[:1].isupper()]
    if inner and quoted_words[1:] != source_words[1:]:
        return True
    if len(quoted_words) == len(source_words) == 1:
        capitalised = quoted[:1].isupper() and source[:1].isupper()
        return capitalised and quoted != source
    return False


def _inside_quotation_marks(before: str) -> bool:
    opened = 0
    for char in before:
        if char in "“„«‹":
            opened += 1
        elif char in "”»›" and opened:
            opened -= 1
        elif char == '"':
            opened = 0 if opened else 1
    return opened > 0


def _speaker(before: str, after: str) -> str | None:
    closing = after.find("”") if "”" in after else after.find('"')
    tail = after[closing + 1 :] if closing >= 0 else after
    for pattern in (_SPEAKER_AFTER, _NAME_BEFORE_VERB_AFTER):
        found = pattern.match(tail)
        if found:
            return found.group(1)
    opening = max(before.rfind(mark) for mark in _QUOTE_OPENERS)
    found = _SPEAKER_BEFORE.search(before[:opening]) if opening > 0 else None
    return found.group(1) if found else None
