"""The packet's page order, and putting the PDF together with pypdf when it must be: to splice
PDF scans in among the laid-out pages, and to encrypt (AES-256, revision 6). A packet with
neither is ReportLab's output as it is.

Spliced-in pages are cleaned before they are copied, then turned upright and shrunk a little
(pdf_pages.add_clean_page) so the footer, stamped from an overlay, does not cover their content.
Nothing from their document information is carried over: the writer's information names the
producer only, and objects left unreferenced on the way are dropped before writing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pypdf import PageObject, PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from waystation.errors import InvalidInput
from waystation.foreign_pdf import TIME_BUDGET, PdfRefused, check_time, limited, open_limited
from waystation.i18n import _
from waystation.packets.fonts import BASE
from waystation.packets.pdf_pages import add_clean_page, drop_unreachable
from waystation.packets.scans import PreparedImage, PreparedPdf
from waystation.packets.stamping import PRODUCER, Stamp, draw_footer


@dataclass(frozen=True)
class Slot:
    """One page of the packet: page ``own`` (1-based) of the laid-out body, or page
    ``pdf_page`` (0-based) of a PDF scan."""

    own: int = 0
    pdf: PreparedPdf | None = None
    pdf_page: int = 0
    caption: str = ""


def packet_order(
    body_pages: int,
    rest_start: int,
    attachments: Sequence[tuple[PreparedImage | PreparedPdf, str]],
) -> list[Slot]:
    """The pages in order: the body up to the scans, the scans (image scans are body pages, PDF
    scans are spliced in), then the rest of the body (the applicant's part, from page
    ``rest_start``; ``body_pages + 1`` when there is none)."""
    images = sum(isinstance(item, PreparedImage) for item, _caption in attachments)
    front = rest_start - 1 - images
    slots = [Slot(own=page) for page in range(1, front + 1)]
    next_own = front + 1
    for item, caption in attachments:
        if isinstance(item, PreparedImage):
            slots.append(Slot(own=next_own))
            next_own += 1
        else:
            slots += [Slot(pdf=item, pdf_page=i, caption=caption) for i in range(item.pages)]
    slots += [Slot(own=page) for page in range(next_own, body_pages + 1)]
    return slots


def numbering(slots: Sequence[Slot]) -> Callable[[int, int], tuple[int, int]]:
    """For StampingCanvas: a body page's number in the packet, and the packet's page count."""
    numbers = {slot.own: index for index, slot in enumerate(slots, start=1) if slot.own}
    return lambda page, _pages: (numbers.get(page, page), len(slots))


def needs_assembly(slots: Sequence[Slot], password: str | None) -> bool:
    return password is not None or any(slot.pdf is not None for slot in slots)


def assemble(
    body: bytes,
    slots: Sequence[Slot],
    stamp: Stamp,
    *,
    password: str | None,
    check: Callable[[], None],
) -> bytes:
    """The finished PDF; ``check`` is called between pages (to cancel). The scans' pages are
    read within limits (foreign_pdf.py), a time budget for each PDF scan."""
    scans = {id(slot.pdf): slot.pdf for slot in slots if slot.pdf is not None}
    current: list[PreparedPdf] = []
    try:
        with limited(TIME_BUDGET * max(1, len(scans))):
            return _assemble(body, slots, stamp, password, check, current)
    except PdfRefused as refused:
        if not current:  # it failed on our own pages: a bug, not the scan's fault
            raise RuntimeError("the packet could not be put together") from refused.__cause__
        document = current[-1].document
        name = document.title or document.original_name or f"#{document.id}"
        raise InvalidInput(
            _("The scan “{name}” could not be put into the packet: {reason}.").format(
                name=name, reason=refused.phrase()
            )
        ) from None


def _assemble(
    body: bytes,
    slots: Sequence[Slot],
    stamp: Stamp,
    password: str | None,
    check: Callable[[], None],
    current: list[PreparedPdf],
) -> bytes:
    own_pages = PdfReader(io.BytesIO(body)).pages
    readers: dict[int, PdfReader] = {}
    writer = PdfWriter()
    spliced: list[tuple[int, PageObject, str]] = []
    sources: list[PreparedPdf] = []  # the scan each spliced page comes from
    for number, slot in enumerate(slots, start=1):
        check()
        if slot.pdf is None:
            writer.add_page(own_pages[slot.own - 1])
            continue
        current[:] = [slot.pdf]
        check_time()
        if id(slot.pdf) not in readers:
            readers[id(slot.pdf)] = open_limited(slot.pdf.data)
        page = add_clean_page(writer, readers[id(slot.pdf)].pages[slot.pdf_page])
        spliced.append((number, page, slot.caption))
        sources.append(slot.pdf)
    current.clear()
    if spliced:
        overlay = PdfReader(io.BytesIO(_overlay(spliced, len(slots), stamp)))
        for (_number, page, _caption), stamped, source in zip(spliced, overlay.pages, sources, strict=True):
            check()
            current[:] = [source]
            check_time()
            box = page.mediabox
            page.merge_translated_page(stamped, float(box.left), float(box.bottom))
            # Serialise the merged content now: pypdf 7.1 writes merged-but-unserialised content
            # streams empty when it encrypts (the footer vanished from encrypted packets).
            page.compress_content_streams()
        current.clear()
    writer.add_metadata({"/Producer": PRODUCER, "/Creator": PRODUCER})
    drop_unreachable(writer)
    if password is not None:
        writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _overlay(spliced: Sequence[tuple[int, PageObject, str]], total: int, stamp: Stamp) -> bytes:
    """One transparent page per spliced-in page, carrying its footer and caption."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, initialFontName=BASE, pageCompression=1)
    for number, page, caption in spliced:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        canvas.setPageSize((width, height))
        draw_footer(canvas, stamp, number, total, width, caption)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
