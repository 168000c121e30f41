"""``waystation packet``: a document packet (PDF) for one country and track.

``--part`` chooses what goes in: ``office`` (the cover, the applicant's data, a line to sign and
date, the scans), ``personal`` (the checklist with what is missing, the deadlines, the steps and
their sources) or ``both`` (the default, office first). Fields the office needs that are empty
are named on standard error, by their place in the profile format, and the packet is made anyway.

Usage problems (an unknown country or track, an existing output file without --force, a missing
folder) are refused before the passphrase is asked. With --encrypt the PDF password is asked after
the vault opened: twice on a terminal, or as the second line of standard input with
--passphrase-stdin (the vault passphrase is the first).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from waystation.cli.common import load_guides, open_vault, passphrases
from waystation.errors import InvalidInput
from waystation.i18n import UI_LANGUAGES, _, current_language, set_language
from waystation.packets.from_vault import packet_pack, request_from_vault
from waystation.packets.labels import label_languages
from waystation.packets.readiness import Gap, office_gaps
from waystation.packets.request import PARTS

BAR_WIDTH = 28


class ProgressBar:
    """A one-line bar redrawn in place on a terminal; silent when ``stream`` is not a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._active = stream.isatty()
        self._drawn = False

    def __call__(self, done: int, total: int, message: str) -> None:
        if not self._active:
            return
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        self._stream.write(f"\r[{bar}] {done}/{total} {message[:40]:<40}")
        self._stream.flush()
        self._drawn = True

    def finish(self) -> None:
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()
            self._drawn = False


def _check_output(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise InvalidInput(
            _("{path} already exists; it was left untouched (use --force to replace it).").format(path=path)
        )
    if not path.parent.is_dir():
        raise InvalidInput(_("The folder {folder} does not exist.").format(folder=path.parent))


def cmd_packet(args: argparse.Namespace) -> int:
    language = (args.lang or current_language()).lower()
    if language not in label_languages():
        raise InvalidInput(
            _("Packets cannot be made in {language}; use one of: {languages}.").format(
                language=language, languages=", ".join(label_languages())
            )
        )
    pack = packet_pack(load_guides(), args.country, args.track)
    out = Path(args.out)
    _check_output(out, args.force)
    if language in UI_LANGUAGES:
        set_language(language)  # headings and notes in the applicant's language too
    # ReportLab, pypdf and Pillow load only when a packet is made, not for every command
    from waystation.packets.builder import build_packet, write_packet

    source = passphrases(args)
    vault, _passphrase = open_vault(args, source)
    bar = ProgressBar(sys.stderr)
    with vault:
        password = None
        if args.encrypt:
            password = source.ask_new(_("Password for the PDF: "), _("Repeat the PDF password: "))
        request = request_from_vault(
            vault,
            pack,
            args.track,
            language=language,
            made_on=date.today(),
            password=password,
            part=args.part,
        )
        try:
            result = build_packet(request, progress=bar)
        finally:
            bar.finish()
    write_packet(result, out, force=args.force)
    gaps = office_gaps(request.profile, args.track) if request.for_office else []
    if gaps:
        print("waystation: " + _gaps_note(gaps), file=sys.stderr)
    for warning in result.warnings:
        print("waystation: " + _("warning: {message}").format(message=warning), file=sys.stderr)
    print(_("Packet written to {path} ({n} pages).").format(path=out, n=result.pages))
    return 0


def _gaps_note(gaps: list[Gap]) -> str:
    fields = "; ".join(f"{gap.name} ({gap.path})" for gap in gaps)
    return _(
        "note: the office will look for these fields, which are empty in the packet: {fields}. "
        "Fill them in the app or with vault import-json."
    ).format(fields=fields)


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    packet = commands.add_parser(
        "packet", parents=[common], help=_("export a document packet (PDF) for a country and track")
    )
    packet.add_argument("vault", metavar="VAULT")
    packet.add_argument("--country", required=True, metavar="CC", help=_("host country, e.g. GE"))
    packet.add_argument(
        "--track", required=True, metavar="TRACK", help=_("residence, work, housing or counselling")
    )
    packet.add_argument(
        "--lang",
        metavar="LL",
        help=_("your language for the labels beside the host country's (default: the interface language)"),
    )
    packet.add_argument("--out", required=True, metavar="FILE.pdf")
    packet.add_argument(
        "--part",
        choices=PARTS,
        default="both",
        help=_(
            "office: cover, your data, a signature line and the scans; personal: the checklist, "
            "deadlines and steps, for you; both (default): the office's part, then yours"
        ),
    )
    packet.add_argument("--encrypt", action="store_true", help=_("protect the PDF with a password (AES-256)"))
    packet.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    packet.set_defaults(func=cmd_packet)
