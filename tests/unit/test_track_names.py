"""One name per track in every language, as locales/GLOSSARY.md decides (issue 11, item 12).

The glossary's "track" row lists the four tracks' names per language; "documents from home" has
a row of its own. English must say exactly that now; a translation, once the catalogs have one,
must say what the glossary says (an untranslated name is the translator's to do, not a second
name)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from waystation import i18n
from waystation.rules.words import track_name

GLOSSARY = Path(__file__).resolve().parents[2] / "locales" / "GLOSSARY.md"
COLUMNS = ("en", "ru", "uk", "be")
FOUR_TRACKS = ("residence", "work", "housing", "counselling")


def _rows() -> list[list[str]]:
    rows = []
    for line in GLOSSARY.read_text("utf-8").splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def glossary_names() -> dict[str, dict[str, str]]:
    """{language: {track: name}} from the glossary."""
    names: dict[str, dict[str, str]] = {language: {} for language in COLUMNS}
    for row in _rows():
        if row[0].startswith("track ("):
            for language, cell in zip(COLUMNS, row, strict=True):
                listed = re.search(r"\((.*)\)", cell)
                assert listed, f"the glossary's track row has no names for {language}"
                words = [w.strip() for w in listed.group(1).split(",")]
                # "ВНЖ и регистрация" is one name: the Russian cell has the same four as the others
                assert len(words) == len(FOUR_TRACKS), (language, words)
                names[language].update(zip(FOUR_TRACKS, words, strict=True))
        if row[0].startswith("documents from home"):
            for language, cell in zip(COLUMNS, row, strict=True):
                names[language]["home_documents"] = re.sub(r"\s*\(.*\)$", "", cell)
    return names


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


@pytest.fixture
def language_restored() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_english_names_are_the_glossarys() -> None:
    i18n.set_language("en")
    expected = glossary_names()["en"]
    assert set(expected) == {*FOUR_TRACKS, "home_documents"}
    for track, word in expected.items():
        assert track_name(track) == _capitalised(word)


@pytest.mark.parametrize("language", ["ru", "uk", "be"])
def test_translated_names_are_the_glossarys_once_translated(language: str, language_restored: None) -> None:
    expected = glossary_names()[language]
    i18n.set_language("en")
    english = {track: track_name(track) for track in expected}
    i18n.set_language(language)
    for track, word in expected.items():
        shown = track_name(track)
        if shown != english[track]:  # translated: it must be the glossary's name
            assert shown == _capitalised(word), (language, track)
