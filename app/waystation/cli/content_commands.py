"""``waystation content list | validate [PATH]``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from waystation.cli.common import load_guides
from waystation.content.hygiene import describe_report, pack_report
from waystation.content.loader import (
    PackLibrary,
    check_pack_file,
    default_content_dir,
    load_library,
    pack_files,
)
from waystation.content.model import TRACKS, Pack
from waystation.content.show import pack_to_json
from waystation.content.validate import Problem
from waystation.errors import InvalidInput
from waystation.i18n import UI_LANGUAGES, _, current_language, format_age, format_date, ngettext
from waystation.rules.words import track_name
from waystation.updates.origins import guide_origin


def cmd_list(args: argparse.Namespace) -> int:
    library = load_library(Path(args.path) if args.path else None)
    language = current_language()
    packs = [library.packs[code] for code in library.countries()]
    if args.json:
        _print_list_json(packs, language, library)
    else:
        _print_list_text(packs, language, library)
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


def _print_list_json(packs: list[Pack], language: str, library: PackLibrary) -> None:
    listing = [
        {
            "country": pack.country,
            "name": pack.name.get(language),
            "coverage": pack.coverage.level,
            "steps": len(pack.steps),
            "last_verified": pack.last_verified.isoformat(),
            **guide_origin(library, pack.country).as_json(),  # source, version, signer (issue 17)
        }
        for pack in packs
    ]
    print(json.dumps(listing, ensure_ascii=False, indent=2))


def _print_list_text(packs: list[Pack], language: str, library: PackLibrary) -> None:
    for pack in packs:
        counts = ", ".join(f"{track} {len(pack.steps_in(track))}" for track in TRACKS)
        coverage = _("partial guide") if pack.coverage.partial else _("full guide")
        print(
            _("{code}  {name} ({coverage}): {n} steps ({counts}); verified {date}").format(
                code=pack.country,
                name=pack.name.get(language),
                coverage=coverage,
                n=len(pack.steps),
                counts=counts,
                date=pack.last_verified.isoformat(),
            )
            + " · "
            + guide_origin(library, pack.country).describe()
        )
        if pack.coverage.partial and pack.coverage.missing is not None:
            print("    " + _("Not covered: {missing}").format(missing=pack.coverage.missing.get(language)))


def _printing_problems(data: object) -> list[str]:
    """What would keep the guide's packets from printing (labels, fonts): errors too."""
    from waystation.content.loader import build_pack
    from waystation.packets.label_check import packet_problems

    assert isinstance(data, dict)
    return packet_problems(build_pack(data))


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
        if not problems:
            problems = [Problem(str(path), "pack", "packets", text) for text in _printing_problems(data)]
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


def cmd_show(args: argparse.Namespace) -> int:
    """The whole guide, for reading in a terminal (``--json`` for scripts)."""
    language = args.lang or current_language()
    if language not in UI_LANGUAGES:
        raise InvalidInput(
            _("There are no texts in {language}; choose one of: {languages}.").format(
                language=language, languages=", ".join(UI_LANGUAGES)
            )
        )
    library = load_guides()
    pack = library.get(args.country)
    if pack is None:
        raise InvalidInput(
            _("There is no country guide for {country}; guides exist for: {countries}.").format(
                country=args.country.upper(), countries=", ".join(library.countries())
            )
        )
    if args.json:
        print(json.dumps(pack_to_json(pack, language), ensure_ascii=False, indent=2))
        return 0
    today = date.today()
    print(pack.name.get(language) + f" ({pack.country})")
    print(_("Guide checked on {date}").format(date=format_date(pack.last_verified, "long")))
    if pack.summary is not None:
        print()
        print(pack.summary.get(language))
    print()
    print(_("Stay rules:"))
    for rule in pack.stay_rules:
        print(f"  [{', '.join(rule.citizenships)}] {rule.explain.get(language)}")
    for track in TRACKS:
        steps = pack.steps_in(track)
        if not steps:
            continue
        print()
        print(f"== {track_name(track)}")
        for step in steps:
            print()
            print(f"* {step.title.get(language)}  ({step.id})")
            print(step.body.get(language))
            age = format_age(step.last_verified, today)
            checked = _("checked {ago} ({date})").format(ago=age, date=step.last_verified.isoformat())
            if pack.is_stale(step, today):
                checked += " — " + _("may be out of date")
            print("  " + checked)
            for source in step.sources:
                stated = source.stated_date.isoformat() if source.stated_date else "n.d."
                weak = " " + _("(weak source)") if source.weak else ""
                print(f"  - {source.url} ({stated}){weak}")
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    content = commands.add_parser("content", help=_("list and check the country guides"))
    sub = content.add_subparsers(dest="content_command", required=True, metavar="COMMAND")
    listing = sub.add_parser("list", help=_("the country guides that load"))
    listing.add_argument(
        "path", nargs="?", metavar="PATH", help=_("a folder of packs (default: the shipped ones)")
    )
    listing.add_argument("--json", action="store_true", help=_("machine-readable output"))
    listing.set_defaults(func=cmd_list)
    validate = sub.add_parser("validate", help=_("report every problem in a pack or a folder of packs"))
    validate.add_argument("path", nargs="?", metavar="PATH")
    validate.set_defaults(func=cmd_validate)
    show = sub.add_parser("show", help=_("the whole guide for one country: steps, sources, dates"))
    show.add_argument("country", metavar="CC", type=str.upper)
    show.add_argument("--lang", metavar="LL", help=_("the language of the texts (default: the interface's)"))
    show.add_argument("--json", action="store_true", help=_("machine-readable output"))
    show.set_defaults(func=cmd_show)
    from waystation.cli import guide_update_commands  # install, remove, trust, keygen, sign… (issue 17)

    guide_update_commands.register(sub, common)
