"""The steps of the track with their deadlines and sources, so the applicant (and anyone helping)
can check every rule where it was found."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from waystation.content.model import Source, Step
from waystation.i18n import _
from waystation.packets.cells import Context, day, para, rich
from waystation.packets.checklist import track_steps
from waystation.packets.fonts import markup
from waystation.packets.styles import BAD, FRAME_WIDTH
from waystation.rules.plan import StepPlan


def state_text(state: str) -> str:
    return {
        "todo": _("to do"),
        "doing": _("in progress"),
        "done": _("done"),
        "skipped": _("skipped"),
    }.get(state, state)


def steps_section(ctx: Context) -> list[Flowable]:
    request = ctx.request
    styles = ctx.styles
    story: list[Flowable] = [
        para(_("Steps and deadlines"), styles.heading),
        para(
            _(
                "Rules change: check each source before you go. The Calendar screen of Waystation "
                "puts these deadlines in your own calendar."
            ),
            styles.small,
        ),
    ]
    steps = track_steps(request.pack, request.track, request.status.plans)
    if not steps:
        story.append(para(_("The guide has no steps for this track."), styles.body))
    for number, (step, plan) in enumerate(steps, start=1):
        story.append(KeepTogether(_step_block(ctx, number, step, plan)))
    return story


def _step_block(ctx: Context, number: int, step: Step, plan: StepPlan | None) -> list[Flowable]:
    styles = ctx.styles
    block: list[Flowable] = [
        para(f"{number}. {ctx.text(step.title)}", styles.subheading, width=FRAME_WIDTH),
        rich(_status_markup(plan), styles.body),
    ]
    if step.deadline is not None and step.deadline.note is not None:
        block.append(para(ctx.text(step.deadline.note), styles.body, width=FRAME_WIDTH))
    block.append(para(ctx.text(step.body), styles.body, width=FRAME_WIDTH))
    if plan is not None and plan.stale:
        block.append(
            para(
                _(
                    "May be out of date: last checked on {date}. Check the sources before you rely on it."
                ).format(date=day(step.last_verified)),
                styles.small,
            )
        )
    if step.sources:
        block.append(
            para(_("Sources (checked on {date}):").format(date=day(step.last_verified)), styles.small)
        )
        block += [para(_source_line(source), styles.small, width=FRAME_WIDTH) for source in step.sources]
    return block


def _status_markup(plan: StepPlan | None) -> str:
    if plan is None:
        return markup(_("Status: {state}").format(state=state_text("todo")))
    parts = [markup(_("Status: {state}").format(state=state_text(plan.state)))]
    if plan.done_on is not None and plan.finished:
        parts.append(markup(_("on {date}").format(date=day(plan.done_on))))
    elif plan.due is not None:
        due = markup(_("due {date}").format(date=day(plan.due)), bold=plan.overdue)
        if plan.overdue:
            colour = BAD.hexval().replace("0x", "#")
            overdue = markup(_("overdue"), bold=True)
            due = f'<font color="{colour}">{due} · {overdue}</font>'
        parts.append(due)
    return " · ".join(parts)


def _source_line(source: Source) -> str:
    dated = day(source.stated_date) if source.stated_date is not None else _("n.d.")
    title = f"{source.title}: " if source.title else ""
    return f"• {title}{source.url} ({dated})"
