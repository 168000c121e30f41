"""The cover sheet: what the packet is for, whose it is, which office it goes to, when it was made."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, PageBreak, Spacer, Table

from waystation.i18n import _, ngettext
from waystation.packets.cells import Context, country_value, day, label_cell, para, value_cell
from waystation.packets.styles import FRAME_WIDTH, MUTED, RULE, SHADE, table_style
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
    definition = ctx.definition
    story: list[Flowable] = [
        Spacer(1, 18 * mm),
        para(ctx.both("document_packet", "  ·  "), styles.subtitle, width=FRAME_WIDTH),
        para(ctx.text(definition.purpose), styles.title, width=FRAME_WIDTH),
        HRFlowable(width="100%", thickness=0.8, color=RULE, spaceBefore=6, spaceAfter=14),
        para(native_name(person) or ctx.not_provided(), styles.cover_name, width=FRAME_WIDTH),
    ]
    latin = latin_name(person)
    if latin and latin != native_name(person):
        story.append(para(latin, styles.cover_latin, width=FRAME_WIDTH))
    story.append(Spacer(1, 12 * mm))
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
    story += [table, Spacer(1, 14 * mm), para(_("Contents"), styles.subheading)]
    contents = [
        _("Applicant’s data"),
        _("Documents checklist"),
        _("Steps, deadlines and sources"),
        ngettext("{n} attached scan", "{n} attached scans", attachments).format(n=attachments),
    ]
    story += [para(f"{number}. {line}", styles.body) for number, line in enumerate(contents, start=1)]
    story += [
        Spacer(1, 16 * mm),
        HRFlowable(width="100%", thickness=0.4, color=MUTED, spaceAfter=4),
        para(
            _(
                "Prepared by the applicant with Waystation from their own records. This is not an "
                "official form: the office’s own forms and current rules take precedence."
            ),
            styles.small,
        ),
        PageBreak(),
    ]
    return story
