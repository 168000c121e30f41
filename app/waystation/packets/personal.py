"""The part of the packet for the applicant, not for the office: a heading that says so, the
deadlines that lie ahead, the documents checklist with what is missing, and the steps with their
sources. It is written in the applicant's language only."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from waystation.i18n import _
from waystation.packets.cells import Context, country_name, day, para, rich
from waystation.packets.checklist import ChecklistItem, track_steps
from waystation.packets.checklist_section import checklist_section
from waystation.packets.cover import latin_name, native_name
from waystation.packets.fonts import markup
from waystation.packets.steps_section import steps_section
from waystation.packets.styles import BAD, FRAME_WIDTH


def personal_title() -> str:
    return _("For you, not for the office")


def personal_section(
    ctx: Context,
    checklist: Sequence[ChecklistItem],
    attached: Mapping[int, int],
    skipped: Mapping[int, str],
) -> list[Flowable]:
    styles = ctx.styles
    person = ctx.request.profile.person
    keep = (
        _(
            "Keep these pages when you hand in the rest: they list what is missing, the deadlines and the steps."
        )
        if ctx.request.for_office
        else _("These pages list what is missing, the deadlines and the steps.")
    )
    who = native_name(person) or latin_name(person)
    about = " · ".join(
        part for part in (who, ctx.text(ctx.definition.purpose), day(ctx.request.made_on)) if part
    )
    story: list[Flowable] = [
        para(personal_title(), styles.title, width=FRAME_WIDTH),
        para(about, styles.small, width=FRAME_WIDTH),
        para(keep, styles.body, width=FRAME_WIDTH),
        *deadlines_section(ctx),
        Spacer(1, 4 * mm),
        *checklist_section(ctx, checklist, attached, skipped),
        CondPageBreak(60 * mm),
        *steps_section(ctx),
    ]
    return story


def deadlines_section(ctx: Context) -> list[Flowable]:
    """The last day of legal stay, then each unfinished step's due date, the earliest first."""
    request = ctx.request
    styles = ctx.styles
    story: list[Flowable] = [para(_("Deadlines"), styles.heading)]
    stay = request.status.legal
    if stay.present and stay.must_leave_by is not None:
        country = country_name(request.pack.country, ctx.user) or request.pack.country
        story.append(
            rich(
                markup(
                    _("Last day of legal stay in {country}: {date}.").format(
                        country=country, date=day(stay.must_leave_by)
                    ),
                    bold=True,
                ),
                styles.body,
            )
        )
    due = sorted(
        (
            (plan.due, plan.overdue, ctx.text(step.title))
            for step, plan in track_steps(request.pack, request.track, request.status.plans)
            if plan is not None and plan.due is not None and not plan.finished
        ),
        key=lambda row: row[0],
    )
    for when, overdue, title in due:
        line = markup(_("{date}: {step}").format(date=day(when), step=title))
        if overdue:
            colour = BAD.hexval().replace("0x", "#")
            overdue_mark = markup(_("overdue"), bold=True)
            line += f' · <font color="{colour}">{overdue_mark}</font>'
        story.append(rich(line, styles.body))
    if len(story) == 1:
        story.append(para(_("No dates are known yet for the steps of this track."), styles.body))
    return story
