"""The unlocked vault: navigation on the left, the current screen on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from waystation.ui.dialogs import FileDialogs
from waystation.ui.icons import icon
from waystation.ui.pages.base import Page
from waystation.ui.pages.registry import page_classes
from waystation.ui.session import Session


class Workspace(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None, *, dialogs: FileDialogs) -> None:
        super().__init__(parent)
        self.session = session
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(210)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget(self)
        self.pages: dict[str, Page] = {}
        for page_class in page_classes():
            page = page_class(session, self, dialogs=dialogs)
            self.pages[page.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(icon(page.icon_name), page.title())
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            self.nav.addItem(item)
            navigate = getattr(page, "navigate", None)
            if isinstance(navigate, SignalInstance):
                navigate.connect(self.go_to)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.nav.currentRowChanged.connect(self._show_row)
        session.changed.connect(self._on_changed)

    def show_page(self, key: str) -> Page:
        page = self.pages[key]
        self.nav.setCurrentRow(list(self.pages).index(key))
        return page

    def go_to(self, key: str, item_id: str = "") -> None:
        """A screen asked to show one of its items on another screen (e.g. a step's checklist)."""
        if key not in self.pages:
            return
        page = self.show_page(key)
        focus_item = getattr(page, "focus_item", None)
        if item_id and callable(focus_item):
            focus_item(item_id)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        page = self.stack.widget(row)
        self.stack.setCurrentIndex(row)
        if isinstance(page, Page) and self.session.is_open:
            page.refresh()

    def _on_changed(self, _what: str) -> None:
        current = self.stack.currentWidget()
        if isinstance(current, Page) and self.session.is_open:
            current.refresh()

    def enter(self) -> None:
        """The vault was just opened: start on the first screen."""
        if self.pages:
            self.nav.setCurrentRow(0)
            self._show_row(0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            for row, page in enumerate(self.pages.values()):
                self.nav.item(row).setText(page.title())
        super().changeEvent(event)
