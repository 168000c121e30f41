"""Laying out the packet's own pages with ReportLab: cover, applicant's data, checklist, one page
per image scan, then the steps. Header and footer are stamped as the pages are written, numbered
as in the final packet (PDF scans spliced in later count too)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from reportlab import rl_config
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from waystation.i18n import _
from waystation.packets.applicant import applicant_section
from waystation.packets.assemble import Slot, numbering, packet_order
from waystation.packets.cells import Context, day
from waystation.packets.checklist import ChecklistItem
from waystation.packets.checklist_section import checklist_section
from waystation.packets.cover import cover_section, latin_name, native_name
from waystation.packets.fonts import BASE
from waystation.packets.scan_pages import PageMark, ScanPage, caption
from waystation.packets.scans import Prepared, PreparedImage, PreparedPdf, SkippedScan
from waystation.packets.stamping import PRODUCER, Stamp, StampingCanvas
from waystation.packets.steps_section import steps_section
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
        footer=_("Made with Waystation on {date} · rules change — check the sources").format(date=made),
        page_label=lambda page, pages: _("page {page} of {pages}").format(page=page, pages=pages),
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
    attached = attachments(ctx, prepared)
    numbers = {item.document.id: number for number, (item, _c) in enumerate(attached, start=1)}
    skipped = {p.document.id: p.reason for p in prepared if isinstance(p, SkippedScan)}
    images = [(numbers[item.document.id], item) for item, _c in attached if isinstance(item, PreparedImage)]
    steps_start: list[int] = []
    story: list[Flowable] = [*cover_section(ctx, len(attached)), *applicant_section(ctx)]
    story += [PageBreak(), *checklist_section(ctx, checklist, numbers, skipped)]
    story += [PageBreak(), *(ScanPage(ctx, number, image) for number, image in images)]
    if images:
        story.append(PageBreak())
    story += [PageMark(steps_start), *steps_section(ctx)]

    slots: list[list[Slot]] = []
    numbered: list[Callable[[int, int], tuple[int, int]]] = []

    def order(page: int, pages: int) -> tuple[int, int]:
        """Asked when the canvas is saved: by then the steps' first page is known."""
        if not numbered:
            slots.append(packet_order(pages, steps_start[0], attached))
            numbered.append(numbering(slots[0]))
        return numbered[0](page, pages)

    buffer = io.BytesIO()
    _document(buffer, check).build(story, canvasmaker=partial(StampingCanvas, stamp=stamp, numbering=order))
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
