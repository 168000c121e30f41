"""``waystation content list | validate [PATH]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from waystation.content.hygiene import describe_report, pack_report
from waystation.content.loader import check_pack_file, default_content_dir, load_library, pack_files
from waystation.content.model import TRACKS
from waystation.errors import InvalidInput
from waystation.i18n import _, current_language, ngettext


def cmd_list(args: argparse.Namespace) -> int:
    library = load_library(Path(args.path) if args.path else None)
    language = current_language()
    for code in library.countries():
        pack = library.packs[code]
        counts = ", ".join(f"{track} {len(pack.steps_in(track))}" for track in TRACKS)
        print(
            _("{code}  {name}: {n} steps ({counts}); verified {date}").format(
                code=code,
                name=pack.name.get(language),
                n=len(pack.steps),
                counts=counts,
                date=pack.last_verified.isoformat(),
            )
        )
    for file, problems in library.refused.items():
        print(
            "waystation: "
            + ngettext(
                "{file} was not loaded ({n} problem; run 'waystation content validate')",
                "{file} was not loaded ({n} problems; run 'waystation content validate')",
                len(problems),
            ).format(file=file, n=len(problems)),
            file=sys.stderr,
        )
    return 0


def _files(target: Path) -> list[Path]:
    if target.is_dir():
        return pack_files(target)
    if target.is_file():
        return [target]
    raise InvalidInput(_("There is no file or folder at {path}.").format(path=target))


def cmd_validate(args: argparse.Namespace) -> int:
    """Errors refuse a guide (exit 2); warnings are listed and a report per guide follows."""
    files = _files(Path(args.path) if args.path else default_content_dir())
    bad = 0
    for path in files:
        data, problems = check_pack_file(path)
        for problem in problems:
            print(_("error: {problem}").format(problem=problem))
        bad += bool(problems)
        if problems:
            continue
        report = pack_report(str(path), data)
        for warning in report.warnings:
            print(_("warning: {problem}").format(problem=warning))
        print(describe_report(report))
    summary = ngettext(
        "{n} pack checked, {bad} with problems", "{n} packs checked, {bad} with problems", len(files)
    ).format(n=len(files), bad=bad)
    print(summary, file=sys.stderr if bad else sys.stdout)
    return 2 if bad else 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    content = commands.add_parser("content", help=_("list and check the country guides"))
    sub = content.add_subparsers(dest="content_command", required=True, metavar="COMMAND")
    listing = sub.add_parser("list", help=_("the country guides that load"))
    listing.add_argument(
        "path", nargs="?", metavar="PATH", help=_("a folder of packs (default: the shipped ones)")
    )
    listing.set_defaults(func=cmd_list)
    validate = sub.add_parser("validate", help=_("report every problem in a pack or a folder of packs"))
    validate.add_argument("path", nargs="?", metavar="PATH")
    validate.set_defaults(func=cmd_validate)
