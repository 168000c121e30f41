"""The Latin form of names as Russian passports write it (ICAO Doc 9303)."""

from __future__ import annotations

import pytest

from waystation.translit import to_latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Иванова", "IVANOVA"),
        ("Мария", "MARIIA"),
        ("Щукин", "SHCHUKIN"),
        ("Юлия", "IULIIA"),
        # Ъ is IE in the table (ICAO 9303 part 3; MVD order 889), so it is written out, not dropped.
        ("Подъячев", "PODIEIACHEV"),
        ("Объедков", "OBIEEDKOV"),
        ("Игорь", "IGOR"),
        ("Пётр", "PETR"),
        ("Алексей", "ALEKSEI"),
        ("Наталья", "NATALIA"),
        ("Хабибуллин", "KHABIBULLIN"),
        ("Цветаева", "TSVETAEVA"),
        ("Чайковский", "CHAIKOVSKII"),
        ("Жуков", "ZHUKOV"),
        ("Шишкин", "SHISHKIN"),
        ("Эдуард", "EDUARD"),
        ("Рыбаков", "RYBAKOV"),
        ("Ксения", "KSENIIA"),
        ("Сергеевна", "SERGEEVNA"),
        ("Анна-Мария Соколова", "ANNA-MARIIA SOKOLOVA"),
    ],
)
def test_russian_names_as_in_russian_passports(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Ўладзімір", "ULADZIMIR"),
        ("Святлана Ціханоўская", "SVIATLANA TSIKHANOUSKAIA"),
        ("Їжак", "IZHAK"),
        ("Євгенія", "IEVGENIIA"),
        ("Ґонта", "GONTA"),
        ("В'ячеслав", "VIACHESLAV"),
        ("Дар’я", "DARIA"),
    ],
)
def test_belarusian_and_ukrainian_letters(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


def test_latin_text_is_kept_in_upper_case() -> None:
    assert to_latin("O'Brien Smith") == "O'BRIEN SMITH"
    assert to_latin("") == ""


def test_every_letter_of_the_russian_alphabet_has_a_latin_form() -> None:
    alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    latin = to_latin(alphabet)
    assert latin == "ABVGDEEZHZIIKLMNOPRSTUFKHTSCHSHSHCHIEYEIUIA"
    assert latin.isascii()
