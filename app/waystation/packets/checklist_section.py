"""The documents checklist as a table: document, status, what it needs, details."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from waystation.i18n import _, ngettext
from waystation.packets.cells import Context, day, para, rich
from waystation.packets.checklist import ChecklistItem, ItemState
from waystation.packets.fonts import markup
from waystation.packets.styles import BAD, FRAME_WIDTH, GOOD, RULE, SHADE, WARN, table_style
from waystation.vault.models import DocumentInfo

WIDTHS = (52 * mm, 30 * mm, 32 * mm, FRAME_WIDTH - 114 * mm)
PAD = 4
PASSPORTS_ONE_PER_LINE = 3


def state_text(state: ItemState) -> str:
    return {
        "present": _("present"),
        "missing": _("missing"),
        "expires_before_deadline": _("expires before the deadline"),
        "expired": _("expired"),
    }[state]


_STATE_COLOURS = {"present": GOOD, "missing": BAD, "expires_before_deadline": WARN, "expired": BAD}


def checklist_section(
    ctx: Context,
    items: Sequence[ChecklistItem],
    attached: Mapping[int, int],
    skipped: Mapping[int, str],
) -> list[Flowable]:
    """``attached`` maps a document id to its attachment number; ``skipped`` to the reason."""
    styles = ctx.styles
    story: list[Flowable] = [
        para(_("Documents checklist"), styles.heading),
        para(
            _("What the steps of this track ask for, and what the vault held on {date}.").format(
                date=day(ctx.request.made_on)
            ),
            styles.body,
        ),
    ]
    if not items:
        story.append(para(_("The guide lists no documents for this track."), styles.body))
        return story
    head = [para(t, styles.cell_head) for t in (_("Document"), _("Status"), _("Needs"), _("Details"))]
    rows: list[list[object]] = [head]
    for item in items:
        rows.append(
            [
                _document_cell(ctx, item),
                _state_cell(ctx, item),
                _needs_cell(ctx, item),
                _details_cell(ctx, item, attached, skipped),
            ]
        )
    # splitInRow: a row taller than a page (many documents, long notes) flows onto the next one
    table = Table(rows, colWidths=list(WIDTHS), hAlign="LEFT", repeatRows=1, splitInRow=1)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ]
        )
    )
    story.append(table)
    return story


def _document_cell(ctx: Context, item: ChecklistItem) -> list[Flowable]:
    styles = ctx.styles
    first, second = ctx.pair(f"doc_{item.kind}")
    cell: list[Flowable] = [para(first, styles.label, width=WIDTHS[0] - 2 * PAD)]
    if second is not None:
        cell.append(para(second, styles.label_second, width=WIDTHS[0] - 2 * PAD))
    if item.optional:
        cell.append(para(_("optional"), styles.small))
    return cell


def _state_cell(ctx: Context, item: ChecklistItem) -> Paragraph:
    colour = _STATE_COLOURS[item.state].hexval().replace("0x", "#")
    text = f'<font color="{colour}">{markup(state_text(item.state), bold=True)}</font>'
    return rich(text, ctx.styles.label)


def _needs_cell(ctx: Context, item: ChecklistItem) -> Paragraph:
    needs = [
        text
        for flag, text in (
            (item.translated, _("translated")),
            (item.apostilled, _("apostilled")),
            (item.notarised, _("notarised")),
        )
        if flag
    ]
    return para("\n".join(needs) if needs else "—", ctx.styles.body)


def _details_cell(
    ctx: Context, item: ChecklistItem, attached: Mapping[int, int], skipped: Mapping[int, str]
) -> list[Flowable]:
    styles = ctx.styles
    lines: list[str] = []
    if item.deadline is not None:
        lines.append(_("needed by {date}").format(date=day(item.deadline)))
    if item.expires is not None:
        lines.append(_("valid until {date}").format(date=day(item.expires)))
    if len(item.passports) > PASSPORTS_ONE_PER_LINE:  # forty must not make a cell taller than a page
        passport_numbers = ", ".join(passport.number or "—" for passport in item.passports)
        lines.append(_("in the profile: passports {numbers}").format(numbers=passport_numbers))
    else:
        for passport in item.passports:
            lines.append(_("in the profile: passport {number}").format(number=passport.number or "—"))
    numbers = [attached[d.id] for d in item.documents if d.id in attached]
    if numbers:
        lines.append(
            ngettext("attachment {numbers}", "attachments {numbers}", len(numbers)).format(
                numbers=", ".join(str(n) for n in numbers)
            )
        )
    for document in item.documents:
        if document.id not in attached and document.id not in skipped:
            lines.append(_("in your vault: {name}").format(name=_document_name(document)))
    cell: list[Flowable] = [para("\n".join(lines), styles.body)] if lines else []
    for document in item.documents:
        if document.id in skipped:
            name = _document_name(document)
            warning = _("Scan “{name}” left out: {reason}.").format(name=name, reason=skipped[document.id])
            colour = BAD.hexval().replace("0x", "#")
            cell.append(rich(f'<font color="{colour}">{markup(warning)}</font>', styles.small))
    for note in item.notes:
        cell.append(para(ctx.text(note), styles.small, width=WIDTHS[3] - 2 * PAD))
    return cell or [para("—", styles.body)]


def _document_name(document: DocumentInfo) -> str:
    return document.title or document.original_name or f"#{document.id}"
