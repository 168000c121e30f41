"""The look of a packet: A4, calm greys, one typeface (Noto) at a few sizes.

Every style names one of our fonts, so ReportLab never falls back to a standard-14 font.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from waystation.packets.fonts import BASE, BASE_BOLD

PAGE_SIZE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 22 * mm  # the footer lives in the bottom margin
FRAME_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5b6675")
RULE = colors.HexColor("#c3ccd6")
SHADE = colors.HexColor("#eef2f6")
GOOD = colors.HexColor("#2f6b3a")
BAD = colors.HexColor("#a3261c")
WARN = colors.HexColor("#8a5300")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    label_rtl: ParagraphStyle
    label_second: ParagraphStyle
    label_second_rtl: ParagraphStyle
    value: ParagraphStyle
    value_rtl: ParagraphStyle
    cell_head: ParagraphStyle
    cover_name: ParagraphStyle
    cover_latin: ParagraphStyle


def _style(
    name: str, size: float, *, bold: bool = False, color: colors.Color = INK, **extra: object
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=BASE_BOLD if bold else BASE,
        fontSize=size,
        leading=round(size * 1.32, 1),
        textColor=color,
        alignment=extra.pop("alignment", TA_LEFT),
        **extra,
    )


def make_styles() -> Styles:
    return Styles(
        title=_style("title", 17, bold=True, spaceAfter=4),
        subtitle=_style("subtitle", 11, color=MUTED, spaceAfter=2),
        heading=_style("heading", 13, bold=True, spaceBefore=10, spaceAfter=6, keepWithNext=1),
        subheading=_style("subheading", 10.5, bold=True, spaceBefore=8, spaceAfter=3, keepWithNext=1),
        body=_style("body", 9.5, spaceAfter=3),
        small=_style("small", 8, color=MUTED, spaceAfter=1),
        label=_style("label", 9, bold=True),
        label_rtl=_style("label_rtl", 9, bold=True, alignment=TA_RIGHT),
        label_second=_style("label_second", 8, color=MUTED),
        label_second_rtl=_style("label_second_rtl", 8, color=MUTED, alignment=TA_RIGHT),
        value=_style("value", 10),
        value_rtl=_style("value_rtl", 10, alignment=TA_RIGHT),
        cell_head=_style("cell_head", 8.5, bold=True, color=MUTED),
        cover_name=_style("cover_name", 20, bold=True, spaceAfter=2),
        cover_latin=_style("cover_latin", 13, color=MUTED, spaceAfter=2),
    )


def table_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """A table style whose cells name our font: ReportLab sets each cell's font even when the
    cell holds paragraphs, and its default is Helvetica."""
    return TableStyle([("FONT", (0, 0), (-1, -1), BASE, 9), *commands])
