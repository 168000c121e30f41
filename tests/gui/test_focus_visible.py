"""Keyboard focus is visible everywhere (issue 11, item 11): walking with Tab through the start
screen and every screen of the workspace, each control looks different while it has the focus
than after the focus moved on — the navigation list and scrolled pages included, where the style
draws nothing of its own (the style sheet and the focus ring do)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock, ScriptedDialogs
from tests.gui.palettes import app_look, reference_palettes
from tests.gui.profiles import new_session, open_vault, profile_in
from waystation.ui.main_window import MainWindow

MAX_STOPS = 80


def _tab_walk(start: QWidget, inside: QWidget) -> tuple[list[str], int]:
    """Tab from ``start`` until the focus comes round again; the controls inside ``inside`` that
    look the same with and without the focus, and how many were visited."""
    unmarked: list[str] = []
    seen: list[QWidget] = []
    start.setFocus(Qt.FocusReason.TabFocusReason)
    for _stop in range(MAX_STOPS):
        widget = QApplication.focusWidget()
        if widget is None or widget in seen:
            break
        seen.append(widget)
        focused: QImage = widget.grab().toImage()
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        QApplication.processEvents()
        if not (widget is inside or inside.isAncestorOf(widget)) or not widget.isVisible():
            continue
        if widget.grab().toImage() == focused:
            text = getattr(widget, "text", lambda: "")()
            unmarked.append(f"{type(widget).__name__} {text or widget.accessibleName()!r}")
    return unmarked, len(seen)


@pytest.mark.parametrize("palette", ["fusion-light", "breeze-dark"])
def test_every_control_shows_its_focus(qtbot: QtBot, tmp_path: Path, palette: str) -> None:
    session = new_session(tmp_path, FakeClock(date(2026, 5, 1)))
    with app_look(reference_palettes()[palette]):
        window = MainWindow(session, ScriptedDialogs())
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)

        unmarked, visited = _tab_walk(window.start, window.start)
        assert visited > 3, "Tab found nothing on the start screen"
        assert unmarked == [], f"start screen: {unmarked}"

        open_vault(session, tmp_path, profile_in("KZ", [("KZ", date(2026, 1, 10), None)]))
        window.enter_workspace()
        for key in window.workspace.pages:
            window.workspace.show_page(key)
            unmarked, visited = _tab_walk(window.workspace.nav, window.workspace)
            assert visited > 2, f"Tab found nothing on {key}"
            assert unmarked == [], f"{key}: {unmarked}"
        session.lock()
