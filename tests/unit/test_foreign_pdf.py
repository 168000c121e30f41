"""PDFs a person attaches are read within limits (issue 12, foreign_pdf.py): pages, objects, stream
sizes and time. Each limit is tested with a file that breaks it, through the packet's scan check
and the documents screen's page count; ordinary PDFs still pass, and the limits stay where they
were set (one thread, one block)."""

from __future__ import annotations

import io
import threading
import time
import zlib

import pytest
from pypdf import PdfWriter, get_configuration

from waystation import foreign_pdf
from waystation.foreign_pdf import (
    MAX_OBJECTS,
    MAX_PAGES,
    MAX_STREAM_BYTES,
    PdfRefused,
    limited,
    open_limited,
    page_count,
)
from waystation.packets.pdf_pages import add_clean_page
from waystation.packets.scans import ScanRefused, count_pdf_pages

CATALOG = b"<</Type/Catalog/Pages 2 0 R>>"
PAGES = b"<</Type/Pages/Kids[3 0 R]/Count 1>>"


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of exactly these objects (numbered from 1, the first the catalog)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def page_with(contents: bytes = b"", extra: bytes = b"") -> bytes:
    return b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]" + contents + extra + b">>"


def blank_pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def refusal(data: bytes, *, countable: bool = False) -> str:
    """What the packet says of the scan; the documents screen, which only counts pages, agrees
    it is unreadable unless the trouble is in a page's drawing (``countable``)."""
    if countable:
        assert page_count(data) == 1
    else:
        with pytest.raises(PdfRefused):
            page_count(data)
    with pytest.raises(ScanRefused) as caught:
        count_pdf_pages(data)
    return caught.value.reason


def test_an_ordinary_pdf_passes() -> None:
    data = blank_pdf(3)
    assert page_count(data) == 3
    assert count_pdf_pages(data) == 3


def test_pages_over_the_limit() -> None:
    assert page_count(blank_pdf(MAX_PAGES)) == MAX_PAGES
    reason = refusal(blank_pdf(MAX_PAGES + 1))
    assert reason == f"the PDF has {MAX_PAGES + 1} pages; Waystation reads PDFs of up to {MAX_PAGES} pages"


def test_a_page_tree_that_claims_a_million_pages() -> None:
    liar = raw_pdf([CATALOG, b"<</Type/Pages/Kids[3 0 R 3 0 R 3 0 R]/Count 1000000>>", page_with()])
    assert page_count(liar) == 3  # the count is read from the tree, not believed


def test_objects_over_the_limit() -> None:
    data = raw_pdf([CATALOG, PAGES, page_with(), *[b"1"] * (MAX_OBJECTS + 1)])
    started = time.monotonic()
    assert refusal(data) == "the PDF is too large or too complex inside to read safely"
    assert time.monotonic() - started < 20


def test_a_stream_that_inflates_past_the_limit() -> None:
    """66 MB of content once inflated: over our 64 MB, under pypdf's own 75 MB default."""
    bomb = zlib.compress(b" " * (MAX_STREAM_BYTES + 2 * 1024 * 1024), 9)
    assert len(bomb) < 200_000
    stream = b"<</Length %d/Filter/FlateDecode>>stream\n" % len(bomb) + bomb + b"\nendstream"
    data = raw_pdf([CATALOG, PAGES, page_with(b"/Contents 4 0 R"), stream])
    assert refusal(data, countable=True) == "the PDF is too large or too complex inside to read safely"


def test_a_declared_length_past_the_limit() -> None:
    stream = b"<</Length %d>>stream\nq Q\nendstream" % (MAX_STREAM_BYTES + 1)
    data = raw_pdf([CATALOG, PAGES, page_with(b"/Contents 4 0 R"), stream])
    with pytest.raises((PdfRefused, ScanRefused)):
        count_pdf_pages(data)


def test_the_time_budget_stops_a_long_walk() -> None:
    """A page drawing on 60,000 objects: walked within the budget normally, stopped when the
    budget is spent."""
    count = 60_000
    names = b"".join(b"/X%d %d 0 R" % (i, i + 4) for i in range(count))
    data = raw_pdf(
        [
            CATALOG,
            PAGES,
            page_with(b"/Resources 4 0 R"),
            b"<</XObject<<" + names + b">>>>",
            *[b"<<>>"] * count,
        ]
    )
    with pytest.raises(PdfRefused) as caught, limited(seconds=0.05):
        reader = open_limited(data)
        add_clean_page(PdfWriter(), reader.pages[0])
    assert caught.value.reason == "time"
    assert caught.value.phrase() == "reading the PDF took too long; it was stopped"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4\n" + b"\x00" * 400, "the PDF is damaged or cannot be read"),
        (raw_pdf([CATALOG, b"<</Type/Pages/Kids[]/Count 0>>"]), "the PDF has no pages"),
    ],
    ids=["garbage", "no pages"],
)
def test_damaged_and_empty(data: bytes, reason: str) -> None:
    assert refusal(data) == reason


def test_a_pdf_locked_with_a_password() -> None:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    assert refusal(out.getvalue()) == "the PDF is protected by a password"


def test_the_limits_hold_inside_the_block_only() -> None:
    default = get_configuration().zlib_maximum_output_length
    seen: list[int] = []
    with limited():
        assert get_configuration().zlib_maximum_output_length == MAX_STREAM_BYTES
        other = threading.Thread(target=lambda: seen.append(get_configuration().zlib_maximum_output_length))
        other.start()
        other.join()
    assert seen == [default]  # another thread (the packet's own pages, the UI) keeps pypdf's
    assert get_configuration().zlib_maximum_output_length == default


def test_open_limited_refuses_to_run_without_limits() -> None:
    with pytest.raises(RuntimeError):
        foreign_pdf.open_limited(blank_pdf(1))
