"""The files the form dialog reads and writes: mappings (kept in the vault, imported — a mapping
or a help desk's set, ``waystation-form-maps/1``, all kept and the one for the open form put to
use —, exported) and the filled form. Each returns what to tell the person, and whether it is a
problem."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from waystation.errors import InvalidInput, WaystationError
from waystation.files import write_new_file
from waystation.forms import library
from waystation.forms.fill import FillResult, write_filled
from waystation.forms.mapping import FormMap
from waystation.forms.model import FormInfo
from waystation.forms.values import check_mapping
from waystation.i18n import _, ngettext
from waystation.ui.dialogs import FileDialogs, file_filter, pdf_filter
from waystation.ui.pages.packet_saving import Confirm
from waystation.vault.connection import Vault
from waystation.vault.document_files import read_document_file

MAX_FILE = 16 * 1024 * 1024


def mapping_filter() -> str:
    return file_filter(_("Form mappings ({patterns})").format(patterns="*.json"))


def keep_mapping(vault: Vault, mapping: FormMap, today: date) -> str:
    library.keep(vault, [mapping], today)
    return _("The mapping is kept in your vault; it is used the next time you open this form.")


def import_mappings(
    parent: QWidget, dialogs: FileDialogs, vault: Vault, today: date, info: FormInfo
) -> tuple[FormMap | None, str]:
    """The mapping for ``info`` among those imported (None if none fits), and what to say."""
    path = dialogs.open_file(parent, _("Import form mappings"), mapping_filter())
    if path is None:
        return None, ""
    try:
        mappings = library.loads_any(read_document_file(path, MAX_FILE))
        library.keep(vault, mappings, today)
    except WaystationError as exc:
        return None, _("{name}: {problem}").format(name=path.name, problem=exc.message)
    kept = ngettext(
        "Kept {n} mapping in your vault.", "Kept {n} mappings in your vault.", len(mappings)
    ).format(n=len(mappings))
    match = next((m for m in mappings if m.fingerprint == info.fingerprint), None)
    if match is None:
        return None, kept + " " + _("None of them is for this form.")
    try:
        check_mapping(info, match)
    except InvalidInput as exc:
        return None, kept + " " + exc.message
    return match, kept + " " + _("The one for this form is now in use.")


def export_mapping(parent: QWidget, dialogs: FileDialogs, confirm: Confirm, mapping: FormMap) -> str:
    path = dialogs.save_file(parent, _("Export the mapping"), "form-mapping.json", mapping_filter())
    if path is None:
        return ""
    path = path if path.suffix else path.with_suffix(".json")
    replace = path.exists() and not path.is_dir()
    if replace and not confirm(
        _("Replace the file?"), _("{name} already exists. Replace it?").format(name=path.name), _("Replace")
    ):
        return _("Nothing was saved.")
    try:
        write_new_file(path, mapping.dumps().encode("utf-8"), force=replace)
    except WaystationError as exc:
        return exc.message
    return _(
        "The mapping was saved as {name}; it holds no personal data unless you typed some as fixed text."
    ).format(name=path.name)


def save_filled(
    parent: QWidget,
    dialogs: FileDialogs,
    confirm: Confirm,
    result: FillResult,
    stem: str,
    still_current: Callable[[], bool],
) -> tuple[str, bool]:
    """Ask where, ask before replacing, write whole or not at all: (what to say, a problem?).
    Nothing is written when ``still_current()`` turned false while a dialog was open."""
    path = dialogs.save_file(parent, _("Save the filled form"), f"{stem}-filled.pdf", pdf_filter())
    if path is None:
        return "", False
    path = path if path.suffix else path.with_suffix(".pdf")
    replace = path.exists() and not path.is_dir()
    confirmed = not replace or confirm(
        _("Replace the file?"),
        _("{name} already exists. Replace it with the filled form?").format(name=path.name),
        _("Replace"),
    )
    if not still_current():
        return "", False
    if not confirmed:
        return _("Nothing was saved."), False
    try:
        write_filled(result, path, force=replace)
    except WaystationError as exc:
        return exc.message, True
    return _("Saved the filled form as {name}.").format(name=path.name), False
