"""The start screen of a desktop run started by the launcher: the usual one (open, create), plus a
"Guest session" tab and a way to unpack a bundle of vaults; at a help desk, the desk's own.

The desk's start screen says it is a desk, offers "Open a client's vault" and "New client" (a
neutral file name in the desk's folder, ``client-2026-05-01-3.vault``, which the client may
change; the client types their own passphrase) and a guest session, lists no one — neither the
vault that was just open nor recent ones — unless the desk chose to list the vaults of its folder
by name, and has the desk's tools: packing several vaults into one file, and the desk's settings.
A guest process (``waystation --guest``) shows the guest tab alone. A new start screen is made for
every client (``DeskWindow.renew_screens``), so nothing typed before is in it."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from waystation.helpdesk.desk_settings import DeskSettingsStore, desk_folder, new_client_vault, vaults_in
from waystation.i18n import _
from waystation.ui.dialogs import FileDialogs
from waystation.ui.helpdesk.bundle_actions import BundleActions
from waystation.ui.helpdesk.guest_keeper import GuestKeeper
from waystation.ui.helpdesk.guest_panel import GuestPanel
from waystation.ui.icons import icon
from waystation.ui.pages.base import plain_label
from waystation.ui.session import Session
from waystation.ui.start_screen import StartScreen


class DeskContext(NamedTuple):
    helpdesk: bool  # the desk's start screen
    guest_process: bool  # ``waystation --guest``: guest sessions only
    keeper: GuestKeeper
    store: DeskSettingsStore


class DeskSettingsDialog(QDialog):
    def __init__(self, store: DeskSettingsStore, dialogs: FileDialogs, parent: QWidget | None = None) -> None:
        from waystation.ui.helpdesk.desk_section import DeskSection  # when the desk is set up

        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.section = DeskSection(store, self, dialogs=dialogs)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.section)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.setWindowTitle(_("The desk's settings"))
        self.resize(640, 560)


class DeskStartScreen(StartScreen):
    end_guest_requested = Signal()
    desk_changed = Signal()  # the desk's settings were changed from here

    def __init__(
        self, session: Session, dialogs: FileDialogs, parent: QWidget | None = None, *, context: DeskContext
    ) -> None:
        self.context = context
        self._furnished = False
        super().__init__(session, dialogs, parent)
        self.dialogs = dialogs
        self.guest_panel = GuestPanel(session, context.keeper, self.tab_pages())
        self.tabs.addTab(self.guest_panel, "")
        self.guest_panel.created.connect(self.created)
        self.guest_panel.resumed.connect(self.opened)
        self.guest_panel.busy_changed.connect(self._busy)
        self.guest_panel.end_requested.connect(self.end_guest_requested)
        if context.guest_process:
            self.tabs.removeTab(self.tabs.indexOf(self.create_panel))
            self.tabs.removeTab(self.tabs.indexOf(self.open_panel))
        self.desk_list_label = plain_label("", self.open_panel)
        self.desk_list = QListWidget(self.open_panel)
        self.desk_list.itemActivated.connect(self._choose_listed)
        self.desk_list.itemClicked.connect(self._choose_listed)
        panel_layout = self.open_panel.layout()
        if isinstance(panel_layout, QVBoxLayout):
            panel_layout.insertWidget(panel_layout.count() - 1, self.desk_list_label)
            panel_layout.insertWidget(panel_layout.count() - 1, self.desk_list)
        self.bundles = BundleActions(dialogs, self, can_pack=context.helpdesk)
        self.bundles.unpacked.connect(self._unpacked)
        self.settings_button = QPushButton("", self)  # a desk's only: drawn for a desk's screen
        if context.helpdesk:
            self.settings_button.setIcon(icon("settings"))
        self.settings_button.clicked.connect(self.open_desk_settings)
        self.settings_button.setVisible(context.helpdesk)
        tools = QHBoxLayout()
        tools.addWidget(self.bundles, 1)
        tools.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.addLayout(tools)
        self.bundles.setVisible(not context.guest_process)
        self.desk_dialog: DeskSettingsDialog | None = None
        self._furnished = True
        self.retranslate()

    # -- what is shown -------------------------------------------------------------------------

    def reset(self) -> None:
        self.create_panel.wipe()
        self.guest_panel.wipe()
        self.guest_panel.show_state()
        if self.context.guest_process or (self.context.keeper.exists and not self.context.helpdesk):
            self.tabs.setCurrentWidget(self.guest_panel)
            self.guest_panel.focus_first()
            return
        if self.context.helpdesk:
            self.open_panel.just_locked = None  # a desk never offers the last client's vault
        self.tabs.setCurrentWidget(self.open_panel)
        self.open_panel.reset()
        if self.context.helpdesk:
            self._desk_reset()

    def _desk_reset(self) -> None:
        panel = self.open_panel
        for widget in (panel.recent, panel.recent_label, panel.offer):
            widget.hide()
        panel.picker.edit.setText("")
        settings = self.context.store.load()
        folder = desk_folder(settings)
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        self.create_panel.picker.edit.setText(str(new_client_vault(folder, self.session.today())))
        self.desk_list.clear()
        listed = vaults_in(folder) if settings.show_names else []
        for path in listed:
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.desk_list.addItem(item)
        self.desk_list.setVisible(bool(listed))
        self.desk_list_label.setVisible(bool(listed))
        panel.picker.setFocus()

    def _choose_listed(self, item: QListWidgetItem) -> None:
        self.open_panel.picker.edit.setText(str(item.data(Qt.ItemDataRole.UserRole)))
        self.open_panel.passphrase.setFocus()

    def _unpacked(self, first: Path) -> None:
        if not self.context.guest_process:
            self.tabs.setCurrentWidget(self.open_panel)
            self.open_panel.picker.edit.setText(str(first))
            self.open_panel.passphrase.setFocus()

    def open_desk_settings(self) -> None:
        if self.desk_dialog is None:
            self.desk_dialog = DeskSettingsDialog(self.context.store, self.dialogs, self)
            self.desk_dialog.finished.connect(lambda _r: self._desk_settings_closed())
        self.desk_dialog.section.show_settings()
        self.desk_dialog.open()

    def _desk_settings_closed(self) -> None:
        self.desk_changed.emit()
        if self.context.helpdesk and self.isVisible():
            self._desk_reset()

    def _busy(self, busy: bool) -> None:
        super()._busy(busy)
        if self._furnished:
            self.bundles.setEnabled(not busy)
            self.settings_button.setEnabled(not busy)

    # -- words ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        if not self._furnished:
            return
        self.tabs.setTabText(self.tabs.indexOf(self.guest_panel), _("Guest session"))
        self.guest_panel.retranslate()
        self.bundles.retranslate()
        self.settings_button.setText(_("The desk's settings…"))
        self.desk_list_label.setText(_("Vaults in the desk's folder"))
        self.desk_list.setAccessibleName(_("Vaults in the desk's folder"))
        if self.context.guest_process:
            self.heading.setText(_("Waystation — guest session"))
            self.intro.setText(
                _(
                    "Nothing you do here is written to this computer's disk. Save your work into a vault "
                    "before you leave, or it is gone."
                )
            )
        elif self.context.helpdesk:
            self.heading.setText(_("Waystation — help desk"))
            self.intro.setText(
                _(
                    "One client at a time. Each client chooses and types their own passphrase; nobody "
                    "else needs to know it. End session (Ctrl+Shift+E) closes and clears everything "
                    "before the next client."
                )
            )
            self.tabs.setTabText(self.tabs.indexOf(self.open_panel), _("Open a client's vault"))
            self.tabs.setTabText(self.tabs.indexOf(self.create_panel), _("New client"))
