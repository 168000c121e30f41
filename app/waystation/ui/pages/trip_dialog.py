"""Plan a trip: "if I leave on A and come back on B, how long may I stay then, and does the trip
cost me anything?" The core (rules/trip.py) does the counting; the answer updates as the dates
are typed. Nothing here is stored: the dialog forgets its dates when it closes."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from waystation.content.model import Pack
from waystation.errors import WaystationError
from waystation.i18n import _, current_language
from waystation.rules.trip import plan_trip, trip_summary
from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.date_field import DateField
from waystation.ui.widgets.fields import hint_label
from waystation.vault.models import Profile


class TripDialog(QDialog):
    def __init__(self, pack: Pack, profile: Profile, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.profile = profile
        self.today = today
        self.setWindowTitle(_("Plan a trip"))
        self.intro = hint_label(
            _(
                "If you leave {country} and come back on these days, Waystation works out how long "
                "you may stay after your return, and warns you about anything the trip puts at risk."
            ).format(country=pack.name.get(current_language())),
            self,
        )
        self.leave = DateField(self, required=True)
        self.back = DateField(self, required=True)
        self.leave.set_value(today + timedelta(days=7))
        self.back.set_value(today + timedelta(days=21))
        for field in (self.leave, self.back):
            field.edit.today = lambda: today  # the calendars open on the session's day
        self.leave.edit.setAccessibleName(_("Day you leave"))
        self.back.edit.setAccessibleName(_("Day you come back"))
        self.answer = plain_label("", self, wrap=True)
        self.answer.setObjectName("subheading")
        self.details = plain_label("", self, wrap=True)
        self.warnings = plain_label("", self, wrap=True)
        self.warnings.setObjectName("warning")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("&Leave on"), self.leave)
        form.addRow(_("&Come back on"), self.back)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.answer)
        layout.addWidget(self.details)
        layout.addWidget(self.warnings)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.leave.edited.connect(self.update_answer)
        self.back.edited.connect(self.update_answer)
        self.resize(520, 380)
        self.update_answer()

    def update_answer(self) -> None:
        for field in (self.leave, self.back):
            field.show_problem(field.local_problem())
        leave, back = self.leave.value(), self.back.value()
        if leave is None or back is None:
            self._show("", [], [])
            return
        try:
            plan = plan_trip(self.pack, self.profile, leave, back, self.today)
        except WaystationError as exc:
            self._show("", [], [exc.message])
            return
        headline, details = trip_summary(plan, self.pack)
        self._show(headline, details, list(plan.warnings))

    def _show(self, headline: str, details: list[str], warnings: list[str]) -> None:
        self.answer.setText(headline)
        self.details.setText("\n".join(details))
        self.warnings.setText("\n".join(warnings))
        for label in (self.answer, self.details, self.warnings):
            label.setVisible(bool(label.text()))
