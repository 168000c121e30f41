"""``waystation plan VAULT --leave D --return D [--json]``: how long the person may stay after a
trip away from their host country, and what the trip puts at risk."""

from __future__ import annotations

import argparse
import json
from datetime import date

from waystation.cli.common import iso_date, load_guides, opened_vault
from waystation.i18n import _, current_language, format_date, ngettext
from waystation.rules.stay_words import describe_stay
from waystation.rules.trip import TripPlan, plan_trip, trip_to_json
from waystation.rules.vault_status import host_pack


def cmd_plan(args: argparse.Namespace) -> int:
    today = args.on or date.today()
    library = load_guides()
    with opened_vault(args) as vault:
        pack = host_pack(vault, library)
        profile = vault.profile.load()
    plan = plan_trip(pack, profile, args.leave, args.back, today)
    if args.json:
        print(json.dumps(trip_to_json(plan), ensure_ascii=False, indent=2))
        return 0
    for line in plan_lines(plan, pack_name=pack.name.get(current_language())):
        print(line)
    if plan.can_return:
        words = describe_stay(plan.legal, pack)
        print(words.headline)
        for detail in words.details:
            print(detail)
    return 0


def plan_lines(plan: TripPlan, pack_name: str) -> list[str]:
    away = (plan.back - plan.leave).days - 1
    lines = [
        ngettext(
            "Trip: leave {country} on {leave}, come back on {back} ({n} day away).",
            "Trip: leave {country} on {leave}, come back on {back} ({n} days away).",
            max(away, 0),
        ).format(country=pack_name, leave=format_date(plan.leave), back=format_date(plan.back), n=max(away, 0))
    ]
    if plan.can_return and plan.must_leave_by is not None and plan.days_left is not None:
        lines.append(
            ngettext(
                "After coming back you may stay {n} more day: the last day is {day}.",
                "After coming back you may stay {n} more days: the last day is {day}.",
                plan.days_left,
            ).format(n=plan.days_left, day=format_date(plan.must_leave_by))
        )
    elif plan.can_return:
        lines.append(_("After coming back nothing recorded ends your stay."))
    lines += [_("Warning: {text}").format(text=warning) for warning in plan.warnings]
    return lines


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    plan = commands.add_parser(
        "plan", parents=[common], help=_("if I leave and come back on these days, how long may I stay?")
    )
    plan.add_argument("vault", metavar="VAULT")
    plan.add_argument("--leave", required=True, type=iso_date, metavar="D", help=_("the day you leave"))
    plan.add_argument(
        "--return", dest="back", required=True, type=iso_date, metavar="D", help=_("the day you come back")
    )
    plan.add_argument("--on", type=iso_date, metavar="D", help=_("plan as on this day (default: today)"))
    plan.add_argument("--json", action="store_true", help=_("machine-readable output"))
    plan.set_defaults(func=cmd_plan)
