"""The printed text of a form's pages with its positions (PDFium), and the label nearest to each
field: to the left on the same line or just above for a text box, to the right for a checkbox
or a radio button, printed inside the box when the form prints its labels there.

PDFium is not thread-safe: every call into it holds ``PDFIUM_CORE``. The desktop app holds its
own PDFium lock around this work as well (ui/pages/packet_preview.PDFIUM), always first.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from waystation.forms.model import Rect
from waystation.forms.source import damaged

PDFIUM_CORE = threading.RLock()
MAX_SEGMENTS = 5000  # text runs read per page
MAX_SEGMENT_CHARS = 300
MAX_LABEL_CHARS = 200

LEFT_REACH = 220.0  # points between a label's end and its box
ABOVE_REACH = 18.0
RIGHT_REACH = 150.0
BELOW_REACH = 12.0


@dataclass(frozen=True)
class Segment:
    rect: Rect
    text: str

    @property
    def left(self) -> float:
        return self.rect[0]

    @property
    def bottom(self) -> float:
        return self.rect[1]

    @property
    def right(self) -> float:
        return self.rect[2]

    @property
    def top(self) -> float:
        return self.rect[3]


def page_segments(data: bytes, password: str | None, pages: Iterable[int]) -> dict[int, list[Segment]]:
    """The text runs of ``pages`` (0-based) with their boxes, top to bottom."""
    import pypdfium2 as pdfium

    found: dict[int, list[Segment]] = {}
    with PDFIUM_CORE:
        try:
            document = pdfium.PdfDocument(data, password=password or None)
        except pdfium.PdfiumError:
            raise damaged() from None
        try:
            for index in sorted(set(pages)):
                if 0 <= index < len(document):
                    found[index] = _segments(document, index)
        finally:
            document.close()
    return found


def _segments(document: object, index: int) -> list[Segment]:
    page = document[index]  # type: ignore[index]
    try:
        text_page = page.get_textpage()
        try:
            segments = []
            for number in range(min(text_page.count_rects(), MAX_SEGMENTS)):
                left, bottom, right, top = text_page.get_rect(number)
                text = _tidy(text_page.get_text_bounded(left, bottom, right, top))
                if text:
                    segments.append(Segment((left, bottom, right, top), text[:MAX_SEGMENT_CHARS]))
        finally:
            text_page.close()
    finally:
        page.close()
    segments.sort(key=lambda s: (-s.top, s.left))
    return segments


_SPACES = re.compile(r"\s+")


def _tidy(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\x00", "")).strip()


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_label(text: str) -> str:
    """A label without the decorations forms put around it (numbering, colons, stars), and
    without control characters (a label is untrusted text)."""
    text = _SPACES.sub(" ", _CONTROL.sub(" ", text)).strip()
    text = re.sub(r"^(\d{1,2}(\.\d{1,2})*\.?|[a-z]\))\s+", "", text)
    return text.strip(" :*_.…")[:MAX_LABEL_CHARS]


def _same_line(segment: Segment, rect: Rect) -> bool:
    overlap = min(segment.top, rect[3]) - max(segment.bottom, rect[1])
    return overlap >= 0.3 * max(1.0, min(segment.top - segment.bottom, rect[3] - rect[1]))


def _columns_overlap(segment: Segment, rect: Rect) -> bool:
    return segment.left < rect[2] - 2 and segment.right > rect[0] - 2


def _left(segment: Segment, rect: Rect) -> float | None:
    gap = rect[0] - segment.right
    if gap < -3 or gap > LEFT_REACH or not _same_line(segment, rect):
        return None
    return max(gap, 0.0) * 0.2  # labels in a column of their own stand far from their boxes


def _right(segment: Segment, rect: Rect) -> float | None:
    gap = segment.left - rect[2]
    if gap < -3 or gap > RIGHT_REACH or not _same_line(segment, rect):
        return None
    return max(gap, 0.0)


def _above(segment: Segment, rect: Rect) -> float | None:
    gap = segment.bottom - rect[3]
    if gap < -3 or gap > ABOVE_REACH or not _columns_overlap(segment, rect):
        return None
    return max(gap, 0.0) * 2 + abs(segment.left - rect[0]) * 0.3


def _inside(segment: Segment, rect: Rect) -> float | None:
    middle_x = (segment.left + segment.right) / 2
    middle_y = (segment.bottom + segment.top) / 2
    if rect[0] <= middle_x <= rect[2] and rect[1] <= middle_y <= rect[3]:
        return 1.0
    return None


def _below(segment: Segment, rect: Rect) -> float | None:
    gap = rect[1] - segment.top
    if gap < -3 or gap > BELOW_REACH or not _columns_overlap(segment, rect):
        return None
    return 40 + max(gap, 0.0) * 2  # a caption under a line only when nothing else is near


Scorer = Callable[[Segment, Rect], float | None]


def nearest_segment(segments: list[Segment], rect: Rect, *, button: bool, sides: str = "") -> Segment | None:
    """The text run that labels the box at ``rect``: for a checkbox or radio button (``button``)
    the text to its right first, then to its left; for other fields the text inside, to the
    left, above or below it. ``sides`` ("left", "right") limits where to look."""
    scorers: tuple[tuple[Scorer, float], ...] = (
        ((_right, 0.0), (_left, 5.0))
        if button
        else ((_inside, 0.0), (_left, 0.0), (_above, 0.0), (_below, 0.0))
    )
    if sides:
        scorers = tuple((scorer, penalty) for scorer, penalty in scorers if scorer.__name__[1:] in sides)
    best: tuple[float, Segment] | None = None
    for segment in segments:
        for scorer, penalty in scorers:
            score = scorer(segment, rect)
            if score is None:
                continue
            score += penalty
            if best is None or score < best[0]:
                best = (score, segment)
    return best[1] if best else None


def nearest_label(segments: list[Segment], rect: Rect, *, button: bool, sides: str = "") -> str:
    segment = nearest_segment(segments, rect, button=button, sides=sides)
    return clean_label(segment.text) if segment else ""
