"""Scans on their way into a packet: re-encoded without metadata, upright, capped in size,
refused (not crashed on) when damaged, huge or of an unknown kind."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, NameObject, NumberObject
from reportlab.pdfgen.canvas import Canvas

from tests.unit.test_packet_support import camera_jpeg, document, metadata_marks
from waystation.packets import scans
from waystation.packets.pdf_pages import strip_jpeg_metadata
from waystation.packets.scans import (
    MAX_SIDE,
    PreparedImage,
    PreparedPdf,
    ScanRefused,
    SkippedScan,
    prepare_scan,
    reencode_image,
)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims ``width`` × ``height`` pixels but holds almost no data: a bomb's shape."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def test_reencoded_image_carries_no_metadata() -> None:
    original = camera_jpeg()
    clean, width, height = reencode_image(original)
    for mark in metadata_marks():
        assert mark not in clean, mark
    with Image.open(io.BytesIO(clean)) as image:
        assert image.format == "JPEG" and (width, height) == image.size == (640, 480)
        assert not image.getexif() and "icc_profile" not in image.info and "xmp" not in image.info


def test_orientation_is_applied_before_metadata_goes() -> None:
    # orientation 6: the camera was turned; the stored pixels are landscape, the photo portrait
    clean, width, height = reencode_image(camera_jpeg(640, 480, orientation=6))
    assert (width, height) == (480, 640)
    with Image.open(io.BytesIO(clean)) as image:
        red, _green, _blue = image.convert("RGB").getpixel((width - 10, 10))
        assert red > 150, "the red corner moved to the top right, as the viewer saw it"


def test_large_photos_are_scaled_to_print_size() -> None:
    big = io.BytesIO()
    Image.new("RGB", (3000, 4000), "#808080").save(big, "JPEG")
    _clean, width, height = reencode_image(big.getvalue())
    assert max(width, height) == MAX_SIDE and (width, height) == (1500, 2000)


def test_transparency_and_palettes_are_flattened_on_white() -> None:
    image = Image.new("RGBA", (40, 30), (0, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    clean, _w, _h = reencode_image(out.getvalue())
    with Image.open(io.BytesIO(clean)) as result:
        assert result.convert("RGB").getpixel((5, 5)) >= (250, 250, 250)
    grey = io.BytesIO()
    Image.new("1", (20, 20), 1).save(grey, "TIFF")
    assert reencode_image(grey.getvalue())[1:] == (20, 20)


@pytest.mark.parametrize(
    ("width", "height", "words"),
    [(8000, 7000, "too large (8000 × 7000 pixels"), (30000, 30000, "too large")],
)
def test_huge_images_are_refused_before_decoding(width: int, height: int, words: str) -> None:
    with pytest.raises(ScanRefused) as refused:
        reencode_image(png_header_only(width, height))
    assert words in refused.value.reason


def test_damaged_images_are_refused() -> None:
    truncated = camera_jpeg()[:700]
    with pytest.raises(ScanRefused, match="damaged"):
        reencode_image(truncated)
    with pytest.raises(ScanRefused, match="damaged"):
        reencode_image(b"\x89PNG\r\n\x1a\nnot really")


def test_prepare_scan_sorts_documents_and_never_raises() -> None:
    assert isinstance(prepare_scan(document(1), camera_jpeg()), PreparedImage)
    skipped = prepare_scan(document(2), b"plain text, not a scan")
    assert isinstance(skipped, SkippedScan) and "neither an image nor a PDF" in skipped.reason
    heic = prepare_scan(document(3), b"\0\0\0\x18ftypheic" + b"\0" * 40)
    assert isinstance(heic, SkippedScan) and "HEIC" in heic.reason
    bomb = prepare_scan(document(4), png_header_only(30000, 30000))
    assert isinstance(bomb, SkippedScan)


def _pdf(pages: int = 2, password: str | None = None) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out)
    for page in range(pages):
        canvas.drawString(100, 700, f"page {page}")
        canvas.showPage()
    canvas.save()
    if password is None:
        return out.getvalue()
    writer = PdfWriter(clone_from=io.BytesIO(out.getvalue()))
    writer.encrypt(password, algorithm="AES-256")
    locked = io.BytesIO()
    writer.write(locked)
    return locked.getvalue()


def test_pdfs_are_counted_and_locked_or_broken_ones_skipped() -> None:
    prepared = prepare_scan(document(1), _pdf(3))
    assert isinstance(prepared, PreparedPdf) and prepared.pages == 3
    locked = prepare_scan(document(2), _pdf(1, password="x"))
    assert isinstance(locked, SkippedScan) and "password" in locked.reason
    broken = prepare_scan(document(3), b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    assert isinstance(broken, SkippedScan) and "damaged" in broken.reason
    # a file that parses but has a page that cannot be merged is refused whole, up front
    writer = PdfWriter(clone_from=io.BytesIO(_pdf(2)))
    writer.pages[1][NameObject("/MediaBox")] = ArrayObject([NumberObject(0), NumberObject(0)])
    bad_page = io.BytesIO()
    writer.write(bad_page)
    skipped = prepare_scan(document(4), bad_page.getvalue())
    assert isinstance(skipped, SkippedScan) and "damaged" in skipped.reason


def test_jpeg_segments_with_metadata_are_stripped_losslessly() -> None:
    original = camera_jpeg()
    stripped = strip_jpeg_metadata(original)
    for mark in metadata_marks():
        assert mark not in stripped, mark
    with Image.open(io.BytesIO(original)) as before, Image.open(io.BytesIO(stripped)) as after:
        assert before.tobytes() == after.tobytes(), "pixels are untouched"
    assert strip_jpeg_metadata(b"not a jpeg") == b"not a jpeg"
    assert strip_jpeg_metadata(original[:30]) == original[:30], "a truncated header is left as it is"


def test_fitted_size_keeps_the_aspect() -> None:
    assert scans.fitted_size(3000, 4000, 2000) == (1500, 2000)
    assert scans.fitted_size(100, 50, 2000) == (100, 50)
