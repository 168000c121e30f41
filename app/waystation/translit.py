"""Cyrillic names in Latin letters, the way Russian passports have written them since 2014.

The table is the one of ICAO Doc 9303 (Machine Readable Travel Documents), part 3, as Russia's
Ministry of Internal Affairs applies it (order 889 of 2014): Ё is E, Ъ is IE, Ь is dropped. The
Belarusian and Ukrainian letters follow the same document. It is a suggestion only: the name in a
person's own passport is what counts, so the user can always correct it.
"""

from __future__ import annotations

ICAO_9303: dict[str, str] = {
    "А": "A",
    "Б": "B",
    "В": "V",
    "Г": "G",
    "Д": "D",
    "Е": "E",
    "Ё": "E",
    "Ж": "ZH",
    "З": "Z",
    "И": "I",
    "Й": "I",
    "К": "K",
    "Л": "L",
    "М": "M",
    "Н": "N",
    "О": "O",
    "П": "P",
    "Р": "R",
    "С": "S",
    "Т": "T",
    "У": "U",
    "Ф": "F",
    "Х": "KH",
    "Ц": "TS",
    "Ч": "CH",
    "Ш": "SH",
    "Щ": "SHCH",
    "Ъ": "IE",
    "Ы": "Y",
    "Ь": "",
    "Э": "E",
    "Ю": "IU",
    "Я": "IA",
    # Belarusian and Ukrainian letters
    "І": "I",
    "Ў": "U",
    "Ї": "I",
    "Є": "IE",
    "Ґ": "G",
}

# Apostrophes inside Cyrillic words (Ukrainian "В'ячеслав", Belarusian "Дар'я") are not written.
_APOSTROPHES = frozenset("'’ʼ`")


def _is_cyrillic(char: str) -> bool:
    return char.upper() in ICAO_9303


def to_latin(text: str) -> str:
    """``text`` in upper-case Latin letters: "Мария Иванова" → "MARIIA IVANOVA".

    Letters outside the table (Latin ones, digits, spaces, hyphens) are kept, upper-cased.
    """
    out: list[str] = []
    for index, char in enumerate(text):
        upper = char.upper()
        if upper in ICAO_9303:
            out.append(ICAO_9303[upper])
        elif char in _APOSTROPHES and _between_cyrillic(text, index):
            continue
        else:
            out.append(upper)
    return "".join(out)


def _between_cyrillic(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return bool(before) and bool(after) and _is_cyrillic(before) and _is_cyrillic(after)
