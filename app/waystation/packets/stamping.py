"""What goes on every page of a packet (a header, and a footer with the date it was prepared and
"page / pages"), and the document information, which names the producer and nothing else.

The packet's own pages are stamped by ``StampingCanvas`` while ReportLab writes them: it holds
each finished page back until the end, when the final numbering is known (PDF scans spliced in
later count too). Spliced-in pages get the same footer from an overlay (see assemble.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfgen.canvas import Canvas

from waystation.packets.cells import draw_line, fit_line
from waystation.packets.styles import MARGIN_X, MUTED, RULE

PRODUCER = "Waystation"
FOOTER_Y = 9 * mm


Header = tuple[str, str]  # left, right


@dataclass(frozen=True)
class Stamp:
    """``header`` goes on the packet's own pages that are not the first of a part; ``footer`` and
    ``page_label(page, pages)`` on every page."""

    header: Header
    footer: str
    page_label: Callable[[int, int], str]


def draw_header(canvas: Canvas, header: Header, width: float, height: float) -> None:
    margin = min(MARGIN_X, width / 10)
    y = height - 12 * mm
    half = (width - 2 * margin) / 2 - 6
    canvas.saveState()
    canvas.setFillColor(MUTED)
    draw_line(canvas, margin, y, fit_line(header[0], 8, half), 8)
    draw_line(canvas, width - margin, y, fit_line(header[1], 8, half), 8, align="right")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(margin, y - 2.5 * mm, width - margin, y - 2.5 * mm)
    canvas.restoreState()


def draw_footer(
    canvas: Canvas, stamp: Stamp, number: int, total: int, width: float, caption: str = ""
) -> None:
    """The footer; ``caption`` (for spliced-in scans) goes on a line of its own above it."""
    margin = min(MARGIN_X, width / 10)
    label = stamp.page_label(number, total)
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(margin, FOOTER_Y + 4 * mm, width - margin, FOOTER_Y + 4 * mm)
    canvas.setFillColor(MUTED)
    room = width - 2 * margin - 30 * mm
    draw_line(canvas, margin, FOOTER_Y, fit_line(stamp.footer, 7.5, room), 7.5)
    draw_line(canvas, width - margin, FOOTER_Y, label, 7.5, align="right")
    if caption:
        text = fit_line(caption, 7.5, width - 2 * margin, bold=True)
        draw_line(canvas, margin, FOOTER_Y + 5.5 * mm, text, 7.5, bold=True)
    canvas.restoreState()


class NeutralInfo(PDFInfo):  # type: ignore[misc]
    """Document information with the producer only: no title, author or subject (ReportLab would
    write "anonymous"/"untitled"), and no dates, which would tell when and in which time zone."""

    def format(self, document: Any) -> bytes:
        entries = {"Producer": PDFString(PRODUCER), "Creator": PDFString(PRODUCER)}
        result: bytes = PDFDictionary(entries).format(document)
        return result


class StampingCanvas(Canvas):  # type: ignore[misc]
    """A canvas that stamps header and footer on each page once the final numbering is known.

    ``numbering(page, pages)`` turns a page of this canvas (1-based) and the canvas's page
    count into (number in the packet, pages in the packet); ``headers(page)`` gives the page's
    header, or None for none. Both are asked when the canvas is saved.
    """

    def __init__(
        self,
        *args: Any,
        stamp: Stamp,
        numbering: Callable[[int, int], tuple[int, int]],
        headers: Callable[[int], Header | None],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._doc.info = NeutralInfo()
        self._stamp = stamp
        self._numbering = numbering
        self._headers = headers
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  (ReportLab's name)
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        pages = len(self._held)
        width, height = self._pagesize
        for page, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            header = self._headers(page)
            if header is not None:
                draw_header(self, header, width, height)
            number, total = self._numbering(page, pages)
            draw_footer(self, self._stamp, number, total, width)
            super().showPage()
        self._held = []
        super().save()
