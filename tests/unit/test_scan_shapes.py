"""Images for packets are capped by their shape and by what shrinking them costs, not only by
their pixel count (issue 12): a 49,999,999 × 1 strip under the pixel cap made Pillow ask for
gigabytes of resampling weights (MemoryError)."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from waystation.packets.scans import MAX_ASPECT, MAX_SIDE, ScanRefused, open_image, reencode_image


def grey_png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\x80" * width
    rows_per_chunk = max(1, (1 << 20) // len(row))
    parts = []
    for start in range(0, height, rows_per_chunk):
        parts.append(compressor.compress(row * min(rows_per_chunk, height - start)))
    body = b"".join(parts) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


@pytest.mark.parametrize(("width", "height"), [(49_999_999, 1), (1, 49_999_999), (30_000, 200)])
def test_a_sliver_is_refused_before_it_is_decoded(width: int, height: int) -> None:
    with pytest.raises(ScanRefused, match="too long and narrow to print"):
        open_image(grey_png(width, height))


def test_the_longest_allowed_shape_shrinks_within_memory() -> None:
    """100:1 at 40 megapixels: reduced by a whole factor first, then resampled to MAX_SIDE."""
    width = 63_200
    height = width // MAX_ASPECT
    jpeg, out_width, out_height = reencode_image(grey_png(width, height))
    assert (out_width, out_height) == (MAX_SIDE, round(height * MAX_SIDE / width))
    assert Image.open(io.BytesIO(jpeg)).size == (out_width, out_height)
