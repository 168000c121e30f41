"""The cover sheet of the part for the office: what the packet is (a summary of the applicant's
data that the applicant prepared, with copies of the attached documents), whose it is, which
office it goes to, when it was made, and what it contains, each in the clerk's language with the
applicant's beside it.

It says what the packet is rather than what it is not: a clerk who reads "this is not an official
form" on top of a packet may refuse it, although it was never meant to replace the office's form.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, PageBreak, Spacer, Table

from waystation.packets.cells import Context, country_value, day, label_cell, para, value_cell
from waystation.packets.fonts import reads_right_to_left
from waystation.packets.styles import FRAME_WIDTH, RULE, SHADE, table_style
from waystation.vault.models import Person

LABEL_WIDTH = 52 * mm
VALUE_WIDTH = FRAME_WIDTH - LABEL_WIDTH
PAD = 5


def native_name(person: Person) -> str:
    return " ".join(p for p in (person.family_name, person.given_names, person.patronymic) if p.strip())


def latin_name(person: Person) -> str:
    return " ".join(p for p in (person.family_name_latin, person.given_names_latin) if p.strip())


def cover_section(ctx: Context, attachments: int) -> list[Flowable]:
    styles = ctx.styles
    person = ctx.request.profile.person
    story: list[Flowable] = [
        Spacer(1, 14 * mm),
        para(ctx.both("document_packet"), styles.title, width=FRAME_WIDTH),
        *statement(ctx),
        HRFlowable(width="100%", thickness=0.8, color=RULE, spaceBefore=8, spaceAfter=14),
        para(native_name(person) or ctx.not_provided(), styles.cover_name, width=FRAME_WIDTH),
    ]
    latin = latin_name(person)
    if latin and latin != native_name(person):
        story.append(para(latin, styles.cover_latin, width=FRAME_WIDTH))
    story += [Spacer(1, 10 * mm), _facts(ctx), Spacer(1, 12 * mm)]
    story.append(para(ctx.both("contents"), styles.subheading, width=FRAME_WIDTH))
    contents = [
        ctx.both("applicant_data"),
        ctx.both("signature"),
        f"{ctx.both('attached_documents')}: {attachments}",
    ]
    story += [
        para(f"{number}. {line}", styles.body, width=FRAME_WIDTH)
        for number, line in enumerate(contents, start=1)
    ]
    story.append(PageBreak())
    return story


def statement(ctx: Context) -> list[Flowable]:
    """What the packet is: in the clerk's language, then, quieter, in the applicant's."""
    first, second = ctx.pair("cover_statement")
    styles = ctx.styles
    lines = [para(first, _aligned(styles.body, first), width=FRAME_WIDTH)]
    if second is not None:
        lines.append(para(second, _aligned(styles.label_second, second), width=FRAME_WIDTH))
    return lines


def _aligned(style: ParagraphStyle, text: str) -> ParagraphStyle:
    if not reads_right_to_left(text):
        return style
    return ParagraphStyle(f"{style.name}_rtl", parent=style, alignment=TA_RIGHT)


def _facts(ctx: Context) -> Table:
    definition = ctx.definition
    office = ctx.text(definition.office)
    if definition.office_local and definition.office_local != office:
        office = f"{definition.office_local}\n{office}"
    rows = [
        ("purpose", ctx.text(definition.purpose)),
        ("office", office),
        ("host_country", country_value(ctx, ctx.request.pack.country)),
        ("date_prepared", day(ctx.request.made_on)),
    ]
    table = Table(
        [
            [label_cell(ctx, key, LABEL_WIDTH - 2 * PAD), value_cell(ctx, value, VALUE_WIDTH - 2 * PAD)]
            for key, value in rows
        ],
        colWidths=[LABEL_WIDTH, VALUE_WIDTH],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ]
        )
    )
    return table
