"""Settings of the app (language, auto-lock, discreet mode, recent vaults, expiry warnings), kept
as soon as they change, and two actions on the open vault: change its passphrase, back it up."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from waystation.app_settings import MAX_AUTO_LOCK_MINUTES, MIN_AUTO_LOCK_MINUTES
from waystation.helpdesk import guest_places
from waystation.helpdesk.desk_settings import DeskSettingsStore
from waystation.i18n import UI_LANGUAGES, _, current_language
from waystation.ui.background import BackgroundTask
from waystation.ui.dialogs import FileDialogs, vault_filter
from waystation.ui.helpdesk.desk_section import DeskSection
from waystation.ui.icons import icon
from waystation.ui.language import language_name, switch_language
from waystation.ui.pages.base import Page, plain_label
from waystation.ui.pages.guide_updates_section import GuideUpdatesSection
from waystation.ui.pages.security_section import SecuritySection
from waystation.ui.pages.settings_dialogs import BackupDialog, ChangePassphraseDialog
from waystation.ui.session import Session
from waystation.ui.widgets.fields import hint_label, show_text
from waystation.vault import copies
from waystation.vault.connection import Vault
from waystation.vault.passphrase_check import passphrase_opens

MAX_LEAD_DAYS = 730


def _tell(parent: QWidget, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, _("Waystation"), text, QMessageBox.StandardButton.Ok, parent)
    box.exec()


class SettingsPage(Page):
    key = "settings"
    icon_name = "settings"

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(session, parent, dialogs=dialogs)
        self.task = BackgroundTask(self)  # re-encrypting and copying run off the UI thread
        self._swap_generation = 0
        self.language = QComboBox(self)
        for code in UI_LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.auto_lock = QSpinBox(self)
        self.auto_lock.setRange(MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES)
        self.discreet = QCheckBox(self)
        self.remember = QCheckBox(self)
        self.lead_days = QSpinBox(self)  # created in screen order, which Tab follows
        self.lead_days.setRange(0, MAX_LEAD_DAYS)
        for spin in (self.auto_lock, self.lead_days):
            spin.setKeyboardTracking(False)  # keep the value once typed, not at every digit
        self.change_button = QPushButton(icon("key"), "", self)
        self.backup_button = QPushButton(icon("backup"), "", self)
        self.heading = plain_label("", self)
        self.heading.setObjectName("heading")
        self.notice = plain_label("", self, wrap=True)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        show_text(self.notice, "")
        show_text(self.message, "")
        self.tell: Callable[[str], None] = lambda text: _tell(self, text)
        self.passphrase_dialog: ChangePassphraseDialog | None = None
        self.backup_dialog: BackupDialog | None = None
        self.texts: dict[str, QLabel] = {}
        self._build()
        self.language.currentIndexChanged.connect(lambda _i: self._language_chosen())
        self.auto_lock.valueChanged.connect(lambda value: self._save(auto_lock_minutes=value))
        self.lead_days.valueChanged.connect(lambda value: self._save(expiry_lead_days=value))
        self.discreet.toggled.connect(lambda on: self._save(discreet=on))
        self.remember.toggled.connect(self._remember_toggled)
        self.change_button.clicked.connect(self.change_passphrase)
        self.backup_button.clicked.connect(self.back_up)
        self._show_settings()
        self.retranslate()

    def _text(self, name: str, parent: QWidget, *, kind: str = "label") -> QLabel:
        label = hint_label("", parent) if kind == "hint" else plain_label("", parent)
        if kind == "heading":
            label.setObjectName("subheading")
        self.texts[name] = label
        return label

    def _build(self) -> None:
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(10)
        column.addWidget(self.heading)
        column.addWidget(self.notice)
        column.addWidget(self.message)
        rows: tuple[tuple[str, QWidget | None], ...] = (
            ("h_language", None),
            ("language", self.language),
            ("h_privacy", None),
            ("auto_lock", self.auto_lock),
            ("", self.discreet),
            ("discreet_hint", None),
            ("", self.remember),
            ("remember_hint", None),
            ("h_documents", None),
            ("lead_days", self.lead_days),
            ("h_vault", None),
            ("", self.change_button),
            ("change_hint", None),
            ("", self.backup_button),
            ("backup_hint", None),
        )
        form: QFormLayout | None = None
        for name, widget in rows:
            if name.startswith("h_"):
                column.addSpacing(14)
                column.addWidget(self._text(name, content, kind="heading"))
                form = QFormLayout()
                form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
                form.setHorizontalSpacing(16)
                form.setVerticalSpacing(8)
                column.addLayout(form)
            elif widget is None:
                assert form is not None
                form.addRow(self._text(name, content, kind="hint"))
            else:
                assert form is not None
                self._add_row(form, name, widget, content)
        column.addSpacing(14)
        self.guide_updates = GuideUpdatesSection(self.session, content, dialogs=self.dialogs)
        column.addWidget(self.guide_updates)
        self.security = SecuritySection(self.session, content)
        column.addWidget(self.security)
        self.desk = DeskSection(DeskSettingsStore(self.session.store.folder), content, dialogs=self.dialogs)
        column.addWidget(self.desk)  # help desk: ui/helpdesk/desk_section.py
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _add_row(self, form: QFormLayout, name: str, widget: QWidget, parent: QWidget) -> None:
        if not name:
            line = QHBoxLayout()
            line.addWidget(widget)
            line.addStretch(1)
            form.addRow(line)
            return
        label = self._text(name, parent)
        label.setBuddy(widget)
        form.addRow(label, widget)

    # -- settings ---------------------------------------------------------------------------------

    def _show_settings(self) -> None:
        settings = self.session.app_settings
        widgets = (self.language, self.auto_lock, self.lead_days, self.discreet, self.remember)
        blocked = [w.blockSignals(True) for w in widgets]
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language or current_language())))
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.lead_days.setValue(settings.expiry_lead_days)
        self.discreet.setChecked(settings.discreet)
        self.remember.setChecked(settings.remember_recent)
        for widget, was in zip(widgets, blocked, strict=True):
            widget.blockSignals(was)

    def _save(self, **changes: Any) -> bool:
        try:
            self.session.save_settings(dataclasses.replace(self.session.app_settings, **changes))
        except OSError as exc:
            show_text(
                self.message,
                _("The settings could not be saved: {error}").format(error=exc.strerror or str(exc)),
            )
            return False
        show_text(self.message, "")
        return True

    def _language_chosen(self) -> None:
        code = str(self.language.currentData())
        self._save(language=code)
        app = QCoreApplication.instance()
        if app is not None:
            switch_language(app, code)

    def _remember_toggled(self, on: bool) -> None:
        changes: dict[str, Any] = {"remember_recent": on}
        if not on:
            changes["recent_vaults"] = []
        self._save(**changes)

    # -- vault actions ------------------------------------------------------------------------------

    def change_passphrase(self) -> None:
        if self.passphrase_dialog is None:
            self.passphrase_dialog = ChangePassphraseDialog(self)
            self.passphrase_dialog.submitted.connect(self._change)
        self.passphrase_dialog.open()

    def _change(self, current: str, new: str) -> None:
        dialog = self.passphrase_dialog
        assert dialog is not None
        if not self.session.is_open:
            dialog.reject()
            return
        if self.task.running:
            return
        vault = self.session.vault
        self._swap_generation = self.session.begin_swap()

        def work() -> Vault | None:
            if not passphrase_opens(vault.path, current):
                return None
            return copies.change_passphrase(vault, new, current)

        dialog.setEnabled(False)
        self.task.start(work, self._changed, self._after_failed_change)

    def _changed(self, reopened: Vault | None) -> None:
        dialog = self.passphrase_dialog
        if dialog is not None:
            dialog.setEnabled(True)
        if reopened is None:
            self.session.end_swap(self._swap_generation, None)
            if dialog is not None:
                dialog.say(_("That is not the current passphrase."))
                dialog.current.wipe()
            return
        if not self.session.end_swap(self._swap_generation, reopened):
            return  # locked meanwhile: the new passphrase is in place, the vault stays locked
        if dialog is not None:
            dialog.accept()
        show_text(
            self.notice, _("The passphrase was changed. The old passphrase no longer opens this vault.")
        )

    def _after_failed_change(self, problem: str) -> None:
        if self.passphrase_dialog is not None:
            self.passphrase_dialog.setEnabled(True)
        if self.session.is_open:
            self.session.end_swap(self._swap_generation, None)
            if self.passphrase_dialog is not None:
                self.passphrase_dialog.say(problem)
            return
        if self.session.generation != self._swap_generation:
            return  # the person locked the vault meanwhile: it stays locked
        # The old file was closed for the swap and stays as it was: lock, and say why.
        self.session.lock()
        self.tell(problem)

    def back_up(self) -> None:
        if self.backup_dialog is None:
            self.backup_dialog = BackupDialog(self)
            self.backup_dialog.submitted.connect(self._back_up)
        self.backup_dialog.open()

    def _back_up(self, passphrase: str) -> None:
        dialog = self.backup_dialog
        assert dialog is not None
        if not self.session.is_open:
            dialog.reject()
            return
        if self.task.running:
            return
        vault = self.session.vault
        dialog.setEnabled(False)
        self.task.start(
            lambda: passphrase_opens(vault.path, passphrase),
            lambda right: self._backup_checked(bool(right), passphrase),
            self._backup_failed,
        )

    def _backup_checked(self, right: bool, passphrase: str) -> None:
        dialog = self.backup_dialog
        if dialog is None or not self.session.is_open:
            return
        dialog.setEnabled(True)
        if not right:
            dialog.say(_("That is not the vault's passphrase."))
            dialog.passphrase.wipe()
            return
        vault = self.session.vault
        suggested = f"{vault.path.stem}-backup-{self.session.today().isoformat()}.vault"
        target = self.dialogs.save_file(self, _("Back up the vault"), suggested, vault_filter())
        if target is None or not self.session.is_open:
            return
        target = target if target.suffix else Path(f"{target}.vault")
        dialog.setEnabled(False)
        self.task.start(
            lambda: copies.backup(vault, target, passphrase), self._backed_up, self._backup_failed
        )

    def _backed_up(self, written: Path) -> None:
        dialog = self.backup_dialog
        if dialog is not None:
            dialog.setEnabled(True)
            dialog.accept()
        show_text(self.notice, _("Backup written and verified: {path}").format(path=written))

    def _backup_failed(self, problem: str) -> None:
        dialog = self.backup_dialog
        if dialog is not None:
            dialog.setEnabled(True)
            dialog.say(problem)

    # -- Page -------------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Settings")

    def refresh(self) -> None:
        self._show_settings()
        self.security.show_settings()
        self.desk.show_settings()
        # A guest session's vault is in memory: it is saved with "Save into a vault", not here.
        guest = self.session.is_guest
        for widget in (self.change_button, self.backup_button, self.security.wipe_button):
            widget.setVisible(not guest)
        for hint in (self.texts["change_hint"], self.texts["backup_hint"], self.security.wipe_hint):
            hint.setVisible(not guest)
        self.guide_updates.setVisible(guest_places.active() is None)  # a guest process installs nothing

    def clear(self) -> None:
        for dialog in (self.passphrase_dialog, self.backup_dialog, self.security.wipe_dialog):
            if dialog is not None and dialog.isVisible():
                dialog.reject()
        show_text(self.notice, "")
        show_text(self.message, "")

    def retranslate(self) -> None:
        self.heading.setText(_("Settings"))
        texts = {
            "h_language": _("Language"),
            "language": _("Interface language"),
            "h_privacy": _("Privacy and locking"),
            "auto_lock": _("Lock after this many minutes without use"),
            "discreet_hint": _(
                "Discreet mode shows the window as “Notes” with a plain icon, so a glance at the "
                "screen or the task bar does not tell what this app is."
            ),
            "remember_hint": _(
                "Off: nothing about your vaults is written to this computer's settings. Turning it "
                "off forgets the list."
            ),
            "h_documents": _("Documents"),
            "lead_days": _("Warn this many days before a document expires"),
            "h_vault": _("This vault"),
            "change_hint": _("Asks for the current passphrase, then the new one twice."),
            "backup_hint": _("A verified, encrypted copy, for example on a USB stick."),
        }
        for name, text in texts.items():
            self.texts[name].setText(text)
        self.discreet.setText(_("&Discreet mode: neutral window title and icon"))
        self.remember.setText(_("&Remember recently opened vaults"))
        self.change_button.setText(_("&Change passphrase…"))
        self.backup_button.setText(_("&Back up…"))
        self.language.setAccessibleName(texts["language"])
        self.auto_lock.setAccessibleName(texts["auto_lock"])
        self.lead_days.setAccessibleName(texts["lead_days"])
        self.discreet.setAccessibleDescription(texts["discreet_hint"])
        self.remember.setAccessibleDescription(texts["remember_hint"])
        self.change_button.setAccessibleDescription(texts["change_hint"])
        self.backup_button.setAccessibleDescription(texts["backup_hint"])
        for dialog in (self.passphrase_dialog, self.backup_dialog):
            if dialog is not None:
                dialog.retranslate()
        self.security.retranslate()
