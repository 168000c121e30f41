"""``waystation step``, ``status`` and ``calendar``: checklist progress, the stay count and the
deadlines, for the person's host country."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from waystation.cli.common import iso_date, load_guides, opened_vault, write_new_file
from waystation.cli.status_text import print_status
from waystation.errors import InvalidInput
from waystation.i18n import _, current_language
from waystation.packets.calendar_ics import build_calendar
from waystation.rules.status import status_to_json
from waystation.rules.vault_status import host_pack, vault_status
from waystation.vault.models import STEP_STATES


def cmd_step(args: argparse.Namespace) -> int:
    library = load_guides()
    steps = {step.id: step for pack in library.packs.values() for step in pack.steps}
    if args.step_id not in steps:
        raise InvalidInput(_("There is no step {id} in the country guides.").format(id=args.step_id))
    on = args.date or (None if args.state == "todo" else date.today())
    with opened_vault(args) as vault:
        vault.progress.set(args.step_id, args.state, on=on, note=args.note)
    print(_("{id}: {state}").format(id=args.step_id, state=args.state))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    on = args.on or date.today()
    library = load_guides()
    with opened_vault(args) as vault:
        pack = host_pack(vault, library)
        status = vault_status(vault, pack, on)
    if args.json:
        print(json.dumps(status_to_json(status), ensure_ascii=False, indent=2))
    else:
        print_status(status, pack, current_language())
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    library = load_guides()
    with opened_vault(args) as vault:
        pack = host_pack(vault, library)
        status = vault_status(vault, pack, date.today())
    write_new_file(Path(args.out), build_calendar(status, pack, current_language()), force=args.force)
    print(_("Calendar written to {path}.").format(path=args.out))
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    step = commands.add_parser("step", parents=[common], help=_("record progress on a checklist step"))
    step.add_argument("vault", metavar="VAULT")
    step.add_argument("step_id", metavar="STEP_ID")
    step.add_argument("state", metavar="STATE", choices=STEP_STATES, help=" | ".join(STEP_STATES))
    step.add_argument("--date", type=iso_date, metavar="D", help=_("when it happened (default: today)"))
    step.add_argument("--note", metavar="TEXT", help=_("a private note kept with the step"))
    step.set_defaults(func=cmd_step)

    status = commands.add_parser("status", parents=[common], help=_("stay count, next steps, deadlines"))
    status.add_argument("vault", metavar="VAULT")
    status.add_argument("--on", type=iso_date, metavar="D", help=_("as on this day (default: today)"))
    status.add_argument("--json", action="store_true", help=_("machine-readable output"))
    status.set_defaults(func=cmd_status)

    calendar = commands.add_parser("calendar", parents=[common], help=_("export deadlines as .ics"))
    calendar.add_argument("vault", metavar="VAULT")
    calendar.add_argument("--out", required=True, metavar="FILE.ics")
    calendar.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    calendar.set_defaults(func=cmd_calendar)
