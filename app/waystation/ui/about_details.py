"""The About box's build details: version, commit, build date, what Waystation is built on, the
mode (installed or portable) and where this run keeps its settings and data — the same rows as
``waystation --version`` (waystation.version_text). Plain, selectable text, so a person can copy
it into a bug report; nothing in it is personal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QWidget

from waystation.i18n import _
from waystation.ui.pages.base import plain_label
from waystation.version_text import build_rows, places_rows


class BuildDetails(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("This copy of Waystation"), parent)
        self.setObjectName("buildDetails")
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.rows = build_rows() + places_rows()
        for row, (label, value) in enumerate(self.rows):
            name = plain_label(label, self)
            shown = plain_label(value, self, wrap=True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAccessibleName(label)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(shown, row, 1)
        grid.setColumnStretch(1, 1)

    def text(self) -> str:
        """The rows as lines of text (what a bug report would quote)."""
        return "\n".join(f"{label}: {value}" for label, value in self.rows)
