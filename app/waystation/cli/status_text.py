"""The human-readable ``waystation status``: the stay count first, then what to do next."""

from __future__ import annotations

from waystation.content.model import Pack
from waystation.i18n import _, format_date, ngettext
from waystation.rules.plan import StepPlan
from waystation.rules.status import Status

NEXT_STEPS_SHOWN = 5


def stay_lines(status: Status, pack: Pack, language: str) -> list[str]:
    stay = status.stay
    lines = [
        _("Status on {day} — {country}").format(day=format_date(status.on), country=pack.name.get(language))
    ]
    if status.rule is None:
        lines.append(_("No stay rule in this guide covers your citizenship; check the official pages."))
        return lines
    lines.append(status.rule.explain.get(language))
    lines.append(
        ngettext("{n} day counted", "{n} days counted", stay.days_used).format(n=stay.days_used)
        + (" " + _("(you are there now)") if stay.present else "")
    )
    if stay.must_leave_by is None or stay.days_left is None:
        return lines
    if stay.days_left < 0:
        lines.append(
            ngettext(
                "OVERSTAY: the last legal day was {day} ({n} day ago).",
                "OVERSTAY: the last legal day was {day} ({n} days ago).",
                -stay.days_left,
            ).format(day=format_date(stay.must_leave_by), n=-stay.days_left)
        )
    else:
        lines.append(
            ngettext(
                "{n} day left: you must leave by {day}.",
                "{n} days left: you must leave by {day}.",
                stay.days_left,
            ).format(n=stay.days_left, day=format_date(stay.must_leave_by))
        )
    return lines


def step_line(plan: StepPlan, language: str) -> str:
    title = plan.step.title.get(language)
    if plan.overdue and plan.due:
        when = _("overdue since {day}").format(day=format_date(plan.due))
    elif plan.due:
        when = _("due {day}").format(day=format_date(plan.due))
    elif plan.blocked_by:
        when = _("after {steps}").format(steps=", ".join(plan.blocked_by))
    else:
        when = _("no deadline")
    return f"  [{plan.state}] {title} — {when}  ({plan.step.id})"


def print_status(status: Status, pack: Pack, language: str) -> None:
    for line in stay_lines(status, pack, language):
        print(line)
    open_plans = [p for p in status.plans if not p.finished and p.applies is not False]
    print()
    print(_("Next steps:") if open_plans else _("No open steps."))
    for plan in open_plans[:NEXT_STEPS_SHOWN]:
        print(step_line(plan, language))
    if len(open_plans) > NEXT_STEPS_SHOWN:
        more = len(open_plans) - NEXT_STEPS_SHOWN
        print("  " + ngettext("… and {n} more", "… and {n} more", more).format(n=more))
    if status.expiring:
        print()
        print(_("Expiring documents:"))
        for warning in status.expiring:
            print(f"  {warning.kind}: {format_date(warning.expires)}")
