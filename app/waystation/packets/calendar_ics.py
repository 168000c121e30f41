"""Calendar export (.ics): every deadline, the last legal day of stay and document expiries as
all-day events with reminders three days and one day before.

A calendar file often ends up synced to a phone or a cloud account, so it carries no names, no
document numbers and no user-written titles: events say what is due, not whose. UIDs are hashes
of the step id and date, so importing a fresh export updates events instead of duplicating them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from waystation.content.model import Pack, Step
from waystation.i18n import _
from waystation.rules.ordinals import LAST_DAY
from waystation.rules.plan import StepPlan
from waystation.rules.status import Status

PRODID = "-//Waystation//Waystation calendar//EN"
REMINDER_DAYS = (3, 1)


@dataclass(frozen=True)
class CalendarEntry:
    """One all-day event before it becomes iCalendar text."""

    key: str
    day: date
    summary: str
    description: str


def build_calendar(status: Status, pack: Pack, language: str, *, stamp: datetime | None = None) -> bytes:
    """The .ics file for ``status``; step texts in ``language``, fixed texts in the UI language.

    ``stamp`` (DTSTAMP) defaults to midnight UTC of the status day, so the same status gives
    the same file and the export time is not recorded.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    when = (stamp or datetime.combine(status.on, time(0), tzinfo=UTC)).astimezone(UTC)
    for entry in calendar_entries(status, pack, language):
        calendar.add_component(_event(entry, when))
    result: bytes = calendar.to_ical()
    return result


def calendar_entries(status: Status, pack: Pack, language: str) -> list[CalendarEntry]:
    """The events to export, the soonest first; documents already expired are on the dashboard,
    not worth a reminder in the past."""
    entries = [*_step_entries(status.plans, language), *_stay_entries(status, pack)]
    entries += [
        CalendarEntry(
            key=f"expiry:{warning.kind}:{warning.document_id}",
            day=warning.expires,
            summary=_expiry_summary(warning.kind),
            description=_("Renewing a document abroad can take months: start early."),
        )
        for warning in status.expiring
        if not warning.expired
    ]
    return sorted(entries, key=lambda e: (e.day, e.key))


def _step_entries(plans: tuple[StepPlan, ...], language: str) -> Iterator[CalendarEntry]:
    for plan in plans:
        if plan.due is None or plan.finished or plan.applies is False:
            continue
        yield CalendarEntry(
            key=f"step:{plan.step.id}",
            day=plan.due,
            summary=plan.step.title.get(language),
            description=_step_description(plan.step, language),
        )


def _step_description(step: Step, language: str) -> str:
    deadline = step.deadline
    note = deadline.note.get(language) if deadline and deadline.note else None
    lines = [note or _("Deadline for this step (Waystation checklist).")]
    if step.sources:
        lines += ["", _("Sources:"), *(source.url for source in step.sources)]
    return "\n".join(lines)


def _stay_entries(status: Status, pack: Pack) -> Iterator[CalendarEntry]:
    """Only while present: for someone away the last day is a what-if, not a date to keep."""
    stay = status.legal
    if stay.present and stay.must_leave_by is not None:
        yield CalendarEntry(
            key=f"stay:{stay.rule.id if stay.rule is not None else pack.country}",
            day=stay.must_leave_by,
            summary=_("Last day of legal stay in {country}").format(country=pack.country),
            description=_("Leave, or hold a visa or permit that lets you stay, by the end of this day."),
        )


def _expiry_summary(kind: str) -> str:
    """A generic label per kind: the user's own document titles stay out of the calendar."""
    labels = {
        "passport": _("Passport expires"),
        "id_card": _("ID card expires"),
        "permit": _("Permit expires"),
        "health_insurance": _("Health insurance expires"),
        "registration": _("Registration expires"),
    }
    return labels.get(kind, _("A document expires"))


def _uid(key: str, day: date) -> str:
    digest = hashlib.sha256(f"{key}|{day.isoformat()}".encode()).hexdigest()
    return f"{digest[:32]}@waystation"


def _event(entry: CalendarEntry, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", _uid(entry.key, entry.day))
    event.add("dtstamp", stamp)
    event.add("dtstart", entry.day)
    if entry.day.toordinal() < LAST_DAY:
        event.add("dtend", entry.day + timedelta(days=1))
    event.add("summary", entry.summary)
    event.add("description", entry.description)
    event.add("transp", "TRANSPARENT")
    for days in REMINDER_DAYS:
        event.add_component(_alarm(entry.summary, days))
    return event


def _alarm(summary: str, days_before: int) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    alarm.add("trigger", timedelta(days=-days_before))
    return alarm
