"""Tabs that never hide a choice: a tab bar while every tab fits, a drop-down list of the same
choices when the window is too narrow for them (a small screen, a long language) — instead of
the scroll arrows that would hide some tabs behind them.

It speaks the part of QTabBar's language the screens use (``addTab``, ``tabData``,
``setCurrentIndex``, ``currentChanged``…), so a screen swaps one for the other."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QSizePolicy, QStackedLayout, QTabBar, QWidget


class FittingTabs(QWidget):
    currentChanged = Signal(int)  # noqa: N815 (the name QTabBar gives it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QTabBar(self)
        self.bar.setExpanding(False)
        self.bar.setUsesScrollButtons(False)
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.bar)
        self._stack.addWidget(self.combo)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.bar.currentChanged.connect(self._bar_changed)
        self.combo.currentIndexChanged.connect(self._combo_changed)

    # -- QTabBar's words -----------------------------------------------------------------------

    def addTab(self, text: str) -> int:  # noqa: N802 (QTabBar's name)
        index = self.bar.addTab(text)
        self.combo.addItem(text)
        self._fit()
        return index

    def removeTab(self, index: int) -> None:  # noqa: N802
        self.bar.removeTab(index)
        self.combo.removeItem(index)
        self._fit()

    def count(self) -> int:
        return self.bar.count()

    def tabText(self, index: int) -> str:  # noqa: N802
        return self.bar.tabText(index)

    def setTabText(self, index: int, text: str) -> None:  # noqa: N802
        self.bar.setTabText(index, text)
        self.combo.setItemText(index, text)
        self._fit()

    def tabData(self, index: int) -> object:  # noqa: N802
        return self.bar.tabData(index)

    def setTabData(self, index: int, data: object) -> None:  # noqa: N802
        self.bar.setTabData(index, data)
        self.combo.setItemData(index, data)

    def currentIndex(self) -> int:  # noqa: N802
        return self.bar.currentIndex()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        self.bar.setCurrentIndex(index)  # the combo follows (_bar_changed)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802
        super().setAccessibleName(name)
        self.bar.setAccessibleName(name)
        self.combo.setAccessibleName(name)

    # -- which one is shown --------------------------------------------------------------------

    @property
    def as_list(self) -> bool:
        """True while the choices are shown as a drop-down list (the tabs would not fit)."""
        return self._stack.currentWidget() is self.combo

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.bar.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self.combo.minimumSizeHint().width(), self.bar.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        fits = self.bar.sizeHint().width() <= self.width()
        wanted = self.bar if fits else self.combo
        if self._stack.currentWidget() is not wanted:
            had_focus = self.bar.hasFocus() or self.combo.hasFocus()
            self._stack.setCurrentWidget(wanted)
            if had_focus:
                wanted.setFocus()

    def _bar_changed(self, index: int) -> None:
        if self.combo.currentIndex() != index:
            blocked = self.combo.blockSignals(True)
            self.combo.setCurrentIndex(index)
            self.combo.blockSignals(blocked)
        self.currentChanged.emit(index)

    def _combo_changed(self, index: int) -> None:
        if index >= 0 and self.bar.currentIndex() != index:
            self.bar.setCurrentIndex(index)  # emits through _bar_changed
