"""Filling forms: values read back with pypdf, text found by pdftotext, every filled field's box
drawn differently from the blank form by PDFium and by poppler, in every script the vault may
hold (fonts embedded); flattening keeps the text; lengths, combs, choices and dates checked;
AES-256; neutral metadata, no scripts; written atomically."""

from __future__ import annotations

import io
import json
import os
import subprocess
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from bidi.algorithm import get_display
from PIL import Image, ImageChops
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from tests.forms_support import cyrillic_profile, german_form, simple_form, umlaut_profile
from tests.unit.test_packet_support import flat, need_tool, pdffonts, pdftotext, unreferenced_objects
from waystation.errors import InvalidInput, StorageFailure
from waystation.forms.fill import FillResult, fill_form, write_filled
from waystation.forms.mapping import FORMAT, FormMap, loads
from waystation.forms.propose import propose
from waystation.forms.reading import OpenedForm, read_form
from waystation.vault.models import Person, Profile

TODAY = date(2026, 5, 1)
PDF_PASSWORD = "quiet harbour 51"
SIMPLE_MAP = {
    "surname": {"value": "person.family_name"},
    "given": {"value": ["person.given_names", "person.patronymic"]},
    "dob": {"value": "person.date_of_birth", "date_format": "DD.MM.YYYY"},
    "passport": {"value": "passports[international].number"},
    "pob": {"value": "person.place_of_birth"},
    "address": {"value": ["host.address", "host.city"], "separator": "\n"},
    "female": {"check": 'person.sex == "F"'},
    "male": {"check": 'person.sex == "M"'},
    "marital": {
        "choose": {"married": "family[spouse].given_names", "single": "not family[spouse].given_names"}
    },
    "nationality": {"value": "person.citizenships[0]", "values": {"RU": "Russia"}},
    "purpose": {"constant": "family"},
}


def mapping_for(opened: OpenedForm, fields: dict[str, object]) -> FormMap:
    return loads(
        json.dumps({"format": FORMAT, "form": {"fingerprint": opened.info.fingerprint}, "fields": fields})
    )


def page_image(pdf: bytes, index: int = 0, password: str | None = None) -> Image.Image:
    """PDFium's picture of a page at 72 dpi, form fields drawn."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf, password=password)
    try:
        document.init_forms()
        page = document[index]
        image = page.render(scale=1, may_draw_forms=True).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    return image


def poppler_image(
    pdf: bytes, folder: Path, name: str, index: int = 0, password: str | None = None
) -> Image.Image:
    path = folder / f"{name}.pdf"
    path.write_bytes(pdf)
    command = [need_tool("pdftoppm"), "-r", "72", "-png", "-f", str(index + 1), "-l", str(index + 1)]
    if password:
        command += ["-upw", password]
    subprocess.run([*command, str(path), str(folder / name)], check=True, capture_output=True)
    [png] = sorted(folder.glob(f"{name}-*.png"))
    with Image.open(png) as image:
        return image.convert("RGB")


def drawn_in(
    blank: Image.Image, filled: Image.Image, rect: tuple[float, float, float, float], height: float
) -> int:
    """How many pixels inside ``rect`` (PDF points, 72 dpi) differ between the two pictures."""
    box = (round(rect[0]) + 1, round(height - rect[3]) + 1, round(rect[2]) - 1, round(height - rect[1]) - 1)
    difference = ImageChops.difference(blank.crop(box), filled.crop(box)).convert("L")
    return sum(1 for value in difference.tobytes() if value > 40)


def assert_every_field_drawn(
    opened: OpenedForm, result: FillResult, names: Iterable[str], folder: Path, password: str | None = None
) -> None:
    info = opened.info
    for page in {w.page for name in names for w in info.field(name).widgets}:  # type: ignore[union-attr]
        height = info.pages[page].height
        pictures = [
            (page_image(opened.data, page), page_image(result.pdf, page, password)),
            (
                poppler_image(opened.data, folder, f"blank{page}", page),
                poppler_image(result.pdf, folder, f"filled{page}-{result.flattened}", page, password),
            ),
        ]
        for blank, filled in pictures:
            for name in names:
                item = info.field(name)
                assert item is not None
                for widget in item.widgets:
                    if widget.page == page:
                        assert drawn_in(blank, filled, widget.rect, height) > 3, (name, page)


def text_in(pdf: bytes, rect: tuple[float, float, float, float], height: float, page: int = 0) -> str:
    """What pdftotext finds inside ``rect`` (PDF points) of ``page``."""
    x, y = int(rect[0]) - 1, int(height - rect[3]) - 1
    width, tall = int(rect[2] - rect[0]) + 2, int(rect[3] - rect[1]) + 2
    command = [
        need_tool("pdftotext"),
        "-enc",
        "UTF-8",
        "-r",
        "72",
        "-x",
        str(x),
        "-y",
        str(y),
        "-W",
        str(width),
        "-H",
        str(tall),
    ]
    command += ["-f", str(page + 1), "-l", str(page + 1), "-", "-"]
    return subprocess.run(command, input=pdf, capture_output=True, check=True).stdout.decode("utf-8")


def fonts_embedded(pdf: bytes, folder: Path, password: str | None = None) -> list[str]:
    fonts = pdffonts(pdf, folder, password)
    ours = [font for font in fonts if "Noto" in font["name"]]
    assert ours and all(font["emb"] == "yes" and font["uni"] == "yes" for font in ours), fonts
    return [font["name"] for font in ours]


def test_a_form_is_filled_in_cyrillic_and_read_back(tmp_path: Path) -> None:
    opened = read_form(simple_form())
    result = fill_form(opened, mapping_for(opened, SIMPLE_MAP), cyrillic_profile(), today=TODAY)
    fields = PdfReader(io.BytesIO(result.pdf)).get_fields()
    assert fields is not None
    values = {name: field.get("/V") for name, field in fields.items()}
    assert values["surname"] == "Иванова" and values["given"] == "Мария Сергеевна"
    assert values["dob"] == "12.04.1990" and values["passport"] == "751234567"
    assert values["address"] == "Rustaveli 1\nTbilisi"
    assert (values["female"], values["male"], values["marital"]) == ("/Yes", "/Off", "/married")
    assert (values["nationality"], values["purpose"]) == ("Russia", "family")
    text = flat(pdftotext(result.pdf))
    for expected in ("Иванова", "Мария Сергеевна", "12.04.1990", "Новосибирск", "Rustaveli 1", "Russia"):
        assert expected in text, expected
    comb = opened.info.field("passport")
    assert comb is not None
    assert text_in(result.pdf, comb.widgets[0].rect, opened.info.pages[0].height).split() == list("751234567")
    filled_text = ["surname", "given", "dob", "passport", "pob", "address", "female", "nationality"]
    assert_every_field_drawn(opened, result, filled_text, tmp_path)
    married = next(w for w in opened.info.field("marital").widgets if w.state == "married")  # type: ignore[union-attr]
    assert (
        drawn_in(page_image(opened.data), page_image(result.pdf), married.rect, opened.info.pages[0].height)
        > 3
    )
    assert "NotoSans" in " ".join(fonts_embedded(result.pdf, tmp_path))
    root = PdfReader(io.BytesIO(result.pdf)).trailer["/Root"]
    assert "/NeedAppearances" not in root["/AcroForm"]
    assert result.report.filled == 11 and not result.report.problems


def test_a_flattened_form_keeps_the_text_and_has_no_fields_left(tmp_path: Path) -> None:
    opened = read_form(simple_form())
    result = fill_form(
        opened, mapping_for(opened, SIMPLE_MAP), cyrillic_profile(), today=TODAY, flatten_fields=True
    )
    reader = PdfReader(io.BytesIO(result.pdf))
    assert "/AcroForm" not in reader.trailer["/Root"] and not reader.get_fields()
    assert "/Annots" not in reader.pages[0]
    text = flat(pdftotext(result.pdf))
    for expected in ("Иванова", "Мария Сергеевна", "12.04.1990", "Новосибирск", "Russia", "family"):
        assert expected in text, expected
    assert_every_field_drawn(opened, result, ["surname", "given", "dob", "passport", "female"], tmp_path)
    fonts_embedded(result.pdf, tmp_path)
    assert not unreferenced_objects(result.pdf)


@pytest.mark.parametrize("flatten", [False, True])
def test_the_german_form_is_filled_with_umlauts(flatten: bool, tmp_path: Path) -> None:
    opened = read_form(german_form())
    mapping = propose(opened.info).mapping
    result = fill_form(opened, mapping, umlaut_profile(), today=TODAY, flatten_fields=flatten)
    text = flat(pdftotext(result.pdf))
    for expected in (
        "MÜLLER-LÜDENSCHEIDT",
        "JÜRGEN ÇAĞRI",
        "ŠIAULIAI",
        "Hohe Straße 12, 50667 Köln",
        "ZOË",
        "ÄNGELA",
        "ÖSKAR",
        "Köln, 01.05.2026",
        "Belarus",
    ):
        assert expected in text, expected
    planned = [name for name, rule in mapping.rules.items() if rule.kind != "empty"]
    filled = [
        name
        for name in planned
        if not any(f.field == name and f.kind == "empty" for f in result.report.findings)
    ]
    assert_every_field_drawn(
        opened, result, [n for n in filled if not n.startswith("Kontroll")] + ["Kontrollkästchen 1"], tmp_path
    )
    if not flatten:
        fields = PdfReader(io.BytesIO(result.pdf)).get_fields() or {}
        assert (
            fields["Textfeld 1"]["/V"] == "MÜLLER-LÜDENSCHEIDT"
            and fields["Kontrollkästchen 1"]["/V"] == "/Yes"
        )
        assert fields["Auswahl 1"]["/V"] == "Belarus"
    empty = {f.field for f in result.report.findings if f.kind == "empty"}
    assert empty == {"Textfeld 33", "Textfeld 34", "Textfeld 35"}  # the profile has two children


SCRIPTS = {
    "surname": "ბერიძე",  # Georgian
    "given": "Արամ Հովհաննես",  # Armenian
    "pob": "תל אביב-יפו",  # Hebrew
    "address": "กรุงเทพมหานคร",  # Thai
}


def scripts_profile() -> Profile:
    base = cyrillic_profile()
    person = replace(
        base.person,
        family_name=SCRIPTS["surname"],
        given_names=SCRIPTS["given"],
        place_of_birth=SCRIPTS["pob"],
    )
    return replace(base, person=person, host=replace(base.host, address=SCRIPTS["address"]))


@pytest.mark.parametrize("flatten", [False, True])
def test_georgian_armenian_hebrew_and_thai_render_with_embedded_fonts(flatten: bool, tmp_path: Path) -> None:
    opened = read_form(simple_form())
    fields = {
        "surname": {"value": "person.family_name"},
        "given": {"value": "person.given_names"},
        "pob": {"value": "person.place_of_birth"},
        "address": {"value": "host.address"},
    }
    result = fill_form(
        opened, mapping_for(opened, fields), scripts_profile(), today=TODAY, flatten_fields=flatten
    )
    text = flat(pdftotext(result.pdf))
    for script in ("surname", "given", "address"):
        assert SCRIPTS[script] in text, script
    for word in ("תל", "אביב", "יפו"):  # poppler puts right-to-left words back in reading order
        assert word in text, word
    assert_every_field_drawn(opened, result, list(fields), tmp_path)
    names = " ".join(fonts_embedded(result.pdf, tmp_path))
    for font in ("NotoSansGeorgian", "NotoSansArmenian", "NotoSansHebrew", "NotoSansThai"):
        assert font in names, font
    if flatten:  # the Hebrew glyphs are drawn in display order (right to left on the page)
        drawn = PdfReader(io.BytesIO(result.pdf)).pages[0].extract_text()
        assert (
            get_display(SCRIPTS["pob"]).replace(" ", "") in drawn.replace(" ", "") or SCRIPTS["pob"] in drawn
        )


def test_long_values_are_cut_to_the_field_and_the_report_says_what_was_cut() -> None:
    opened = read_form(simple_form(surname_max=6))
    long_name = replace(cyrillic_profile().person, family_name="Римская-Корсакова")
    profile = replace(cyrillic_profile(), person=long_name)
    result = fill_form(
        opened, mapping_for(opened, {"surname": {"value": "person.family_name"}}), profile, today=TODAY
    )
    assert (PdfReader(io.BytesIO(result.pdf)).get_fields() or {})["surname"]["/V"] == "Римска"
    [cut] = [f for f in result.report.findings if f.kind == "truncated"]
    assert (cut.detail["kept"], cut.detail["cut"], cut.detail["max_length"]) == ("Римска", "я-Корсакова", 6)
    assert "cut to 6 characters" in cut.message()


def test_a_comb_field_gets_one_character_per_cell_and_a_value_too_long_for_its_box_is_reported(
    tmp_path: Path,
) -> None:
    opened = read_form(simple_form())
    person = replace(
        cyrillic_profile().person, given_names="Александра-Виктория Елизавета Анастасия Констанция Феодора"
    )
    profile = replace(cyrillic_profile(), person=person)
    mapping = mapping_for(
        opened,
        {
            "passport": {"value": "passports[0].number"},
            "given": {"value": ["person.given_names", "person.given_names"]},
        },
    )
    result = fill_form(opened, mapping, profile, today=TODAY, flatten_fields=True)
    assert any(f.kind == "overflow" and f.field == "given" for f in result.report.findings)
    comb = opened.info.field("passport")
    assert comb is not None
    assert text_in(result.pdf, comb.widgets[0].rect, opened.info.pages[0].height).split() == list("751234567")


def test_a_value_that_fits_no_choice_leaves_the_field_empty_and_says_so() -> None:
    opened = read_form(simple_form())
    mapping = mapping_for(opened, {"nationality": {"value": "person.citizenships[0]", "country": "name"}})
    result = fill_form(opened, mapping, umlaut_profile(), today=TODAY)  # Belarus is not among the choices
    [finding] = [f for f in result.report.findings if f.kind == "not_in_choices"]
    assert finding.detail["value"] == "Belarus" and "not one of the field's choices" in finding.message()
    assert (PdfReader(io.BytesIO(result.pdf)).get_fields() or {})["nationality"]["/V"] == ""


def test_the_report_names_dates_in_another_format_and_fields_the_mapping_does_not_know() -> None:
    opened = read_form(simple_form())
    mapping = mapping_for(opened, {"dob": {"value": "person.date_of_birth", "date_format": "MM/DD/YYYY"}})
    report = fill_form(opened, mapping, cyrillic_profile(), today=TODAY).report
    [wrong] = [f for f in report.findings if f.kind == "date_format"]
    assert (wrong.detail["written"], wrong.detail["expected"]) == ("MM/DD/YYYY", "DD.MM.YYYY")
    unknown = {f.field for f in report.findings if f.kind == "unknown"}
    assert unknown == {
        "surname",
        "given",
        "passport",
        "pob",
        "address",
        "female",
        "male",
        "marital",
        "nationality",
        "purpose",
    }
    assert report.to_json()["findings"][0]["kind"] == "date_format"


def test_an_encrypted_result_uses_aes_256(tmp_path: Path) -> None:
    opened = read_form(simple_form())
    result = fill_form(
        opened, mapping_for(opened, SIMPLE_MAP), cyrillic_profile(), today=TODAY, password=PDF_PASSWORD
    )
    reader = PdfReader(io.BytesIO(result.pdf))
    assert reader.is_encrypted
    encryption = reader.trailer["/Encrypt"]
    assert (encryption["/V"], encryption["/R"]) == (5, 6)
    assert not reader.decrypt("wrong password")
    assert "Иванова" in flat(pdftotext(result.pdf, PDF_PASSWORD))
    assert_every_field_drawn(opened, result, ["surname", "given"], tmp_path, PDF_PASSWORD)
    with pytest.raises(InvalidInput, match="emoji"):
        fill_form(opened, mapping_for(opened, SIMPLE_MAP), cyrillic_profile(), today=TODAY, password="🔑🔑🔑")


def hostile_form() -> bytes:
    """The simple form with what a filled copy must not carry: an author and a title, XMP, an open
    script, a document script, field scripts (one declaring the date format), usage rights and
    an XFA copy."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(simple_form())))
    writer.add_metadata(
        {"/Author": "Office Clerk Canary", "/Title": "Antrag", "/CreationDate": "D:20240101120000+03'00'"}
    )
    xmp = DecodedStreamObject()
    xmp.set_data(b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>XmpHistoryCanary</x:xmpmeta>")
    root = writer.root_object
    root[NameObject("/Metadata")] = writer._add_object(xmp)
    script = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('OpenScriptCanary')"),
        }
    )
    root[NameObject("/OpenAction")] = writer._add_object(script)
    root[NameObject("/Perms")] = DictionaryObject({NameObject("/UR3"): DictionaryObject()})
    acroform = root["/AcroForm"].get_object()
    acroform[NameObject("/XFA")] = TextStringObject("<xdp>XfaCanary</xdp>")
    acroform[NameObject("/NeedAppearances")] = NameObject("/true")
    for item in acroform["/Fields"]:
        node = item.get_object()
        if node.get("/T") == "dob":
            date_script = TextStringObject('AFDate_FormatEx("mm/dd/yyyy"); // FieldScriptCanary')
            node[NameObject("/AA")] = DictionaryObject(
                {
                    NameObject("/F"): DictionaryObject(
                        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): date_script}
                    ),
                }
            )
            node[NameObject("/Ff")] = NumberObject(0)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("flatten", [False, True])
def test_the_filled_form_carries_no_scripts_and_neutral_metadata(flatten: bool) -> None:
    opened = read_form(hostile_form())
    assert opened.info.field("dob").date_hint == "MM/DD/YYYY"  # type: ignore[union-attr]  # read, not run
    mapping = propose(opened.info).mapping
    assert mapping.rules["dob"].date_format == "MM/DD/YYYY"
    result = fill_form(opened, mapping, cyrillic_profile(), today=TODAY, flatten_fields=flatten)
    reader = PdfReader(io.BytesIO(result.pdf))
    assert set(reader.metadata or {}) == {"/Producer", "/Creator"}
    root = reader.trailer["/Root"]
    for key in ("/Metadata", "/OpenAction", "/Perms", "/AA"):
        assert key not in root, key
    from tests.unit.test_packet_support import every_object_text

    everything = every_object_text(result.pdf)
    for canary in (
        b"Office Clerk Canary",
        b"XmpHistoryCanary",
        b"OpenScriptCanary",
        b"FieldScriptCanary",
        b"XfaCanary",
        b"+03'00'",
    ):
        assert canary not in everything, canary
    assert b"/JavaScript" not in everything
    assert not unreferenced_objects(result.pdf)
    assert "04/12/1990" in flat(pdftotext(result.pdf))


def test_a_rotated_field_is_filled_upright_for_its_reader(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(simple_form())))
    for item in writer.root_object["/AcroForm"]["/Fields"]:
        node = item.get_object()
        if node.get("/T") == "pob":
            node[NameObject("/Rect")] = ArrayObject(
                [NumberObject(520), NumberObject(400), NumberObject(545), NumberObject(700)]
            )
            node["/MK"][NameObject("/R")] = NumberObject(90)
    out = io.BytesIO()
    writer.write(out)
    opened = read_form(out.getvalue())
    mapping = mapping_for(opened, {"pob": {"value": "person.place_of_birth"}})
    for flatten in (False, True):
        result = fill_form(opened, mapping, cyrillic_profile(), today=TODAY, flatten_fields=flatten)
        assert "Новосибирск" in flat(pdftotext(result.pdf))
        folder = tmp_path / str(flatten)
        folder.mkdir()
        assert_every_field_drawn(opened, result, ["pob"], folder)


def test_writing_is_atomic_and_never_replaces_silently(tmp_path: Path) -> None:
    opened = read_form(simple_form())
    result = fill_form(opened, mapping_for(opened, SIMPLE_MAP), cyrillic_profile(), today=TODAY)
    target = tmp_path / "filled.pdf"
    write_filled(result, target)
    assert target.read_bytes() == result.pdf and (target.stat().st_mode & 0o777) == 0o600
    with pytest.raises(InvalidInput, match="already exists"):
        write_filled(result, target)
    write_filled(replace(result, pdf=b"%PDF-1.7 again"), target, force=True)
    assert target.read_bytes() == b"%PDF-1.7 again"
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(StorageFailure):
            write_filled(result, locked / "filled.pdf")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_a_profile_without_data_fills_nothing_and_says_so() -> None:
    opened = read_form(simple_form())
    result = fill_form(opened, mapping_for(opened, SIMPLE_MAP), Profile(person=Person()), today=TODAY)
    empty = {f.field for f in result.report.findings if f.kind == "empty"}
    assert {"surname", "given", "dob", "passport", "pob", "address"} <= empty
    assert "left empty" in result.report.lines()[0] or any(
        "left empty" in line for line in result.report.lines()
    )


def test_a_filled_copy_is_still_the_same_form_and_can_be_filled_again() -> None:
    opened = read_form(german_form())
    mapping = propose(opened.info).mapping
    first = fill_form(opened, mapping, cyrillic_profile(), today=TODAY)
    again = read_form(first.pdf)
    assert again.info.fingerprint == opened.info.fingerprint
    second = fill_form(again, mapping, umlaut_profile(), today=TODAY)
    fields = PdfReader(io.BytesIO(second.pdf)).get_fields() or {}
    assert (
        fields["Textfeld 1"]["/V"] == "MÜLLER-LÜDENSCHEIDT" and fields["Kontrollkästchen 2"]["/V"] == "/Off"
    )
    text = flat(pdftotext(second.pdf))
    assert "MÜLLER-LÜDENSCHEIDT" in text and "IVANOVA" not in text
