"""Drawing what a filled field shows (its appearance), with the packet fonts embedded as
subsets, so Cyrillic, Latin with diacritics, Georgian, Armenian, Hebrew (in display order) and
Thai render in every viewer without depending on the viewer's fonts.

ReportLab draws one small page per widget — background, border and text, clipped to the box —
and fill.py turns each page into the widget's appearance stream. The text is shrunk to fit its
box down to ``MIN_SIZE`` points; what still does not fit is reported (``overflow``). Comb fields
get one character per cell; multi-line fields are wrapped; list boxes show their choices with
the chosen one highlighted.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from waystation.packets.cells import draw_line
from waystation.packets.fonts import (
    BASE,
    display_order,
    is_rtl,
    reads_right_to_left,
    register_fonts,
    runs,
    wrap,
)

MIN_SIZE = 6.0
MAX_AUTO_SIZE = 12.0
PADDING = 2.0
LINE_HEIGHT = 1.15
HIGHLIGHT = (0.6, 0.75, 0.95)

Colour = tuple[float, float, float]


@dataclass(frozen=True)
class Box:
    """One widget's appearance: ``width`` × ``height`` points, as its text runs (before any
    rotation of the widget)."""

    width: float
    height: float
    text: str = ""
    size: float = 0.0  # 0: as large as fits, up to MAX_AUTO_SIZE
    colour: Colour = (0.0, 0.0, 0.0)
    align: int = 0  # 0 left, 1 centre, 2 right (the field's /Q)
    multiline: bool = False
    comb: int = 0  # cells of a comb field
    background: Colour | None = None
    border: Colour | None = None
    border_width: float = 1.0
    choices: tuple[str, ...] = ()  # a list box's options, shown one per line
    chosen: int = -1
    mark: str = ""  # "check" or "dot": an "on" state drawn for a button without one


@dataclass
class Drawn:
    pdf: bytes = field(repr=False)
    overflow: list[bool]


def draw_boxes(boxes: list[Box]) -> Drawn:
    """One page per box, in order; which texts did not fit."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, initialFontName=BASE, pageCompression=1)
    overflow = []
    for box in boxes:
        canvas.setPageSize((max(box.width, 1.0), max(box.height, 1.0)))
        overflow.append(_draw(canvas, box))
        canvas.showPage()
    canvas.save()
    return Drawn(buffer.getvalue(), overflow)


def _draw(canvas: Canvas, box: Box) -> bool:
    inset = box.border_width if box.border is not None else 0.0
    if box.background is not None:
        canvas.setFillColorRGB(*box.background)
        canvas.rect(0, 0, box.width, box.height, stroke=0, fill=1)
    if box.border is not None and box.border_width > 0:
        canvas.setStrokeColorRGB(*box.border)
        canvas.setLineWidth(box.border_width)
        half = box.border_width / 2
        canvas.rect(half, half, box.width - box.border_width, box.height - box.border_width, stroke=1, fill=0)
        if box.comb:
            _comb_lines(canvas, box)
    if box.mark:
        _mark(canvas, box)
        return False
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(inset, inset, box.width - 2 * inset, box.height - 2 * inset)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.setFillColorRGB(*box.colour)
    if box.choices:
        overflow = _list(canvas, box, inset)
    elif box.comb:
        overflow = _comb(canvas, box)
    elif box.multiline:
        overflow = _lines(canvas, box, inset)
    else:
        overflow = _single(canvas, box, inset)
    canvas.restoreState()
    return overflow


def width_of(text: str, size: float) -> float:
    return sum(float(pdfmetrics.stringWidth(run.text, run.font, size)) for run in runs(display_order(text)))


def _baseline(bottom: float, height: float, size: float) -> float:
    return bottom + (height - size) / 2 + 0.22 * size


def _single(canvas: Canvas, box: Box, inset: float) -> bool:
    room = box.width - 2 * (inset + PADDING)
    size = box.size or min(MAX_AUTO_SIZE, max(MIN_SIZE, (box.height - 2 * inset) * 0.68))
    width = width_of(box.text, size)
    if width > room:
        size = max(MIN_SIZE, size * room / max(width, 1.0))
        width = width_of(box.text, size)
    _place(canvas, box, box.text, inset, _baseline(0, box.height, size), size, width)
    return width > room + 0.5


def _place(canvas: Canvas, box: Box, line: str, inset: float, y: float, size: float, width: float) -> None:
    align = box.align
    if align == 0 and reads_right_to_left(line):
        align = 2  # Hebrew starts at the right edge, as it is read
    left = inset + PADDING
    if align == 1:
        x = (box.width - width) / 2
    elif align == 2:
        x = box.width - inset - PADDING - width
    else:
        x = left
    draw_line(canvas, max(x, left) if width <= box.width - 2 * left else left, y, line, size)


def _lines(canvas: Canvas, box: Box, inset: float) -> bool:
    room_width = box.width - 2 * (inset + PADDING)
    room_height = box.height - 2 * (inset + PADDING)
    size = box.size or MAX_AUTO_SIZE
    while True:
        lines = [piece for paragraph in box.text.split("\n") for piece in wrap(paragraph, room_width, size)]
        fits = len(lines) * size * LINE_HEIGHT <= room_height and all(
            width_of(line, size) <= room_width for line in lines
        )
        if fits or size <= MIN_SIZE:
            break
        size = max(MIN_SIZE, size - 0.5)
    y = box.height - inset - PADDING - size
    for line in lines:
        _place(canvas, box, line, inset, y + 0.22 * size, size, width_of(line, size))
        y -= size * LINE_HEIGHT
    return not fits


def _comb(canvas: Canvas, box: Box) -> bool:
    cell = box.width / box.comb
    size = box.size or min(MAX_AUTO_SIZE, max(MIN_SIZE, box.height * 0.68))
    text = box.text if not is_rtl(box.text) else display_order(box.text)
    widest = max((width_of(char, size) for char in text), default=0.0)
    if widest > cell * 0.9:
        size = max(MIN_SIZE, size * cell * 0.9 / widest)
    y = _baseline(0, box.height, size)
    for index, char in enumerate(text[: box.comb]):
        draw_line(canvas, cell * index + cell / 2, y, char, size, align="centre")
    return len(text) > box.comb


def _comb_lines(canvas: Canvas, box: Box) -> None:
    cell = box.width / box.comb
    for index in range(1, box.comb):
        canvas.line(cell * index, 0, cell * index, box.height)


def _list(canvas: Canvas, box: Box, inset: float) -> bool:
    size = box.size or min(MAX_AUTO_SIZE, 10.0)
    step = size * LINE_HEIGHT
    y = box.height - inset - step
    for index, option in enumerate(box.choices):
        if y + step < inset:
            break
        if index == box.chosen:
            canvas.saveState()
            canvas.setFillColorRGB(*HIGHLIGHT)
            canvas.rect(inset, y, box.width - 2 * inset, step, stroke=0, fill=1)
            canvas.restoreState()
        _place(canvas, box, option, inset, y + 0.25 * size, size, width_of(option, size))
        y -= step
    return False


def _mark(canvas: Canvas, box: Box) -> None:
    side = min(box.width, box.height)
    canvas.setFillColorRGB(*box.colour)
    canvas.setStrokeColorRGB(*box.colour)
    if box.mark == "dot":
        canvas.circle(box.width / 2, box.height / 2, side * 0.22, stroke=0, fill=1)
        return
    canvas.setLineWidth(max(1.0, side * 0.12))
    left, bottom = (box.width - side) / 2, (box.height - side) / 2
    path = canvas.beginPath()
    path.moveTo(left + side * 0.22, bottom + side * 0.52)
    path.lineTo(left + side * 0.42, bottom + side * 0.28)
    path.lineTo(left + side * 0.80, bottom + side * 0.76)
    canvas.drawPath(path, stroke=1, fill=0)
