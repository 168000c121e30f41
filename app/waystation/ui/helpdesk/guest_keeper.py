"""The one guest session a window may hold: its in-memory image (``helpdesk.guest``) from the
moment it starts until it ends, across locks. ``changed`` tells the start screen and the banner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from waystation.errors import StorageFailure
from waystation.i18n import _

if TYPE_CHECKING:  # SQLCipher and the vault code: imported on the worker that starts a session
    from waystation.helpdesk.guest import GuestImage, GuestVault


class GuestKeeper(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.image: GuestImage | None = None
        self.counted = False  # the desk's record counted this session already

    @property
    def exists(self) -> bool:
        """A guest session was started and has not ended (it may be locked)."""
        return self.image is not None and self.image.exists

    def create(self, passphrase: str) -> GuestVault:
        """Start a new session (on a worker thread: the key derivation takes a moment)."""
        from waystation.helpdesk.guest import GuestImage

        image = GuestImage()
        vault = image.create(passphrase)
        self.image = image
        self.counted = False
        return vault

    def resume(self, passphrase: str) -> GuestVault:
        image = self.image
        if image is None:
            raise StorageFailure(_("This guest session has ended; nothing of it is left."))
        return image.resume(passphrase)

    def discard(self) -> None:
        """End the session: everything in it is gone."""
        image, self.image = self.image, None
        if image is not None:
            image.discard()
        self.changed.emit()
