"""The list of screens on the left of the workspace.

It shows each screen's icon and name, and collapses to the icons alone when the window is narrow
(800 px wide, or a long language at 150 %): the names then live on in the tooltips and in the
accessible text, so a screen reader still announces "Profile", not an unnamed picture. Each
entry's tooltip names its shortcut (Ctrl+1 … Ctrl+7)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from waystation.i18n import _

ICON_SIZE = 20
KEY_ROLE = Qt.ItemDataRole.UserRole


def screen_shortcut(row: int) -> QKeySequence:
    """Ctrl+1 for the first screen … Ctrl+9 for the ninth; nothing beyond."""
    return QKeySequence(f"Ctrl+{row + 1}") if row < 9 else QKeySequence()


class _IconsOnly(QStyledItemDelegate):
    """Draws an entry without its name; the item keeps the name (tooltip, screen readers)."""

    def initStyleOption(  # noqa: N802 (Qt API)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = ""
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDisplay


class Navigation(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self._titles: list[str] = []
        self.collapsed = False
        self._with_names = QStyledItemDelegate(self)
        self._icons_only = _IconsOnly(self)
        self.retranslate()

    def add_screen(self, key: str, title: str, icon: QIcon) -> None:
        item = QListWidgetItem(icon, title)
        item.setData(KEY_ROLE, key)
        self.addItem(item)
        self._titles.append(title)
        self._show_titles()
        self.retranslate()

    def set_titles(self, titles: list[str]) -> None:
        self._titles = list(titles)
        self._show_titles()

    def set_collapsed(self, collapsed: bool) -> None:
        if collapsed != self.collapsed:
            self.collapsed = collapsed
            self._show_titles()

    def _show_titles(self) -> None:
        for row, title in enumerate(self._titles):
            item = self.item(row)
            if item is None:
                continue
            keys = screen_shortcut(row).toString(QKeySequence.SequenceFormat.NativeText)
            item.setText(title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            item.setToolTip(_("{screen} ({keys})").format(screen=title, keys=keys) if keys else title)
        self.setItemDelegate(self._icons_only if self.collapsed else self._with_names)
        self.setFixedWidth(self.compact_width() if self.collapsed else self.full_width())

    def _width_for(self, texts: list[str]) -> int:
        self.ensurePolished()
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        # The item's padding and border (style sheet: 14 px and 2 px each side), the icon and the
        # gap after it, the list's own frame and its focus bar.
        text_room = widest + 8 if widest else 0
        return ICON_SIZE + text_room + 2 * (14 + 2) + 2 * self.frameWidth() + 2 + 4

    def full_width(self) -> int:
        return self._width_for(self._titles)

    def compact_width(self) -> int:
        return self._width_for([])

    def retranslate(self) -> None:
        self.setAccessibleName(_("Screens"))
        last = screen_shortcut(max(0, min(self.count(), 9) - 1))
        self.setAccessibleDescription(
            _("{first} to {last} open a screen; F6 moves between this list and the screen.").format(
                first=screen_shortcut(0).toString(QKeySequence.SequenceFormat.NativeText),
                last=last.toString(QKeySequence.SequenceFormat.NativeText),
            )
        )
