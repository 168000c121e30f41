"""What can be known of the keyboard while typing a passphrase: Caps Lock per platform, the script of
the typed letters, the layout's language only where the platform reports it truthfully."""

from __future__ import annotations

import pytest

from waystation.i18n import set_language
from waystation.ui.widgets.typing_hints import (
    caps_lock_after_key,
    caps_lock_from_letter,
    caps_lock_from_native,
    describe_scripts,
    keyboard_language,
    script_of,
    scripts_in,
)


@pytest.mark.parametrize(
    ("platform", "native", "expected"),
    [
        ("xcb", 0x2, True),
        ("xcb", 0x1, False),  # Shift only
        ("windows", 0x100, True),
        ("windows", 0x200, False),  # Num Lock only
        ("cocoa", 1 << 16, True),
        ("cocoa", 1 << 17, False),  # Shift only
        ("wayland", 0x2, None),  # not documented there: not trusted
        ("offscreen", 0xFFFF, None),
    ],
)
def test_native_caps_lock_bits(platform: str, native: int, expected: bool | None) -> None:
    assert caps_lock_from_native(platform, native) is expected


@pytest.mark.parametrize(
    ("text", "shift", "expected"),
    [
        ("a", False, False),
        ("A", False, True),
        ("A", True, False),
        ("a", True, True),
        ("Ж", False, True),
        ("ж", False, False),
        ("Ω", True, False),
        ("4", False, None),
        (" ", True, None),
        ("ა", False, None),  # Georgian letters have no case
        ("", False, None),
        ("ab", False, None),
    ],
)
def test_caps_lock_from_one_letter(text: str, shift: bool, expected: bool | None) -> None:
    assert caps_lock_from_letter(text, shift) is expected


def after(
    previous: bool | None,
    *,
    platform: str = "wayland",
    native: int = 0,
    text: str = "",
    shift: bool = False,
    caps_key: bool = False,
) -> bool | None:
    return caps_lock_after_key(
        previous, platform=platform, native_modifiers=native, text=text, shift=shift, caps_lock_key=caps_key
    )


def test_caps_lock_after_a_key() -> None:
    assert after(None, text="7") is None  # nothing learnt yet
    assert after(True, text="7") is True  # a digit keeps what was known
    assert after(None, text="Q") is True
    assert after(True, text="q") is False
    assert after(None, caps_key=True) is None  # pressing Caps Lock flips only what is known
    assert after(False, caps_key=True) is True
    assert after(True, caps_key=True) is False
    # Where the platform tells, it wins over a guess from the letter.
    assert after(None, platform="xcb", native=0x2, text="q") is True
    assert after(True, platform="xcb", native=0x0, text="Q") is False


def test_scripts_of_typed_text() -> None:
    assert script_of("ё") == "Cyrl" and script_of("é") == "Latn" and script_of("Ａ") == "Latn"
    assert script_of("5") is None and script_of("-") is None
    assert scripts_in("42 !") == ()
    assert scripts_in("correct horse") == ("Latn",)
    assert scripts_in("ящик 7 box ящик") == ("Cyrl", "Latn")
    assert scripts_in("მადლობა Շնորհակալ") == ("Geor", "Armn")


def test_script_names_follow_the_language() -> None:
    assert describe_scripts(("Cyrl",)) == "Cyrillic"
    assert describe_scripts(("Latn", "Cyrl")) == "Latin and Cyrillic"
    assert describe_scripts(()) == ""
    set_language("ru")
    try:
        assert describe_scripts(("Latn", "Cyrl")) == "латиница и кириллица"
    finally:
        set_language("en")


def test_keyboard_language_only_where_the_platform_tracks_the_layout() -> None:
    assert keyboard_language("windows", "ru_RU") == "Russian"
    assert keyboard_language("cocoa", "uk-UA") == "Ukrainian"
    assert keyboard_language("xcb", "ru_RU") is None  # X11 reports the system locale: it would mislead
    assert keyboard_language("windows", "C") is None
    assert keyboard_language("windows", "") is None
