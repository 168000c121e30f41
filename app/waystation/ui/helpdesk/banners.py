"""The lines above the screens: the guest banner (while a guest session is open: nothing of it is
on this computer's disk, and it is gone when it ends unless it is saved) and the waiting line
("Ending the session: waiting for the packet being built to stop…")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from waystation.i18n import _
from waystation.ui.icons import icon
from waystation.ui.pages.base import plain_label

BANNER_STYLE = """
QWidget#guestBanner { background: palette(alternate-base); border-bottom: 2px solid #c77d00; }
QWidget#endingLine { background: palette(alternate-base); border-bottom: 1px solid palette(mid); }
"""


class GuestBanner(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guestBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(BANNER_STYLE)
        self.mark = QLabel(self)
        self.mark.setPixmap(icon("guest").pixmap(QSize(22, 22)))
        self.words = plain_label("", self, wrap=True)
        self.words.setObjectName("warning")
        self.save_button = QPushButton(icon("save"), "", self)
        self.end_button = QPushButton(icon("end_session"), "", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.words, 1)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.words.setText(
            _(
                "Guest session: nothing is written to this computer's disk. When the session ends or "
                "Waystation closes, everything in it is gone — save it into a vault to keep it."
            )
        )
        self.save_button.setText(_("Save into a vault…"))
        self.end_button.setText(_("End guest session"))
        self.end_button.setAccessibleDescription(_("Ends the guest session; it asks first"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class EndingLine(QWidget):
    """What End session waits for; the window takes no input meanwhile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("endingLine")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(BANNER_STYLE)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(10)
        self.words = plain_label("", self, wrap=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.bar)
        layout.addWidget(self.words, 1)
        self.hide()

    def say(self, waiting_for: str) -> None:
        """Show what the session's end waits for; "" hides the line."""
        if not waiting_for:
            self.words.clear()
            self.hide()
            return
        # Translators: {what} is a sentence such as "Waiting for the printer to receive every page…".
        self.words.setText(_("Ending the session. {what}").format(what=waiting_for))
        self.bar.setAccessibleName(self.words.text())
        self.show()
