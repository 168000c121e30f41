"""The catalogs: current with the code, complete, faithful to placeholders, no markup, right plurals,
and Babel formatting in every interface language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from babel import Locale
from tools import i18n as pipeline

from waystation import i18n


def test_template_is_current() -> None:
    expected = pipeline.template_text(pipeline.extract())
    assert pipeline.TEMPLATE.read_bytes() == expected, "run `make i18n` and commit the catalogs"


@pytest.mark.parametrize("language", pipeline.LANGUAGES)
def test_catalog_has_every_template_message(language: str) -> None:
    template = {
        m.id if isinstance(m.id, str) else m.id[0] for m in pipeline.read_catalog(pipeline.TEMPLATE) if m.id
    }
    catalog = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in pipeline.read_catalog(pipeline.po_path(language))
        if m.id
    }
    assert template == catalog, "run `make i18n`"


@pytest.mark.parametrize("language", pipeline.LANGUAGES)
def test_nothing_untranslated_or_fuzzy(language: str) -> None:
    assert pipeline.untranslated(pipeline.read_catalog(pipeline.po_path(language), language)) == []


@pytest.mark.parametrize("language", pipeline.LANGUAGES)
def test_placeholders_are_kept(language: str) -> None:
    assert pipeline.placeholder_mismatches(pipeline.read_catalog(pipeline.po_path(language), language)) == []


@pytest.mark.parametrize("language", pipeline.LANGUAGES)
def test_no_markup_in_translations(language: str) -> None:
    assert pipeline.html_in_translations(pipeline.read_catalog(pipeline.po_path(language), language)) == []


@pytest.mark.parametrize("language", pipeline.LANGUAGES)
def test_three_plural_forms(language: str) -> None:
    catalog = pipeline.read_catalog(pipeline.po_path(language), language)
    assert catalog.num_plurals == 3


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("ru", {1: "1 день", 3: "3 дня", 5: "5 дней", 21: "21 день", 11: "11 дней"}),
        ("uk", {1: "1 день", 3: "3 дні", 5: "5 днів", 21: "21 день", 11: "11 днів"}),
        ("be", {1: "1 дзень", 3: "3 дні", 5: "5 дзён", 21: "21 дзень", 11: "11 дзён"}),
    ],
)
def test_plurals_read_naturally(language: str, forms: dict[int, str]) -> None:
    i18n.set_language(language)
    try:
        for n, expected in forms.items():
            text = i18n.ngettext("{n} day counted", "{n} days counted", n).format(n=n)
            assert text.startswith(expected), text
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Jun 14, 2026"), ("ru", "14 июн. 2026 г."), ("uk", "14 черв. 2026 р."), ("be", "14 чэр 2026 г.")],
)
def test_dates_in_each_language(language: str, expected: str) -> None:
    i18n.set_language(language)
    try:
        shown = i18n.format_date(date(2026, 6, 14))
        assert shown.replace("\u202f", " ").replace("\xa0", " ") == expected
    finally:
        i18n.set_language("en")


def test_switching_language_changes_messages() -> None:
    i18n.set_language("ru")
    try:
        assert (
            i18n._("Wrong passphrase, or the vault is damaged.")
            != "Wrong passphrase, or the vault is damaged."
        )
    finally:
        i18n.set_language("en")
    assert (
        i18n._("Wrong passphrase, or the vault is damaged.") == "Wrong passphrase, or the vault is damaged."
    )


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_qt_own_translations_are_available(language: str) -> None:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / f"qtbase_{language}.qm").exists()


def test_interface_languages_are_left_to_right_and_known_to_babel() -> None:
    for language in i18n.UI_LANGUAGES:
        assert Locale.parse(language).text_direction == "ltr"


def test_pseudo_localisation_keeps_placeholders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYSTATION_PSEUDO", "1")
    text = i18n._("There is no vault at {path}.")
    assert "{path}" in text and text != "There is no vault at {path}." and len(text) > 30
    assert text.format(path="x")
    assert i18n.layout_direction("ru") == "ltr"
    monkeypatch.setenv("WAYSTATION_PSEUDO", "rtl")
    assert i18n.layout_direction("ru") == "rtl"
    monkeypatch.delenv("WAYSTATION_PSEUDO")
    assert i18n._("There is no vault at {path}.") == "There is no vault at {path}."
    assert i18n.layout_direction("he") == "rtl"


@pytest.mark.parametrize(("language", "expected"), [("en", "1,234.5"), ("ru", "1 234,5"), ("uk", "1 234,5")])
def test_numbers_in_each_language(language: str, expected: str) -> None:
    i18n.set_language(language)
    try:
        assert i18n.format_number(1234.5, 1).replace("\xa0", " ").replace("\u202f", " ") == expected
    finally:
        i18n.set_language("en")
