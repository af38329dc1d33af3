"""Content words and crude stems, for measures of shared meaning rather than shared wording.

The stem is the first five letters of a word, which folds most inflections and
derivations of English, German, French and Spanish ("negotiated", "negotiators") without
a language model or a per-language stemmer; it is used only to find passages that say the
same thing, never to verify words.
"""

__all__ = ["NEGATIONS", "content_stems", "is_content_word", "number_value", "stem"]

STEM_LENGTH = 5

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself said says
    der die das den dem des ein eine einer eines einem und oder aber nicht ist sind war waren
    wird werden hat haben mit von zu zum zur im in auf für an als auch es sie er wir ich bei
    le la les un une des du de et ou mais ne pas est sont a au aux en pour par sur dans que qui
    el los las unos unas y o pero no es son del al en por para con que se lo
    """.split()
)

# Words that negate what they stand in, in the languages the stopwords cover.
NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor without cannot can't won't don't doesn't "
    "didn't isn't aren't wasn't weren't hasn't haven't hadn't shouldn't wouldn't couldn't "
    "nicht kein keine keinen keiner nie niemals ne pas jamais aucun aucune nunca ningún "
    "ninguna tampoco".split()
)


# Numbers written as words, with the value a figure would give them ("eleven" is "11");
# multipliers and fractions stand for themselves. Left out (_): French "un" and Spanish
# "uno", also articles; French "sept", also September; Spanish "once", also English.
NUMBER_WORDS: dict[str, str | None] = {
    **{
        word: str(value)
        for words in (
            "one two three four five six seven eight nine ten eleven twelve",
            "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
            "_ deux trois quatre cinq six _ huit neuf dix onze douze",
            "_ dos tres cuatro cinco seis siete ocho nueve diez _ doce",
        )
        for value, word in enumerate(words.split(), start=1)
        if word != "_"
    },
    **{
        word: str(value)
        for value, words in (
            (20, "twenty zwanzig vingt veinte"),
            (30, "thirty dreißig trente treinta"),
            (40, "forty vierzig quarante cuarenta"),
            (50, "fifty fünfzig cinquante cincuenta"),
            (60, "sixty sechzig soixante sesenta"),
            (70, "seventy siebzig setenta"),
            (80, "eighty achtzig ochenta"),
            (90, "ninety neunzig noventa"),
        )
        for word in words.split()
    },
    **dict.fromkeys(
        "hundred thousand million millions billion billions trillion half third quarter dozen "
        "hundert tausend million millionen milliarde milliarden mille milliard milliards "
        "cien millón millones".split()
    ),
}


def number_value(word: str) -> str | None:
    """A folded word's value as a number ("11" for "eleven" and "11", "million" for
    itself), or None for a word that is no number."""
    if any(char.isdigit() for char in word):
        return word
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word] or word
    return None


def is_content_word(word: str) -> bool:
    return word not in STOPWORDS and (len(word) > 2 or word.isdigit())


def stem(word: str) -> str:
    return word[:STEM_LENGTH]


def content_stems(words: list[str]) -> set[str]:
    return {stem(word) for word in words if is_content_word(word)}
