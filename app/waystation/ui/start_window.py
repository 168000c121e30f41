"""The first window: what Waystation is and how to begin. The full desktop app replaces the
body of this window with the unlock / create screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from waystation import __version__
from waystation.i18n import _


class StartWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Waystation")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 32, 32, 32)
        title = QLabel(_("Waystation"), body)
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        title.setFont(font)
        intro = QLabel(
            _(
                "Your papers, deadlines and next steps, kept in an encrypted vault on this computer. "
                "Use the command line (waystation --help) to create and fill a vault; the full "
                "desktop app is being built."
            ),
            body,
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        version = QLabel(_("Version {version}").format(version=__version__), body)
        version.setTextFormat(Qt.TextFormat.PlainText)
        for widget in (title, intro, version):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setCentralWidget(body)
        self.resize(640, 400)
