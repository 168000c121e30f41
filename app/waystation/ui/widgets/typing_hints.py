"""What can honestly be said about the keyboard while someone types a passphrase they cannot see:
whether Caps Lock is on, and which script (Latin, Cyrillic…) the typed letters are in.

Qt has no portable Caps Lock API. Three platform plugins hand the native modifier state to every
key event, and there the answer is exact: X11 (the core protocol's Lock bit), Windows (Qt's own
CapsLock flag) and macOS (NSEvent's modifier flags). Elsewhere (Wayland, the offscreen platform)
it is inferred from the letters typed: an upper-case letter without Shift, or a lower-case one with
Shift, means Caps Lock is on. Until a letter is typed the state is simply not known (None).

The script is read from the characters themselves, which is the truth whatever the platform says
about the keyboard layout; the layout's language is added only where Qt tracks it (Windows, macOS).
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from waystation.i18n import current_language

if TYPE_CHECKING:
    from babel import Locale

# The Caps Lock bit in QKeyEvent.nativeModifiers(), per Qt platform plugin.
NATIVE_CAPS_LOCK_BITS: dict[str, int] = {
    "xcb": 0x0002,  # X11 LockMask
    "windows": 0x0100,  # QWindowsKeyMapper's CapsLock
    "cocoa": 0x10000,  # NSEventModifierFlagCapsLock
}

# Platforms whose QInputMethod.locale() follows the active keyboard layout (on X11 and Wayland it
# reports the system locale, which would mislead).
LAYOUT_AWARE_PLATFORMS = ("windows", "cocoa")

# Scripts whose keyboards type a capital with Shift (and with Caps Lock).
CASED_SCRIPTS = ("Latn", "Cyrl", "Grek", "Armn")

# A word of a Unicode character name ("CYRILLIC SMALL LETTER A") → ISO 15924 script code.
_SCRIPTS: dict[str, str] = {
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "GREEK": "Grek",
    "ARMENIAN": "Armn",
    "GEORGIAN": "Geor",
    "HEBREW": "Hebr",
    "ARABIC": "Arab",
    "DEVANAGARI": "Deva",
    "THAI": "Thai",
    "HANGUL": "Hang",
    "HIRAGANA": "Hira",
    "KATAKANA": "Kana",
    "CJK": "Hani",
}


def caps_lock_from_native(platform: str, native_modifiers: int) -> bool | None:
    """The Caps Lock state a key event's native modifiers show, or None where they cannot tell."""
    bit = NATIVE_CAPS_LOCK_BITS.get(platform)
    return None if bit is None else bool(native_modifiers & bit)


def caps_lock_from_letter(text: str, shift: bool) -> bool | None:
    """Caps Lock inferred from one typed character, or None when it says nothing (a digit, a space,
    a letter of a script whose keyboards do not type capitals with Shift, such as Georgian)."""
    if len(text) != 1 or script_of(text) not in CASED_SCRIPTS or text.lower() == text.upper():
        return None
    return text.isupper() != shift


def caps_lock_after_key(
    previous: bool | None,
    *,
    platform: str,
    native_modifiers: int,
    text: str,
    shift: bool,
    caps_lock_key: bool,
) -> bool | None:
    """The best knowledge of the Caps Lock state after one key press.

    The press of Caps Lock itself carries the state from before the press on every platform we
    read, so it flips what was known (and leaves an unknown state unknown)."""
    if caps_lock_key:
        return None if previous is None else not previous
    native = caps_lock_from_native(platform, native_modifiers)
    if native is not None:
        return native
    letter = caps_lock_from_letter(text, shift)
    return previous if letter is None else letter


def script_of(character: str) -> str | None:
    """The ISO 15924 code of a letter's script (among those people here type), or None."""
    if not character.isalpha():
        return None
    for word in unicodedata.name(character, "").split():
        code = _SCRIPTS.get(word)
        if code is not None:
            return code
    return None


def scripts_in(text: str) -> tuple[str, ...]:
    """The scripts of the letters in ``text``, in the order they first appear."""
    found: list[str] = []
    for character in text:
        code = script_of(character)
        if code is not None and code not in found:
            found.append(code)
    return tuple(found)


def _locale() -> Locale:
    from babel import Locale  # on first use: Babel is not needed to draw the start window

    try:
        return Locale.parse(current_language())
    except (ValueError, TypeError):
        return Locale.parse("en")


def describe_scripts(codes: tuple[str, ...]) -> str:
    """ "Cyrillic", "Latin and Cyrillic" in the interface language (names from CLDR via Babel)."""
    from babel.lists import format_list

    locale = _locale()
    names = [str(locale.scripts.get(code, code)) for code in codes]
    return str(format_list(names, locale=locale)) if names else ""


def keyboard_language(platform: str, locale_name: str) -> str | None:
    """The keyboard layout's language, named in the interface language (e.g. "Russian"), where the
    platform reports it truthfully; None elsewhere or when it reports nothing useful ("C")."""
    if platform not in LAYOUT_AWARE_PLATFORMS:
        return None
    code = locale_name.replace("-", "_").split("_")[0].lower()
    if not code or code == "c":
        return None
    name = _locale().languages.get(code)
    return str(name) if name else None
