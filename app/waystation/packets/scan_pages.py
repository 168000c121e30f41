"""Attached image scans: one page each, a caption on top and the image scaled to fit below."""

from __future__ import annotations

import hashlib
import io

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from waystation.packets.cells import Context, day, para
from waystation.packets.scans import PreparedImage
from waystation.packets.styles import FRAME_HEIGHT, FRAME_WIDTH, RULE
from waystation.vault.models import DocumentInfo

CAPTION_GAP = 8


class JpegReader(ImageReader):  # type: ignore[misc]
    """An ImageReader for JPEG bytes that ReportLab embeds as they are.

    ReportLab names each image by a digest of its decoded pixels, which decodes every scan once
    more just to name it; a digest of the JPEG bytes names it as well, at a fraction of the cost.
    """

    def __init__(self, jpeg: bytes) -> None:
        super().__init__(io.BytesIO(jpeg))
        self._key = hashlib.sha256(jpeg).digest()
        self._dataA = None  # our JPEGs have no alpha channel

    def getRGBData(self) -> bytes:  # noqa: N802  (ReportLab's name)
        return self._key


def caption(ctx: Context, number: int, document: DocumentInfo) -> str:
    """ "Attachment 2 · Passport / პასპორტი · my title · 20.05.2019 – 20.05.2029"."""
    kind = ctx.both(f"doc_{document.kind}")
    parts = [ctx.numbered("attachment", number), kind]
    if document.title:
        parts.append(document.title)
    dates = [d for d in (day(document.issued), day(document.expires)) if d]
    if dates:
        parts.append(" – ".join(dates))
    return " · ".join(parts)


class ScanPage(Flowable):  # type: ignore[misc]
    """Fills a whole frame, so each scan gets a page of its own."""

    def __init__(self, ctx: Context, number: int, scan: PreparedImage) -> None:
        super().__init__()
        self._caption = para(caption(ctx, number, scan.document), ctx.styles.subheading, width=FRAME_WIDTH)
        self._scan = scan

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return FRAME_WIDTH, FRAME_HEIGHT

    def draw(self) -> None:
        canvas = self.canv
        _width, caption_height = self._caption.wrap(FRAME_WIDTH, FRAME_HEIGHT)
        self._caption.drawOn(canvas, 0, FRAME_HEIGHT - caption_height)
        box_height = FRAME_HEIGHT - caption_height - CAPTION_GAP
        scale = min(FRAME_WIDTH / self._scan.width, box_height / self._scan.height)
        width, height = self._scan.width * scale, self._scan.height * scale
        x, y = (FRAME_WIDTH - width) / 2, box_height - height
        canvas.drawImage(JpegReader(self._scan.jpeg), x, y, width=width, height=height)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.rect(x, y, width, height)


class PageMark(Flowable):  # type: ignore[misc]
    """Takes no room; notes the page it lands on (where a section starts)."""

    def __init__(self, pages: list[int]) -> None:
        super().__init__()
        self._pages = pages

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self._pages.append(self.canv.getPageNumber())
