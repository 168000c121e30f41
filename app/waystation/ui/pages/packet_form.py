"""What packet to build: the country (guides that define packets), the track (only those with a
packet, with its purpose), which part (for the office, for the applicant, or both), the language
of the user's labels, and an optional PDF password typed twice. Under the part, the check of the
fields the office needs (ReadinessPanel). Problems are shown next to their field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QComboBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from waystation.content.model import Pack, PacketDefinition
from waystation.errors import InvalidInput
from waystation.i18n import UI_LANGUAGES, _, current_language
from waystation.packets.password import check_pdf_password
from waystation.packets.request import PARTS
from waystation.ui.language import language_name
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.packet_readiness import ReadinessPanel
from waystation.ui.pages.vocabulary import track_name
from waystation.ui.widgets.fields import hint_label
from waystation.ui.widgets.passphrase import PassphraseField


def _message_label(parent: QWidget) -> QLabel:
    label = plain_label("", parent, wrap=True)
    label.setObjectName("message")
    label.hide()
    return label


class PacketForm(QWidget):
    chosen = Signal()  # the country, the track or the part changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.packs: dict[str, Pack] = {}
        self.country = QComboBox(self)
        self.track = QComboBox(self)
        self.purpose = plain_label("", self, wrap=True)
        self.purpose.setObjectName("strong")
        self.office = plain_label("", self, wrap=True)
        self.office.setObjectName("meta")
        self.parts = QButtonGroup(self)
        self.part_buttons = {part: QRadioButton(self) for part in PARTS}
        self.part_hints = {part: hint_label("", self) for part in PARTS}
        for button, hint in zip(self.part_buttons.values(), self.part_hints.values(), strict=True):
            hint.setIndent(button.iconSize().width() + 8)  # under the button's text, not its circle
        for number, button in enumerate(self.part_buttons.values()):
            self.parts.addButton(button, number)
        self.part_buttons["both"].setChecked(True)
        self.readiness = ReadinessPanel(self)
        self.language = QComboBox(self)
        for code in UI_LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.password = PassphraseField(self)
        self.repeat = PassphraseField(self)
        self.password_note = plain_label("", self, wrap=True)
        self.messages = {key: _message_label(self) for key in ("track", "password", "repeat")}
        self.labels = {
            key: QLabel(self) for key in ("country", "track", "part", "language", "password", "repeat")
        }
        self._build()
        self.country.currentIndexChanged.connect(lambda _index: self._country_chosen())
        self.track.currentIndexChanged.connect(lambda _index: self._track_chosen())
        for field in (self.password, self.repeat):
            field.textEdited.connect(lambda _text: self.show_problem("", ""))
        self.parts.idToggled.connect(self._part_toggled)
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        choices: list[QWidget] = []
        for part in PARTS:
            choices += [self.part_buttons[part], self.part_hints[part]]
        fields: list[tuple[str, QWidget, list[QWidget]]] = [
            ("country", self.country, []),
            ("track", self.track, [self.purpose, self.office, self.messages["track"]]),
            ("part", choices[0], [*choices[1:], self.readiness]),
            ("language", self.language, []),
            ("password", self.password, [self.messages["password"]]),
            ("repeat", self.repeat, [self.messages["repeat"], self.password_note]),
        ]
        for key, field, below in fields:  # labels above their fields: long words always fit
            if key != "part":  # each part's button has its own mnemonic
                self.labels[key].setBuddy(field)
            layout.addSpacing(6)
            layout.addWidget(self.labels[key])
            layout.addWidget(field)
            for widget in below:
                layout.addWidget(widget)

    def retranslate(self) -> None:
        self.labels["country"].setText(_("C&ountry"))
        self.labels["track"].setText(_("&Track"))
        self.labels["part"].setText(_("Which part"))
        self.part_buttons["both"].setText(_("Bot&h parts"))
        self.part_hints["both"].setText(_("The part for the office first, then yours on pages of their own."))
        self.part_buttons["office"].setText(_("For the o&ffice"))
        self.part_hints["office"].setText(_("The cover, your details, a line to sign and date, your scans."))
        self.part_buttons["personal"].setText(_("For &you"))
        self.part_hints["personal"].setText(_("What is missing, the deadlines, the steps and their sources."))
        for part in PARTS:
            self.part_buttons[part].setAccessibleDescription(self.part_hints[part].text())
        self.readiness.retranslate()
        self.labels["language"].setText(_("&Language of your labels"))
        self.labels["password"].setText(_("PDF &password (optional)"))
        self.labels["repeat"].setText(_("&Repeat the PDF password"))
        self.country.setAccessibleName(_("Country"))
        self.track.setAccessibleName(_("Track"))
        self.language.setAccessibleName(_("Language of your labels"))
        self.language.setAccessibleDescription(
            _("Each field is labelled in the country's language and in this one.")
        )
        self.password.setAccessibleName(_("PDF password"))
        self.repeat.setAccessibleName(_("Repeat the PDF password"))
        self.password_note.setText(
            _(
                "A password protects the file if it is lost, left on a shared computer or sent to "
                "the wrong address: nobody can open it without the password (AES-256). Tell the "
                "office the password separately. Leave both fields empty for a PDF without one."
            )
        )
        self.password.setAccessibleDescription(self.password_note.text())
        self._retranslate_choices()

    def _retranslate_choices(self) -> None:
        language = current_language()
        for index in range(self.country.count()):
            pack = self.packs.get(str(self.country.itemData(index)))
            if pack is not None:
                self.country.setItemText(index, pack.name.get(language))
        for index in range(self.track.count()):
            self.track.setItemText(index, track_name(str(self.track.itemData(index))))
        self._track_chosen()

    # -- choices -------------------------------------------------------------------------------

    def fill(self, packs: list[Pack], preferred: str | None) -> None:
        """Offer ``packs``; keep the current country if it is still offered, else ``preferred``,
        else the first."""
        keep = self.country_code() or preferred
        self.packs = {pack.country: pack for pack in packs}
        blocked = self.country.blockSignals(True)
        self.country.clear()
        for pack in packs:
            self.country.addItem(pack.name.get(current_language()), pack.country)
        index = self.country.findData(keep) if keep else -1
        self.country.setCurrentIndex(max(index, 0) if packs else -1)
        self.country.blockSignals(blocked)
        self._country_chosen()

    def set_language(self, code: str) -> None:
        index = self.language.findData(code)
        self.language.setCurrentIndex(max(index, 0))

    def country_code(self) -> str | None:
        if self.country.currentIndex() < 0:  # only items that carry data are read (PySide6 6.12)
            return None
        return str(self.country.currentData())

    def pack(self) -> Pack | None:
        code = self.country_code()
        return self.packs.get(code) if code else None

    def track_code(self) -> str | None:
        if self.track.currentIndex() < 0:
            return None
        return str(self.track.currentData())

    def part(self) -> str:
        """ "both", "office" or "personal" (packets.request.PARTS)."""
        return PARTS[max(self.parts.checkedId(), 0)]

    def set_part(self, part: str) -> None:
        self.part_buttons[part if part in PARTS else "both"].setChecked(True)

    def language_code(self) -> str:
        return str(self.language.currentData()) if self.language.currentIndex() >= 0 else "en"

    def definition(self) -> PacketDefinition | None:
        pack, track = self.pack(), self.track_code()
        return pack.packets.get(track) if pack is not None and track else None

    def _country_chosen(self) -> None:
        pack = self.pack()
        keep = self.track_code()
        blocked = self.track.blockSignals(True)
        self.track.clear()
        for track in pack.packets if pack is not None else ():
            self.track.addItem(track_name(track), track)
        index = self.track.findData(keep) if keep else -1
        self.track.setCurrentIndex(max(index, 0) if self.track.count() else -1)
        self.track.blockSignals(blocked)
        self._track_chosen()

    def _track_chosen(self) -> None:
        definition = self.definition()
        language = current_language()
        self.purpose.setText(definition.purpose.get(language) if definition else "")
        office = ""
        if definition is not None:
            office = _("Hand it in at: {office}").format(office=definition.office.get(language))
            if definition.office_local:
                office += f"\n{definition.office_local}"
        self.office.setText(office)
        self.purpose.setVisible(definition is not None)
        self.office.setVisible(definition is not None)
        self.show_problem("track", "")
        self.chosen.emit()

    def _part_toggled(self, _id: int, checked: bool) -> None:
        if checked:  # the button left says so too
            self.chosen.emit()

    # -- the password --------------------------------------------------------------------------

    def checked_password(self) -> str | None:
        """The PDF password (None for none); InvalidInput, shown beside its field, when the two
        differ or PDF readers could not use it."""
        first, second = self.password.text(), self.repeat.text()
        if not first and not second:
            return None
        if first != second:
            self.show_problem("repeat", _("The two passwords differ; type the same one twice."))
            raise InvalidInput(self.messages["repeat"].text())
        try:
            check_pdf_password(first)
        except InvalidInput as exc:
            self.show_problem("password", exc.message)
            raise
        return first

    def show_problem(self, field: str, message: str) -> None:
        """``message`` beside ``field`` ("track", "password", "repeat"); "" clears them all."""
        for key, label in self.messages.items():
            text = message if key == field else ""
            label.setText(text)
            label.setVisible(bool(text))

    def wipe(self) -> None:
        """Forget the password and the choices (the vault locked)."""
        self.password.wipe()
        self.repeat.wipe()
        self.show_problem("", "")
        self.packs = {}
        self.set_part("both")
        self.readiness.clear()
        for combo in (self.country, self.track):
            blocked = combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(blocked)
        self.purpose.clear()
        self.office.clear()
