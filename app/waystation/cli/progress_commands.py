"""``waystation step``, ``status`` and ``calendar``: checklist progress, the stay count and the
deadlines, for the person's host country."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from waystation.cli.common import iso_date, opened_vault, write_new_file
from waystation.cli.status_text import print_status
from waystation.content.loader import PackLibrary, load_library
from waystation.content.model import Pack
from waystation.errors import InvalidInput
from waystation.i18n import _, current_language
from waystation.packets.calendar_ics import build_calendar
from waystation.rules.history import check_stays
from waystation.rules.status import Status, build_status, status_to_json
from waystation.vault.connection import Vault
from waystation.vault.models import STEP_STATES

LEAD_DAYS_SETTING = "expiry_lead_days"
PURPOSES_SETTING = "purposes"


def _library() -> PackLibrary:
    library = load_library()
    for file, problems in library.refused.items():
        print(
            "waystation: "
            + _("the country guide {file} was not loaded ({n} problem(s)).").format(
                file=file, n=len(problems)
            ),
            file=sys.stderr,
        )
    return library


def host_pack(vault: Vault, library: PackLibrary) -> Pack:
    country = vault.profile.load().host.country
    if not country:
        raise InvalidInput(_("The profile has no host country yet (host.country)."))
    pack = library.get(country)
    if pack is None:
        raise InvalidInput(
            _("There is no country guide for {country}; guides exist for: {countries}.").format(
                country=country, countries=", ".join(library.countries())
            )
        )
    return pack


def vault_status(vault: Vault, pack: Pack, on: date) -> Status:
    profile = vault.profile.load()
    check_stays(profile.stays)
    purposes_text = vault.settings.get(PURPOSES_SETTING)
    return build_status(
        pack,
        profile,
        vault.progress.all(),
        on,
        documents=vault.documents.list(),
        purposes=set(json.loads(purposes_text)) if purposes_text else None,
        lead_days=int(vault.settings.get(LEAD_DAYS_SETTING) or 90),
    )


def cmd_step(args: argparse.Namespace) -> int:
    library = _library()
    steps = {step.id: step for pack in library.packs.values() for step in pack.steps}
    if args.step_id not in steps:
        raise InvalidInput(_("There is no step {id} in the country guides.").format(id=args.step_id))
    on = args.date or (None if args.state == "todo" else date.today())
    with opened_vault(args) as vault:
        vault.progress.set(args.step_id, args.state, on=on)
    print(_("{id}: {state}").format(id=args.step_id, state=args.state))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    on = args.on or date.today()
    library = _library()
    with opened_vault(args) as vault:
        pack = host_pack(vault, library)
        status = vault_status(vault, pack, on)
    if args.json:
        print(json.dumps(status_to_json(status), ensure_ascii=False, indent=2))
    else:
        print_status(status, pack, current_language())
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    library = _library()
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
