"""What every screen of an unlocked vault does: show the session's data, clear it on lock,
retranslate itself when the language changes, and take part in navigation between screens — ask for
another screen's item (``navigate``) and show one of its own when asked (``focus_item``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from waystation.ui.dialogs import FileDialogs
from waystation.ui.session import Session


class Page(QWidget):
    """Subclasses implement ``title``, ``refresh``, ``clear`` and ``retranslate``; screens whose
    items others link to override ``focus_item``."""

    key = "page"
    icon_name = ""  # a file in resources/icons/, without ".svg"
    # Emitted to show an item on another screen: that screen's key, and the item's id (or "").
    navigate = Signal(str, str)

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs or FileDialogs()
        session.locked.connect(self.clear)

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Read from the session again (called when shown and when the vault changes)."""
        raise NotImplementedError

    def clear(self) -> None:
        """Forget everything shown: the vault was locked."""
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    def focus_item(self, item_id: str) -> None:
        """Show the item ``item_id`` (a step, a document, a section…); screens without items
        that others link to keep this default, which only shows the screen."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A label that never interprets its text as HTML (names and notes are untrusted)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    return label
