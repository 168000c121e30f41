"""``waystation doc add|list``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from waystation.cli.common import human_size, iso_date, opened_vault
from waystation.errors import InvalidInput, StorageFailure
from waystation.i18n import _
from waystation.vault.document_files import read_document_file
from waystation.vault.models import DOCUMENT_KINDS
from waystation.vault.repositories.documents import check_dates, check_kind, check_link


def _read_document(path: Path) -> bytes:
    if not path.exists():
        raise InvalidInput(_("There is no file at {path}.").format(path=path))
    if path.is_dir():
        raise InvalidInput(_("{path} is a folder.").format(path=path))
    try:
        return read_document_file(path)
    except InvalidInput as exc:
        raise InvalidInput(_("{name}: {problem}").format(name=path, problem=exc.message)) from None
    except StorageFailure as exc:
        raise StorageFailure(_("{name}: {problem}").format(name=path, problem=exc.message)) from None


def cmd_add(args: argparse.Namespace) -> int:
    check_kind(args.kind)
    check_dates(args.issued, args.expires)
    check_link(args.kind, args.passport)
    path = Path(args.file)
    data = _read_document(path)
    with opened_vault(args) as vault:
        info = vault.documents.add(
            data,
            kind=args.kind,
            original_name=path.name,
            title=args.title or "",
            issued=args.issued,
            expires=args.expires,
            passport_number=args.passport,
        )
    print(
        _("Added document {id} ({kind}, {size}).").format(
            id=info.id, kind=info.kind, size=human_size(info.size)
        )
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with opened_vault(args) as vault:
        documents = vault.documents.list()
    if args.json:
        rows = [
            {
                "id": d.id,
                "kind": d.kind,
                "title": d.title,
                "original_name": d.original_name,
                "mime_type": d.mime_type,
                "size": d.size,
                "sha256": d.sha256,
                "added": d.added.isoformat(),
                "issued": d.issued.isoformat() if d.issued else None,
                "expires": d.expires.isoformat() if d.expires else None,
                "passport_number": d.passport_number,
            }
            for d in documents
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not documents:
        print(_("No documents yet."))
    for d in documents:
        expires = d.expires.isoformat() if d.expires else "—"
        line = f"{d.id:>5}  {d.kind:<20} {expires:<10}  {human_size(d.size):>9}  {d.title or d.original_name}"
        if d.passport_number:
            line += "  " + _("(passport {number})").format(number=d.passport_number)
        print(line)
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    doc = commands.add_parser("doc", help=_("store and list scanned documents"))
    sub = doc.add_subparsers(dest="doc_command", required=True, metavar="COMMAND")
    add = sub.add_parser("add", parents=[common], help=_("store a file in the vault"))
    add.add_argument("vault", metavar="VAULT")
    add.add_argument("file", metavar="FILE")
    add.add_argument("--kind", required=True, metavar="KIND", help=", ".join(DOCUMENT_KINDS))
    add.add_argument("--title", metavar="T")
    add.add_argument("--issued", type=iso_date, metavar="D")
    add.add_argument("--expires", type=iso_date, metavar="D")
    add.add_argument(
        "--passport",
        metavar="NUMBER",
        help=_("link a passport scan to the passport with this number in the profile"),
    )
    add.set_defaults(func=cmd_add)
    listing = sub.add_parser("list", parents=[common], help=_("list stored documents"))
    listing.add_argument("vault", metavar="VAULT")
    listing.add_argument("--json", action="store_true", help=_("machine-readable output"))
    listing.set_defaults(func=cmd_list)
