"""Countries by ISO 3166-1 alpha-2 code, named in the interface language (CLDR, via Babel)."""

from __future__ import annotations

from functools import cache

from babel import Locale
from PySide6.QtWidgets import QComboBox, QWidget

from waystation.i18n import _, current_language
from waystation.vault.profile_json import country_codes


@cache
def _names(language: str) -> dict[str, str]:
    territories = Locale.parse(language).territories
    return {code: str(territories.get(code, code)) for code in country_codes()}


def country_name(code: str) -> str:
    """ "Kazakhstan" / "Казахстан"; the code itself for anything unknown."""
    return _names(current_language()).get(code, code)


def countries_by_name() -> list[tuple[str, str]]:
    """(code, name) pairs sorted by name in the interface language."""
    return sorted(_names(current_language()).items(), key=lambda pair: pair[1].casefold())


def guide_label(name: str, partial: bool) -> str:
    """A country with a guide, as pickers list it: "Latvia · partial guide" when it is partial."""
    return _("{country} · partial guide").format(country=name) if partial else name


class CountryCombo(QComboBox):
    """A country picker: an empty "not set" entry, the ``first`` codes (countries with a guide),
    then every other country by name. Typing the first letters of a name selects it."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        first: tuple[str, ...] = (),
        partial: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.first = first
        self.partial = partial  # countries whose guide is partial: said beside the name
        self.setMaxVisibleItems(16)
        self.retranslate()

    def code(self) -> str | None:
        # Only items that carry data are read: PySide6 6.12.0 loses a reference to None whenever
        # Python reads an unset value, and enough of those crash the interpreter.
        if self.currentIndex() < 0:
            return None
        value = self.currentData()
        return str(value) if value else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code else 0
        if index < 0:  # not in CLDR: keep it visible rather than lose it
            self.addItem(code or "", code)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def retranslate(self) -> None:
        current = self.code()
        blocked = self.blockSignals(True)
        self.clear()
        self.addItem(_("Not set"), "")
        for code in self.first:
            self.addItem(guide_label(country_name(code), code in self.partial), code)
        if self.first:
            self.insertSeparator(self.count())
        for code, name in countries_by_name():
            if code not in self.first:
                self.addItem(name, code)
        self.set_code(current)
        self.blockSignals(blocked)
