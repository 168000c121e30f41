"""Dates as the date input shows and reads them, per interface language (no Qt involved)."""

from __future__ import annotations

from datetime import date

import pytest

from waystation.ui.widgets.date_text import format_input_date, parse_input_date

SEP_1 = date(2026, 9, 1)


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "Sep 1, 2026"), ("ru", "01.09.2026"), ("uk", "01.09.2026"), ("be", "1.09.2026")],
)
def test_shown_in_the_languages_form_and_read_back(language: str, shown: str) -> None:
    assert format_input_date(SEP_1, language) == shown
    assert parse_input_date(shown, language) == SEP_1


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "2026-09-01"),
        ("ru", "2026-09-01"),
        ("en", "9/1/2026"),
        ("en", "September 1, 2026"),
        ("en", "1 sept 2026"),
        ("ru", "1.9.2026"),
        ("ru", "01/09/2026"),
        ("ru", "01-09-2026"),
        ("ru", "1 сентября 2026"),
        ("ru", "1 сент. 2026 г."),
        ("ru", " 1 СЕН 2026 "),
        ("uk", "1 вересня 2026 р."),
        ("be", "1 верасня 2026"),
    ],
)
def test_what_people_type_is_understood(language: str, typed: str) -> None:
    assert parse_input_date(typed, language) == SEP_1


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "12.04.1990"),  # someone's 12 April in an English interface: refused, not 4 December
        ("en", "20260901"),  # Python would read it; people do not write it
        ("en", "2026-9-1"),
        ("ru", "01.09.26"),  # a two-digit year is never guessed
        ("ru", "31.02.2026"),
        ("ru", "1 ма 2026"),  # май or март?
        ("ru", "1 сентября"),
        ("en", "Sep 1, 2026 Sep"),
        ("en", "hello 1 2026"),
        ("en", "1; 9; 2026"),
        ("en", "soon"),
        ("en", ""),
    ],
)
def test_anything_unsure_is_refused(language: str, typed: str) -> None:
    assert parse_input_date(typed, language) is None


def test_an_unknown_language_falls_back_to_english() -> None:
    assert format_input_date(SEP_1, "xx") == "Sep 1, 2026"
