"""Translations (gettext) and locale-aware formatting (Babel, imported when first needed: it is
not needed to draw the start window).

Every user-facing string goes through :func:`_` or :func:`ngettext` with named placeholders, e.g.
``_("{n} days left").format(n=...)``. The active language can change at run time; the functions
here always look up the current catalog, so nothing caches a translated string by accident.
"""

from __future__ import annotations

import gettext
import io
import os
import re
from datetime import date, timedelta

from waystation.resources_path import locales_dir

DOMAIN = "waystation"
SOURCE_LANGUAGE = "en"
UI_LANGUAGES = ("en", "ru", "uk", "be")

_state: dict[str, object] = {
    "language": SOURCE_LANGUAGE,
    "translation": gettext.NullTranslations(),
}


def _load(language: str) -> gettext.NullTranslations:
    """The catalog for ``language``: the compiled .mo when it is newer than its .po, otherwise
    the .po compiled in memory (so a fresh checkout needs no build step and writes nothing)."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    try:
        folder = locales_dir() / language / "LC_MESSAGES"
    except FileNotFoundError:
        return gettext.NullTranslations()
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    try:
        if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
            with mo.open("rb") as handle:
                return gettext.GNUTranslations(handle)
        if po.exists():
            from babel.messages.mofile import write_mo
            from babel.messages.pofile import read_po

            with po.open("rb") as handle:
                catalog = read_po(handle, locale=language, domain=DOMAIN)
            buffer = io.BytesIO()
            write_mo(buffer, catalog, use_fuzzy=False)
            buffer.seek(0)
            return gettext.GNUTranslations(buffer)
    except (OSError, ValueError):
        pass
    return gettext.NullTranslations()


def set_language(language: str) -> None:
    """Switch the active language; unknown languages fall back to English."""
    if language not in UI_LANGUAGES:
        language = SOURCE_LANGUAGE
    _state["language"] = language
    _state["translation"] = _load(language)


def current_language() -> str:
    return str(_state["language"])


def language_from_environment() -> str:
    """The interface language the environment asks for (WAYSTATION_LANG, then the POSIX locale)."""
    for variable in ("WAYSTATION_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        code = value.split(":")[0].split(".")[0].split("_")[0].lower()
        if code in UI_LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def _(message: str) -> str:
    translation = _state["translation"]
    assert isinstance(translation, gettext.NullTranslations)
    return _pseudo(translation.gettext(message))


def ngettext(singular: str, plural: str, n: int) -> str:
    translation = _state["translation"]
    assert isinstance(translation, gettext.NullTranslations)
    return _pseudo(translation.ngettext(singular, plural, n))


# -- pseudo-localisation: WAYSTATION_PSEUDO=1 (longer, accented text) or =rtl (also mirrored) ----

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥíĵķĺɱñöþǫŕšţüṽŵẋýžÀƁÇĐÉƑĜĤÍĴĶĹṀÑÖÞǪŔŠŢÜṼŴẊÝŽ",
)
_PLACEHOLDER = re.compile(r"(\{[^{}]*\})")


def pseudo_mode() -> str:
    """ "" (off), "long" or "rtl", from WAYSTATION_PSEUDO."""
    value = os.environ.get("WAYSTATION_PSEUDO", "").strip().lower()
    if value in ("", "0", "no", "off"):
        return ""
    return "rtl" if value == "rtl" else "long"


def pseudo_localise(text: str) -> str:
    """Accented and about 40% longer, placeholders untouched: finds clipped and hard-coded text."""
    parts = _PLACEHOLDER.split(text)
    accented = "".join(p if _PLACEHOLDER.fullmatch(p) else p.translate(_ACCENTED) for p in parts)
    # The padding may break anywhere (zero-width spaces between the dots), as a real long
    # translation breaks between its words: one unbreakable run of dots would be a false alarm.
    padding = "\u200b".join("·" * max(2, len(text) * 2 // 5))
    return f"⟦{accented}{padding}⟧"


def _pseudo(text: str) -> str:
    return pseudo_localise(text) if pseudo_mode() else text


def layout_direction(language: str | None = None) -> str:
    """ "ltr" or "rtl" for ``language`` (Babel's CLDR data), or "rtl" in the RTL pseudo mode."""
    if pseudo_mode() == "rtl":
        return "rtl"
    language = language or current_language()
    if language in UI_LANGUAGES:
        return "ltr"  # English, Russian, Ukrainian, Belarusian: no need to load Babel at start-up
    from babel import Locale

    try:
        return str(Locale.parse(language).text_direction)
    except (ValueError, TypeError):
        return "ltr"


def format_number(value: float, decimals: int = 0) -> str:
    """A number in the active language ("1,234.5" / "1 234,5")."""
    from babel import Locale
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=Locale.parse(current_language())))


def format_date(value: date, style: str = "medium") -> str:
    """A date in the active language, e.g. "14 Jun 2026" / "14 июн. 2026 г."."""
    from babel import Locale
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=style, locale=Locale.parse(current_language()))


def format_age(since: date, today: date) -> str:
    """How long ago ``since`` was, in the active language: "today", "5 days ago", "8 months ago"."""
    days = (today - since).days
    if days <= 0:
        return _("today")
    from babel import Locale
    from babel.dates import format_timedelta

    locale = Locale.parse(current_language())
    return _pseudo(
        str(format_timedelta(timedelta(days=-days), add_direction=True, threshold=1.0, locale=locale))
    )
