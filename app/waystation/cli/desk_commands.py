"""``waystation handoff pack|list|unpack`` (several vaults as one file, for a family to carry
home) and ``waystation desk record`` (the help desk's counts, as a table or CSV). The desktop
app's start modes (``--helpdesk``, ``--guest``) are top-level flags, in ``cli/__init__.py``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from waystation.cli.common import human_size
from waystation.helpdesk import vault_bundle
from waystation.helpdesk.desk_record import DeskRecord
from waystation.i18n import _, ngettext


def cmd_pack(args: argparse.Namespace) -> int:
    out = Path(args.out)
    bundled = vault_bundle.pack([Path(v) for v in args.vaults], out)
    print(
        ngettext("Packed {n} vault into {path}.", "Packed {n} vaults into {path}.", len(bundled)).format(
            n=len(bundled), path=out
        )
    )
    print(_("Each vault inside stays encrypted and opens with its own passphrase."))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    held = vault_bundle.contents(Path(args.bundle))
    if args.json:
        print(json.dumps([vars(entry) for entry in held], indent=2))
        return 0
    for entry in held:
        print(f"{entry.name}\t{human_size(entry.size)}")
    return 0


def cmd_unpack(args: argparse.Namespace) -> int:
    placed = vault_bundle.unpack(Path(args.bundle), Path(args.folder))
    for path in placed:
        print(path)
    print(
        ngettext(
            "Unpacked {n} vault; it was checked against the bundle's hashes.",
            "Unpacked {n} vaults; each was checked against the bundle's hashes.",
            len(placed),
        ).format(n=len(placed))
    )
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    record = DeskRecord()
    if args.csv:
        if args.csv == "-":
            sys.stdout.write(record.csv_text())
            return 0
        rows = record.export_csv(Path(args.csv), force=args.force)
        print(
            ngettext("Wrote {n} row to {path}.", "Wrote {n} rows to {path}.", rows).format(
                n=rows, path=args.csv
            )
        )
        return 0
    rows_shown = record.rows()
    if not rows_shown:
        print(_("The desk's record is empty (it counts only while it is turned on, in help-desk mode)."))
        return 0
    for row in rows_shown:
        print(f"{row.day}\t{row.country or '-'}\t{row.sessions}\t{row.new_vaults}\t{row.packets}")
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    handoff = commands.add_parser("handoff", help=_("hand several vaults over as one file (a bundle)"))
    sub = handoff.add_subparsers(dest="handoff_command", required=True, metavar="COMMAND")
    pack = sub.add_parser("pack", help=_("put vault files into a new bundle (no passphrase needed)"))
    pack.add_argument("out", metavar="BUNDLE", help=_("the new bundle file (e.g. family.wsvaults)"))
    pack.add_argument("vaults", metavar="VAULT", nargs="+")
    pack.set_defaults(func=cmd_pack)
    listing = sub.add_parser("list", help=_("what a bundle holds (checked, nothing unpacked)"))
    listing.add_argument("bundle", metavar="BUNDLE")
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(func=cmd_list)
    unpack = sub.add_parser("unpack", help=_("unpack every vault of a bundle into a folder"))
    unpack.add_argument("bundle", metavar="BUNDLE")
    unpack.add_argument("folder", metavar="FOLDER")
    unpack.set_defaults(func=cmd_unpack)

    desk = commands.add_parser("desk", help=_("the help desk's own record of counts"))
    desk_sub = desk.add_subparsers(dest="desk_command", required=True, metavar="COMMAND")
    record = desk_sub.add_parser("record", help=_("sessions, new vaults and packets per day and country"))
    record.add_argument("--csv", metavar="FILE", help=_("write CSV to FILE (- for standard output)"))
    record.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    record.set_defaults(func=cmd_record)
