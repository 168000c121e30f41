"""The line the applicant signs and dates by hand, under their data: a blank over each label, the
labels in the clerk's language with the applicant's beneath."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from waystation.packets.cells import Context, label_cell
from waystation.packets.styles import FRAME_WIDTH, INK, table_style

GAP = 12 * mm
SIGNATURE_WIDTH = (FRAME_WIDTH - GAP) * 0.6
DATE_WIDTH = FRAME_WIDTH - GAP - SIGNATURE_WIDTH
WRITING_ROOM = 16 * mm  # room above the line for a hand-written signature


def signature_section(ctx: Context) -> list[Flowable]:
    rows = [
        ["", "", ""],
        [label_cell(ctx, "signature", SIGNATURE_WIDTH), "", label_cell(ctx, "date", DATE_WIDTH)],
    ]
    table = Table(
        rows,
        colWidths=[SIGNATURE_WIDTH, GAP, DATE_WIDTH],
        rowHeights=[WRITING_ROOM, None],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 1), (-1, 1), 3),
                ("LINEBELOW", (0, 0), (0, 0), 0.8, INK),
                ("LINEBELOW", (2, 0), (2, 0), 0.8, INK),
            ]
        )
    )
    return [KeepTogether([Spacer(1, 14 * mm), table])]
