"""``waystation plan VAULT --leave D --return D [--json]``: how long the person may stay after a
trip away from their host country, and what the trip puts at risk."""

from __future__ import annotations

import argparse
import json
from datetime import date

from waystation.cli.common import iso_date, load_guides, opened_vault
from waystation.i18n import _
from waystation.rules.trip import plan_trip, trip_summary, trip_to_json
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
    headline, details = trip_summary(plan, pack)
    for line in (headline, *details):
        print(line)
    for warning in plan.warnings:
        print(_("Warning: {text}").format(text=warning))
    return 0


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
