"""Settings: guide updates. "Update guides from a file…" verifies a signed bundle on a worker,
shows what it changes (``GuideUpdateDialog``) and installs it only when the person agrees; the
installed updates can be taken back (the built-in guide returns); the keys trusted to sign updates
are listed with their fingerprints and who they are said to belong to, and can be added and
removed. The checks and the installing are the core's (``waystation.updates``); this only asks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from waystation.content.loader import PackLibrary, load_library
from waystation.errors import WaystationError
from waystation.i18n import _, current_language, ngettext
from waystation.ui.background import BackgroundTask
from waystation.ui.dialogs import FileDialogs, file_filter
from waystation.ui.icons import icon
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.guide_update_dialog import GuideUpdateDialog
from waystation.ui.session import Session
from waystation.ui.widgets.fields import hint_label, show_text
from waystation.updates.install import Downgrade, InstallPlan, install_bundle, plan_install, remove_installed
from waystation.updates.keys import TrustedKey, read_key_file, said_owner, trust, trusted_keys, untrust
from waystation.updates.keys import fingerprint as key_fingerprint
from waystation.updates.store import read_state
from waystation.updates.verify import read_bundle_file, verify_bundle

BUNDLE_PATTERNS = "*.wsbundle *.zip"
KEY_PATTERNS = "*.pub"


def _ask(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes = box.addButton(title, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def _check_bundle(path: Path) -> tuple[InstallPlan, bytes, str]:
    """On the worker: verify and plan; a bundle older than what is installed is planned anyway,
    with the reason, so the person can choose explicitly."""
    data = read_bundle_file(path)
    bundle = verify_bundle(path, data)
    try:
        return plan_install(bundle), data, ""
    except Downgrade as exc:
        return plan_install(bundle, allow_older=True), data, exc.message


class GuideUpdatesSection(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None, *, dialogs: FileDialogs) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs
        self.task = BackgroundTask(self)
        self.confirm: Callable[[str, str], bool] = lambda title, text: _ask(self, title, text)
        self.update_dialog: GuideUpdateDialog | None = None
        self.heading = plain_label("", self)
        self.heading.setObjectName("subheading")
        self.hint = hint_label("", self)
        self.update_button = QPushButton(icon("file"), "", self)
        self.busy_text = plain_label("", self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        self.installed_heading = plain_label("", self)
        self.installed = QListWidget(self)
        self.installed_empty = hint_label("", self)
        self.remove_button = QPushButton(icon("undo"), "", self)
        self.keys_heading = plain_label("", self)
        self.keys = QListWidget(self)
        self.trust_button = QPushButton(icon("key"), "", self)
        self.untrust_button = QPushButton(icon("delete"), "", self)
        self._build()
        self.update_button.clicked.connect(self.choose_bundle)
        self.remove_button.clicked.connect(self.remove_selected)
        self.trust_button.clicked.connect(self.choose_key)
        self.untrust_button.clicked.connect(self.untrust_selected)
        self.installed.currentRowChanged.connect(lambda _row: self._enable())
        self.keys.currentRowChanged.connect(lambda _row: self._enable())
        session.locked.connect(self.clear)
        self._set_busy("")
        show_text(self.message, "")
        self.retranslate()

    def _build(self) -> None:
        for widget in (self.installed, self.keys):
            widget.setMaximumHeight(120)
            widget.setWordWrap(True)
        for label in (self.installed_heading, self.keys_heading):
            label.setObjectName("caption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(self._row(self.update_button, self.busy_text, self.busy))
        layout.addWidget(self.message)
        layout.addWidget(self.installed_heading)
        layout.addWidget(self.installed)
        layout.addWidget(self.installed_empty)
        layout.addLayout(self._row(self.remove_button))
        layout.addWidget(self.keys_heading)
        layout.addWidget(self.keys)
        layout.addLayout(self._row(self.trust_button, self.untrust_button))

    def _row(self, *widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    # -- what is shown -------------------------------------------------------------------------------

    def refresh(self) -> None:
        language = current_language()
        self.installed.clear()
        library = self.session.library
        for country, guide in sorted(read_state().guides.items()):
            pack = library.get(country)
            name = pack.name.get(language) if pack is not None else country
            if country in library.installed:
                signer = guide.signer.name if guide.signer is not None and guide.signer.name else ""
                text = _("{name}: update {version}, signed by {who}").format(
                    name=name, version=guide.version, who=signer or _("a trusted key")
                )
            elif guide.problem is not None:
                text = _("{name}: update {version}, not used: {reason}").format(
                    name=name, version=guide.version, reason=guide.problem
                )
            else:
                text = _("{name}: update {version}, not used: the built-in guide is newer").format(
                    name=name, version=guide.version
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, country)
            self.installed.addItem(item)
        has_updates = self.installed.count() > 0
        self.installed.setVisible(has_updates)
        self.installed_empty.setVisible(not has_updates)
        self.keys.clear()
        for key in trusted_keys():
            item = QListWidgetItem(self._key_text(key))
            item.setData(Qt.ItemDataRole.UserRole, key.key_id)
            self.keys.addItem(item)
        self._enable()

    def _key_text(self, key: TrustedKey) -> str:
        where = _("built in") if key.built_in else _("added by you")
        return _("{who} — fingerprint {fingerprint} (key {key_id}, {where})").format(
            who=key.name or _("(nobody named)"), fingerprint=key.fingerprint, key_id=key.key_id, where=where
        )

    def _enable(self) -> None:
        idle = not self.task.running
        self.update_button.setEnabled(idle)
        self.trust_button.setEnabled(idle)
        self.remove_button.setEnabled(idle and self.installed.currentRow() >= 0)
        self.untrust_button.setEnabled(idle and self.keys.currentRow() >= 0)

    def _set_busy(self, text: str) -> None:
        self.busy_text.setText(text)
        self.busy_text.setVisible(bool(text))
        self.busy.setVisible(bool(text))
        self.busy.setAccessibleName(text)

    def _run(self, busy: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if self.task.running:
            return
        self._set_busy(busy)
        show_text(self.message, "")
        self.task.start(work, lambda result: self._finish(done, result), self._failed)
        self._enable()

    def _finish(self, done: Callable[[Any], None], result: Any) -> None:
        self._set_busy("")
        done(result)
        self._enable()

    def _failed(self, problem: str) -> None:
        self._set_busy("")
        show_text(self.message, problem)
        self._enable()

    def _use(self, library: PackLibrary, message: str) -> None:
        self.session.use_library(library)
        self.refresh()
        show_text(self.message, message)

    # -- installing ----------------------------------------------------------------------------------

    def choose_bundle(self) -> None:
        bundle_filter = file_filter(_("Guide updates ({patterns})").format(patterns=BUNDLE_PATTERNS))
        path = self.dialogs.open_file(self, _("Update guides from a file"), bundle_filter)
        if path is not None:
            self._run(_("Checking the signature and the guides…"), lambda: _check_bundle(path), self._checked)

    def _checked(self, result: tuple[InstallPlan, bytes, str]) -> None:
        plan, data, older = result
        if self.update_dialog is not None:
            self.update_dialog.deleteLater()
        dialog = GuideUpdateDialog(plan, self, older=older)
        self.update_dialog = dialog
        dialog.accepted.connect(lambda: self._install(plan, data, bool(older)))
        dialog.open()

    def _install(self, plan: InstallPlan, data: bytes, allow_older: bool) -> None:
        path = plan.bundle.path

        def work() -> tuple[InstallPlan, PackLibrary]:
            done = install_bundle(path, data=data, allow_older=allow_older)
            return done, load_library()

        self._run(_("Installing the guides…"), work, self._installed)

    def _installed(self, result: tuple[InstallPlan, PackLibrary]) -> None:
        plan, library = result
        language = current_language()
        names = [g.new.name.get(language) for g in plan.guides if not g.unchanged]
        message = ngettext(
            "Installed the updated guide: {names}.", "Installed the updated guides: {names}.", len(names)
        ).format(names=", ".join(names))
        self._use(library, message)

    # -- going back ----------------------------------------------------------------------------------

    def remove_selected(self) -> None:
        item = self.installed.currentItem()
        if item is None:
            return
        country = str(item.data(Qt.ItemDataRole.UserRole))
        question = _(
            "Remove the installed update for {country}? Waystation then uses the guide built into it again."
        ).format(country=country)
        if not self.confirm(_("Back to the built-in guide"), question):
            return

        def work() -> PackLibrary:
            remove_installed(country)
            return load_library()

        self._run(
            _("Removing the update…"),
            work,
            lambda library: self._use(
                library, _("{country} uses its built-in guide again.").format(country=country)
            ),
        )

    # -- keys ----------------------------------------------------------------------------------------

    def choose_key(self) -> None:
        key_filter = file_filter(_("Public keys ({patterns})").format(patterns=KEY_PATTERNS))
        path = self.dialogs.open_file(self, _("Trust a key"), key_filter)
        if path is None:
            return
        try:
            key = read_key_file(path)
        except WaystationError as exc:
            show_text(self.message, exc.message)
            return
        question = _(
            "Trust this key to sign guide updates?\n\nSaid to belong to: {who}\nFingerprint: {fingerprint}\n\n"
            "Trust it only if its owner gave you the same fingerprint in person or through a channel you "
            "trust. Anyone can write any name into a key."
        ).format(who=said_owner(key) or _("(nobody named)"), fingerprint=key_fingerprint(key))
        if not self.confirm(_("Trust the key"), question):
            return
        try:
            trusted, _changed = trust(path)
        except WaystationError as exc:
            show_text(self.message, exc.message)
            return
        self._reload(_("Trusted: {key}").format(key=self._key_text(trusted)))

    def untrust_selected(self) -> None:
        item = self.keys.currentItem()
        if item is None:
            return
        key_id = str(item.data(Qt.ItemDataRole.UserRole))
        question = _(
            "Stop trusting the key {key_id}? Updates it signed can no longer be installed, and guides "
            "installed from them are no longer used."
        ).format(key_id=key_id)
        if not self.confirm(_("Remove the key"), question):
            return
        try:
            untrust(key_id)
        except WaystationError as exc:
            show_text(self.message, exc.message)
            return
        self._reload(_("The key {key_id} is no longer trusted.").format(key_id=key_id))

    def _reload(self, message: str) -> None:
        """Trust changed: what the installed guides may be used for may have changed too."""
        self.refresh()
        self._run(
            _("Checking the installed guides…"), load_library, lambda library: self._use(library, message)
        )

    # -- the page's life -----------------------------------------------------------------------------

    def clear(self) -> None:
        if self.update_dialog is not None:
            self.update_dialog.reject()
        show_text(self.message, "")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        if self.session.is_open:
            self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(_("Guide updates"))
        self.hint.setText(
            _(
                "A help desk can give you updated country guides as a signed file, on a USB stick or "
                "through a messenger. Waystation installs one only if a key you trust signed it and every "
                "guide in it passes its checks, and shows you first what it changes. Nothing is ever "
                "downloaded."
            )
        )
        self.update_button.setText(_("&Update guides from a file…"))
        self.installed_heading.setText(_("Installed updates"))
        self.installed_empty.setText(_("None: every guide is the one built into Waystation."))
        self.remove_button.setText(_("Back to the built-in &guide"))
        self.keys_heading.setText(_("Keys trusted to sign updates"))
        self.trust_button.setText(_("&Trust a key…"))
        self.untrust_button.setText(_("Remove the &key"))
        self.installed.setAccessibleName(_("Installed updates"))
        self.keys.setAccessibleName(_("Keys trusted to sign updates"))
        self.update_button.setAccessibleDescription(self.hint.text())
        if self.session.is_open:
            self.refresh()
