"""The clipboard, handled as a password manager does (KeePassXC): whatever Waystation puts there —
by a Copy button or by Ctrl+C in any field — is marked as secret, so clipboard managers and the
system's clipboard history skip it, and it is removed again after a while (30 seconds unless the
person chose otherwise), when the vault locks and when the app quits, if it is still there.

A copy is taken to be Waystation's when the clipboard changes while Waystation is the active
application (or owns the clipboard, where the platform can say so): copies made in other programs
happen while another window is active. Nothing of the copied text is kept here: whether the
clipboard still holds our copy is read from the secret mark, which another program's copy does
not carry.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, Qt, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

# What each platform's clipboard managers understand as "do not keep this".
SECRET_MARKS: dict[str, bytes] = {
    "x-kde-passwordManagerHint": b"secret",  # KDE Klipper and others on Linux
    "application/x-nspasteboard-concealed-type": b"secret",  # macOS (NSPasteboard concealed type)
    # Windows clipboard history and cloud clipboard (registered formats; DWORD 0 = "do not")
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"\x01\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\x00\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': b"\x00\x00\x00\x00",
}
MARK = "x-kde-passwordManagerHint"
DEFAULT_SECONDS = 30


class ClipboardGuard(QObject):
    def __init__(self, clipboard: QClipboard | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clipboard = clipboard or QGuiApplication.clipboard()
        self.seconds = DEFAULT_SECONDS
        # Whether a change of the clipboard right now is ours (a seam: tests play another program).
        self.from_us: Callable[[], bool] = self._from_us
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.clear_ours)
        self.clipboard.dataChanged.connect(self._changed)
        self._watching = True

    def detach(self) -> None:
        """Stop watching the clipboard (a session that is done; tests make many). Once is enough."""
        self.timer.stop()
        if self._watching:
            self._watching = False
            self.clipboard.dataChanged.disconnect(self._changed)

    def set_seconds(self, seconds: int) -> None:
        self.seconds = max(int(seconds), 1)

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard, marked as secret, for ``seconds``."""
        data = QMimeData()
        data.setText(text)
        for kind, value in SECRET_MARKS.items():
            data.setData(kind, value)
        self.clipboard.setMimeData(data, QClipboard.Mode.Clipboard)

    def holds_ours(self) -> bool:
        data = self.clipboard.mimeData(QClipboard.Mode.Clipboard)
        return data is not None and data.hasFormat(MARK)

    def clear_ours(self) -> None:
        """Remove our copy (and only ours: a later copy from another program stays)."""
        self.timer.stop()
        if self.holds_ours():
            self.clipboard.clear(QClipboard.Mode.Clipboard)

    def _changed(self) -> None:
        if self.holds_ours():
            self.timer.start(self.seconds * 1000)
            return
        if not self.from_us():
            self.timer.stop()  # another program's copy: not ours to time or clear
            return
        self._mark()

    def _from_us(self) -> bool:
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        return self.clipboard.ownsClipboard() or active

    def _mark(self) -> None:
        """Put the same content back with the secret marks; the change this causes starts the
        timer (see ``_changed``)."""
        original = self.clipboard.mimeData(QClipboard.Mode.Clipboard)
        if original is None or not original.formats():
            return
        marked = QMimeData()
        for kind in original.formats():
            marked.setData(kind, original.data(kind))
        for kind, value in SECRET_MARKS.items():
            marked.setData(kind, value)
        self.clipboard.setMimeData(marked, QClipboard.Mode.Clipboard)
