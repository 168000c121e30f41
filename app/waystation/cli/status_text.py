"""The human-readable ``waystation status``: the stay count first, then what to do next."""

from __future__ import annotations

from waystation.content.model import Pack
from waystation.i18n import _, format_date, ngettext
from waystation.rules.plan import StepPlan
from waystation.rules.status import Status
from waystation.rules.stay_words import describe_stay, note_text

NEXT_STEPS_SHOWN = 5


def stay_lines(status: Status, pack: Pack, language: str) -> list[str]:
    """The basis of stay in words first, then the visa-free rule and its count, then warnings."""
    legal = status.legal
    lines = [
        _("Status on {day} — {country}").format(day=format_date(status.on), country=pack.name.get(language))
    ]
    words = describe_stay(legal, pack)
    lines.append(words.headline)
    lines += words.details
    if status.rule is not None:
        lines.append(status.rule.explain.get(language))
        lines.append(
            ngettext("{n} day counted", "{n} days counted", status.stay.days_used).format(
                n=status.stay.days_used
            )
            + (" " + _("(you are there now)") if legal.present else "")
        )
    lines += [_("Warning: {text}").format(text=note_text(note, pack)) for note in legal.notes]
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
