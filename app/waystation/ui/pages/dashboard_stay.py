"""The dashboard's legal-stay card: the gauge, a headline, the last day, the rule in words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from waystation.i18n import _
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.stay_view import StayView
from waystation.ui.widgets.stay_gauge import StayGauge


class StayCard(QFrame):
    """``show_view(view)`` fills it; ``profile_requested`` when the user follows the hint."""

    profile_requested = Signal(str)  # the profile section to open
    trip_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.gauge = StayGauge(self)
        self.headline = plain_label("", self, wrap=True)
        self.headline.setObjectName("subheading")
        self.lines = plain_label("", self, wrap=True)
        self.note = plain_label("", self, wrap=True)
        self.note.setObjectName("warning")
        self.explain_title = plain_label("", self)
        self.explain_title.setObjectName("caption")
        self.explain = plain_label("", self, wrap=True)
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._profile_section = "stays"
        self.profile_button = QPushButton(self)
        self.profile_button.clicked.connect(lambda: self.profile_requested.emit(self._profile_section))
        self.trip_button = QPushButton(self)
        self.trip_button.clicked.connect(self.trip_requested)
        text = QVBoxLayout()
        text.setSpacing(8)
        for widget in (self.headline, self.lines, self.note, self.explain_title, self.explain):
            text.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.profile_button)
        buttons.addWidget(self.trip_button)
        buttons.addStretch(1)
        text.addLayout(buttons)
        text.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 18, 18, 18)
        layout.setSpacing(24)
        layout.addWidget(self.gauge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        self.retranslate()
        self.clear()

    def show_view(self, view: StayView) -> None:
        self.gauge.set_counts(view.used, view.total, warm=view.warm)
        self.gauge.set_text(view.number, view.caption)
        self.gauge.setAccessibleDescription(f"{view.number} {view.caption}")
        self.headline.setText(view.headline)
        self.lines.setText("\n".join(view.lines))
        self.lines.setVisible(bool(view.lines))
        self.note.setText(view.note)
        self.note.setVisible(bool(view.note))
        self.explain.setText(view.explain)
        self.explain.setVisible(bool(view.explain))
        self.explain_title.setVisible(bool(view.explain))
        self.profile_button.setVisible(view.needs_profile)
        self._profile_section = view.profile_section
        self.trip_button.setVisible(True)

    def clear(self) -> None:
        self.gauge.clear()
        self.gauge.setAccessibleDescription("")
        for label in (self.headline, self.lines, self.note, self.explain):
            label.clear()
        for widget in (self.note, self.explain, self.explain_title, self.profile_button, self.trip_button):
            widget.setVisible(False)

    def retranslate(self) -> None:
        self.gauge.setAccessibleName(_("Legal stay"))
        self.explain_title.setText(_("How the days are counted"))
        self.profile_button.setText(_("Check the &profile"))
        self.profile_button.setAccessibleDescription(
            _("Open the profile to add your entry, citizenship, visa or permit")
        )
        self.trip_button.setText(_("Plan a &trip…"))
        self.trip_button.setAccessibleDescription(
            _("Work out how long you may stay after a trip abroad, and what the trip puts at risk")
        )
