"""The documents screen's pictures are capped on every path (issue 12): an image's size is read
from its header before anything is decoded, bombs and slivers are never decoded, Qt's own
allocation limit is set, text chunks cannot swell, and PDFs are counted within the limits for
foreign PDFs."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image
from pypdf import PdfWriter
from PySide6.QtCore import QSize
from PySide6.QtGui import QImageReader

from waystation.foreign_pdf import MAX_PAGES
from waystation.ui.widgets import thumbnail
from waystation.ui.widgets.thumbnail import (
    ALLOCATION_LIMIT_MB,
    decode_image,
    describe,
    safe_to_decode,
    thumbnail_image,
)


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def grey_png(width: int, height: int, extra: bytes = b"") -> bytes:
    """A grey PNG that compresses to almost nothing, whatever its size."""
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\x80" * width
    rows_per_chunk = max(1, (1 << 20) // len(row))
    parts = [
        compressor.compress(row * min(rows_per_chunk, height - s)) for s in range(0, height, rows_per_chunk)
    ]
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = b"".join(parts) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + extra + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def test_an_ordinary_scan_still_gets_its_picture(qapp: object) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (900, 620), "#2f6f8f").save(buffer, "JPEG")
    image = thumbnail_image(buffer.getvalue(), "image/jpeg", 64, 2.0)
    assert image is not None and max(image.width(), image.height()) == 128
    assert QImageReader.allocationLimit() == ALLOCATION_LIMIT_MB


def test_a_decompression_bomb_is_never_decoded(qapp: object) -> None:
    bomb = grey_png(12_000, 12_000)  # 144 megapixels in a few hundred kilobytes
    assert len(bomb) < 1_000_000
    assert thumbnail_image(bomb, "image/png", 64) is None
    assert decode_image(bomb) is None
    assert describe(bomb, "image/png") == "Image, 12000 × 12000 pixels"  # from the header only


@pytest.mark.qt_log_ignore("libpng", ".*IHDR.*")
@pytest.mark.parametrize(("width", "height"), [(49_999_999, 1), (20_000, 20)])
def test_a_sliver_is_never_decoded(qapp: object, width: int, height: int) -> None:
    assert thumbnail_image(grey_png(width, height), "image/png", 64) is None


def test_the_shape_check() -> None:
    assert safe_to_decode(QSize(4000, 3000))
    assert safe_to_decode(QSize(10_000, 100))
    assert not safe_to_decode(QSize(10_001, 100))
    assert not safe_to_decode(QSize(8000, 8000))  # 64 megapixels
    assert not safe_to_decode(QSize(-1, -1))


@pytest.mark.qt_log_ignore("libpng", ".*zTXt.*")
def test_a_swollen_text_chunk_stays_small(qapp: object) -> None:
    """A zTXt chunk that inflates to 300 MB: Qt's PNG reader stops early, the picture comes."""
    compressor = zlib.compressobj(9)
    swollen = b"".join(compressor.compress(b"\0" * (1 << 24)) for _ in range(18)) + compressor.flush()
    png = grey_png(50, 50, extra=chunk(b"zTXt", b"Comment\x00\x00" + swollen))
    image = thumbnail_image(png, "image/png", 64)
    assert image is not None and image.width() == 50


def test_a_pdf_over_the_limits_is_described_not_counted(qapp: object) -> None:
    writer = PdfWriter()
    for _ in range(MAX_PAGES + 1):
        writer.add_blank_page(100, 100)
    out = io.BytesIO()
    writer.write(out)
    assert describe(out.getvalue(), thumbnail.PDF) == "PDF (its pages cannot be counted)"
    small = PdfWriter()
    small.add_blank_page(100, 100)
    out = io.BytesIO()
    small.write(out)
    assert describe(out.getvalue(), thumbnail.PDF) == "PDF, 1 page"
