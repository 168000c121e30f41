"""Whole packets from the real country guides, read back: text in every script, fonts embedded,
no camera metadata, neutral document information in any time zone, AES-256 encryption, pages that
render, and the bad inputs (missing data, broken or huge scans, cancelling)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from tests.unit.test_packet_scans import png_header_only
from tests.unit.test_packet_support import (
    CAMERA,
    MADE_ON,
    camera_jpeg,
    document,
    flat,
    ink,
    keep_for_review,
    metadata_marks,
    pdffonts,
    pdftotext,
    profile,
    pypdf_text,
    render,
    request,
)
from waystation.errors import InvalidInput
from waystation.packets.builder import build_packet
from waystation.packets.request import PacketCancelled, PacketResult
from waystation.vault.models import FamilyMember, Passport, Profile, Stay

STANDARD_14 = re.compile(r"Helvetica|Times|Courier|Symbol|ZapfDingbats", re.IGNORECASE)
AUTHOR_CANARY = "Author-Canary-Иванова"


def vault_pdf(pages: int = 2, *, with_camera_jpeg: bool = False, rotate: int = 0) -> bytes:
    """A PDF as a scanner app writes it: document information naming its author, a JPEG with
    camera metadata drawn on the first page."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(420, 595))
    canvas.setAuthor(AUTHOR_CANARY)
    canvas.setTitle(AUTHOR_CANARY)
    for page in range(pages):
        canvas.drawString(60, 500, f"Scanned page {page + 1}")
        if with_camera_jpeg and page == 0:
            # ReportLab embeds a JPEG as it is, EXIF and all, as scanner apps often do
            canvas.drawImage(ImageReader(io.BytesIO(camera_jpeg(200, 150))), 60, 300, width=200, height=150)
        canvas.showPage()
    canvas.save()
    if not rotate:
        return out.getvalue()
    writer = PdfWriter(clone_from=io.BytesIO(out.getvalue()))
    for page in writer.pages:
        page.rotate(rotate)
    rotated = io.BytesIO()
    writer.write(rotated)
    return rotated.getvalue()


@pytest.fixture(scope="module")
def full_packet() -> PacketResult:
    """GE residence with an image scan (camera metadata), a PDF scan, and a broken scan."""
    contents = {1: camera_jpeg(1200, 1600), 2: vault_pdf(2, with_camera_jpeg=True), 3: b"\xff\xd8\xff broken"}
    documents = [
        document(1, "passport", "Паспорт, разворот", issued=date(2019, 5, 20), expires=date(2029, 5, 20)),
        document(2, "other", "Справка"),
        document(3, "passport", "broken scan"),
    ]
    return build_packet(request("GE", "residence", contents=contents, documents=documents))


@pytest.fixture
def tbilisi_time() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tbilisi"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_text_in_every_script_reads_back_as_written(full_packet: PacketResult) -> None:
    text = flat(pdftotext(full_packet.pdf))
    expected = [
        "Müller-Šćž",  # Latin with diacritics (Czech, Turkish, Polish, German)
        "Ğİş Łukasz",
        "Сергеевна",  # Cyrillic
        "МВД 54001",
        "თბილისი",  # Georgian value
        "Երևան, Աբովյան 1",  # Armenian value
        "תל אביב",  # Hebrew, in logical order after extraction
        "გვარი",  # Georgian labels (the pack's label language) beside Russian ones
        "დაბადების თარიღი",
        "Дата рождения",
        "12.04.1990",
        "MUELLER-SCZ",
    ]
    for value in expected:
        assert value in text, value
    extracted = flat(pypdf_text(full_packet.pdf))
    for value in ("Müller-Šćž", "Сергеевна", "თბილისი", "Երևան", "დაბადების თარიღი"):
        assert value in extracted, value


@pytest.mark.parametrize(
    ("country", "track", "labels"),
    [
        ("AM", "residence", ["Ազգանուն", "Ծննդյան ամսաթիվ", "Քաղաքացիություն"]),
        ("KZ", "residence", ["Тегі", "Туған күні", "Азаматтығы"]),
        ("RS", "residence", ["Презиме", "Датум рођења", "Држављанство"]),
        ("TR", "residence", ["Soyadı", "Doğum tarihi", "Uyruğu"]),
        ("DE", "residence", ["Familienname", "Geburtsdatum", "Staatsangehörigkeit"]),
        ("IL", "counselling", ["שם משפחה", "תאריך לידה", "אזרחות", "באותיות לטיניות"]),
        ("TH", "residence", ["ชื่อสกุล", "วันเดือนปีเกิด", "สัญชาติ"]),
        ("UZ", "residence", ["Familiyasi", "Tugʻilgan sanasi", "Fuqaroligi"]),
        ("ME", "residence", ["Prezime", "Datum rođenja", "Državljanstvo"]),
        ("KG", "residence", ["Фамилия", "Дата рождения", "Гражданство"]),
        ("US", "residence", ["Family name", "Date of birth", "Citizenship"]),
        ("LV", "counselling", ["Uzvārds", "Dzimšanas datums", "Pilsonība"]),
        ("LT", "counselling", ["Pavardė", "Gimimo data", "Pilietybė"]),
        ("CZ", "counselling", ["Příjmení", "Datum narození", "Státní občanství"]),
    ],
)
def test_labels_in_the_host_language_beside_the_applicants(
    country: str, track: str, labels: list[str]
) -> None:
    result = build_packet(request(country, track, language="uk"))
    text = flat(pdftotext(result.pdf))
    for value in [*labels, "Прізвище", "Дата народження", "Müller-Šćž"]:
        assert value in text, value


def test_fonts_are_ours_embedded_and_subset(tmp_path: Path) -> None:
    """Hebrew labels (IL), Georgian and Armenian values, an image scan: all in our fonts.
    (A PDF scan from the vault keeps the fonts it came with; see the splice test.)"""
    result = build_packet(
        request("IL", "counselling", contents={1: camera_jpeg()}, documents=[document(1, "other")])
    )
    fonts = pdffonts(result.pdf, tmp_path)
    names = {f["name"].split("+", 1)[-1] for f in fonts}
    assert names == {
        "NotoSans-Regular",
        "NotoSans-Bold",
        "NotoSansHebrew-Regular",
        "NotoSansHebrew-Bold",
        "NotoSansGeorgian-Regular",
        "NotoSansArmenian-Regular",
    }
    for font in fonts:
        assert (font["emb"], font["sub"], font["uni"]) == ("yes", "yes", "yes"), font
        assert not STANDARD_14.search(font["name"]), font


def test_no_camera_or_author_metadata_reaches_the_packet(full_packet: PacketResult) -> None:
    source = vault_pdf(2, with_camera_jpeg=True)
    assert CAMERA.encode() in source, "the test scan really carries camera data"
    for mark in [*metadata_marks(), AUTHOR_CANARY.encode(), AUTHOR_CANARY.encode("utf-16-be")]:
        assert mark not in full_packet.pdf, mark
    reader = PdfReader(io.BytesIO(full_packet.pdf))
    for page in reader.pages:
        assert "/Metadata" not in page and "/Annots" not in page


def _assert_neutral(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    assert dict(reader.metadata or {}) == {"/Producer": "Waystation", "/Creator": "Waystation"}
    assert "/Metadata" not in reader.trailer["/Root"]
    for leak in (b"+04'00'", b"/CreationDate", b"/ModDate", b"/Author", b"/Title", b"Tbilisi"):
        assert leak not in pdf, leak


def test_document_information_is_neutral_in_any_time_zone(tbilisi_time: None) -> None:
    assert time.strftime("%z") == "+0400"
    plain = build_packet(request("GE", "residence"))
    spliced = build_packet(
        request("GE", "residence", contents={1: vault_pdf(1)}, documents=[document(1, "passport")])
    )
    for pdf in (plain.pdf, spliced.pdf):
        _assert_neutral(pdf)


def test_encrypted_packets_are_aes256_r6_and_open_only_with_the_password(tmp_path: Path) -> None:
    password = "пароль с пробелом"
    result = build_packet(request("GE", "residence", password=password))
    assert result.encrypted
    reader = PdfReader(io.BytesIO(result.pdf))
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    assert reader.decrypt("wrong") == 0
    with pytest.raises(subprocess.CalledProcessError):
        pdftotext(result.pdf)
    text = flat(pdftotext(result.pdf, password=password))
    assert "Müller-Šćž" in text and f"{result.pages} / {result.pages}" in text
    assert "Müller" not in flat(result.pdf.decode("latin-1"))
    fonts = pdffonts(result.pdf, tmp_path, password=password)
    assert fonts and all(f["emb"] == "yes" for f in fonts)


def test_every_page_is_numbered_and_renders(full_packet: PacketResult, tmp_path: Path) -> None:
    text = pdftotext(full_packet.pdf)
    numbers = [int(n) for n in re.findall(rf"\b(\d+) / {full_packet.pages}\b", text)]
    assert numbers == list(range(1, full_packet.pages + 1))
    pngs = render(full_packet.pdf, tmp_path, "full")
    assert len(pngs) == full_packet.pages
    for png in pngs:
        assert ink(png) > 0.01, png.name
    keep_for_review(pngs, "ge-residence")


def test_scans_come_in_checklist_order_one_per_page(full_packet: PacketResult) -> None:
    reader = PdfReader(io.BytesIO(full_packet.pdf))
    texts = [flat(page.extract_text()) for page in reader.pages]
    first = next(i for i, t in enumerate(texts) if "Приложение 1" in t)
    assert "Паспорт, разворот" in texts[first]
    images = reader.pages[first].images
    assert len(images) == 1 and images[0].image is not None
    assert images[0].image.size == (1200, 1600)
    second = [i for i, t in enumerate(texts) if "Scanned page" in t]
    assert second == [first + 1, first + 2], "the PDF scan follows, both its pages"
    assert "Приложение 2" in texts[first + 1] and "Справка" in texts[first + 1]
    personal = next(i for i, t in enumerate(texts) if "For you, not for the office" in t)
    assert personal == first + 3, "the applicant's part comes after the scans"
    steps = next(i for i, t in enumerate(texts) if "Steps and deadlines" in t)
    assert steps >= personal


def test_a_broken_scan_is_left_out_with_a_note_and_a_warning(full_packet: PacketResult) -> None:
    assert len(full_packet.warnings) == 1
    assert "broken scan" in full_packet.warnings[0] and "left out" in full_packet.warnings[0]
    text = flat(pdftotext(full_packet.pdf))
    assert "“broken scan” left out" in text


def test_a_huge_image_is_refused_with_a_note() -> None:
    contents = {1: png_header_only(30000, 30000), 2: png_header_only(9000, 9000)}
    result = build_packet(
        request("GE", "residence", contents=contents, documents=[document(1), document(2, title="big")])
    )
    assert len(result.warnings) == 2 and all("too large" in w for w in result.warnings)
    assert "9000 × 9000" in flat(pdftotext(result.pdf))


def test_missing_profile_fields_say_not_provided(tmp_path: Path) -> None:
    result = build_packet(request("GE", "residence", person=Profile()))
    text = flat(pdftotext(result.pdf))
    assert text.count("არ არის მითითებული") >= 10 and "не указано" in text
    assert "missing" in text
    assert all(ink(png) > 0.005 for png in render(result.pdf, tmp_path, "empty"))


def test_long_histories_flow_over_pages() -> None:
    many = tuple(
        Stay(
            "GE" if i % 2 else "AM", date(2010 + i // 12, 1 + i % 12, 1), date(2010 + i // 12, 1 + i % 12, 20)
        )
        for i in range(60)
    )
    family = tuple(FamilyMember("child", f"Иванов {i}", "Пётр", date(2016, 2, 3)) for i in range(8))
    passports = tuple(
        Passport(f"75123456{i}", "internal", date(2019, 1, 1), date(2029, 1, 1)) for i in range(4)
    )
    person = profile("GE", stays=(*many, Stay("GE", date(2026, 9, 1))), family=family, passports=passports)
    result = build_packet(request("GE", "residence", person=person))
    text = flat(pdftotext(result.pdf))
    assert "Иванов 7" in text and "75123456" + "3" in text and result.pages >= 9


def test_untrusted_names_cannot_inject_markup(tmp_path: Path) -> None:
    hostile = '<font name="Helvetica">Evil</font> &amp; <b>'
    base = profile("GE")
    person = replace(base, person=replace(base.person, family_name=hostile))
    result = build_packet(request("GE", "residence", person=person))
    assert hostile in flat(pdftotext(result.pdf))
    assert not any(STANDARD_14.search(f["name"]) for f in pdffonts(result.pdf, tmp_path))


def test_progress_is_reported_and_cancel_stops_the_build() -> None:
    calls: list[tuple[int, int, str]] = []
    contents = {i: camera_jpeg(300, 400) for i in (1, 2, 3)}
    documents = [document(i) for i in (1, 2, 3)]
    build_packet(request(contents=contents, documents=documents), progress=lambda *a: calls.append(a))
    done = [c[0] for c in calls]
    assert done == sorted(done) and done[-1] == calls[-1][1] == len(calls)
    assert all(message for _d, _t, message in calls)

    asked: list[int] = []

    def cancel_after_two() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(PacketCancelled):
        build_packet(request(contents=contents, documents=documents), cancelled=cancel_after_two)


@pytest.mark.parametrize(
    ("password", "words"),
    [
        ("ключ 🔒", "emoji"),
        ("a\x07b", "special characters"),
        ("סיסמה1", "right-to-left"),
        ("abc סיסמה", "right-to-left"),
    ],
)
def test_passwords_pdf_readers_could_not_use_are_refused(password: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words) as refused:
        build_packet(request("GE", "residence", password=password))
    assert password not in refused.value.message


def test_a_right_to_left_password_works_in_pdf_readers() -> None:
    result = build_packet(request("IL", "counselling", password="סיסמה סודית"))
    assert "Müller-Šćž" in flat(pdftotext(result.pdf, password="סיסמה סודית"))


@pytest.mark.parametrize("stage", ["Laying out the pages", "Putting the PDF together"])
def test_cancel_works_in_every_stage(stage: str) -> None:
    reached: list[str] = []
    with pytest.raises(PacketCancelled, match=r"^The packet was cancelled; nothing was written\.$"):
        build_packet(
            request(contents={1: vault_pdf(3)}, documents=[document(1)], password="x"),
            progress=lambda _done, _total, message: reached.append(message),
            cancelled=lambda: stage in reached,
        )
    assert reached[-1] == stage


def test_requests_the_pack_cannot_serve_are_refused() -> None:
    with pytest.raises(
        InvalidInput, match="no housing packet for GE; packets exist for: counselling, residence, work"
    ):
        build_packet(request("GE", "housing"))
    with pytest.raises(InvalidInput, match="cannot be made in fr"):
        build_packet(request("GE", "residence", language="fr"))
    with pytest.raises(InvalidInput, match="empty"):
        build_packet(request("GE", "residence", password=""))


def test_rotated_pdf_scans_are_turned_upright_with_room_for_the_footer() -> None:
    result = build_packet(request(contents={1: vault_pdf(1, rotate=90)}, documents=[document(1)]))
    reader = PdfReader(io.BytesIO(result.pdf))
    spliced = next(page for page in reader.pages if "Scanned page" in page.extract_text())
    assert spliced.get("/Rotate", 0) == 0
    assert (float(spliced.mediabox.width), float(spliced.mediabox.height)) == pytest.approx((595, 420))
    assert f"/ {result.pages}" in spliced.extract_text()


def test_made_on_is_the_only_date_of_making(full_packet: PacketResult) -> None:
    text = flat(pdftotext(full_packet.pdf))
    footer = f"შედგენის თარიღი / Дата составления: {MADE_ON:%d.%m.%Y}"
    assert text.count(footer) == full_packet.pages, "every page says when it was prepared"
    assert "Rules change: check each source" in text, "the applicant's part says so once"
    assert "waystation calendar" not in text and "VAULT" not in text, "no command line in a packet"


def test_thai_is_drawn_in_an_embedded_subset_of_noto_sans_thai(tmp_path: Path) -> None:
    result = build_packet(request("TH", "residence", language="ru"))
    fonts = {f["name"].split("+", 1)[-1]: f for f in pdffonts(result.pdf, tmp_path)}
    assert "NotoSansThai-Regular" in fonts
    thai = fonts["NotoSansThai-Regular"]
    assert thai["emb"] == "yes" and thai["sub"] == "yes"
    assert "+" in next(f["name"] for f in pdffonts(result.pdf, tmp_path) if "Thai" in f["name"])
