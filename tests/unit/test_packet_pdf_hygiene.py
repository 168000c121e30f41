"""A PDF scan's hidden objects never reach a packet: annotations (author, comment), page and image
XMP (a GPS position), JavaScript and links are removed from a page before pypdf copies it, and the
finished packet holds no object that nothing refers to."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from tests.unit.test_packet_support import (
    camera_jpeg,
    document,
    every_object_text,
    flat,
    pdftotext,
    request,
    unreferenced_objects,
)
from waystation.packets.builder import build_packet
from waystation.packets.pdf_pages import add_clean_page, clean_pdf_page, drop_unreachable

AUTHOR = "AnnotAuthorCanary"
COMMENT = "AnnotCommentCanary"
PAGE_GPS = "PageXmpGpsCanary"
IMAGE_GPS = "ImageXmpGpsCanary"
PAGE_SCRIPT = "PageScriptCanary"
DOCUMENT_SCRIPT = "DocumentScriptCanary"
LINK = "https://link-canary.example/track"
CANARIES = (AUTHOR, COMMENT, PAGE_GPS, IMAGE_GPS, PAGE_SCRIPT, DOCUMENT_SCRIPT, LINK)
SECOND_PAGE = "SecondPageOnlyLinked"


def _xmp(mark: str) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(
        (
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
            f'exif:GPSLatitude="41,43.1N" exif:GPSAreaInformation="{mark}"/></rdf:RDF></x:xmpmeta>'
        ).encode()
    )
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    return stream


def _rect(*numbers: float) -> ArrayObject:
    return ArrayObject(FloatObject(n) for n in numbers)


def _javascript(code: str) -> DictionaryObject:
    return DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(code)}
    )


def scan_with_hidden_objects() -> bytes:
    """A two-page scan as an annotating reader app leaves it: a sticky note with its author and
    comment, a link to a web address and one to the second page, page and image XMP with a GPS
    position, a script that runs when the page opens and one when the document opens."""
    base = io.BytesIO()
    canvas = Canvas(base, pagesize=(420, 595))
    canvas.drawString(60, 500, "Scanned page 1")
    canvas.drawImage(ImageReader(io.BytesIO(camera_jpeg(200, 150))), 60, 300, width=200, height=150)
    canvas.showPage()
    canvas.drawString(60, 500, SECOND_PAGE)
    canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=io.BytesIO(base.getvalue()))
    page, second = writer.pages[0], writer.pages[1]
    page[NameObject("/Metadata")] = writer._add_object(_xmp(PAGE_GPS))
    image = next(iter(page["/Resources"]["/XObject"].values())).get_object()
    image[NameObject("/Metadata")] = writer._add_object(_xmp(IMAGE_GPS))
    note = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Text"),
            NameObject("/Rect"): _rect(60, 200, 80, 220),
            NameObject("/T"): TextStringObject(AUTHOR),
            NameObject("/Contents"): TextStringObject(COMMENT),
            NameObject("/P"): page.indirect_reference,
        }
    )
    web = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): _rect(60, 100, 200, 120),
            NameObject("/A"): DictionaryObject(
                {NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject(LINK)}
            ),
        }
    )
    inner = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): _rect(60, 60, 200, 80),
            NameObject("/Dest"): ArrayObject([second.indirect_reference, NameObject("/Fit")]),
        }
    )
    page[NameObject("/Annots")] = ArrayObject(writer._add_object(a) for a in (note, web, inner))
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): _javascript(f"app.alert('{PAGE_SCRIPT}')")})
    script = writer._add_object(_javascript(f"app.alert('{DOCUMENT_SCRIPT}');"))
    tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("start"), script])})
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})
    writer._root_object[NameObject("/OpenAction")] = _javascript(f"app.alert('{DOCUMENT_SCRIPT}')")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _leaks(pdf: bytes) -> list[str]:
    everything = every_object_text(pdf)
    found = [
        mark for mark in CANARIES if mark.encode() in everything or mark.encode("utf-16-be") in everything
    ]
    found += [name.decode() for name in (b"/JavaScript", b"/JS ", b"/URI", b"/Annots") if name in everything]
    return found


@pytest.fixture(scope="module")
def scan() -> bytes:
    return scan_with_hidden_objects()


def test_the_test_scan_really_carries_every_hidden_object(scan: bytes) -> None:
    assert set(_leaks(scan)) >= set(CANARIES)
    reader = PdfReader(io.BytesIO(scan))
    assert len(reader.pages[0]["/Annots"]) == 3 and "/AA" in reader.pages[0]


def test_cleaning_after_add_page_leaves_orphans_behind(scan: bytes) -> None:
    """The trap: pypdf copies what a page refers to when it is added, so cleaning the copy
    afterwards leaves annotations, XMP and scripts in the file, referenced by nothing."""
    writer = PdfWriter()
    added = writer.add_page(PdfReader(io.BytesIO(scan)).pages[0])
    for key in ("/Annots", "/Metadata", "/AA"):
        del added[NameObject(key)]
    out = io.BytesIO()
    writer.write(out)
    assert unreferenced_objects(out.getvalue()), "the check can see orphans"
    assert AUTHOR in _leaks(out.getvalue())


def test_a_page_is_cleaned_before_it_is_copied(scan: bytes) -> None:
    writer = PdfWriter()
    added = add_clean_page(writer, PdfReader(io.BytesIO(scan)).pages[0])
    assert set(added) <= {"/Type", "/Parent", "/MediaBox", "/Resources", "/Contents", "/Rotate"}
    out = io.BytesIO()
    writer.write(out)  # no sweep: nothing hidden was ever copied
    assert _leaks(out.getvalue()) == []
    assert SECOND_PAGE not in flat(pdftotext(out.getvalue())), "the linked page did not come along"


def test_a_packet_from_a_scan_with_hidden_objects_carries_none_of_them(scan: bytes) -> None:
    contents = {1: scan, 2: camera_jpeg()}
    documents = [document(1, "passport", "scan"), document(2, "passport", "photo")]
    for password in (None, "пароль"):
        result = build_packet(request(contents=contents, documents=documents, password=password))
        assert result.warnings == ()
        if password is None:
            assert _leaks(result.pdf) == []
            assert unreferenced_objects(result.pdf) == set()
        text = flat(pdftotext(result.pdf, password=password))
        assert "Scanned page 1" in text and SECOND_PAGE in text, "the scan's own pages are all there"
        for mark in CANARIES:
            assert mark not in text
    reader = PdfReader(io.BytesIO(result.pdf))
    reader.decrypt("пароль")
    assert "/OpenAction" not in reader.trailer["/Root"] and "/Names" not in reader.trailer["/Root"]
    scanned = next(page for page in reader.pages if "Scanned page 1" in page.extract_text())
    assert "/Annots" not in scanned and "/AA" not in scanned and "/Metadata" not in scanned
    assert len(scanned.images) == 1, "the scan's picture is still drawn"


def test_references_from_resources_to_pages_are_cut(scan: bytes) -> None:
    """A hostile scan that hides a reference to another page (or the catalog) inside its
    resources does not drag that page into the packet."""
    reader = PdfReader(io.BytesIO(scan))
    page = reader.pages[0]
    resources = page["/Resources"].get_object()
    resources[NameObject("/Hidden")] = reader.pages[1].indirect_reference
    resources[NameObject("/Count")] = NumberObject(3)
    clean_pdf_page(page)
    assert "/Hidden" not in resources and resources["/Count"] == 3


def test_drop_unreachable_follows_chains_and_cycles() -> None:
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    first = DictionaryObject()
    second = DictionaryObject()
    first_ref = writer._add_object(first)
    second_ref = writer._add_object(second)
    first[NameObject("/Next")] = second_ref
    second[NameObject("/Back")] = first_ref  # a cycle that refers only to itself
    assert isinstance(first_ref, IndirectObject)
    assert drop_unreachable(writer) == 2
    out = io.BytesIO()
    writer.write(out)
    assert unreferenced_objects(out.getvalue()) == set()
    assert len(PdfReader(io.BytesIO(out.getvalue())).pages) == 1


@pytest.mark.parametrize("part", ["both", "office", "personal"])
def test_packets_without_pdf_scans_hold_no_orphans_either(part: str) -> None:
    result = build_packet(replace(request(contents={1: camera_jpeg()}, documents=[document(1)]), part=part))
    assert unreferenced_objects(result.pdf) == set()
