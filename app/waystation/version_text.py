"""The words of ``waystation --version`` and of the About box's build details: the same rows,
so the two never disagree. No Qt here; ``build_info.components`` imports it only when asked."""

from __future__ import annotations

from waystation.build_info import BuildInfo, Components, build_info, components
from waystation.i18n import _
from waystation.portable import Places, current


def build_rows(info: BuildInfo | None = None, parts: Components | None = None) -> list[tuple[str, str]]:
    """(label, value) for the version, the build and what it is built on."""
    info = info or build_info()
    parts = parts or components()
    not_known = _("not known")
    return [
        (_("Version"), info.version),
        (_("Commit"), info.short_commit or not_known),
        (_("Built"), info.build_date or _("not built: running from the source code")),
        ("Qt", parts.qt or not_known),
        ("PySide6", parts.pyside or not_known),
        ("SQLCipher", parts.sqlcipher or not_known),
        ("Python", parts.python),
    ]


def places_rows(places: Places | None = None) -> list[tuple[str, str]]:
    """(label, value) for the mode of this run and where it keeps what it keeps."""
    places = places or current()
    if places.portable:
        mode = _("portable: everything of Waystation's stays in {folder}").format(folder=str(places.data))
    else:
        mode = _("installed: settings in your user folder")
    rows = [
        (_("Mode"), mode),
        (_("Settings"), str(places.settings)),
        (_("Guide updates and keys"), str(places.app_data)),
        (
            _("New vaults"),
            str(places.vaults) if places.vaults is not None else _("wherever you choose to save them"),
        ),
    ]
    if places.problem:
        rows.append((_("Cannot save"), cannot_save_text(places)))
    return rows


def cannot_save_text(places: Places) -> str:
    return _(
        "This portable copy cannot write to its data folder ({reason}): settings are kept only "
        "until Waystation closes. Vaults still open and save where they are."
    ).format(reason=places.problem)


def version_text() -> str:
    """What ``waystation --version`` prints: the first line as before, then the details."""
    info = build_info()
    rows = build_rows(info) + places_rows()
    width = max(len(label) for label, _value in rows)
    lines = [f"waystation {info.version}"]
    lines += [f"  {label + ':':<{width + 1}} {value}" for label, value in rows]
    return "\n".join(lines)
