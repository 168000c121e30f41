"""Script runs, escaping of untrusted text, right-to-left order, and the label table."""

from __future__ import annotations

import json
import re

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from waystation.packets import fonts
from waystation.packets.fonts import BASE, BASE_BOLD, Run, display_order, markup, runs, wrap
from waystation.packets.labels import keys, label, label_languages, labels
from waystation.resources_path import resource
from waystation.vault.models import DOCUMENT_KINDS

GEORGIAN = re.compile("[\u10a0-\u10ff]")
ARMENIAN = re.compile("[\u0530-\u058f]")
HEBREW = re.compile("[\u0590-\u05ff]")
CYRILLIC = re.compile("[\u0400-\u04ff]")
LATIN_LETTER = re.compile("[A-Za-z]")


def test_each_script_gets_its_font_and_neutrals_stay_put() -> None:
    found = runs("Фамилия გვარი 12, Ազգանուն שם 1990 Šćž")
    assert found == [
        Run(BASE, "Фамилия "),
        Run("WsGeorgian", "გვარი "),
        Run(BASE, "12, "),
        Run("WsArmenian", "Ազգանուն "),
        Run("WsHebrew", "שם "),
        Run(BASE, "1990 Šćž"),
    ]
    assert [r.font for r in runs("გვარი", bold=True)] == ["WsGeorgian-Bold"]
    assert runs("Müller", bold=True) == [Run(BASE_BOLD, "Müller")]
    assert runs("") == []


def test_script_fonts_lack_digits_so_digits_fall_back() -> None:
    assert not fonts.has_glyph("WsHebrew", "1") and fonts.has_glyph(BASE, "1")
    assert [r.font for r in runs("א1")] == ["WsHebrew", BASE]


@pytest.mark.parametrize(
    "hostile",
    [
        '<font name="Helvetica">x</font>',
        "a & b <b>bold</b> &amp; &#65; <br/>",
        "<para autoLeading='max'>",
        "</font></para>",
        "\x00nul\x07bell\x1bescape",
    ],
)
def test_untrusted_text_cannot_inject_markup(hostile: str) -> None:
    made = markup(hostile)
    paragraph = Paragraph(made, ParagraphStyle("t", fontName=BASE))
    shown = "".join(str(frag.text) for frag in paragraph.frags)
    assert shown == fonts.clean(hostile)
    assert {frag.fontName for frag in paragraph.frags} <= {BASE}


def test_control_characters_are_dropped_and_lines_kept() -> None:
    assert fonts.clean("a\x00b\tc\r\nd\x85e") == "ab c\nde"
    assert markup("one\ntwo") == "one<br/>two"


def test_hebrew_is_put_in_display_order_with_brackets_mirrored() -> None:
    logical = "שם פרטי (באותיות לטיניות)"
    shown = display_order(logical)
    # drawn right to left: the whole line reversed, and each bracket turned to face the other way
    assert shown == logical[::-1].translate(str.maketrans("()", ")("))
    assert display_order("Фамилия") == "Фамилия"


def test_right_to_left_text_is_wrapped_before_reordering() -> None:
    logical = "תאריך לידה מקום לידה אזרחות מספר דרכון תאריך הנפקה"
    lines = wrap(logical, 80, 10)
    assert len(lines) > 1 and " ".join(lines) == logical
    made = markup(logical, width=80, size=10)
    assert made.count("<br/>") == len(lines) - 1
    # each printed line is the reversed form of a logical line, first logical line on top
    first_line = re.sub(r"<[^>]+>", "", made.split("<br/>")[0])
    assert first_line == display_order(lines[0])


def table(language: str) -> dict[str, str]:
    path = resource("labels", f"{language}.json")
    data: dict[str, str] = json.loads(path.read_text("utf-8"))
    return data


def test_every_language_has_every_label() -> None:
    every = set(keys())
    for language in label_languages():
        assert set(table(language)) == every, language
        assert all(value.strip() == value and value for value in table(language).values()), language
    assert {f"doc_{kind}" for kind in DOCUMENT_KINDS} <= every
    assert {"relation_spouse", "relation_partner", "relation_child", "relation_parent"} <= every
    assert set(label_languages()) >= {"en", "ru", "uk", "be", "ka", "hy", "kk", "sr", "tr", "de", "he"}


@pytest.mark.parametrize(
    ("language", "script"),
    [
        ("ka", GEORGIAN),
        ("hy", ARMENIAN),
        ("he", HEBREW),
        ("kk", CYRILLIC),
        ("sr", CYRILLIC),
        ("ru", CYRILLIC),
    ],
)
def test_labels_are_written_in_their_script(language: str, script: re.Pattern[str]) -> None:
    for key, value in table(language).items():
        if value == "X":
            continue
        assert script.search(value), (language, key, value)
        assert not LATIN_LETTER.search(value), (language, key, value)


def test_label_lookup_and_pairs() -> None:
    assert label("family_name", "ka") == "გვარი"
    assert label("family_name", "xx") == "Family name"
    assert labels("family_name", "sr", "ru") == ("Презиме", "Фамилия")
    assert labels("family_name", "de", "de") == ("Familienname", None)
    assert label("date_of_birth", "tr") == "Doğum tarihi"
