"""Laying out the packet's own pages with ReportLab, part by part.

The part for the office: the cover, the applicant's data with a line to sign and date, then one
page per image scan (PDF scans are spliced in after them later). The part for the applicant: the
deadlines, the documents checklist and the steps. Header and footer are stamped as the pages are
written, numbered as in the final packet (spliced-in pages count too); the footer says only when
the packet was prepared and the page number, so nothing on the office's pages reads as advice.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from reportlab import rl_config
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from waystation.packets.applicant import applicant_section
from waystation.packets.assemble import Slot, numbering, packet_order
from waystation.packets.cells import Context, day
from waystation.packets.checklist import ChecklistItem
from waystation.packets.cover import cover_section, latin_name, native_name
from waystation.packets.fonts import BASE
from waystation.packets.personal import personal_section, personal_title
from waystation.packets.scan_pages import PageMark, ScanPage, caption
from waystation.packets.scans import Prepared, PreparedImage, PreparedPdf, SkippedScan
from waystation.packets.signature import signature_section
from waystation.packets.stamping import PRODUCER, Header, Stamp, StampingCanvas
from waystation.packets.styles import FRAME_HEIGHT, FRAME_WIDTH, MARGIN_BOTTOM, MARGIN_X, PAGE_SIZE

# Binary streams: ASCII85 would make every embedded scan a quarter larger and slower to write.
rl_config.useA85 = 0


@dataclass(frozen=True)
class Body:
    pdf: bytes
    slots: list[Slot]  # every page of the packet, in order


def make_stamp(ctx: Context) -> Stamp:
    person = ctx.request.profile.person
    made = day(ctx.request.made_on) or ""
    return Stamp(
        header=(latin_name(person) or native_name(person), ctx.both("document_packet")),
        footer=f"{ctx.both('date_prepared')}: {made}",
        page_label=lambda page, pages: f"{page} / {pages}",
    )


def attachments(ctx: Context, prepared: Sequence[Prepared]) -> list[tuple[PreparedImage | PreparedPdf, str]]:
    """The scans that go into the packet, in order, each with its caption (numbered from 1)."""
    usable = [item for item in prepared if not isinstance(item, SkippedScan)]
    return [(item, caption(ctx, number, item.document)) for number, item in enumerate(usable, start=1)]


def lay_out(
    ctx: Context,
    checklist: Sequence[ChecklistItem],
    prepared: Sequence[Prepared],
    stamp: Stamp,
    check: Callable[[], None],
) -> Body:
    """``prepared`` holds the scans for the office's part (empty without it)."""
    attached = attachments(ctx, prepared)
    numbers = {item.document.id: number for number, (item, _c) in enumerate(attached, start=1)}
    skipped = {p.document.id: p.reason for p in prepared if isinstance(p, SkippedScan)}
    images = [(numbers[item.document.id], item) for item, _c in attached if isinstance(item, PreparedImage)]
    personal_start: list[int] = []  # the page the applicant's part starts on, once laid out
    story: list[Flowable] = []
    if ctx.request.for_office:
        story += [*cover_section(ctx, len(attached)), *applicant_section(ctx), *signature_section(ctx)]
        if images:
            story += [PageBreak(), *(ScanPage(ctx, number, image) for number, image in images)]
    if ctx.request.for_applicant:
        if story:
            story.append(PageBreak())
        story += [PageMark(personal_start), *personal_section(ctx, checklist, numbers, skipped)]

    slots: list[list[Slot]] = []
    numbered: list[Callable[[int, int], tuple[int, int]]] = []

    def order(page: int, pages: int) -> tuple[int, int]:
        """Asked when the canvas is saved: by then the applicant's part's first page is known."""
        if not numbered:
            rest = personal_start[0] if personal_start else pages + 1
            slots.append(packet_order(pages, rest, attached))
            numbered.append(numbering(slots[0]))
        return numbered[0](page, pages)

    def headers(page: int) -> Header | None:
        """None on the first page of each part (the cover, the applicant's part's title)."""
        if personal_start and page >= personal_start[0]:
            return None if page == personal_start[0] else (stamp.header[0], personal_title())
        return None if page == 1 else stamp.header

    buffer = io.BytesIO()
    canvas = partial(StampingCanvas, stamp=stamp, numbering=order, headers=headers)
    _document(buffer, check).build(story, canvasmaker=canvas)
    return Body(buffer.getvalue(), slots[0])


def _document(buffer: io.BytesIO, check: Callable[[], None]) -> BaseDocTemplate:
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    return BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        pageTemplates=[PageTemplate("page", [frame], onPage=lambda _canvas, _doc: check())],
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        creator=PRODUCER,
        producer=PRODUCER,
        invariant=1,
        initialFontName=BASE,
        pageCompression=1,
    )
