"""Dates as people read and type them in the interface language (Babel's CLDR data); no Qt here.

Shown: the language's numeric date with a four-digit year ("01.09.2026" in Russian), unless that
form puts the month first ("9/1/2026" in English), which many readers take for the day; then the
month is written as a word ("Sep 1, 2026"), as the rest of the app writes dates.

Accepted when typed, besides the form shown:
- YYYY-MM-DD, in every language;
- the language's numeric form with a four-digit year ("1.9.2026"); where the day comes first,
  with a dot, a slash or a hyphen between the numbers, but where the month comes first only with
  the language's own separator (in English "12.04.1990" is refused: it is someone's 12 April);
- a day, a month name (full, abbreviated, or its first three letters or more, in any grammatical
  case the language's calendar data has) and a four-digit year, in any order ("1 сентября 2026").
A two-digit year is refused rather than guessed: a birth year typed "90" must not become 2090.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from waystation.i18n import current_language
from waystation.vault.iso_date import parse_date

if TYPE_CHECKING:
    from babel import Locale

EXAMPLE = date(2026, 9, 25)  # a day above 12, so the example shows which number is the day
_NUMBER = r"[0-9]+"
_WORD = r"[^\W\d_]+"
_TOKEN = re.compile(f"{_NUMBER}|{_WORD}")
_SEPARATORS = set(" \t.,/-\u00a0\u202f")


@dataclass(frozen=True)
class _Style:
    locale: Locale
    shown: str  # the Babel pattern dates are shown in
    numeric: re.Pattern[str]  # the language's numeric form, four-digit year
    order: tuple[str, ...]  # "d", "M", "y" in the numeric form's order
    months: dict[str, int]  # lower-case names and abbreviations (no final dot) → month
    literals: frozenset[str]  # words the patterns write around the date, e.g. "г" in Russian


def _plain(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().lower().rstrip(".")


@cache
def _style(language: str) -> _Style:
    # Babel is imported here, on first use, rather than with the module: the start window's
    # forms import this module, and Babel is not needed to draw them.
    from babel import Locale
    from babel.core import UnknownLocaleError
    from babel.dates import get_date_format

    try:
        locale = Locale.parse(language)
    except (ValueError, TypeError, UnknownLocaleError):
        locale = Locale.parse("en")
    short = get_date_format("short", locale).pattern
    fields = re.findall(r"d+|M+|L+|y+", re.sub(r"'[^']*'", "", short))
    order = tuple("M" if f[0] == "L" else f[0] for f in fields)
    separator = next((c for c in re.sub(r"'[^']*'|[A-Za-z\s]", "", short)), "/")
    numbers = {"d": r"(\d{1,2})", "M": r"(\d{1,2})", "y": r"(\d{4})"}
    between = "[./-]" if order[:1] == ("d",) else re.escape(separator)
    numeric = re.compile(r"\s*" + (r"\s*" + between + r"\s*").join(numbers[f] for f in order) + r"\s*")
    shown = re.sub(r"y+", "yyyy", short) if order[:1] != ("M",) else get_date_format("medium", locale).pattern
    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                months.setdefault(_plain(name), int(number))
    literals = {
        _plain(word)
        for style in ("medium", "long")
        for word in re.findall(r"'([^']+)'", get_date_format(style, locale).pattern)
    }
    return _Style(locale, shown, numeric, order, months, frozenset(w for w in literals if w))


def format_input_date(value: date, language: str | None = None) -> str:
    """``value`` as a date field shows it in ``language`` (the interface language by default)."""
    from babel.dates import format_date

    style = _style(language or current_language())
    return str(format_date(value, format=style.shown, locale=style.locale))


def _month(word: str, style: _Style) -> int | None:
    plain = _plain(word)
    if plain in style.months:
        return style.months[plain]
    if len(plain) < 3:
        return None
    found = {number for name, number in style.months.items() if name.startswith(plain)}
    return found.pop() if len(found) == 1 else None


def _with_month_name(tokens: list[str], style: _Style) -> date | None:
    months: list[int] = []
    numbers: list[str] = []
    for token in tokens:
        if token.isdigit():
            numbers.append(token)
        elif (month := _month(token, style)) is not None:
            months.append(month)
        elif _plain(token) not in style.literals:
            return None
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(months) != 1 or len(years) != 1 or len(days) != 1 or len(numbers) != 2:
        return None
    try:
        return date(int(years[0]), months[0], int(days[0]))
    except ValueError:
        return None


def parse_input_date(text: str, language: str | None = None) -> date | None:
    """The day ``text`` names, or None when it names none for sure (see the module's words)."""
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        return None
    if (iso := parse_date(text)) is not None:
        return iso
    style = _style(language or current_language())
    leftover = _TOKEN.sub("", text)
    if any(char not in _SEPARATORS for char in leftover):
        return None
    tokens = _TOKEN.findall(text)
    if not all(token.isdigit() for token in tokens):
        return _with_month_name(tokens, style)
    match = style.numeric.fullmatch(text)
    if match is None:
        return None
    parts = dict(zip(style.order, (int(group) for group in match.groups()), strict=True))
    try:
        return date(parts["y"], parts["M"], parts["d"])
    except ValueError:
        return None
