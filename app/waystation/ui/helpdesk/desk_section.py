"""Settings: help desk. Whether Waystation starts as a help desk, the desk's folder for its
clients' vaults, whether the desk's start screen names the vaults in it, and the desk's record —
off unless turned on, with where it is kept and what it holds said in full, its totals, an export
as CSV for the NGO's reports, and a way to erase it. Shown in Settings and, at a help desk, from
the desk's start screen (so the volunteer needs no client's vault open to reach it)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from waystation.errors import WaystationError
from waystation.helpdesk.desk_record import DeskRecord
from waystation.helpdesk.desk_settings import DeskSettings, DeskSettingsStore, desk_folder
from waystation.i18n import _, ngettext
from waystation.ui.dialogs import FileDialogs
from waystation.ui.icons import icon
from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.ask import confirm
from waystation.ui.widgets.fields import hint_label, show_text


def csv_filter() -> str:
    return _("CSV tables ({patterns})").format(patterns="*.csv")


class DeskSection(QWidget):
    def __init__(
        self,
        store: DeskSettingsStore,
        parent: QWidget | None = None,
        *,
        dialogs: FileDialogs | None = None,
        record: DeskRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.dialogs = dialogs or FileDialogs()
        self.record = record or DeskRecord()
        self.settings = DeskSettings()
        # A question in a message box (a seam: tests answer it).
        self.confirm: Callable[[str, str, str], bool] = lambda title, text, action: confirm(
            self, title, text, action
        )
        self.heading = plain_label("", self)
        self.heading.setObjectName("subheading")
        self.helpdesk = QCheckBox(self)
        self.helpdesk_hint = hint_label("", self)
        self.folder_label = plain_label("", self)
        self.folder = QLineEdit(self)
        self.folder_label.setBuddy(self.folder)
        self.show_names = QCheckBox(self)
        self.names_hint = hint_label("", self)
        self.keep_record = QCheckBox(self)
        self.record_hint = hint_label("", self)
        self.totals = plain_label("", self, wrap=True)
        self.export_button = QPushButton(icon("export"), "", self)
        self.erase_button = QPushButton(icon("delete"), "", self)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        show_text(self.message, "")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.helpdesk)
        form.addRow(self.helpdesk_hint)
        form.addRow(self.folder_label, self.folder)
        form.addRow(self.show_names)
        form.addRow(self.names_hint)
        form.addRow(self.keep_record)
        form.addRow(self.record_hint)
        form.addRow(self.totals)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.erase_button)
        actions.addStretch(1)
        form.addRow(actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 14, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.helpdesk.toggled.connect(lambda on: self._save(helpdesk=on))
        self.show_names.toggled.connect(lambda on: self._save(show_names=on))
        self.keep_record.toggled.connect(lambda on: self._save(record=on))
        self.folder.editingFinished.connect(self._folder_edited)
        self.export_button.clicked.connect(self.export_csv)
        self.erase_button.clicked.connect(self.erase)
        self.retranslate()
        self.show_settings()

    # -- settings ----------------------------------------------------------------------------

    def show_settings(self) -> None:
        self.settings = self.store.load()
        boxes = (self.helpdesk, self.show_names, self.keep_record, self.folder)
        blocked = [box.blockSignals(True) for box in boxes]
        self.helpdesk.setChecked(self.settings.helpdesk)
        self.show_names.setChecked(self.settings.show_names)
        self.keep_record.setChecked(self.settings.record)
        self.folder.setText(str(desk_folder(self.settings)))
        for box, was in zip(boxes, blocked, strict=True):
            box.blockSignals(was)
        self._show_record()

    def _save(self, **changes: Any) -> None:
        try:
            self.settings = dataclasses.replace(self.store.load(), **changes)
            self.store.save(self.settings)
        except OSError as exc:
            show_text(
                self.message, _("The settings could not be saved: {error}").format(error=exc.strerror or exc)
            )
            return
        show_text(self.message, "")
        self._show_record()

    def _folder_edited(self) -> None:
        text = self.folder.text().strip()
        if not text or Path(text) == desk_folder(self.settings):
            return
        folder = Path(text).expanduser()
        if not folder.is_absolute():
            show_text(self.message, _("Give the desk's folder as a full path."))
            return
        self._save(folder=str(folder))

    # -- the record ----------------------------------------------------------------------------

    def _show_record(self) -> None:
        totals = self.record.totals()
        if not self.settings.record and not any(totals.values()):
            show_text(self.totals, "")
        else:
            show_text(
                self.totals,
                # Translators: totals of the desk's record, e.g. "So far: 12 sessions, 5 new vaults, 9 packets."
                _("So far: {sessions}, {vaults}, {packets}.").format(
                    sessions=ngettext("{n} session", "{n} sessions", totals["sessions"]).format(
                        n=totals["sessions"]
                    ),
                    vaults=ngettext("{n} new vault", "{n} new vaults", totals["new_vaults"]).format(
                        n=totals["new_vaults"]
                    ),
                    packets=ngettext("{n} packet", "{n} packets", totals["packets"]).format(
                        n=totals["packets"]
                    ),
                ),
            )
        has_rows = any(totals.values())
        self.export_button.setEnabled(has_rows)
        self.erase_button.setEnabled(has_rows)

    def export_csv(self) -> None:
        suggested = f"desk-record-{date.today().isoformat()}.csv"
        target = self.dialogs.save_file(self, _("Export the desk's record"), suggested, csv_filter())
        if target is None:
            return
        target = target if target.suffix else target.with_name(target.name + ".csv")
        try:
            rows = self.record.export_csv(target)
        except WaystationError as exc:
            show_text(self.message, exc.message)
            return
        show_text(
            self.message,
            ngettext("Wrote {n} row to {path}.", "Wrote {n} rows to {path}.", rows).format(
                n=rows, path=target
            ),
        )

    def erase(self) -> None:
        if not self.confirm(
            _("Erase the desk's record"),
            _("Erase every count of the desk's record? This cannot be undone."),
            _("Erase"),
        ):
            return
        try:
            self.record.erase()
        except OSError as exc:
            show_text(self.message, str(exc.strerror or exc))
            return
        self._show_record()

    # -- words -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(_("Help desk"))
        self.helpdesk.setText(_("Start as a help desk"))
        self.helpdesk_hint.setText(
            _(
                "For a desk that serves one client after another on this computer (also: start "
                "Waystation with --helpdesk). The desk's start screen names no one; End session "
                "(Ctrl+Shift+E) closes and clears everything before the next client. Takes effect "
                "when the session ends."
            )
        )
        self.folder_label.setText(_("The desk's folder for new clients' vaults"))
        self.folder.setAccessibleName(self.folder_label.text())
        self.show_names.setText(_("List the vaults in the desk's folder by name on the start screen"))
        self.names_hint.setText(
            _("Off: the next client sees no file names. A client can always choose their file themselves.")
        )
        self.keep_record.setText(_("Keep the desk's record (counts only)"))
        self.record_hint.setText(
            _(
                "Per day and per host country: how many sessions, new vaults and packets — for the "
                "NGO's reports. No names, no vault paths, no times. Kept in {path}."
            ).format(path=self.record.path)
        )
        self.export_button.setText(_("Export as CSV…"))
        self.erase_button.setText(_("Erase the record…"))
        self._show_record()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
