"""Forms for the forms tests, built with ReportLab's AcroForm support (text, checkbox, radio,
choice and comb fields), and profiles in several scripts.

``german_form`` is shaped like a real office form (the German "Antrag auf Erteilung eines
Aufenthaltstitels"): two pages, numbered sections, labels left of or above unnamed fields
("Textfeld 12"), the same labels again for the spouse and three children, date hints,
a comb field, a choice list of countries, checkboxes and a radio group. ``GERMAN_TRUTH`` says
which profile value each of its labelled fields asks for (None: nothing the profile holds).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from tests.conftest import SAMPLE_PROFILE
from waystation.packets.fonts import BASE, BASE_BOLD, register_fonts
from waystation.vault import profile_json
from waystation.vault.models import Profile

WIDTH, HEIGHT = A4


def _canvas(buffer: io.BytesIO, title: str = "Test form") -> Canvas:
    register_fonts()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=BASE, invariant=1)
    canvas.setTitle(title)
    return canvas


def simple_form(**options: Any) -> bytes:
    """One page, English labels: every kind of field."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    form = c.acroForm
    c.setFont(BASE_BOLD, 14)
    c.drawString(50, 800, "Application form")
    c.setFont(BASE, 10)
    rows = [
        ("Surname", "surname", {"maxlen": options.get("surname_max", 40)}),
        ("Given names", "given", {"maxlen": None}),
        ("Date of birth (DD.MM.YYYY)", "dob", {"maxlen": None}),
        ("Passport number", "passport", {"maxlen": 9, "fieldFlags": "comb"}),
        ("Place of birth", "pob", {"maxlen": None}),
        ("Address", "address", {"maxlen": None, "fieldFlags": "multiline", "height": 40}),
    ]
    y = 760
    for label, name, extra in rows:
        height = extra.pop("height", 18)
        c.drawString(50, y + 5, label)
        form.textfield(name=name, x=200, y=y - height + 18, width=300, height=height, borderWidth=1, **extra)
        y -= 30 + (height - 18)
    c.drawString(50, y + 5, "Sex")
    form.checkbox(name="female", x=200, y=y + 2, size=14)
    c.drawString(220, y + 5, "female")
    form.checkbox(name="male", x=280, y=y + 2, size=14)
    c.drawString(300, y + 5, "male")
    y -= 30
    c.drawString(50, y + 5, "Marital status")
    for index, (value, text) in enumerate((("single", "single"), ("married", "married"))):
        form.radio(name="marital", value=value, x=200 + index * 90, y=y + 2, size=14, selected=False)
        c.drawString(220 + index * 90, y + 5, text)
    y -= 30
    c.drawString(50, y + 5, "Nationality")
    form.choice(
        name="nationality",
        value="(choose)",
        options=["(choose)", "Germany", "Russia", "Georgia"],
        x=200,
        y=y,
        width=150,
        height=18,
    )
    y -= 30
    c.drawString(50, y + 5, "Purpose")
    form.listbox(
        name="purpose",
        value="work",
        options=["study", "work", "family"],
        x=200,
        y=y - 40,
        width=150,
        height=56,
    )
    c.showPage()
    c.save()
    return buffer.getvalue()


# field name -> the profile value its label asks for (None: the profile holds nothing for it)
GERMAN_TRUTH: dict[str, str | None] = {}


def _german_rows() -> list[tuple[str, str, str | None, dict[str, Any]]]:
    """(heading or label, field name, truth, options); a label of "#" starts a heading."""
    rows: list[tuple[str, str, str | None, dict[str, Any]]] = [
        ("#1. Angaben zur Person", "", None, {}),
        ("Familienname", "Textfeld 1", "person.family_name_latin", {}),
        ("Geburtsname", "Textfeld 2", None, {}),
        ("Vorname(n)", "Textfeld 3", "person.given_names_latin", {}),
        ("Geburtsdatum (TT.MM.JJJJ)", "Textfeld 4", "person.date_of_birth", {}),
        ("Geburtsort", "Textfeld 5", "person.place_of_birth_latin", {}),
        ("Geburtsland", "Textfeld 6", None, {}),
        ("Frühere Staatsangehörigkeit(en)", "Textfeld 7", None, {}),
        ("Größe in cm", "Textfeld 8", None, {}),
        ("Augenfarbe", "Textfeld 9", None, {}),
        ("#2. Anschrift in Deutschland", "", None, {}),
        ("Straße, Hausnummer", "Textfeld 10", "host.address", {}),
        ("Postleitzahl", "Textfeld 11", None, {}),
        ("Wohnort", "Textfeld 12", "host.city", {}),
        ("Telefon", "Textfeld 13", "person.phone", {}),
        ("E-Mail", "Textfeld 14", "person.email", {}),
        ("#3. Reisepass", "", None, {}),
        ("Art des Passes", "Textfeld 15", None, {}),
        ("Passnummer", "Textfeld 16", "passports[international].number", {"maxlen": 9, "fieldFlags": "comb"}),
        ("Ausgestellt am", "Textfeld 17", "passports[international].issued", {}),
        ("Gültig bis", "Textfeld 18", "passports[international].expires", {}),
        ("Ausstellende Behörde", "Textfeld 19", "passports[international].authority_latin", {}),
        ("#4. Aufenthalt", "", None, {}),
        ("Datum der Einreise", "Textfeld 20", "host.arrival_date", {}),
        ("Zweck des Aufenthalts", "Textfeld 21", None, {"fieldFlags": "multiline", "height": 36}),
        ("Beantragte Dauer", "Textfeld 22", None, {}),
        ("Telefax", "Telefax", None, {}),
    ]
    page_two: list[tuple[str, str, str | None, dict[str, Any]]] = [
        ("#5. Angaben zum Ehegatten", "", None, {}),
        ("Familienname", "Textfeld 23", "family[spouse].family_name_latin", {}),
        ("Vorname(n)", "Textfeld 24", "family[spouse].given_names_latin", {}),
        ("Geburtsdatum", "Textfeld 25", "family[spouse].date_of_birth", {}),
        ("Staatsangehörigkeit", "Textfeld 26", None, {}),
        ("#6. Kinder", "", None, {}),
    ]
    number = 27
    for child in (1, 2, 3):
        page_two.append((f"#Kind {child}", "", None, {}))
        for label, value in (
            ("Familienname", "family_name_latin"),
            ("Vorname", "given_names_latin"),
            ("Geburtsdatum", "date_of_birth"),
        ):
            page_two.append((label, f"Textfeld {number}", f"family[child{child}].{value}", {}))
            number += 1
    page_two += [
        ("#7. Arbeitgeber", "", None, {}),
        ("Name des Arbeitgebers", "Textfeld 36", None, {}),
        ("Anschrift des Arbeitgebers", "Textfeld 37", None, {}),
        ("#8. Erklärung", "", None, {}),
        ("Ort, Datum", "Textfeld 38", "host.city+today", {}),
        ("Unterschrift", "Textfeld 39", None, {}),
    ]
    return [*rows, ("#PAGE", "", None, {}), *page_two]


def german_form() -> bytes:
    buffer = io.BytesIO()
    c = _canvas(buffer, "Antrag auf Erteilung eines Aufenthaltstitels")
    form = c.acroForm
    c.setFont(BASE_BOLD, 13)
    c.drawString(50, 805, "Antrag auf Erteilung eines Aufenthaltstitels")
    y = 770.0
    GERMAN_TRUTH.clear()
    for label, name, truth, options in _german_rows():
        options = dict(options)
        if label == "#PAGE":
            c.showPage()
            y = 790.0
            continue
        if label.startswith("#"):
            c.setFont(BASE_BOLD, 11)
            c.drawString(50, y, label[1:])
            y -= 24
            continue
        height = options.pop("height", 18)
        c.setFont(BASE, 9)
        c.drawString(50, y + 5, label)
        options.setdefault("maxlen", None)
        form.textfield(
            name=name, x=230, y=y - height + 18, width=300, height=height, borderWidth=1, **options
        )
        GERMAN_TRUTH[name] = truth
        y -= 26 + (height - 18)
        if name == "Textfeld 5":  # after the place of birth: sex, citizenship, marital status
            y = _german_buttons(c, y)
    c.showPage()
    c.save()
    return buffer.getvalue()


def _german_buttons(c: Canvas, y: float) -> float:
    form = c.acroForm
    c.setFont(BASE, 9)
    c.drawString(50, y + 5, "Geschlecht")
    for index, (name, text, truth) in enumerate(
        (
            ("Kontrollkästchen 1", "männlich", 'person.sex == "M"'),
            ("Kontrollkästchen 2", "weiblich", 'person.sex == "F"'),
            ("Kontrollkästchen 3", "divers", 'person.sex == "X"'),
        )
    ):
        form.checkbox(name=name, x=230 + index * 90, y=y + 2, size=12)
        c.drawString(246 + index * 90, y + 5, text)
        GERMAN_TRUTH[name] = truth
    y -= 26
    c.drawString(50, y + 5, "Staatsangehörigkeit")
    form.choice(
        name="Auswahl 1",
        value="bitte wählen",
        options=["bitte wählen", "deutsch", "Russland", "Belarus", "Ukraine", "Georgien", "Kasachstan"],
        x=230,
        y=y,
        width=180,
        height=18,
    )
    GERMAN_TRUTH["Auswahl 1"] = "person.citizenships[0]"
    y -= 26
    c.drawString(50, y + 5, "Familienstand")
    for index, value in enumerate(("ledig", "verheiratet", "geschieden")):
        form.radio(name="Optionsfeld 1", value=value, x=230 + index * 90, y=y + 2, size=12, selected=False)
        c.drawString(246 + index * 90, y + 5, value)
    GERMAN_TRUTH["Optionsfeld 1"] = None
    return y - 26


RUSSIAN_ROWS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("#1. Сведения о заявителе", "", {}),
    ("Фамилия", "familiya", {}),
    ("Имя", "imya", {}),
    ("Отчество (при наличии)", "otchestvo", {}),
    ("Дата рождения (ДД.ММ.ГГГГ)", "data_rozhdeniya", {}),
    ("Место рождения", "mesto_rozhdeniya", {}),
    ("Гражданство", "grazhdanstvo", {}),
    ("#2. Документ, удостоверяющий личность", "", {}),
    ("Номер паспорта", "pasport", {"maxlen": 9, "fieldFlags": "comb"}),
    ("Дата выдачи", "data_vydachi", {}),
    ("Кем выдан", "kem_vydan", {}),
    ("Срок действия", "srok", {}),
    ("#3. Адрес и въезд", "", {}),
    ("Адрес проживания", "adres", {}),
    ("Телефон", "telefon", {}),
    ("Дата въезда", "data_vezda", {}),
    ("#4. Сведения о детях", "", {}),
    ("Фамилия", "rebenok_familiya", {}),
    ("Имя", "rebenok_imya", {}),
    ("Дата рождения", "rebenok_data", {}),
    ("Подпись заявителя", "podpis", {}),
)


def russian_form() -> bytes:
    """A residence-permit application in Russian, as Kazakhstan and Kyrgyzstan print theirs."""
    buffer = io.BytesIO()
    c = _canvas(buffer, "Заявление о выдаче разрешения на временное проживание")
    form = c.acroForm
    c.setFont(BASE_BOLD, 12)
    c.drawString(50, 805, "Заявление о выдаче разрешения на временное проживание")
    y = 770.0
    for label, name, options in RUSSIAN_ROWS:
        if label.startswith("#"):
            c.setFont(BASE_BOLD, 11)
            c.drawString(50, y, label[1:])
            y -= 24
            continue
        c.setFont(BASE, 9)
        c.drawString(50, y + 5, label)
        form.textfield(
            name=name, x=230, y=y, width=300, height=18, borderWidth=1, **{"maxlen": None, **options}
        )
        y -= 26
        if name == "grazhdanstvo":
            c.drawString(50, y + 5, "Пол")
            for index, (box, text) in enumerate((("pol_m", "мужской"), ("pol_zh", "женский"))):
                form.checkbox(name=box, x=230 + index * 110, y=y + 2, size=12)
                c.drawString(246 + index * 110, y + 5, text)
            y -= 26
    c.showPage()
    c.save()
    return buffer.getvalue()


def umlaut_profile() -> Profile:
    data = json.loads(json.dumps(SAMPLE_PROFILE))
    data["person"].update(
        family_name="Müller-Lüdenscheidt",
        given_names="Jürgen Çağrı",
        patronymic="",
        family_name_latin="MÜLLER-LÜDENSCHEIDT",
        given_names_latin="JÜRGEN ÇAĞRI",
        place_of_birth="Šiauliai",
        sex="M",
        citizenships=["BY"],
    )
    data["host"].update(
        country="DE", city="Köln", address="Hohe Straße 12, 50667 Köln", arrival_date="2026-03-02"
    )
    data["stays"] = [{"country": "DE", "entered": "2026-03-02", "left": None}]
    data["family"] = [
        {"relation": "spouse", "family_name": "Müller", "given_names": "Zoë", "date_of_birth": "1991-07-30"},
        {
            "relation": "child",
            "family_name": "Müller",
            "given_names": "Ängela",
            "date_of_birth": "2016-02-03",
        },
        {"relation": "child", "family_name": "Müller", "given_names": "Öskar", "date_of_birth": "2019-11-11"},
    ]
    return profile_json.from_document(data, today=None)


def cyrillic_profile() -> Profile:
    data = json.loads(json.dumps(SAMPLE_PROFILE))
    data["family"].insert(
        0,
        {
            "relation": "spouse",
            "family_name": "Иванов",
            "given_names": "Алексей",
            "date_of_birth": "1988-01-15",
        },
    )
    return profile_json.from_document(data, today=None)


def write(path: Path, make: Callable[[], bytes]) -> Path:
    path.write_bytes(make())
    return path
