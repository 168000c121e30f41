"""Shared pieces for the packet tests: building requests from the real country guides, scans
with camera metadata, and reading packets back (pypdf, pdftotext, pdffonts, pdftoppm).

The few tests here check the helpers themselves, so a broken helper cannot make other tests pass.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from PIL import Image, ImageCms
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from waystation.content.loader import PackLibrary, load_library
from waystation.content.model import Pack
from waystation.packets.request import PacketRequest
from waystation.rules.status import build_status
from waystation.vault.models import DocumentInfo, FamilyMember, Host, Passport, Person, Profile, Stay

MADE_ON = date(2026, 10, 1)
REVIEW = Path("/tmp/packet-review")
CAMERA = "CanaryCam Zx-9"  # EXIF Make: must never reach a packet
SOFTWARE = "CanaryShop 3.1"
GPS_MARK = "GPSCanaryNorth"
XMP_MARK = "XmpCanaryLocation"
COMMENT_MARK = "CommentCanary"
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

PERSON = Person(
    family_name="Müller-Šćž",
    given_names="Ğİş Łukasz",
    patronymic="Сергеевна",
    family_name_latin="MUELLER-SCZ",
    given_names_latin="GIS LUKASZ",
    date_of_birth=date(1990, 4, 12),
    place_of_birth="Новосибирск",
    sex="F",
    citizenships=("RU", "DE"),
    phone="+995 555 123 456",
    email="m@example.org",
)


def profile(country: str = "GE", **changes: object) -> Profile:
    base = Profile(
        person=PERSON,
        passports=(
            Passport("751234567", "international", date(2019, 5, 20), date(2029, 5, 20), "МВД 54001"),
        ),
        host=Host(
            country=country,
            city="თბილისი",
            address="Երևան, Աբովյան 1 / תל אביב",
            arrival_date=date(2026, 9, 1),
        ),
        stays=(Stay(country, date(2026, 9, 1)),),
        family=(FamilyMember("child", "Иванов", "Пётр", date(2016, 2, 3)),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@cache
def _library() -> PackLibrary:
    return load_library()


def library_pack(country: str) -> Pack:
    pack = _library().get(country)
    assert pack is not None, country
    return pack


def document(doc_id: int, kind: str = "passport", title: str = "", **dates: date) -> DocumentInfo:
    return DocumentInfo(doc_id, kind, title, f"scan-{doc_id}", "image/jpeg", 1, "0" * 64, MADE_ON, **dates)


def request(
    country: str = "GE",
    track: str = "residence",
    *,
    language: str = "ru",
    person: Profile | None = None,
    contents: Mapping[int, bytes] | None = None,
    documents: Sequence[DocumentInfo] = (),
    password: str | None = None,
) -> PacketRequest:
    pack = library_pack(country)
    who = person if person is not None else profile(country)
    data = dict(contents or {})
    return PacketRequest(
        profile=who,
        pack=pack,
        track=track,
        status=build_status(pack, who, [], MADE_ON),
        documents=tuple(documents),
        fetch=data.__getitem__,
        language=language,
        made_on=MADE_ON,
        password=password,
    )


def camera_jpeg(width: int = 640, height: int = 480, orientation: int = 1, colour: str = "#6a8caf") -> bytes:
    """A JPEG as a phone writes it: EXIF with camera, software and GPS, XMP, ICC and a comment."""
    image = Image.new("RGB", (width, height), colour)
    image.paste((200, 40, 40), (0, 0, width // 4, height // 8))  # a red corner shows orientation
    exif = Image.Exif()
    exif[0x010F] = CAMERA  # Make
    exif[0x0131] = SOFTWARE  # Software
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (41.0, 43.0, 1.5)
    gps[18] = GPS_MARK  # GPSMapDatum
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description about="{XMP_MARK}"/></x:xmpmeta>'
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), xmp=xmp.encode(), icc_profile=srgb, comment=COMMENT_MARK)
    return out.getvalue()


def metadata_marks() -> list[bytes]:
    return [m.encode() for m in (CAMERA, SOFTWARE, GPS_MARK, XMP_MARK, COMMENT_MARK)] + [
        b"Exif",
        b"ICC_PROFILE",
    ]


def need_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return found


def pdftotext(pdf: bytes, password: str | None = None, *, layout: bool = False) -> str:
    command = [need_tool("pdftotext"), "-enc", "UTF-8"]
    if password is not None:
        command += ["-upw", password]
    if layout:
        command.append("-layout")
    result = subprocess.run([*command, "-", "-"], input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Extracted text with bidi marks removed and all whitespace as single spaces."""
    return " ".join(BIDI_MARKS.sub("", text).split())


def pypdf_text(pdf: bytes, password: str | None = None) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    if password is not None:
        reader.decrypt(password)
    return "\n".join(page.extract_text() for page in reader.pages)


def pdffonts(pdf: bytes, folder: Path, password: str | None = None) -> list[dict[str, str]]:
    """pdffonts' table: one dict per font with name, type, emb, sub and uni."""
    path = folder / "fonts-check.pdf"
    path.write_bytes(pdf)
    command = [need_tool("pdffonts")]
    if password is not None:
        command += ["-upw", password]
    lines = subprocess.run(
        [*command, str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    fonts = []
    for line in lines[2:]:
        parts = line.split()
        # name type [type...] encoding emb sub uni object ID
        fonts.append(
            {
                "name": parts[0],
                "type": " ".join(parts[1:-6]),
                "emb": parts[-5],
                "sub": parts[-4],
                "uni": parts[-3],
            }
        )
    return fonts


def render(
    pdf: bytes, folder: Path, prefix: str, *, dpi: int = 40, password: str | None = None
) -> list[Path]:
    """Every page as PNG (pdftoppm); returns the files in page order."""
    path = folder / f"{prefix}.pdf"
    path.write_bytes(pdf)
    command = [need_tool("pdftoppm"), "-r", str(dpi), "-png"]
    if password is not None:
        command += ["-upw", password]
    subprocess.run([*command, str(path), str(folder / prefix)], check=True, capture_output=True)
    return sorted(folder.glob(f"{prefix}-*.png"))


def ink(png: Path) -> float:
    """The share of pixels that are not white: 0 for a blank page."""
    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
        return 1 - sum(histogram[245:]) / (grey.width * grey.height)


def keep_for_review(pngs: Sequence[Path], name: str) -> None:
    """Copies of rendered pages under /tmp/packet-review/, to look at by eye."""
    REVIEW.mkdir(parents=True, exist_ok=True)
    for png in pngs:
        shutil.copy(png, REVIEW / f"{name}-{png.name.rsplit('-', 1)[-1]}")


def test_camera_jpeg_really_carries_the_marks() -> None:
    data = camera_jpeg()
    for mark in metadata_marks():
        assert mark in data, mark
    with Image.open(io.BytesIO(data)) as image:
        assert image.getexif()[0x010F] == CAMERA


def test_flat_removes_bidi_marks_and_spacing() -> None:
    assert flat("\u202bשם\u202c  \n Фамилия") == "שם Фамилия"


def test_ink_tells_blank_from_drawn(tmp_path: Path) -> None:
    blank, drawn = tmp_path / "blank.png", tmp_path / "drawn.png"
    Image.new("RGB", (50, 50), "white").save(blank)
    image = Image.new("RGB", (50, 50), "white")
    image.paste((0, 0, 0), (0, 0, 25, 50))
    image.save(drawn)
    assert ink(blank) == 0 and ink(drawn) > 0.4


def defined_objects(reader: PdfReader) -> set[int]:
    """The numbers of every object the file's cross-reference table defines."""
    ids = {idnum for table in reader.xref.values() for idnum in table}
    return (ids | set(reader.xref_objStm)) - {0}


def unreferenced_objects(pdf: bytes) -> set[int]:
    """Objects defined in ``pdf`` that nothing reachable from its trailer refers to."""
    reader = PdfReader(io.BytesIO(pdf))
    reachable: set[int] = set()
    stack: list[object] = [value for key, value in reader.trailer.items() if key != "/ID"]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in reachable:
                continue
            reachable.add(item.idnum)
            stack.append(reader.get_object(item))
        elif isinstance(item, DictionaryObject):
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return defined_objects(reader) - reachable


def every_object_text(pdf: bytes) -> bytes:
    """The file's bytes followed by every object's decoded content, to search for what a
    compressed stream would hide from a plain byte search."""
    reader = PdfReader(io.BytesIO(pdf))
    parts = [pdf]
    for idnum in sorted(defined_objects(reader)):
        obj = reader.get_object(idnum)
        if isinstance(obj, StreamObject):
            parts.append(obj.get_data())
        parts.append(repr(obj).encode("utf-8", "replace"))
    return b"\n".join(parts)
