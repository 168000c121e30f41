"""Bundles of vaults from the start screen: a desk packs a family's vaults into one file to hand
over; the family, at home, unpacks it. Both run on a worker thread (``helpdesk.vault_bundle``);
unpacking puts the vaults beside the bundle and fills the first one in, ready to open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from waystation.i18n import _, ngettext
from waystation.ui.background import BackgroundTask
from waystation.ui.dialogs import FileDialogs, file_filter
from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.fields import show_text

# helpdesk.vault_bundle (SQLCipher and the vault code with it) is imported when a button is
# pressed, not with the desk's start screen: by then the start-up preload has imported the heavy
# part (Session.preload_library).


def bundle_filter() -> str:
    from waystation.helpdesk import vault_bundle

    return file_filter(_("Bundles of vaults ({patterns})").format(patterns=f"*{vault_bundle.SUFFIX}"))


class BundleActions(QWidget):
    unpacked = Signal(object)  # the first vault unpacked (a Path)

    def __init__(self, dialogs: FileDialogs, parent: QWidget | None = None, *, can_pack: bool) -> None:
        super().__init__(parent)
        self.dialogs = dialogs
        self.task = BackgroundTask(self)
        self.pack_button = QPushButton(self)
        self.pack_button.setVisible(can_pack)
        self.unpack_button = QPushButton(self)
        self.message = plain_label("", self, wrap=True)
        show_text(self.message, "")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pack_button)
        row.addWidget(self.unpack_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.pack_button.clicked.connect(self.pack)
        self.unpack_button.clicked.connect(self.unpack)
        self.retranslate()

    def pack(self) -> None:
        from waystation.helpdesk import vault_bundle

        if self.task.running:
            return
        vaults = self.dialogs.open_vaults(self, _("Choose the vaults to hand over together"))
        if not vaults:
            return
        out = self.dialogs.save_file(
            self, _("Save the bundle of vaults"), f"vaults{vault_bundle.SUFFIX}", bundle_filter()
        )
        if out is None:
            return
        out = out if out.suffix else out.with_name(out.name + vault_bundle.SUFFIX)
        self._busy(True)
        self.task.start(lambda: (out, vault_bundle.pack(vaults, out)), self._packed, self._failed)

    def _packed(self, result: object) -> None:
        self._busy(False)
        assert isinstance(result, tuple)
        out, bundled = result
        show_text(
            self.message,
            ngettext(
                "Packed {n} vault into {path}. Each stays encrypted under its own passphrase.",
                "Packed {n} vaults into {path}. Each stays encrypted under its own passphrase.",
                len(bundled),
            ).format(n=len(bundled), path=out),
        )

    def unpack(self) -> None:
        from waystation.helpdesk import vault_bundle

        if self.task.running:
            return
        bundle = self.dialogs.open_file(self, _("Unpack a bundle of vaults"), bundle_filter())
        if bundle is None:
            return
        self._busy(True)
        self.task.start(lambda: vault_bundle.unpack(bundle, bundle.parent), self._unpacked, self._failed)

    def _unpacked(self, placed: object) -> None:
        self._busy(False)
        paths = [p for p in placed if isinstance(p, Path)] if isinstance(placed, list) else []
        show_text(
            self.message,
            ngettext(
                "Unpacked {n} vault beside the bundle: {names}.",
                "Unpacked {n} vaults beside the bundle: {names}.",
                len(paths),
            ).format(n=len(paths), names=", ".join(p.name for p in paths)),
        )
        if paths:
            self.unpacked.emit(paths[0])

    def _failed(self, problem: str) -> None:
        self._busy(False)
        show_text(self.message, problem)

    def _busy(self, busy: bool) -> None:
        self.pack_button.setEnabled(not busy)
        self.unpack_button.setEnabled(not busy)
        if busy:
            show_text(self.message, _("Working…"))

    def retranslate(self) -> None:
        self.pack_button.setText(_("Hand over several vaults as one file…"))
        self.pack_button.setAccessibleDescription(
            _("Packs vault files, for example a family's, into one bundle; no passphrase needed")
        )
        self.unpack_button.setText(_("Unpack a bundle of vaults…"))
        self.unpack_button.setAccessibleDescription(_("Puts the vaults of a bundle beside it"))
