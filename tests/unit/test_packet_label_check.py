"""A guide whose packets could not be printed is refused by the validator, not found as empty
boxes in a PDF: its label language needs labels, and every letter needs a shipped font."""

from __future__ import annotations

import dataclasses

import pytest

from waystation.content.loader import load_library
from waystation.content.model import PacketDefinition, Text
from waystation.packets.fonts import uncovered
from waystation.packets.label_check import packet_problems

LIBRARY = load_library()


@pytest.mark.parametrize("country", ["GE", "AM", "KZ", "RS", "TR", "DE", "IL"])
def test_the_shipped_guides_print(country: str) -> None:
    guide = LIBRARY.get(country)
    assert guide is not None
    assert packet_problems(guide) == []


def test_a_label_language_without_labels_is_refused() -> None:
    guide = LIBRARY.get("KZ")
    assert guide is not None
    problems = packet_problems(dataclasses.replace(guide, label_language="xx"))
    assert problems == ["no packet labels for the label language 'xx' (resources/labels/xx.json)"]


def test_letters_no_font_draws_are_refused() -> None:
    guide = LIBRARY.get("KZ")
    assert guide is not None
    devanagari = PacketDefinition("residence", Text({"en": "कार्यालय"}), Text({"en": "Office"}))
    problems = packet_problems(dataclasses.replace(guide, packets={"residence": devanagari}))
    assert len(problems) == 1 and "no shipped font draws" in problems[0] and "U+0915" in problems[0]


def test_every_script_we_ship_is_drawn() -> None:
    samples = "Иванова Šćž ĞİŞ Müller ქართული Հայերեն עברית ภาษาไทย Ўзбекистон Lietuvių Latviešu Čeština"
    assert uncovered(samples) == set()
