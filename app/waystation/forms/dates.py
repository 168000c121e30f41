"""Date formats on forms: the ``DD.MM.YYYY``-style patterns a mapping names, the format each form
language uses, and the formats a form declares itself — in a field's format script
(``AFDate_FormatEx("dd.mm.yyyy")``, read as text, never run) or in its printed label
(``TT.MM.JJJJ``, ``ДД.ММ.ГГГГ``, ``GG.AA.YYYY``...).

A pattern is made of the tokens ``DD`` ``D`` ``MM`` ``M`` ``YYYY`` ``YY`` and anything else as
literal text (dots, slashes, hyphens, spaces).
"""

from __future__ import annotations

import re
from datetime import date

from waystation.errors import InvalidInput
from waystation.i18n import _

_TOKENS = re.compile(r"YYYY|YY|DD|D|MM|M")
_LITERAL = re.compile(r"[ ./\-,]*")
MAX_PATTERN = 20

# The usual numeric date on official forms, per form language (US forms for English).
CONVENTIONS: dict[str, str] = {
    "en": "MM/DD/YYYY",
    "de": "DD.MM.YYYY",
    "ru": "DD.MM.YYYY",
    "uk": "DD.MM.YYYY",
    "be": "DD.MM.YYYY",
    "kk": "DD.MM.YYYY",
    "ky": "DD.MM.YYYY",
    "uz": "DD.MM.YYYY",
    "ka": "DD.MM.YYYY",
    "hy": "DD.MM.YYYY",
    "tr": "DD.MM.YYYY",
    "sr": "DD.MM.YYYY",
    "cnr": "DD.MM.YYYY",
    "lv": "DD.MM.YYYY",
    "cs": "DD.MM.YYYY",
    "lt": "YYYY-MM-DD",
    "he": "DD/MM/YYYY",
    "th": "DD/MM/YYYY",
}


def check_pattern(pattern: str) -> None:
    """InvalidInput unless ``pattern`` has a day, a month and a year and nothing but separators
    besides."""
    tokens = _TOKENS.findall(pattern)
    rest = _TOKENS.sub("", pattern)
    kinds = sorted(token[0] for token in tokens)
    if len(pattern) > MAX_PATTERN or kinds != ["D", "M", "Y"] or not _LITERAL.fullmatch(rest):
        raise InvalidInput(
            _("{pattern!r} is not a date format; use e.g. DD.MM.YYYY, MM/DD/YYYY or YYYY-MM-DD.").format(
                pattern=pattern
            )
        )


def format_date(value: date, pattern: str) -> str:
    def token(match: re.Match[str]) -> str:
        text = match.group(0)
        if text == "YYYY":
            return f"{value.year:04d}"
        if text == "YY":
            return f"{value.year % 100:02d}"
        if text == "DD":
            return f"{value.day:02d}"
        if text == "D":
            return str(value.day)
        if text == "MM":
            return f"{value.month:02d}"
        return str(value.month)

    return _TOKENS.sub(token, pattern)


def shape(pattern: str) -> tuple[str, str, int]:
    """What makes two patterns read differently: the order of day, month and year, the
    separators, and the year's digits (``D.M.YYYY`` and ``DD.MM.YYYY`` have the same shape)."""
    tokens = _TOKENS.findall(pattern)
    order = "".join(token[0] for token in tokens)
    separators = "".join(sorted(set(_TOKENS.sub(" ", pattern).split(" ")) - {""}))
    year = next((len(token) for token in tokens if token[0] == "Y"), 4)
    return order, separators, year


def same_shape(first: str, second: str) -> bool:
    return shape(first) == shape(second)


def without_separators(pattern: str) -> str:
    return "".join(_TOKENS.findall(pattern))


# -- formats a form declares ------------------------------------------------------------------

_ACROBAT = re.compile(r"AFDate_(?:Format|Keystroke)Ex\s*\(\s*[\"']([^\"']{1,30})[\"']")
_ACROBAT_TOKENS = re.compile(r"yyyy|yy|dd|d|mm|m|[^ydm]+")


def from_script(script: str) -> str | None:
    """The date format an Acrobat format or keystroke script names, as a pattern."""
    match = _ACROBAT.search(script)
    if match is None:
        return None
    out = []
    for token in _ACROBAT_TOKENS.findall(match.group(1).lower()):
        if token in ("yyyy", "yy", "dd", "d", "mm", "m"):
            out.append(token.upper())
        elif re.fullmatch(r"[ ./\-,]+", token):
            out.append(token)
        else:
            return None  # month names, hours: not a numeric date we can write
    pattern = "".join(out)
    try:
        check_pattern(pattern)
    except InvalidInput:
        return None
    return pattern


_DAY = set("DdTtДдGgPpİiKkКкდ")  # day, Tag, день, gün, kun, күн, დღე
_MONTH = set("MmМмAaOoАаთ")  # month, ay, oy, ай, თვე
_YEAR = set("YyJjГгRrGgMmЖжწ")  # year, Jahr, год, rok, gads, metai, жыл, წელი
_HINT = re.compile(r"(?<!\w)(\w{1,4})([./\-])(\w{1,4})\2(\w{1,4})(?!\w)")


def from_label(text: str) -> str | None:
    """A date pattern printed in a label ("Geburtsdatum (TT.MM.JJJJ)"), as a pattern."""
    for match in _HINT.finditer(text):
        groups = [match.group(1), match.group(3), match.group(4)]
        if not all(len(set(g.lower())) == 1 and not g[0].isdigit() for g in groups):
            continue
        pattern = _hint_pattern(groups, match.group(2))
        if pattern is not None:
            return pattern
    return None


def _hint_pattern(groups: list[str], separator: str) -> str | None:
    year = [i for i, g in enumerate(groups) if len(g) == 4 and g[0] in _YEAR]
    if len(year) != 1:
        return None
    rest = [i for i in range(3) if i != year[0]]
    month = [i for i in rest if groups[i][0] in _MONTH and len(groups[i]) <= 2]
    if len(month) == 2:  # "MM" and "mm" both month-like: the letter M wins over A/K/L
        month = [i for i in month if groups[i][0] in "MmМм"][:1]
    if len(month) != 1:
        return None
    day = [i for i in rest if i != month[0]]
    if groups[day[0]][0] not in _DAY or len(groups[day[0]]) > 2:
        return None
    tokens = ["", "", ""]
    tokens[year[0]], tokens[month[0]], tokens[day[0]] = "YYYY", "MM", "DD"
    return separator.join(tokens)


def expected_format(script_hint: str | None, label_hint: str | None, language: str | None) -> str | None:
    """The format the form wants for a date field: what it declares, else its language's."""
    return script_hint or label_hint or (CONVENTIONS.get(language) if language else None)
