"""The unlocked vault: navigation on the left, the current screen on the right.

Keyboard: Ctrl+1 … Ctrl+7 open the screens in navigation order; F6 (Shift+F6 backwards) moves
between the panes — the navigation, then the screen (or each side of a screen that is split in
two) — and comes back to the control that had the focus there. The navigation collapses to icons
when the workspace is too narrow for the names and a comfortable screen beside them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)
from shiboken6 import isValid

from waystation.ui.dialogs import FileDialogs
from waystation.ui.icons import icon
from waystation.ui.navigation import Navigation, screen_shortcut
from waystation.ui.pages.base import Page
from waystation.ui.pages.registry import page_classes
from waystation.ui.session import Session

# The room a screen needs beside the full navigation before the navigation gives up its names.
COMFORTABLE_SCREEN_WIDTH = 720


class Workspace(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None, *, dialogs: FileDialogs) -> None:
        super().__init__(parent)
        self.session = session
        self.nav = Navigation(self)
        self.stack = QStackedWidget(self)
        self.pages: dict[str, Page] = {}
        self._last_focus: dict[int, QWidget] = {}
        for page_class in page_classes():
            page = page_class(session, self, dialogs=dialogs)
            self.pages[page.key] = page
            self.stack.addWidget(page)
            self.nav.add_screen(page.key, page.title(), icon(page.icon_name, selectable=True))
            page.navigate.connect(self.go_to)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.nav.currentRowChanged.connect(self._show_row)
        session.changed.connect(self._on_changed)
        self._add_shortcuts()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._remember_focus)

    def _add_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WindowShortcut
        for row, key in enumerate(self.pages):
            sequence = screen_shortcut(row)
            if not sequence.isEmpty():
                shortcut = QShortcut(sequence, self, context=context)
                shortcut.activated.connect(lambda key=key: self.show_page(key, focus=True))
        forward = QShortcut(QKeySequence(Qt.Key.Key_F6), self, context=context)
        forward.activated.connect(lambda: self.next_pane(1))
        backward = QShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F6), self, context=context)
        backward.activated.connect(lambda: self.next_pane(-1))

    # -- screens ---------------------------------------------------------------------------

    def show_page(self, key: str, *, focus: bool = False) -> Page:
        page = self.pages[key]
        self.nav.setCurrentRow(list(self.pages).index(key))
        if focus:
            self.focus_pane(self.panes()[1])
        return page

    def current_page(self) -> Page | None:
        page = self.stack.currentWidget()
        return page if isinstance(page, Page) else None

    def go_to(self, key: str, item_id: str = "") -> None:
        """A screen asked to show one of its items on another screen (e.g. a step's checklist)."""
        if key not in self.pages:
            return
        page = self.show_page(key)
        if item_id:
            page.focus_item(item_id)

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
        self._last_focus.clear()
        if self.pages:
            if self.nav.currentRow() == 0:
                self._show_row(0)
            else:  # the row change shows (and refreshes) the first screen, once
                self.nav.setCurrentRow(0)

    # -- panes (F6) ------------------------------------------------------------------------

    def panes(self) -> list[QWidget]:
        """The navigation, then the current screen — or each side of it, when it is split."""
        page = self.current_page()
        if page is None:
            return [self.nav]
        for splitter in page.findChildren(QSplitter):
            if splitter.isVisible() and splitter.count() > 1:
                sides = [splitter.widget(i) for i in range(splitter.count())]
                return [self.nav, *[side for side in sides if side is not None and side.isVisible()]]
        return [self.nav, page]

    def pane_of(self, widget: QWidget | None) -> int:
        panes = self.panes()
        while widget is not None:
            if widget in panes:
                return panes.index(widget)
            widget = widget.parentWidget()
        return -1

    def next_pane(self, step: int) -> None:
        panes = self.panes()
        current = self.pane_of(QApplication.focusWidget())
        target = panes[(current + step) % len(panes)] if current >= 0 else panes[0]
        self.focus_pane(target)

    def focus_pane(self, pane: QWidget) -> None:
        """Focus the control last used in ``pane``, else its first one. A shortcut's focus: Qt
        then marks it as keyboard focus, which the style shows."""
        reason = Qt.FocusReason.ShortcutFocusReason
        remembered = self._last_focus.get(id(pane))
        if (
            remembered is not None
            and isValid(remembered)
            and _can_take_focus(remembered)
            and _is_inside(remembered, pane)
        ):
            remembered.setFocus(reason)
            return
        if _can_take_focus(pane):
            pane.setFocus(reason)
            return
        first = _first_focusable_in(pane)
        if first is not None:
            first.setFocus(reason)

    def _remember_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not self.isVisible():
            return
        pane = self.pane_of(new)
        if pane >= 0:
            self._last_focus[id(self.panes()[pane])] = new

    # -- size --------------------------------------------------------------------------------

    def _needs_collapse(self, width: int) -> bool:
        room = max(COMFORTABLE_SCREEN_WIDTH, self.stack.minimumSizeHint().width())
        return width < self.nav.full_width() + room

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """As narrow as the collapsed navigation allows, so the window can shrink to 800 px."""
        screen = self.stack.minimumSizeHint()
        return QSize(self.nav.compact_width() + screen.width(), max(screen.height(), 200))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        self.nav.set_collapsed(self._needs_collapse(event.size().width()))
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.nav.set_titles([page.title() for page in self.pages.values()])
            self.nav.retranslate()
            self.nav.set_collapsed(self._needs_collapse(self.width()))
        super().changeEvent(event)


def _can_take_focus(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled() and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _is_inside(widget: QWidget, ancestor: QWidget) -> bool:
    return widget is ancestor or ancestor.isAncestorOf(widget)


def _first_focusable_in(pane: QWidget) -> QWidget | None:
    """The first control inside ``pane`` that Tab can reach, in the order the controls were made
    (Qt's default Tab order). Not by walking ``nextInFocusChain``: that walks the whole window,
    through Qt's private widgets, and PySide6 does not survive wrapping all of them."""
    controls = [w for w in pane.findChildren(QWidget) if _can_take_focus(w) and w.focusProxy() is None]
    # A scrolled page takes the focus itself (to scroll by keys); its first control is better.
    inside = [w for w in controls if not isinstance(w, QScrollArea)]
    candidates = inside or controls
    return candidates[0] if candidates else None
