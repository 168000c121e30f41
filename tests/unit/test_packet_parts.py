"""The two parts of a packet: for the office (an honest cover, the applicant's data, a line to
sign and date, the scans — no "missing" list, no advice, no command line) and for the applicant
(the deadlines, the checklist with what is missing, the steps and their sources)."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.unit.test_packet_build import vault_pdf
from tests.unit.test_packet_support import (
    camera_jpeg,
    document,
    flat,
    ink,
    keep_for_review,
    pdftotext,
    render,
    request,
)
from waystation.errors import InvalidInput
from waystation.packets.builder import build_packet
from waystation.packets.labels import label, label_languages
from waystation.packets.request import PacketRequest, PacketResult
from waystation.packets.styles import BAD
from waystation.vault.models import Profile

CONTENTS = {1: camera_jpeg(900, 1200), 2: vault_pdf(2)}
DOCUMENTS = [document(1, "passport", "Паспорт, разворот"), document(2, "other", "Справка")]
ADVICE = (
    "missing",
    "Documents checklist",
    "Steps and deadlines",
    "Rules change",
    "check the sources",
    "waystation",
    "VAULT",
    "--out",
    "For you",
    "not an official form",
    "overdue",
)
RED_FILL = " ".join(f"{round(c, 6):g}".removeprefix("0") for c in BAD.rgb()).encode() + b" rg"


def part_request(
    part: str, country: str = "KZ", track: str = "residence", **changes: object
) -> PacketRequest:
    base = request(country, track, contents=CONTENTS, documents=DOCUMENTS)
    return replace(base, part=part, **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def parts() -> dict[str, PacketResult]:
    return {part: build_packet(part_request(part)) for part in ("office", "personal", "both")}


def drawing(result: PacketResult) -> bytes:
    """Every page's content stream, decompressed: what is drawn, and in which colours."""
    return b"\n".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(result.pdf)).pages)


def pages_text(result: PacketResult) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(io.BytesIO(result.pdf)).pages]


def test_the_office_part_holds_what_a_clerk_takes_and_no_advice(parts: dict[str, PacketResult]) -> None:
    office = parts["office"]
    text = flat(pdftotext(office.pdf))
    for expected in (
        label("cover_statement", "kk"),  # what it is, in the clerk's language
        label("cover_statement", "ru"),  # and in the applicant's
        "Өтініш берушінің қолы / Подпись заявителя",  # the contents name the signature line
        "Қоса берілген құжаттар / Приложенные документы: 2",
        "Тегі",  # the applicant's data, labelled for the clerk
        "751234567",
        "Өтініш берушінің қолы",
        "Күні",
        "Қосымша 1 / Приложение 1",  # the image scan
        "Scanned page 2",  # both pages of the PDF scan
    ):
        assert expected in text, expected
    for word in ADVICE:
        assert word.lower() not in text.lower(), word
    assert RED_FILL not in drawing(office), "nothing in the office's part is printed in red"
    assert RED_FILL in drawing(parts["personal"]), "(what is missing is, in the applicant's part)"
    assert office.pages == 6  # the cover, the data on two pages, the image scan, the PDF scan's two


def test_the_office_part_page_order(parts: dict[str, PacketResult]) -> None:
    texts = pages_text(parts["office"])
    assert "Құжаттар топтамасы" in texts[0]
    signature = max(i for i, t in enumerate(texts) if "Өтініш берушінің қолы" in t)
    image = next(i for i, t in enumerate(texts) if "Паспорт, разворот" in t)
    spliced = [i for i, t in enumerate(texts) if "Scanned page" in t]
    assert signature < image < spliced[0] and spliced == [image + 1, image + 2] == [
        len(texts) - 2,
        len(texts) - 1,
    ]


def test_an_empty_profile_still_makes_a_calm_office_part() -> None:
    result = build_packet(part_request("office", profile=Profile(), documents=(), fetch={}.__getitem__))
    text = flat(pdftotext(result.pdf)).lower()
    assert "не указано" in text and "missing" not in text
    assert "приложенные документы: 0" in text


def test_the_personal_part_has_the_checklist_deadlines_and_sources_but_no_scans(
    parts: dict[str, PacketResult],
) -> None:
    personal = parts["personal"]
    texts = pages_text(personal)
    text = " ".join(texts)
    assert texts[0].startswith("For you, not for the office")
    for expected in (
        "Deadlines",
        "Last day of legal stay",
        "Documents checklist",
        "missing",
        "Steps and deadlines",
    ):
        assert expected in text, expected
    assert "https://" in text, "the steps cite their sources"
    assert "in your vault: Паспорт, разворот" in text, "scans are named, not attached"
    assert "attachment" not in text.lower()
    for clerk_only in ("Тегі", label("cover_statement", "kk"), "Өтініш берушінің қолы", "Scanned page"):
        assert clerk_only not in text, clerk_only
    assert all(not page.images for page in PdfReader(io.BytesIO(personal.pdf)).pages)
    assert personal.warnings == ()


def test_both_parts_come_office_first_and_the_applicants_part_says_whose_it_is(
    parts: dict[str, PacketResult],
) -> None:
    both = parts["both"]
    texts = pages_text(both)
    start = next(i for i, t in enumerate(texts) if t.startswith("For you, not for the office"))
    assert start == parts["office"].pages, "the applicant's part starts on a page of its own"
    assert both.pages == parts["office"].pages + parts["personal"].pages
    for text in texts[start + 1 :]:
        assert "For you, not for the office" in text, "later pages carry it in their header"
    for text in texts[:start]:
        assert "For you" not in text and "missing" not in text
    assert "attachment 1" in " ".join(texts[start:]), "the checklist points at the attached scans"
    for number, text in enumerate(texts, start=1):
        assert f"{number} / {both.pages}" in text, number


def test_the_cover_says_what_the_packet_is_in_every_label_language() -> None:
    for language in label_languages():
        statement = label("cover_statement", language)
        assert statement == statement.strip() and "not" not in statement.split()
        assert language == "en" or statement != label("cover_statement", "en"), language
    text = flat(pdftotext(build_packet(part_request("office", "IL", "counselling")).pdf))
    assert label("cover_statement", "ru") in text
    # Hebrew wraps and is reordered for display: its words are there, right to left
    assert all(word in text for word in ("סיכום", "שהוכן", "בצירוף", "המצורפים"))


def test_an_unknown_part_is_refused() -> None:
    with pytest.raises(InvalidInput, match="no packet part cover; choose one of: both, office, personal"):
        build_packet(part_request("cover"))


def test_every_page_of_every_part_renders(parts: dict[str, PacketResult], tmp_path: Path) -> None:
    for part, result in parts.items():
        pngs = render(result.pdf, tmp_path, part)
        assert len(pngs) == result.pages
        assert all(ink(png) > 0.005 for png in pngs), part
        keep_for_review(pngs, f"kz-{part}")
