"""``waystation vault create|check|passwd|backup|import-json|export-json``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from waystation.app_settings import forget_vault
from waystation.cli.common import human_size, open_vault, opened_vault, passphrases, write_output
from waystation.errors import InvalidInput, VaultDamaged
from waystation.i18n import _, ngettext
from waystation.rules.history import stay_problems
from waystation.vault import copies, profile_json
from waystation.vault.connection import Vault
from waystation.vault.wipe import wipe


def cmd_create(args: argparse.Namespace) -> int:
    path = Path(args.vault)
    passphrase = passphrases(args).ask_new(_("New passphrase: "), _("Repeat the passphrase: "))
    with Vault.create(path, passphrase):
        pass
    print(_("Created the vault {path}.").format(path=path))
    print(_("Keep the passphrase safe: it cannot be recovered, and without it the vault cannot be opened."))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with opened_vault(args) as vault:
        report = copies.check(vault)
    if not report.ok:
        raise VaultDamaged(
            _("The integrity check found {n} problem(s): {first}").format(
                n=len(report.problems), first=report.problems[0]
            )
        )
    print(
        _("The vault is intact (format {version}, {size}).").format(
            version=report.schema_version, size=human_size(report.size_bytes)
        )
    )
    print(
        ngettext("{n} document ({size})", "{n} documents ({size})", report.documents).format(
            n=report.documents, size=human_size(report.document_bytes)
        )
    )
    print(ngettext("{n} stay recorded", "{n} stays recorded", report.stays).format(n=report.stays))
    print(
        ngettext(
            "{n} checklist step with progress",
            "{n} checklist steps with progress",
            report.steps_with_progress,
        ).format(n=report.steps_with_progress)
    )
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    source = passphrases(args)
    vault, current = open_vault(args, source)
    with vault:
        new = source.ask_new(_("New passphrase: "), _("Repeat the new passphrase: "))
        copies.change_passphrase(vault, new, current).close()
    print(_("The passphrase was changed. The old passphrase no longer opens this vault."))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    source = passphrases(args)
    vault, passphrase = open_vault(args, source)
    with vault:
        # The copy opens with the same passphrase, but gets a fresh salt (and so a fresh key);
        # --new-passphrase re-encrypts the copy for its new owner (help-desk handoff).
        new = None
        if getattr(args, "new_passphrase", False):
            new = source.ask_new(_("Passphrase for the copy: "), _("Repeat the passphrase for the copy: "))
        target = copies.backup(vault, Path(args.dest), passphrase, new_passphrase=new)
    print(_("Backup written and verified: {path}").format(path=target))
    if new is not None:
        print(_("The copy opens with its new passphrase; the vault keeps its own."))
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    profile = profile_json.read_file(Path(args.file), lambda p: stay_problems(p.stays))
    with opened_vault(args) as vault:
        vault.profile.replace(profile)
    print(_("The profile was replaced; documents and checklist progress were kept."))
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    with opened_vault(args) as vault:
        text = profile_json.dumps(vault.profile.load())
    write_output(args.file, text, force=args.force)
    if args.file != "-":
        print(_("The profile was written to {path}. That file is not encrypted.").format(path=args.file))
    return 0


def cmd_wipe(args: argparse.Namespace) -> int:
    path = Path(args.vault)
    if not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise InvalidInput(_("No terminal to confirm the wipe; add --yes to wipe without asking."))
        print(
            _(
                "This overwrites and deletes {path}, its journal and the safety copies beside it. "
                "Backups elsewhere are not touched. On SSDs and USB sticks old blocks may survive."
            ).format(path=path)
        )
        word = _("WIPE")
        answer = input(_("Type {word} to wipe it now: ").format(word=word))
        if answer.strip() != word:
            print(_("Nothing was wiped."))
            return 2
    report = wipe(path)
    forget_vault(report.vault)
    if report.incomplete is not None:
        print(
            "waystation: "
            + _(
                "warning: only the start of {path} could be overwritten ({error}); without it no "
                "passphrase opens the vault, and the file was deleted all the same."
            ).format(path=report.vault, error=report.incomplete),
            file=sys.stderr,
        )
    print(
        ngettext(
            "Wiped {path} ({n} file overwritten and deleted).",
            "Wiped {path} ({n} files overwritten and deleted).",
            len(report.removed),
        ).format(path=report.vault, n=len(report.removed))
    )
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    vault = commands.add_parser("vault", help=_("create and look after vaults"))
    sub = vault.add_subparsers(dest="vault_command", required=True, metavar="COMMAND")

    def add(name: str, func: object, help_text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = sub.add_parser(name, parents=[common], help=help_text)
        parser.add_argument("vault", metavar="VAULT")
        parser.set_defaults(func=func)
        return parser

    add("create", cmd_create, _("make a new vault (never overwrites a file)"))
    add("check", cmd_check, _("check the passphrase and the vault's integrity"))
    add("passwd", cmd_passwd, _("change the passphrase"))
    backup = add("backup", cmd_backup, _("write a verified encrypted copy"))
    backup.add_argument("dest", metavar="DEST")
    backup.add_argument(
        "--new-passphrase",
        action="store_true",
        help=_("encrypt the copy under a new passphrase (asked after the vault's)"),
    )
    add("import-json", cmd_import_json, _("replace the profile with a JSON file")).add_argument(
        "file", metavar="FILE"
    )
    wiping = add("wipe", cmd_wipe, _("overwrite and delete a vault and the copies beside it"))
    wiping.add_argument("--yes", action="store_true", help=_("do not ask for confirmation (for scripts)"))
    export = add("export-json", cmd_export_json, _("write the profile as JSON"))
    export.add_argument("file", metavar="FILE", help=_("a file to write, or - for standard output"))
    export.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
