"""The applicant's data: person, passports, address of stay, stays and family, each label in the
clerk's language beside the applicant's. Anything missing reads "not provided", never blank."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Table, TableStyle

from waystation.packets.cells import Context, Value, country_value, day, label_cell, para, value_cell
from waystation.packets.styles import FRAME_WIDTH, RULE, SHADE, table_style
from waystation.vault.models import FamilyMember, Passport, Person, Profile

LABEL_WIDTH = 68 * mm
VALUE_WIDTH = FRAME_WIDTH - LABEL_WIDTH
PAD = 4
SECTION_ROOM = 45 * mm

Row = tuple[str, Value]  # label key, value (None: not provided)


def applicant_section(ctx: Context) -> list[Flowable]:
    profile = ctx.request.profile
    story: list[Flowable] = [*_section(ctx, "applicant"), _table(ctx, _person_rows(ctx, profile.person))]
    story += _passports(ctx, profile.passports)
    story += [*_section(ctx, "host"), _table(ctx, _host_rows(ctx, profile))]
    story += _stays(ctx, profile)
    story += _family(ctx, profile.family)
    return story


def _section(ctx: Context, key: str) -> list[Flowable]:
    """A section heading, on a new page when too little room is left for anything under it."""
    return [CondPageBreak(SECTION_ROOM), _heading(ctx, key)]


def _grouped(ctx: Context, key: str, blocks: list[list[Flowable]]) -> list[Flowable]:
    """A section of small blocks, each kept on one page; the heading stays with the first."""
    break_if_full, heading = _section(ctx, key)
    first, *rest = blocks
    return [break_if_full, KeepTogether([heading, *first]), *(KeepTogether(block) for block in rest)]


def _heading(ctx: Context, key: str, number: int | None = None, *, sub: bool = False) -> Flowable:
    text = ctx.both(key) if number is None else ctx.numbered(key, number)
    style = ctx.styles.subheading if sub else ctx.styles.heading
    return para(text, style, width=FRAME_WIDTH)


def _table(ctx: Context, rows: Sequence[Row]) -> Table:
    data = [
        [label_cell(ctx, key, LABEL_WIDTH - 2 * PAD), value_cell(ctx, value, VALUE_WIDTH - 2 * PAD)]
        for key, value in rows
    ]
    # splitInRow: a value taller than a page (a long address) flows onto the next page
    table = Table(data, colWidths=[LABEL_WIDTH, VALUE_WIDTH], hAlign="LEFT", splitInRow=1)
    table.setStyle(_grid_style())
    return table


def _grid_style(header: bool = False) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    else:
        commands.append(("BACKGROUND", (0, 0), (0, -1), SHADE))
    return table_style(commands)


def _person_rows(ctx: Context, person: Person) -> list[Row]:
    return [
        ("family_name", person.family_name),
        ("given_names", person.given_names),
        ("patronymic", person.patronymic),
        ("family_name_latin", person.family_name_latin),
        ("given_names_latin", person.given_names_latin),
        ("date_of_birth", day(person.date_of_birth)),
        ("place_of_birth", person.place_of_birth),
        ("sex", ctx.label_pair(f"sex_{person.sex}") if person.sex in ("F", "M", "X") else None),
        (
            "citizenship",
            country_value(ctx, person.citizenships),
        ),
        ("phone", person.phone),
        ("email", person.email),
    ]


def _passports(ctx: Context, passports: Sequence[Passport]) -> list[Flowable]:
    if not passports:
        return [*_section(ctx, "passports"), _table(ctx, [("passport_number", None)])]
    blocks: list[list[Flowable]] = []
    for number, passport in enumerate(passports, start=1):
        kind = passport.kind if passport.kind in ("international", "internal", "other") else "other"
        rows: list[Row] = [
            ("passport_number", passport.number),
            ("passport_kind", ctx.label_pair(f"passport_{kind}")),
            ("issued", day(passport.issued)),
            ("expires", day(passport.expires)),
            ("authority", passport.authority),
        ]
        heading = _heading(ctx, "passport", number if len(passports) > 1 else None, sub=True)
        blocks.append([heading, _table(ctx, rows)])
    return _grouped(ctx, "passports", blocks)


def _host_rows(ctx: Context, profile: Profile) -> list[Row]:
    host = profile.host
    return [
        ("host_country", country_value(ctx, host.country)),
        ("city", host.city),
        ("address", host.address),
        ("arrival_date", day(host.arrival_date)),
    ]


def _stays(ctx: Context, profile: Profile) -> list[Flowable]:
    heading = _section(ctx, "stays")
    if not profile.stays:
        return [*heading, _table(ctx, [("entered", None)])]
    widths = [FRAME_WIDTH * 0.46, FRAME_WIDTH * 0.27, FRAME_WIDTH * 0.27]
    header = [
        label_cell(ctx, key, w - 2 * PAD)
        for key, w in zip(("country", "entered", "left"), widths, strict=True)
    ]
    rows: list[list[object]] = [list(header)]
    for stay in sorted(profile.stays, key=lambda s: s.entered):
        cells = (
            country_value(ctx, stay.country),
            day(stay.entered),
            day(stay.left) or ctx.label_pair("ongoing"),
        )
        rows.append([value_cell(ctx, v, w - 2 * PAD) for v, w in zip(cells, widths, strict=True)])
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1, splitInRow=1)
    table.setStyle(_grid_style(header=True))
    return [*heading, table]


def _family(ctx: Context, family: Sequence[FamilyMember]) -> list[Flowable]:
    if not family:
        return [*_section(ctx, "family"), _table(ctx, [("relation", None)])]
    blocks: list[list[Flowable]] = []
    for number, member in enumerate(family, start=1):
        relation = member.relation if member.relation in _RELATIONS else "other"
        rows: list[Row] = [
            ("relation", ctx.label_pair(f"relation_{relation}")),
            ("family_name", member.family_name),
            ("given_names", member.given_names),
            ("date_of_birth", day(member.date_of_birth)),
        ]
        heading = _heading(ctx, "family_member", number, sub=True)
        blocks.append([heading, _table(ctx, rows)])
    return _grouped(ctx, "family", blocks)


_RELATIONS = ("spouse", "partner", "child", "parent", "sibling", "other")
