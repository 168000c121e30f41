"""A visible busy state for work running on a worker: what is being done, how far it got, and a
way to stop it. Hidden while nothing runs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from waystation.i18n import _
from waystation.ui.pages.base import plain_label


class BusyBar(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = plain_label("", self)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(220)
        self.cancel_button = QPushButton("", self)
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.retranslate()
        self.hide()

    def begin(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)  # moving until the first step is known
        self.cancel_button.setEnabled(True)
        self.bar.setAccessibleName(text)
        self.show()

    def step(self, done: int, total: int, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setAccessibleName(text)

    def end(self) -> None:
        self.label.clear()
        self.bar.setAccessibleName("")
        self.bar.reset()
        self.hide()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)  # stopping takes until the file at hand is done
        self.label.setText(_("Stopping after this file…"))
        self.cancel_requested.emit()

    def retranslate(self) -> None:
        self.cancel_button.setText(_("Stop"))
        self.cancel_button.setAccessibleDescription(_("Stop after the file at hand"))
