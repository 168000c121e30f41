"""Saving a built packet: ask where (suggesting a name with the country, the track and the part),
ask before replacing a file, and write it whole or not at all (packets.output)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from waystation.errors import WaystationError
from waystation.i18n import _, ngettext
from waystation.packets.request import PacketResult
from waystation.ui.dialogs import FileDialogs, pdf_filter

Confirm = Callable[[str, str, str], bool]  # title, question, the verb on the button


@dataclass(frozen=True)
class Outcome:
    """What to tell the person: ``said`` under the actions, ``problem`` in the message line."""

    said: str = ""
    problem: str = ""


def suggested_name(country: str, track: str, part: str) -> str:
    suffix = "" if part == "both" else f"-{part}"
    return f"packet-{country.lower()}-{track}{suffix}.pdf"


def save_packet(
    parent: QWidget,
    dialogs: FileDialogs,
    confirm: Confirm,
    result: PacketResult,
    suggested: str,
    still_current: Callable[[], bool],
) -> Outcome | None:
    """None when the person cancelled, or when ``still_current()`` turned false while a dialog
    was open (the vault locked): then nothing is written and nothing is said."""
    path = dialogs.save_file(parent, _("Save the packet"), suggested, pdf_filter())
    if path is None:
        return None
    path = path if path.suffix else path.with_suffix(".pdf")
    replace = path.exists() and not path.is_dir()
    confirmed = not replace or confirm(
        _("Replace the file?"),
        _("{name} already exists. Replace it with this packet?").format(name=path.name),
        _("Replace"),
    )
    if not still_current():
        return None
    if not confirmed:
        return Outcome(said=_("Nothing was saved."))
    return _write(result, path, replace)


def _write(result: PacketResult, path: Path, force: bool) -> Outcome:
    from waystation.packets.builder import write_packet  # loaded by the build already

    try:
        write_packet(result, path, force=force)
    except WaystationError as exc:
        return Outcome(problem=exc.message)  # the packet stays in memory: save it elsewhere
    return Outcome(
        said=ngettext(
            "Saved the packet ({n} page) as {name}.",
            "Saved the packet ({n} pages) as {name}.",
            result.pages,
        ).format(n=result.pages, name=path.name)
    )
