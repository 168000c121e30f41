"""Small building blocks shared by the packet's sections: paragraphs from untrusted text,
bilingual labels and values, dates, and text drawn straight onto a canvas (headers, footers)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from babel import Locale, UnknownLocaleError
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from waystation.content.model import PacketDefinition, Text
from waystation.packets.fonts import (
    BASE_BOLD,
    clean,
    display_order,
    markup,
    reads_right_to_left,
    runs,
    text_width,
)
from waystation.packets.labels import label
from waystation.packets.request import PacketRequest
from waystation.packets.styles import Styles


@dataclass(frozen=True)
class Context:
    """What every section needs: the request, the styles and the two languages."""

    request: PacketRequest
    styles: Styles
    definition: PacketDefinition

    @property
    def local(self) -> str:
        """The language the clerk reads (the pack's ``label_language``)."""
        return self.request.pack.label_language

    @property
    def user(self) -> str:
        return self.request.language

    def text(self, value: Text) -> str:
        return value.get(self.user)

    def pair(self, key: str) -> tuple[str, str | None]:
        first, second = label(key, self.local), label(key, self.user)
        return first, (second if second != first else None)

    def both(self, key: str, separator: str = " / ") -> str:
        first, second = self.pair(key)
        return first if second is None else f"{first}{separator}{second}"

    def numbered(self, key: str, number: int) -> str:
        """ "დანართი 2 / Приложение 2"."""
        first, second = self.pair(key)
        return f"{first} {number}" if second is None else f"{first} {number} / {second} {number}"

    def not_provided(self) -> str:
        return self.both("not_provided")

    def label_pair(self, key: str) -> Pair:
        first, second = self.pair(key)
        return Pair(first, second)


def para(text: str, style: ParagraphStyle, *, width: float | None = None) -> Paragraph:
    """A paragraph showing ``text`` exactly as typed (escaped, split into script runs); give
    ``width`` when the text may be right-to-left and wrap."""
    bold = style.fontName == BASE_BOLD
    return Paragraph(markup(text, bold=bold, width=width, size=style.fontSize), style)


def rich(markup_text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph from markup built by ``markup`` (for mixing colours or bold in one line)."""
    return Paragraph(markup_text, style)


def label_cell(ctx: Context, key: str, width: float) -> list[Flowable]:
    """The clerk's label, and under it the applicant's, muted; right-aligned when right-to-left."""
    styles = ctx.styles
    first, second = ctx.pair(key)
    cell: list[Flowable] = [
        para(first, styles.label_rtl if reads_right_to_left(first) else styles.label, width=width)
    ]
    if second is not None:
        cell.append(para(second, _muted(styles, second), width=width))
    return cell


@dataclass(frozen=True)
class Pair:
    """A value in the clerk's language and, when it reads differently, the applicant's."""

    first: str
    second: str | None = None


Value = str | Pair | None


def value_cell(ctx: Context, value: Value, width: float) -> list[Flowable]:
    """A value as typed; a pair on two lines (the applicant's muted, as in label cells), so
    right-to-left and left-to-right text never share a line; "not provided" when empty."""
    styles = ctx.styles
    if value is None or (isinstance(value, str) and not clean(value).strip()):
        value = ctx.label_pair("not_provided")
        return [para(value.first, _muted(styles, value.first), width=width)] + (
            [para(value.second, _muted(styles, value.second), width=width)] if value.second else []
        )
    if isinstance(value, str):
        return [para(value, styles.value_rtl if reads_right_to_left(value) else styles.value, width=width)]
    cell = [
        para(value.first, styles.value_rtl if reads_right_to_left(value.first) else styles.value, width=width)
    ]
    if value.second is not None:
        cell.append(para(value.second, _muted(styles, value.second), width=width))
    return cell


def _muted(styles: Styles, text: str) -> ParagraphStyle:
    return styles.label_second_rtl if reads_right_to_left(text) else styles.label_second


def day(value: date | None) -> str | None:
    """Dates as the host countries' forms write them: 12.04.1990."""
    return value.strftime("%d.%m.%Y") if value is not None else None


def country_name(code: str, language: str) -> str | None:
    try:
        names = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        return None
    found = names.get(code.upper())
    return str(found) if found else None


def country_value(ctx: Context, codes: str | Sequence[str] | None) -> Pair | None:
    """ "საქართველო (GE)" over "Грузия (GE)": countries in the clerk's and the applicant's
    language."""
    if not codes:
        return None
    listed = [codes] if isinstance(codes, str) else list(codes)

    def names(language: str) -> str:
        return "; ".join(f"{country_name(c, language) or c.upper()} ({c.upper()})" for c in listed)

    first, second = names(ctx.local), names(ctx.user)
    return Pair(first, second if second != first else None)


def draw_line(
    canvas: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False, align: str = "left"
) -> None:
    """One line of untrusted text straight on the canvas, in the right font per script and in
    display order; ``align`` is "left", "right" (x is the right edge) or "centre"."""
    line = clean(text).replace("\n", " ")
    visual = display_order(line)
    pieces = runs(visual, bold=bold)
    width = sum(pdfmetrics.stringWidth(run.text, run.font, size) for run in pieces)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    for run in pieces:
        canvas.setFont(run.font, size)
        canvas.drawString(x, y, run.text)
        x += pdfmetrics.stringWidth(run.text, run.font, size)


def fit_line(text: str, size: float, width: float, *, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis so that it fits ``width`` points on one line."""
    line = clean(text).replace("\n", " ")

    def measure(candidate: str) -> float:
        return text_width(candidate, size, bold=bold)

    if measure(line) <= width:
        return line
    while line and measure(line + "…") > width:
        line = line[:-1]
    return line.rstrip() + "…"
