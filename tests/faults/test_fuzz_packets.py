"""Hypothesis fuzzing of the packet builder (issue 12, item 8): a profile the importer accepts —
names in any script (right-to-left, CJK, combining marks, emoji, invisible controls), 1,000-letter
words, up to 100 passports and 300 stays, family members, permits — with scans that are pictures,
PDFs or garbage, in any country's packet, language and part, gives either a PDF that pypdf reads
back (its page count as reported, opening with its password when it has one) or InvalidInput with
words. Never LayoutError, MemoryError or another exception.

Bounded: ``max_examples`` below; a packet takes about a second, so the run stays near a minute."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from tests.unit.test_packet_support import MADE_ON, _library, request
from waystation.errors import InvalidInput
from waystation.packets.builder import build_packet
from waystation.packets.request import PARTS
from waystation.vault import profile_json
from waystation.vault.models import DOCUMENT_KINDS, DocumentInfo

EXAMPLES = 100
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
OUTCOMES: Counter[str] = Counter()

# Scripts people fleeing meet on their papers and addresses, and characters that break layouts.
PIECES = [
    "Иванова",
    "Лукашэнка",
    "Ґалаґан",
    "Müller-Šćž",
    "Łukasz Ğİş",
    "თბილისი",
    "Երևան",
    "תל אביב",
    "محمد عبد الله",
    "東京都新宿区",
    "김민준",
    "हिन्दी",
    "ภาษาไทย",
    "Ꭰꮿ",
    "e\u0301\u0302\u0303",
    "👩‍👩‍👧‍👦",
    "\u202eevil\u202c",
    "\u200b\u200d\ufeff",
    "<b>&amp;</b>",
    "%s {name} \\n",
    "ｗｉｄｅ",
    "x" * 1000,
]
TEXT = st.lists(
    st.sampled_from(PIECES) | st.text(st.characters(exclude_categories=("Cs",)), max_size=12), max_size=4
).map(lambda parts: " ".join(parts)[:1000])
DAYS = st.dates(min_value=date(1930, 1, 1), max_value=date(2040, 12, 31))
PAST = st.dates(min_value=date(1930, 1, 1), max_value=MADE_ON)
COUNTRY = st.sampled_from(["GE", "AM", "RS", "TR", "KZ", "DE", "US", "IL", "RU", "BY", "UA", "TH"])


def after(day: date | None, days: int) -> date:
    return (day or MADE_ON) + timedelta(days=days)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@st.composite
def stays(draw: st.DrawFn, host: str, arrival: date) -> list[dict[str, Any]]:
    """Stays in order, none overlapping, the last in the host country from the arrival on."""
    count = draw(st.integers(min_value=0, max_value=300))
    day = arrival - timedelta(days=3 * count + 10)
    found = []
    for _ in range(count):
        length = draw(st.integers(min_value=0, max_value=1))
        found.append(
            {"country": draw(COUNTRY), "entered": iso(day), "left": iso(day + timedelta(days=length))}
        )
        day += timedelta(days=3)
    return [*found, {"country": host, "entered": iso(arrival), "left": None}]


@st.composite
def profiles(draw: st.DrawFn, host: str) -> dict[str, Any]:
    arrival = draw(st.dates(min_value=date(2025, 1, 1), max_value=MADE_ON))
    passports = [
        {
            "number": f"{index}"
            + draw(st.text(st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ№-"), max_size=60)),
            "kind": draw(st.sampled_from(["international", "internal", "other"])),
            "issued": iso(issued := draw(st.none() | PAST)),
            "expires": iso(draw(st.none() | st.builds(after, st.just(issued), st.integers(0, 4000)))),
            "authority": draw(TEXT),
        }
        for index in range(draw(st.integers(min_value=0, max_value=100)))
    ]
    family = [
        {
            "relation": draw(st.sampled_from(["spouse", "partner", "child", "parent", "sibling", "other"])),
            "family_name": draw(TEXT),
            "given_names": draw(TEXT),
            "date_of_birth": iso(draw(st.none() | PAST)),
        }
        for _ in range(draw(st.integers(min_value=0, max_value=12)))
    ]
    permits = [
        {
            "country": host,
            "kind": kind,
            "valid_from": iso(arrival),
            "valid_until": iso(draw(st.none() | st.just(arrival + timedelta(days=365)))),
            "category": None,
            "number": draw(st.none() | st.text(max_size=20)),
            "days_allowed": None,
            "entries": None,
        }
        for kind in draw(st.lists(st.sampled_from(["residence_permit", "temporary_protection"]), unique=True))
    ]
    return {
        "format": "waystation-profile/2",
        "person": {
            "family_name": draw(TEXT),
            "given_names": draw(TEXT),
            "patronymic": draw(TEXT),
            "family_name_latin": draw(TEXT),
            "given_names_latin": draw(TEXT),
            "date_of_birth": iso(draw(st.none() | st.dates(date(1930, 1, 1), date(2024, 1, 1)))),
            "place_of_birth": draw(TEXT),
            "sex": draw(st.sampled_from(["F", "M", "X", None])),
            "citizenships": draw(
                st.lists(st.sampled_from(["RU", "BY", "UA", "KZ", "IL"]), max_size=3, unique=True)
            ),
            "phone": draw(TEXT),
            "email": draw(TEXT),
        },
        "passports": passports,
        "host": {"country": host, "city": draw(TEXT), "address": draw(TEXT), "arrival_date": iso(arrival)},
        "stays": draw(stays(host, arrival)),
        "family": family,
        "permits": permits,
        "notes": draw(TEXT),
    }


def picture(width: int, height: int, kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "#6a8caf").save(out, kind)
    return out.getvalue()


def one_page_pdf() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(out, "PDF")
    return out.getvalue()


SCANS = st.sampled_from(
    [
        ("image/jpeg", picture(640, 480, "JPEG")),
        ("image/png", picture(3, 2000, "PNG")),
        ("image/png", picture(2000, 3, "PNG")),
        ("application/pdf", one_page_pdf()),
        ("application/pdf", b"%PDF-1.4\n garbage"),
        ("image/jpeg", b"\xff\xd8\xff garbage"),
        ("application/octet-stream", b"\x00" * 100),
    ]
)


@st.composite
def documents(draw: st.DrawFn) -> tuple[list[DocumentInfo], dict[int, bytes]]:
    infos, contents = [], {}
    for number in range(1, draw(st.integers(min_value=0, max_value=5)) + 1):
        mime, data = draw(SCANS)
        infos.append(
            DocumentInfo(
                number,
                draw(st.sampled_from(DOCUMENT_KINDS)),
                draw(TEXT),
                draw(TEXT),
                mime,
                len(data),
                "0" * 64,
                MADE_ON,
                expires=draw(st.none() | DAYS),
            )
        )
        contents[number] = data
    return infos, contents


@cache
def packets() -> list[tuple[str, str]]:
    """Every country's packet tracks (read once, when the first case is drawn: not at collection)."""
    library = _library()
    return sorted(
        (country, track) for country in library.countries() for track in library.get(country).packets
    )  # type: ignore[union-attr]


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    country, track = draw(st.sampled_from(packets()))
    infos, contents = draw(documents())
    return {
        "country": country,
        "track": track,
        "document": draw(profiles(country)),
        "documents": infos,
        "contents": contents,
        "language": draw(st.sampled_from(["en", "ru", "uk", "be", "xx"])),
        "part": draw(st.sampled_from([*PARTS, "nothing"])),
        "password": draw(st.none() | st.sampled_from(["packet password 1", "Пароль-пакета-2", "short"])),
    }


@pytest.fixture(scope="module", autouse=True)
def tally() -> Iterator[None]:
    OUTCOMES.clear()
    yield
    print(f"\npacket fuzz × {sum(OUTCOMES.values())}: {dict(OUTCOMES)}; other exceptions 0")
    assert OUTCOMES["pdf"] > 0, "no generated case made a packet: the generator drifted"


@FUZZ
@given(case=cases())
def test_any_profile_makes_a_readable_packet_or_a_clear_refusal(case: dict[str, Any]) -> None:
    try:
        profile = profile_json.from_document(case["document"], today=MADE_ON)
    except InvalidInput as refused:
        assert refused.message.strip()
        OUTCOMES["profile refused"] += 1
        return
    asked = request(
        case["country"],
        case["track"],
        language=case["language"],
        person=profile,
        contents=case["contents"],
        documents=case["documents"],
        password=case["password"],
    )
    asked = replace(asked, part=case["part"])
    try:
        result = build_packet(asked)
    except InvalidInput as refused:
        assert refused.message.strip()
        OUTCOMES["packet refused"] += 1
        return
    reader = PdfReader(io.BytesIO(result.pdf))
    if case["password"] is not None:
        assert reader.is_encrypted and reader.decrypt(case["password"])
    assert len(reader.pages) == result.pages > 0
    assert all(warning.strip() for warning in result.warnings)
    OUTCOMES["pdf"] += 1
