"""Right-to-left text with a code point this Python's Unicode tables do not know (found by the
packet fuzzing of issue 12: an address in Hebrew followed by U+13439) stopped python-bidi with an
AssertionError, so the packet was "a bug". The unknown character is drawn as U+FFFD instead."""

from __future__ import annotations

import unicodedata

from waystation.packets.fonts import display_order


def test_an_unassigned_code_point_in_right_to_left_text() -> None:
    for unknown in ("\U00013439", "\u0378"):  # the first is new in Unicode 15, the second unassigned
        if unicodedata.bidirectional(unknown) == "":
            assert display_order(f"תל אביב {unknown}") == "\ufffd ביבא לת"


def test_right_to_left_text_without_one_is_unchanged() -> None:
    assert display_order("תל אביב (1)") == "(1) ביבא לת"
    assert display_order("Tbilisi \U00013439") == "Tbilisi \U00013439"  # left to right: untouched
