"""Words and regular-expression building blocks for time expressions.

Month and weekday names are matched case-sensitively (Title or UPPER case) so
that the modal "may" and the noun/verb "march" never match; everything else
(prepositions, "last", "ago", ...) is case-insensitive via scoped ``(?i:...)``.
"""
from __future__ import annotations

MONTHS_FULL = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)
MONTH_NUMBER: dict[str, int] = {name: i + 1 for i, name in enumerate(MONTHS_FULL)}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NUMBER.update(MONTH_ABBREVIATIONS)
#: Month names that are also common English words or surnames; as bare months
#: (no day, no year) they need a stronger cue than the other months.
AMBIGUOUS_MONTHS = frozenset({"may", "march"})

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NUMBER: dict[str, int] = {name: i for i, name in enumerate(WEEKDAYS)}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "a couple of": 2, "a couple": 2, "a dozen": 12,
}
#: Vague counts ("a few days ago", bare "days ago"): treated as 3 units at one
#: step coarser precision.
VAGUE_COUNTS = frozenset({"a few", "few", "several", "some", "many", ""})

#: Words after a number that show it is a count, not a year ("in 2000 homes").
COUNT_NOUNS = (
    "people", "persons", "troops", "soldiers", "civilians", "refugees", "migrants",
    "casualties", "deaths", "dead", "fighters", "militants", "rebels", "prisoners",
    "detainees", "families", "homes", "houses", "buildings", "cases", "votes",
    "dollars", "euros", "pounds", "rubles", "roubles", "percent", "per", "km",
    "kilometres", "kilometers", "miles", "metres", "meters", "tons", "tonnes",
    "men", "women", "children", "members", "delegates", "units", "vehicles",
    "tanks", "rockets", "missiles", "shells", "barrels", "hours", "minutes", "gmt", "utc",
)
#: Capitalised words after "March 8" etc. that make the date part of a name.
NAME_SUFFIXES = (
    "Alliance", "Movement", "Coalition", "Revolution", "Agreement", "Accord",
    "Accords", "Group", "Brigade", "Brigades", "Front", "Uprising", "Youth",
    "Square", "Bridge", "Street", "Avenue", "Stadium", "Party", "Declaration",
)


def _case_alt(words: object) -> str:
    """Title and UPPER forms, longest first, as a regex alternation."""
    forms = {w.title() for w in words} | {w.upper() for w in words}  # type: ignore[attr-defined]
    return "|".join(sorted(forms, key=len, reverse=True))


def _ci_alt(words: object) -> str:
    return "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


MONTH_FULL_RE = rf"(?:{_case_alt(MONTHS_FULL)})\b"
MONTH_ABBR_RE = rf"(?:{_case_alt(MONTH_ABBREVIATIONS)})\b\.?"
#: any month name; abbreviations only where a day or year follows (the rules
#: that use MONTH_RE always require one)
MONTH_RE = rf"(?:{MONTH_FULL_RE}|{MONTH_ABBR_RE})"
WEEKDAY_RE = rf"(?:{_case_alt(WEEKDAYS)})\b"
DAY_RE = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\d])(?!,\d{3})"
YEAR_RE = r"(?<![\d.,$£€])(?:19|20)\d{2}(?![\d])(?!,\d)(?!\.\d)"
NUMBER_RE = rf"(?:\d{{1,3}}|{_ci_alt(NUMBER_WORDS)})"
SEASON_RE = r"(?:winter|spring|summer|autumn|fall)"
COUNT_NOUN_RE = rf"(?i:\s+(?:{'|'.join(COUNT_NOUNS)})\b)"
NAME_SUFFIX_RE = rf"\s+(?:{'|'.join(NAME_SUFFIXES)})\b"
#: modifiers kept inside the expression span: they refine, never move, the period
MODIFIER_RE = (
    r"(?i:(?:the\s+)?(?:very\s+)?(?:early|earlier|mid|middle|late|later"
    r"|(?:end|beginning|start|middle|turn|close)\s+of))"
)
