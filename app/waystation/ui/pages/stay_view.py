"""What the dashboard says about the legal stay, in words, for every case the core can report:
a visa or permit binding (with its renewal and the visa-free count beside it), counting down,
overstayed, away (and whether entering now is possible), a visa needed but none recorded, no
limit, no rule for the person's citizenship, no entry recorded.

The numbers and sentences about the basis come from the core (``Status``, ``describe_stay``,
``earliest_return``); this module only chooses what to show where."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from waystation.content.model import Pack
from waystation.errors import WaystationError
from waystation.i18n import _, current_language, format_date, ngettext
from waystation.rules.bases import NO_RULE, VISA_FREE, VISA_REQUIRED, LegalStay
from waystation.rules.status import Status
from waystation.rules.stay import StayStatus, earliest_return
from waystation.rules.stay_words import describe_stay, note_text
from waystation.vault.models import Stay

NEARLY_OVER_DAYS = 14


@dataclass
class StayView:
    headline: str
    number: str
    caption: str
    used: int
    total: int | None = None
    warm: bool = False
    lines: list[str] = field(default_factory=list)
    note: str = ""  # a calm warning, shown apart
    explain: str = ""
    needs_profile: bool = False
    profile_section: str = "stays"  # where the profile button leads


def stay_view(status: Status, pack: Pack, stays: Sequence[Stay], arrival: date | None = None) -> StayView:
    """``arrival`` is the profile's arrival date, named when no entry is recorded yet."""
    legal = status.legal
    if legal.binding is not None and legal.binding.kind != VISA_FREE:
        view = _permit_view(legal, pack)
    else:
        view = _visa_free_view(status, pack, stays, arrival)
    shown_elsewhere = {NO_RULE, VISA_REQUIRED}
    notes = [note_text(note, pack) for note in legal.notes if note.code not in shown_elsewhere]
    view.note = " ".join(text for text in (view.note, *notes) if text)
    return view


def _permit_view(legal: LegalStay, pack: Pack) -> StayView:
    """A visa, permit, protection or pending application binds: the core's sentence leads."""
    binding = legal.binding
    assert binding is not None
    words = describe_stay(legal, pack)
    if binding.last_day is None:
        return StayView(
            headline=words.headline,
            number="∞",
            caption=_("no end date"),
            used=0,
            lines=list(words.details),
        )
    left = (binding.last_day - legal.on).days
    if binding.days_used is not None:
        used = binding.days_used
    elif binding.permit is not None:
        used = max((legal.on - binding.permit.valid_from).days + 1, 0)
    else:
        used = 0
    return StayView(
        headline=words.headline,
        number=str(left),
        caption=ngettext("day left", "days left", left),
        used=used,
        total=used + left,
        warm=left <= NEARLY_OVER_DAYS,
        lines=[
            _("Last day you may stay: {date}").format(date=format_date(binding.last_day, "long")),
            *words.details,
        ],
    )


def _visa_free_view(status: Status, pack: Pack, stays: Sequence[Stay], arrival: date | None) -> StayView:
    country = pack.name.get(current_language())
    rule = status.rule
    stay = status.stay
    if rule is None:
        return _no_rule(stay)
    explain = rule.explain.get(current_language())
    if rule.unknown:
        view = _unknown_rule(stay)
    elif rule.visa_required or rule.no_limit:
        view = _not_counted(stay, visa=rule.visa_required)
    elif not any(s.country == status.country for s in stays):
        view = _no_entry(arrival, country)
    elif not stay.present:
        view = _away(status, pack, stays, country)
    elif stay.must_leave_by is None or stay.days_left is None:
        view = _open_ended(stay)
    elif stay.overstayed:
        view = _overstayed(stay)
    else:
        view = _counting(stay)
    view.explain = explain
    return view


def _days_here(stay: StayStatus) -> tuple[str, str]:
    return str(stay.days_used), ngettext("day counted", "days counted", stay.days_used)


def _no_rule(stay: StayStatus) -> StayView:
    number, caption = _days_here(stay)
    return StayView(
        headline=_("This guide has no stay rule for your citizenship"),
        number=number,
        caption=caption,
        used=stay.days_used,
        note=_(
            "This guide has no stay rule for the citizenship in your profile, so Waystation cannot "
            "count your days. Check your citizenship in the profile, and the official sources."
        ),
        needs_profile=True,
    )


def _unknown_rule(stay: StayStatus) -> StayView:
    number, caption = _days_here(stay)
    return StayView(
        headline=_("The stay rule for your citizenship is not known"),
        number=number,
        caption=caption,
        used=stay.days_used,
        lines=[_("Days counted in the last 180 days: {n}").format(n=stay.days_used)],
        needs_profile=True,
    )


def _not_counted(stay: StayStatus, *, visa: bool) -> StayView:
    number, caption = _days_here(stay)
    if visa:
        headline = _("Your visa or permit decides how long you may stay")
    else:
        headline = _("No time limit applies to you here")
    return StayView(
        headline=headline,
        number=number,
        caption=caption,
        used=stay.days_used,
        lines=[_("Days counted in the last 180 days: {n}").format(n=stay.days_used)],
        needs_profile=visa,
        profile_section="permits",
    )


def _no_entry(arrival: date | None, country: str) -> StayView:
    if arrival is not None:  # an older vault: the arrival date was never made an entry
        return StayView(
            headline=_("Your arrival on {date} is not in your entries yet").format(
                date=format_date(arrival, "long")
            ),
            number="–",
            caption=_("no entry date"),
            used=0,
            lines=[
                _(
                    "Open the profile: your arrival is added there as your entry into {country}. "
                    "Save the profile, and Waystation counts your days."
                ).format(country=country)
            ],
            needs_profile=True,
        )
    return StayView(
        headline=_("No entry into the country is recorded yet"),
        number="–",
        caption=_("no entry date"),
        used=0,
        lines=[_("Add the day you entered in your profile, and Waystation will count your days.")],
        needs_profile=True,
    )


def _used_line(stay: StayStatus) -> str:
    limit = stay.binding
    n = stay.days_used
    if limit is not None and limit.kind == "window" and limit.window:
        return ngettext(
            "{n} day used in the last {window} days", "{n} days used in the last {window} days", n
        ).format(n=n, window=limit.window)
    if limit is not None and limit.kind == "per_calendar_year":
        return ngettext("{n} day used this year", "{n} days used this year", n).format(n=n)
    return ngettext("{n} day since your entry", "{n} days since your entry", n).format(n=n)


def _counting(stay: StayStatus) -> StayView:
    left = stay.days_left or 0
    assert stay.must_leave_by is not None
    return StayView(
        headline=ngettext("{n} day of legal stay left", "{n} days of legal stay left", left).format(n=left),
        number=str(left),
        caption=ngettext("day left", "days left", left),
        used=stay.days_used,
        total=stay.days_used + left,
        warm=left <= NEARLY_OVER_DAYS,
        lines=[
            _("Last day you may stay: {date}").format(date=format_date(stay.must_leave_by, "long")),
            _used_line(stay),
        ],
    )


def _overstayed(stay: StayStatus) -> StayView:
    over = -(stay.days_left or 0)
    assert stay.must_leave_by is not None
    return StayView(
        headline=_("Your legal stay ended on {date}").format(date=format_date(stay.must_leave_by, "long")),
        number=str(over),
        caption=ngettext("day over", "days over", over),
        used=stay.days_used,
        total=stay.days_used,
        warm=True,
        lines=[_used_line(stay)],
        note=ngettext(
            "You have stayed {n} day longer than the rule allows.",
            "You have stayed {n} days longer than the rule allows.",
            over,
        ).format(n=over)
        + " "
        + _(
            "This can often be sorted out, but it needs care: talk to a lawyer or a help desk "
            "before you go to an office or to the border."
        ),
    )


def _open_ended(stay: StayStatus) -> StayView:
    number, caption = _days_here(stay)
    return StayView(
        headline=_("Your stay has no end date under this rule"),
        number=number,
        caption=caption,
        used=stay.days_used,
        lines=[_used_line(stay)],
    )


def _away(status: Status, pack: Pack, stays: Sequence[Stay], country: str) -> StayView:
    stay = status.stay
    number, caption = _days_here(stay)
    view = StayView(
        headline=_("{country}: you are not there now").format(country=country),
        number=number,
        caption=caption,
        used=stay.days_used,
        lines=[_used_line(stay)],
    )
    last = stay.must_leave_by
    if last is None:
        return view
    if last >= status.on:
        days = (last - status.on).days + 1
        view.lines.insert(
            0,
            ngettext(
                "If you entered today, you could stay until {date} ({n} day).",
                "If you entered today, you could stay until {date} ({n} days).",
                days,
            ).format(date=format_date(last, "long"), n=days),
        )
        return view
    view.warm = True
    view.note = _cannot_enter_note(status, pack, stays)
    return view


def _cannot_enter_note(status: Status, pack: Pack, stays: Sequence[Stay]) -> str:
    try:
        back = earliest_return(status.rule, stays, pack.country, status.on, 1)
    except WaystationError:
        back = None
    if back is None:
        return _(
            "You cannot enter now without breaking the stay rule, and Waystation finds no day when "
            "you could. Ask a lawyer or a help desk before you travel."
        )
    return _("You cannot enter now without breaking the stay rule. Earliest return: {date}.").format(
        date=format_date(back, "long")
    )
