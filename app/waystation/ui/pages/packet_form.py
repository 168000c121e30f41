"""What packet to build: the country (guides that define packets), the track (only those with a
packet, with its purpose), the language of the user's labels, and an optional PDF password typed
twice. Problems are shown next to their field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from waystation.content.model import Pack, PacketDefinition
from waystation.errors import InvalidInput
from waystation.i18n import UI_LANGUAGES, _, current_language
from waystation.packets.password import check_pdf_password
from waystation.ui.language import language_name
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.vocabulary import track_name
from waystation.ui.widgets.passphrase import PassphraseField


def _message_label(parent: QWidget) -> QLabel:
    label = plain_label("", parent, wrap=True)
    label.setObjectName("message")
    label.hide()
    return label


class PacketForm(QWidget):
    chosen = Signal()  # the country or the track changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.packs: dict[str, Pack] = {}
        self.country = QComboBox(self)
        self.track = QComboBox(self)
        self.purpose = plain_label("", self, wrap=True)
        self.purpose.setObjectName("strong")
        self.office = plain_label("", self, wrap=True)
        self.office.setObjectName("meta")
        self.language = QComboBox(self)
        for code in UI_LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.password = PassphraseField(self)
        self.repeat = PassphraseField(self)
        self.password_note = plain_label("", self, wrap=True)
        self.messages = {key: _message_label(self) for key in ("track", "password", "repeat")}
        self.labels = {key: QLabel(self) for key in ("country", "track", "language", "password", "repeat")}
        self._build()
        self.country.currentIndexChanged.connect(lambda _index: self._country_chosen())
        self.track.currentIndexChanged.connect(lambda _index: self._track_chosen())
        for field in (self.password, self.repeat):
            field.textEdited.connect(lambda _text: self.show_problem("", ""))
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        fields: list[tuple[str, QWidget, list[QWidget]]] = [
            ("country", self.country, []),
            ("track", self.track, [self.purpose, self.office, self.messages["track"]]),
            ("language", self.language, []),
            ("password", self.password, [self.messages["password"]]),
            ("repeat", self.repeat, [self.messages["repeat"], self.password_note]),
        ]
        for key, field, below in fields:  # labels above their fields: long words always fit
            self.labels[key].setBuddy(field)
            layout.addSpacing(6)
            layout.addWidget(self.labels[key])
            layout.addWidget(field)
            for widget in below:
                layout.addWidget(widget)

    def retranslate(self) -> None:
        self.labels["country"].setText(_("C&ountry"))
        self.labels["track"].setText(_("&Track"))
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
        for combo in (self.country, self.track):
            blocked = combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(blocked)
        self.purpose.clear()
        self.office.clear()
