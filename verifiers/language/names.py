"""Proper names in an article's sentences: people, organisations and publications.

A name is a run of capitalised words, with the small words that live inside names ("Institute
for Urban Mobility", "Ursula von der Leyen") and initials ("J. R. Smith", "U.S."). Leading
titles and roles ("Former Israeli Prime Minister") are kept apart from the name itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from verifiers.language.abbreviations import TITLES
from verifiers.language.first_names import gender_of
from verifiers.language.months import WEEKDAYS, month_names

__all__ = ["PLATFORMS", "SUBJECT_PRONOUNS", "Name", "find_names", "surname"]

NameKind = Literal["person", "organisation"]

_WORD = re.compile(r"[^\W\d_][\w'’\-.]*|\d[\w\-]*")
_CONNECTORS = frozenset(
    {"of", "for", "the", "and", "de", "van", "von", "der", "den", "al", "bin", "la", "le"}
    | {"du", "da", "di", "y", "on", "in", "&", "el", "ibn", "dos", "das"}
)
# Small words that join a name only after a body's word ("Council on …", "Church in …").
_BODY_CONNECTORS = frozenset({"on", "in"})
_PARTICLES = frozenset({"de", "van", "von", "der", "den", "al", "bin", "la", "le", "du", "da"})
# Capitalised words that open sentences or clauses but never start a name.
_NOT_NAMES = (
    frozenset(
        (
            "according a an and as at but by for from he her his however i if in it its last "
            "many meanwhile more most my next no not now of on one our she since so some still "
            "that the their then there these they this those though to under until we what when "
            "where while who why with yet you your after before earlier later during despite also "
            "both each even here how only such than other another yes mr mrs ms dr prof sir "
            "today yesterday "
            "spring summer autumn fall winter "
            "continue read see click subscribe advertisement do does did is are was were all "
            "every any none "
            # German, French and Spanish words that open sentences (not articles, which open
            # names: "Der Spiegel", "Le Monde", "El País")
            "aber oder und kaum doch denn auch noch schon nur dann als wenn weil dass wie was wer "
            "wo ich du er es wir ihr man mein sein unser dieser diese dieses jeder jede kein keine "
            "nicht nie immer heute gestern hier dort also zudem dabei damit danach deshalb "
            "trotzdem jedoch allerdings zwar sogar etwa neben nach vor bei mit zu aus seit gegen "
            "ohne um über zwischen während wegen für im am vom zum zur beim ins sie meine meiner "
            "meinen ihre ihrer ihren unsere eure "
            "je tu il elle nous vous ils elles ce cette ces mon ma mes son sa ses leur leurs notre "
            "nos mais ou et donc ni car ne pas plus que qui quand comme si lorsque puis ensuite "
            "aussi alors après avant depuis pendant "
            "yo él ella ellos pero que cuando como también entonces después antes durante"
        ).split()
    )
    | month_names("en", "de")
    | WEEKDAYS
)
# Articles open names ("Der Spiegel", "Le Monde") but are none alone ("Die dünnen Äste").
_ARTICLES = frozenset("der die das den dem des ein eine le la les el los las una".split())
# Pronouns that stand as a sentence's subject for people named before ("…, he said"; "He
# founded …"): English, German, French, Spanish.
SUBJECT_PRONOUNS = frozenset("he she they er sie il elle ils elles él ella ellos".split())
# Where words are posted ("she added on Twitter"): the medium, never the speaker.
PLATFORMS = frozenset(
    "twitter x facebook instagram tiktok youtube linkedin threads bluesky telegram reddit "
    "snapchat whatsapp mastodon".split()
)
_HONORIFICS = TITLES | frozenset({"sir", "dame", "lord", "lady"})
ROLE_WORDS = frozenset(
    (
        "former then current late acting deputy vice chief senior junior top lead head "
        "prime minister president premier chancellor secretary general governor mayor "
        "councillor councilor senator congressman congresswoman representative rep sen gov "
        "ambassador envoy commissioner director chairman chairwoman chair ceo cfo founder "
        "professor doctor judge justice king queen prince princess pope bishop archbishop "
        "rabbi imam cardinal general colonel major captain lieutenant sergeant admiral "
        "spokesman spokeswoman spokesperson economist analyst historian author writer "
        "journalist reporter editor columnist correspondent commentator researcher scientist "
        "minister's leader speaker sheriff attorney lawyer coach manager officer official "
        "première premier ministre président présidente chancelière kanzler kanzlerin "
        "superintendent inspector detective constable principal dean provost chief "
        "foreign finance defence defense interior health education state trade labour labor "
        "transport justice treasury home affairs opposition party national federal regional "
        "city county state's dr mr mrs ms prof sir dame lord lady rev chief executive"
    ).split()
)
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ch", "ic", "li", "ni", "ki", "an", "i")
ORGANISATION_WORDS = frozenset(
    (
        "institute university college school ministry department council agency bank fund "
        "county district borough municipality province church center "
        "committee commission office association foundation center centre times post news "
        "journal review gazette affairs magazine radio television tv press reuters guardian "
        "telegraph herald tribune chronicle observer economist atlantic monthly weekly daily "
        "quarterly bulletin report reports inc ltd llc plc corporation company group party "
        "court parliament congress senate house government administration union organisation "
        "organization society academy laboratory lab project network broadcasting bbc cnn "
        "npr pbs abc cbs nbc ap afp associated insider politico axios bloomberg forbes "
        "wire service services board authority trust alliance federation institution museum "
        "library hospital clinic podcast show channel blog substack medium policy studies "
        "research council's world international global national new nation independent relations "
        "mail sun star express mirror spectator standard record statesman republic"
    ).split()
)


# "the meal-kit company Parcel", "the app Strava": what a name stands after tells its kind.
_ORGANISATION_BEFORE = re.compile(
    r"\b(?:company|firm|start-?up|brand|app|platform|website|site|outlet|newspaper|magazine|"
    r"network|band|charity|party|agency|bank|fund|lab|union|club|team|retailer|chain|maker|"
    r"manufacturer|publisher|broadcaster|station|channel|show|podcast|group|journal)\s+$"
)


@dataclass(frozen=True)
class Name:
    text: str  # as written, roles included
    name: str  # the name alone
    start: int
    end: int
    kind: NameKind
    role: str = ""


def find_names(text: str) -> list[Name]:
    """Every run of capitalised words in `text` that can be a name, left to right."""
    words = [_without_full_stop(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    names: list[Name] = []
    index = 0
    while index < len(words):
        run = _run_from(words, index, text)
        if not run:
            index += 1
            continue
        names.extend(_split_run(run, text))
        index += len(run)
    return names


def _without_full_stop(word: str, start: int, end: int) -> tuple[str, int, int]:
    """'Sports.' and 'ISO.' at a sentence's end are 'Sports' and 'ISO'; 'U.S.' and 'J.'
    keep theirs."""
    if word.endswith(".") and len(word) > 2 and "." not in word[:-1]:
        return word[:-1], start, end - 1
    return word, start, end


def _run_from(words, index: int, text: str) -> list[tuple[str, int, int]]:
    run: list[tuple[str, int, int]] = []
    position = index
    while position < len(words):
        word, start, end = words[position]
        if run and text[run[-1][2] : start].strip() not in ("", "'s", "’s"):
            break  # punctuation (a comma, a dash, a quotation) ends a name
        starts_or_goes_on = _capitalised(word) and (
            bool(run) or not _never_a_name(word) or _titled_the(word, start, text)
        )
        joins = (
            run
            and word.lower() in _CONNECTORS
            and _continues(words, position, text)
            # "Council on Foreign Relations", not "Shares in Norland Semiconductors"
            and (word.lower() not in _BODY_CONNECTORS or _bare(run[-1][0]) in ORGANISATION_WORDS)
        )
        if starts_or_goes_on or joins:
            run.append((word, start, end))
            position += 1
            if word.endswith(("'s", "’s")):
                break  # a possessive ends the name: "Eisenstein's The Printing Press"
        else:
            break
    while run and run[-1][0].lower() in _CONNECTORS:
        run.pop()
    if len(run) == 1 and _opens_sentence(run[0][1], text) and run[0][0].endswith(("ed", "ing")):
        return []  # "Pressed on the target, she …", "Speaking after the match, …"
    if len(run) == 1 and _bare(run[0][0]) in ROLE_WORDS | _ARTICLES:
        return []  # a title without a name ("la Première ministre …"), an article alone
    return run


def _opens_sentence(start: int, text: str) -> bool:
    return not text[:start].strip() or bool(re.search(r"[.!?:;]\s*[\"“‘(]?$", text[:start]))


def _continues(words, position: int, text: str) -> bool:
    """A small word belongs to a name only when capitalised words go on after it."""
    previous_end = words[position][2]
    for word, start, end in words[position + 1 : position + 3]:
        if text[previous_end:start].strip():
            return False
        if _capitalised(word):
            return not _never_a_name(word)
        if word.lower() not in _CONNECTORS:
            return False
        previous_end = end
    return False


def _titled_the(word: str, start: int, text: str) -> bool:
    """A capital 'The' inside a sentence belongs to the name after it: 'in The Quarterly'."""
    return word == "The" and start > 0 and not re.search(r"(^|[.!?:;])\s*[\"“‘(]?$", text[:start])


def _never_a_name(word: str) -> bool:
    """Sentence openers, pronouns, days, months and seasons ('September-October' too), and
    a title on its own ("Lt." of "Lt. Gov. Ann Roe": the name is what follows)."""
    bare = _bare(word)
    return bare.split("-")[0] in _NOT_NAMES or bare in TITLES  # "There’s" too


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _split_run(run, text: str) -> list[Name]:
    """'Fiona Hill and Angela Stent' is two people; 'Health and Human Services' is one body;
    'Dan Roe of Fresno' is a person and his town, not a body like 'Bank of England'."""
    words = [word for word, _, _ in run]
    if "of" in words[2:]:
        cut = words.index("of", 2)
        person = gender_of(words[0]) is not None or _person_like(words[:cut])
        if person and all(w[:1].isupper() for w in words[:cut]):
            return [_name(run[:cut], text), *_split_run(run[cut + 1 :], text)]
    pieces: list[list] = [[]]
    for word in run:
        if word[0].lower() == "and" and pieces[-1]:
            pieces.append([])
        else:
            pieces[-1].append(word)
    if len(pieces) > 1 and all(_person_like([w for w, _, _ in p]) for p in pieces if p):
        return [_name(piece, text) for piece in pieces if piece]
    return [_name(run, text)]


def _person_like(words: list[str]) -> bool:
    names = _strip_roles(words)[1]
    return 1 <= len(names) <= 4 and not any(w.lower() in ORGANISATION_WORDS for w in names)


def _name(run, text: str) -> Name:
    words = [word for word, _, _ in run]
    start, end = run[0][1], run[-1][2]
    written = text[start:end]
    if written.endswith(("'s", "’s")):
        written = written[:-2]
    role, names = _strip_roles(words)
    name = " ".join(names).removesuffix("'s").removesuffix("’s").strip()
    is_organisation = (
        _ORGANISATION_BEFORE.search(text[:start]) is not None
        or any(_bare(word) in ORGANISATION_WORDS for word in names)
        or len(names) > 4
        or any(w.lower() in ("of", "for", "the", "on", "&") for w in names)
        or (len(names) == 1 and name.isupper() and len(name) > 1)  # "the ACLU's"
    )
    return Name(
        text=written,
        name=name or written,
        start=start,
        end=start + len(written),
        kind="organisation" if is_organisation else "person",
        role=" ".join(role),
    )


def _strip_roles(words: list[str]) -> tuple[list[str], list[str]]:
    """('Former Israeli Prime Minister', 'Neftali Bennett') from the words of one run: the
    role ends at its last title word, when what follows is a name and not a body's."""
    plain = [_bare(word) for word in words]
    for cut in range(len(words) - 1, 0, -1):
        if plain[cut - 1] in ROLE_WORDS or plain[cut - 1] in _HONORIFICS:
            rest = plain[cut:]
            if rest and not any(word in ORGANISATION_WORDS or word in ROLE_WORDS for word in rest):
                return words[:cut], words[cut:]
            break
    return [], words


def _bare(word: str) -> str:
    return word.lower().rstrip(".").removesuffix("'s").removesuffix("’s")


def surname(name: str) -> str:
    """The last word of a person's name, lower-cased ('von der Leyen' keeps its particles;
    'Hill, Fiona' is Hill)."""
    name = name.split(",", 1)[0] if "," in name else name
    words = name.split()
    if not words:
        return ""
    tail = [words[-1]]
    for word in reversed(words[:-1]):
        if word.lower() in _PARTICLES:
            tail.insert(0, word)
        else:
            break
    return " ".join(tail).lower()
