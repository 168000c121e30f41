"""``waystation form fields|map|fill|maps|import|export|forget``: official fillable PDF forms.

``fields`` lists a form's fields, ``map`` proposes a mapping (``waystation-form-map/1``) from the
labels it finds, ``fill`` fills the form from the vault and prints the check report. ``maps``,
``import``, ``export`` and ``forget`` manage the mappings kept in a vault (``import`` takes one
mapping or a help desk's set, ``export`` writes a set).

Passwords come in this order (one per line with --passphrase-stdin): the vault's passphrase
(commands with a VAULT), then the form's password (only when the form has one), then the new
PDF password (``fill --encrypt``). Everything that can be checked without them — the output file,
the mapping file, that the form is a PDF — is checked before they are asked.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from waystation.cli.common import open_vault, opened_vault, passphrases, write_output
from waystation.cli.passphrases import PassphraseSource
from waystation.errors import InvalidInput
from waystation.forms.mapping import FormMap, loads
from waystation.forms.model import FormField
from waystation.forms.reading import OpenedForm, read_form
from waystation.forms.source import FormPasswordNeeded, check_is_pdf, read_form_file
from waystation.i18n import _, ngettext
from waystation.vault.document_files import read_document_file
from waystation.vault.models import DOCUMENT_KINDS

FIELDS_FORMAT = "waystation-form-fields/1"


def shown(text: str) -> str:
    """Text from a PDF made safe for a terminal: no control characters (escape sequences) and no
    tabs or line breaks that would break the columns."""
    return "".join(char if char.isprintable() else "\ufffd" for char in text)


def _check_output(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise InvalidInput(
            _("{path} already exists; it was left untouched (use --force to replace it).").format(path=path)
        )
    if path.is_dir():
        raise InvalidInput(_("{path} is a folder.").format(path=path))
    if not path.parent.is_dir():
        raise InvalidInput(_("The folder {folder} does not exist.").format(folder=path.parent))


def _open_form(data: bytes, name: str, source: PassphraseSource) -> OpenedForm:
    try:
        return read_form(data)
    except FormPasswordNeeded:
        password = source.ask(_("Password for the form {name}: ").format(name=name))
        return read_form(data, password)


def _read_mapping(path: Path) -> FormMap:
    if not path.exists():
        raise InvalidInput(_("There is no file at {path}.").format(path=path))
    try:
        text = read_document_file(path, 16 * 1024 * 1024)
    except InvalidInput as exc:
        raise InvalidInput(_("{name}: {problem}").format(name=path, problem=exc.message)) from None
    try:
        return loads(text)
    except InvalidInput as exc:
        raise InvalidInput(_("{name}: {problem}").format(name=path, problem=exc.message)) from None


# -- fields ------------------------------------------------------------------------------------


def field_json(item: FormField) -> dict[str, Any]:
    widget = item.widgets[0] if item.widgets else None
    return {
        "name": item.name,
        "type": item.kind,
        "label": item.label,
        "tooltip": item.tooltip,
        "page": widget.page + 1 if widget is not None and widget.page >= 0 else None,
        "rect": [round(v, 2) for v in widget.rect] if widget is not None else None,
        "max_length": item.max_length,
        "comb": item.comb,
        "multiline": item.multiline,
        "options": [{"value": o.export, "text": o.shown} for o in item.options],
        "states": list(item.states),
        "required": item.required,
        "read_only": item.read_only,
        "date_format": item.date_hint,
        "section": item.section or None,
        "value": item.value,
    }


def cmd_fields(args: argparse.Namespace) -> int:
    path = Path(args.form)
    opened = _open_form(read_form_file(path), path.name, passphrases(args))
    info = opened.info
    if args.json:
        data = {
            "format": FIELDS_FORMAT,
            "fingerprint": info.fingerprint,
            "title": info.title,
            "language": info.language,
            "pages": len(info.pages),
            "hybrid_xfa": info.hybrid_xfa,
            "fields": [field_json(item) for item in info.fields],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(
        ngettext(
            "{name}: {n} field, fingerprint {fingerprint}",
            "{name}: {n} fields, fingerprint {fingerprint}",
            len(info.fields),
        ).format(name=path.name, n=len(info.fields), fingerprint=info.fingerprint)
    )
    if info.hybrid_xfa:
        print(
            _(
                "The form also carries an XFA version; Waystation fills its ordinary fields and drops the XFA copy."
            )
        )
    for item in info.fields:
        print(f"{shown(item.name)}\t{item.kind}\t{shown(item.label) or '-'}\t{shown(_details(item))}")
    return 0


def _details(item: FormField) -> str:
    parts = []
    if item.max_length:
        parts.append(_("max {n}").format(n=item.max_length))
    if item.comb:
        parts.append(_("comb"))
    if item.multiline:
        parts.append(_("multi-line"))
    if item.options:
        parts.append(_("choices: {list}").format(list=", ".join(o.shown for o in item.options[:8])))
    if item.states:
        parts.append(_("states: {list}").format(list=", ".join(item.states)))
    if item.date_hint:
        parts.append(_("date {format}").format(format=item.date_hint))
    if item.read_only:
        parts.append(_("read-only"))
    return "; ".join(parts) or "-"


# -- map ---------------------------------------------------------------------------------------


def cmd_map(args: argparse.Namespace) -> int:
    from waystation.forms.propose import propose

    path = Path(args.form)
    if args.out != "-":
        _check_output(Path(args.out), args.force)
    opened = _open_form(read_form_file(path), path.name, passphrases(args))
    proposal = propose(opened.info, args.lang)
    write_output(args.out, proposal.mapping.dumps(), force=args.force)
    if args.out != "-":
        fillable = sum(1 for item in opened.info.fields if item.fillable)
        print(
            _("Mapping written to {path}: {n} of {total} fields matched to the profile.").format(
                path=args.out,
                n=sum(1 for rule in proposal.mapping.rules.values() if rule.kind != "empty"),
                total=fillable,
            )
        )
    return 0


# -- fill --------------------------------------------------------------------------------------


def cmd_fill(args: argparse.Namespace) -> int:
    from waystation.forms.fill import fill_form, write_filled
    from waystation.forms.library import keep, kept_for

    out = Path(args.out)
    _check_output(out, args.force)
    if args.kind not in DOCUMENT_KINDS:
        raise InvalidInput(
            _("Unknown document kind {kind!r}; use one of: {kinds}.").format(
                kind=args.kind, kinds=", ".join(DOCUMENT_KINDS)
            )
        )
    mapping = _read_mapping(Path(args.map)) if args.map else None
    form_path = Path(args.form)
    data = read_form_file(form_path)
    check_is_pdf(data)
    source = passphrases(args)
    vault, _passphrase = open_vault(args, source)
    with vault:
        opened = _open_form(data, form_path.name, source)
        if mapping is None:
            mapping = kept_for(vault, opened.info.fingerprint)
            if mapping is None:
                raise InvalidInput(
                    _(
                        "The vault keeps no mapping for this form; give one with --map "
                        "(waystation form map proposes one)."
                    )
                )
        password = None
        if args.encrypt:
            password = source.ask_new(_("Password for the PDF: "), _("Repeat the PDF password: "))
        profile = vault.profile.load()
        today = date.today()
        result = fill_form(
            opened, mapping, profile, today=today, flatten_fields=args.flatten, password=password
        )
        write_filled(result, out, force=args.force)
        if args.keep_map:
            keep(vault, [mapping], today)
        added = None
        if args.add_to_vault:
            flat = (
                result
                if result.flattened and not result.encrypted
                else fill_form(opened, mapping, profile, today=today, flatten_fields=True)
            )
            title = args.title or opened.info.title or form_path.stem
            added = vault.documents.add(flat.pdf, kind=args.kind, title=title, original_name=out.name)
    _print_report(args, out, result.report.to_json() if args.json else None, result)
    if added is not None and not args.json:
        print(
            _("A flattened copy was added to your documents (document {id}, kind {kind}).").format(
                id=added.id, kind=added.kind
            )
        )
    return 0


def _print_report(args: argparse.Namespace, out: Path, as_json: dict[str, Any] | None, result: Any) -> None:
    if as_json is not None:
        as_json["out"] = str(out)
        as_json["flattened"] = result.flattened
        as_json["encrypted"] = result.encrypted
        print(json.dumps(as_json, ensure_ascii=False, indent=2))
        return
    print(_("Filled form written to {path}.").format(path=out))
    print(result.report.summary())
    for line in result.report.lines():
        print(f"  • {shown(line)}")


# -- the mappings kept in a vault ---------------------------------------------------------------


def cmd_maps(args: argparse.Namespace) -> int:
    from waystation.forms.library import kept

    with opened_vault(args) as vault:
        mappings = kept(vault)
    if args.json:
        rows = [
            {"fingerprint": m.fingerprint, "title": m.title, "language": m.language, "fields": len(m.rules)}
            for m in mappings
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not mappings:
        print(_("The vault keeps no form mappings."))
    for m in mappings:
        print(f"{shown(m.fingerprint)}\t{shown(m.title) or '-'}\t{len(m.rules)}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from waystation.forms.library import keep, loads_any

    path = Path(args.file)
    if not path.exists():
        raise InvalidInput(_("There is no file at {path}.").format(path=path))
    text = read_document_file(path, 16 * 1024 * 1024)
    try:
        mappings = loads_any(text)
    except InvalidInput as exc:
        raise InvalidInput(_("{name}: {problem}").format(name=path, problem=exc.message)) from None
    with opened_vault(args) as vault:
        keep(vault, mappings, date.today())
    print(
        ngettext(
            "Kept {n} form mapping in the vault.", "Kept {n} form mappings in the vault.", len(mappings)
        ).format(n=len(mappings))
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from waystation.forms.library import dumps_set, kept

    if args.out != "-":
        _check_output(Path(args.out), args.force)
    with opened_vault(args) as vault:
        mappings = kept(vault)
    write_output(args.out, dumps_set(mappings), force=args.force)
    if args.out != "-":
        print(
            ngettext(
                "Exported {n} form mapping to {path}.", "Exported {n} form mappings to {path}.", len(mappings)
            ).format(n=len(mappings), path=args.out)
        )
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    from waystation.forms.library import forget

    with opened_vault(args) as vault:
        found = forget(vault, args.fingerprint)
    if not found:
        raise InvalidInput(
            _("The vault keeps no mapping with the fingerprint {fingerprint}.").format(
                fingerprint=args.fingerprint
            )
        )
    print(_("Forgot the mapping {fingerprint}.").format(fingerprint=args.fingerprint))
    return 0


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    form = commands.add_parser("form", help=_("official fillable PDF forms, filled from the vault"))
    actions = form.add_subparsers(dest="form_command", metavar="ACTION", parser_class=type(form))
    actions.required = True

    fields = actions.add_parser("fields", parents=[common], help=_("list a form's fields"))
    fields.add_argument("form", metavar="FORM.pdf")
    fields.add_argument("--json", action="store_true", help=_("print JSON"))
    fields.set_defaults(func=cmd_fields)

    mapper = actions.add_parser(
        "map", parents=[common], help=_("propose a mapping of a form's fields to the profile")
    )
    mapper.add_argument("form", metavar="FORM.pdf")
    mapper.add_argument(
        "--out", required=True, metavar="MAP.json", help=_("where to write it (- for standard output)")
    )
    mapper.add_argument(
        "--lang", metavar="LL", help=_("the form's language, if it cannot be told from its labels")
    )
    mapper.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    mapper.set_defaults(func=cmd_map)

    fill = actions.add_parser("fill", parents=[common], help=_("fill a form from the vault"))
    fill.add_argument("vault", metavar="VAULT")
    fill.add_argument("form", metavar="FORM.pdf")
    fill.add_argument(
        "--map", metavar="MAP.json", help=_("the mapping (default: the one the vault keeps for this form)")
    )
    fill.add_argument("--out", required=True, metavar="FILLED.pdf")
    fill.add_argument(
        "--flatten", action="store_true", help=_("draw the values into the pages and remove the fields")
    )
    fill.add_argument("--encrypt", action="store_true", help=_("protect the PDF with a password (AES-256)"))
    fill.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    fill.add_argument("--json", action="store_true", help=_("print the check report as JSON"))
    fill.add_argument(
        "--keep-map", action="store_true", help=_("keep the mapping in the vault for next time")
    )
    fill.add_argument(
        "--add-to-vault",
        action="store_true",
        help=_("also keep a flattened copy among your documents, for packets"),
    )
    fill.add_argument(
        "--kind", default="other", metavar="KIND", help=_("the document kind of that copy (default: other)")
    )
    fill.add_argument("--title", metavar="T", help=_("the title of that copy (default: the form's title)"))
    fill.set_defaults(func=cmd_fill)

    listing = actions.add_parser("maps", parents=[common], help=_("list the form mappings a vault keeps"))
    listing.add_argument("vault", metavar="VAULT")
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(func=cmd_maps)

    importing = actions.add_parser(
        "import", parents=[common], help=_("keep a mapping, or a help desk's set, in a vault")
    )
    importing.add_argument("vault", metavar="VAULT")
    importing.add_argument("file", metavar="FILE")
    importing.set_defaults(func=cmd_import)

    exporting = actions.add_parser(
        "export", parents=[common], help=_("write the mappings a vault keeps as one set")
    )
    exporting.add_argument("vault", metavar="VAULT")
    exporting.add_argument(
        "--out", required=True, metavar="FILE", help=_("where to write it (- for standard output)")
    )
    exporting.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    exporting.set_defaults(func=cmd_export)

    forgetting = actions.add_parser("forget", parents=[common], help=_("forget a mapping a vault keeps"))
    forgetting.add_argument("vault", metavar="VAULT")
    forgetting.add_argument("fingerprint", metavar="FINGERPRINT")
    forgetting.set_defaults(func=cmd_forget)
