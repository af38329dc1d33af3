"""Month and weekday names in the languages sourcecheck reads dates in: each once per
language.

Each entry gives the month's names in one language, the full name first, then the
abbreviations and the spellings without diacritics that pages use.
"""

from __future__ import annotations

__all__ = [
    "ENGLISH_ABBREVIATIONS",
    "MONTHS",
    "WEEKDAYS",
    "month_names",
    "month_number",
    "names_pattern",
]

_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "en": (
        "january jan",
        "february feb",
        "march mar",
        "april apr",
        "may",
        "june jun",
        "july jul",
        "august aug",
        "september sep sept",
        "october oct",
        "november nov",
        "december dec",
    ),
    "de": (
        "januar",
        "februar",
        "märz maerz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober okt",
        "november",
        "dezember dez",
    ),
    "fr": (
        "janvier",
        "février fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août aout",
        "septembre",
        "octobre",
        "novembre",
        "décembre decembre",
    ),
    "es": (
        "enero ene",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre dic",
    ),
    # Only the one month whose name differs from every other language's here.
    "pt": ("janeiro",),
}


# The days of the week, Monday first: English, German, French, Spanish.
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles jueves viernes sábado domingo".split()
)


def _names(languages: tuple[str, ...], abbreviated: bool = True) -> dict[str, int]:
    found: dict[str, int] = {}
    for language in languages:
        for number, names in enumerate(_BY_LANGUAGE[language], start=1):
            for name in names.split() if abbreviated else names.split()[:1]:
                found.setdefault(name, number)
    return found


# Every name and abbreviation of every language -> the month's number (1-12).
MONTHS: dict[str, int] = _names(tuple(_BY_LANGUAGE))
ENGLISH_ABBREVIATIONS = frozenset(_names(("en",))) - frozenset(_names(("en",), False))


def month_number(name: str, *languages: str) -> int | None:
    """The month a name stands for (case and a final full stop aside), in the languages
    given (default: all of them)."""
    table = _names(languages) if languages else MONTHS
    return table.get(name.lower().rstrip("."))


def month_names(*languages: str, abbreviated: bool = True) -> frozenset[str]:
    """The month names of the languages given, with their abbreviations unless not
    `abbreviated`."""
    return frozenset(_names(languages, abbreviated))


def names_pattern(*languages: str) -> str:
    """A regular-expression alternation of the month names, longest first."""
    table = _names(languages) if languages else MONTHS
    return "|".join(sorted(table, key=len, reverse=True))
