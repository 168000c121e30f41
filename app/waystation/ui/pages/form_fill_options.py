"""How to fill: flattened or with its fields kept, and an optional PDF password typed twice."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QWidget

from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.packets.password import check_pdf_password
from waystation.ui.pages.base import plain_label
from waystation.ui.widgets.passphrase import PassphraseField


class FillOptions(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flatten = QCheckBox(self)
        self.flatten.setChecked(True)
        self.password = PassphraseField(self)
        self.repeat = PassphraseField(self)
        self.problem = plain_label("", self, wrap=True)
        self.problem.setObjectName("warning")
        self.problem.hide()
        self.password_label = QLabel(self)
        self.password_label.setBuddy(self.password)
        self.repeat_label = QLabel(self)
        self.repeat_label.setBuddy(self.repeat)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.flatten)
        layout.addRow(self.password_label, self.password)
        layout.addRow(self.repeat_label, self.repeat)
        layout.addRow(self.problem)
        self.retranslate()

    def retranslate(self) -> None:
        self.flatten.setText(_("F&latten: draw the values into the page (nothing lost when printed)"))
        self.flatten.setAccessibleDescription(
            _(
                "A flattened form can no longer be edited; without it, the office can still type into its fields."
            )
        )
        self.password_label.setText(_("PDF pass&word (optional)"))
        self.repeat_label.setText(_("Re&peat the PDF password"))
        self.password.setAccessibleName(_("PDF password"))
        self.repeat.setAccessibleName(_("Repeat the PDF password"))

    def checked_password(self) -> str | None:
        """The PDF password (None for none); InvalidInput, also shown here, when it cannot be used."""
        self.say("")
        first, second = self.password.text(), self.repeat.text()
        if not first and not second:
            return None
        try:
            if first != second:
                raise InvalidInput(_("The two passwords differ; type the same one twice."))
            check_pdf_password(first)
        except InvalidInput as exc:
            self.say(exc.message)
            raise
        return first

    def say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def wipe(self) -> None:
        self.password.wipe()
        self.repeat.wipe()
        self.say("")
