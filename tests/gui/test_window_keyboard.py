"""The window with the keyboard alone (issue 11, item 11): Ctrl+1 … Ctrl+7 open the screens, F6
moves between the panes and comes back to where one was, Enter presses a form's default button
(never a search field's, never across panes), F1 opens the shortcuts, the About box tells the
version, the licence, the no-network promise and where the threat model is, and the navigation
has a name for screen readers — also when it has collapsed to icons."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.profiles import open_vault, profile_in
from waystation import __version__
from waystation.ui.help_dialogs import AboutDialog, HelpDialog, threat_model_path
from waystation.ui.main_window import MainWindow
from waystation.ui.session import Session

KZ_PROFILE = profile_in("KZ", [("KZ", date(2026, 1, 10), None)])


@pytest.fixture
def unlocked(qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path) -> MainWindow:
    open_vault(session, tmp_path, KZ_PROFILE)
    window.enter_workspace()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _focus_inside(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def test_ctrl_and_a_number_opens_each_screen(qtbot: QtBot, unlocked: MainWindow) -> None:
    keys = list(unlocked.workspace.pages)
    assert len(keys) == 7
    digits = [
        Qt.Key.Key_1,
        Qt.Key.Key_2,
        Qt.Key.Key_3,
        Qt.Key.Key_4,
        Qt.Key.Key_5,
        Qt.Key.Key_6,
        Qt.Key.Key_7,
    ]
    for digit, key in reversed(list(zip(digits, keys, strict=True))):
        QTest.keyClick(unlocked, digit, Qt.KeyboardModifier.ControlModifier)
        assert unlocked.workspace.current_page() is unlocked.workspace.pages[key]
        assert _focus_inside(unlocked.workspace.pages[key]), f"Ctrl+number left the focus outside {key}"


def test_ctrl_number_does_nothing_while_locked(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.start


def test_f6_moves_between_the_list_and_the_screen_and_back(qtbot: QtBot, unlocked: MainWindow) -> None:
    workspace = unlocked.workspace
    workspace.show_page("profile")
    workspace.nav.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    profile = workspace.pages["profile"]
    assert _focus_inside(profile)
    # move on inside the screen; F6 away and back returns to that very control
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    where = QApplication.focusWidget()
    assert where is not None and _focus_inside(profile)
    QTest.keyClick(where, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is workspace.nav
    QTest.keyClick(workspace.nav, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is where
    # the focus that F6 gives is keyboard focus: the style draws it
    assert unlocked.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)


def test_f6_visits_both_sides_of_a_split_screen(qtbot: QtBot, unlocked: MainWindow) -> None:
    workspace = unlocked.workspace
    page = workspace.show_page("checklists")
    splitter = page.findChild(QSplitter)
    assert splitter is not None
    panes = workspace.panes()
    assert len(panes) == 3 and panes[0] is workspace.nav
    workspace.nav.setFocus()
    visited = []
    for _ in range(3):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        visited.append(workspace.pane_of(QApplication.focusWidget()))
    assert visited == [1, 2, 0]


def test_navigation_is_named_and_keeps_names_when_collapsed(qtbot: QtBot, unlocked: MainWindow) -> None:
    nav = unlocked.workspace.nav
    assert nav.accessibleName() == "Screens"
    assert "F6" in nav.accessibleDescription()
    unlocked.resize(1400, 800)
    qtbot.waitUntil(lambda: not nav.collapsed)
    wide = nav.width()
    unlocked.resize(800, 600)
    qtbot.waitUntil(lambda: nav.collapsed)
    assert nav.width() < wide / 2
    titles = [page.title() for page in unlocked.workspace.pages.values()]
    for row, title in enumerate(titles):
        item = nav.item(row)
        assert item.data(Qt.ItemDataRole.AccessibleTextRole) == title
        assert item.toolTip().startswith(title) and f"Ctrl+{row + 1}" in item.toolTip()
    assert unlocked.minimumSizeHint().width() <= 800 and unlocked.minimumSizeHint().height() <= 600
    assert unlocked.width() == 800
    unlocked.resize(1400, 800)
    qtbot.waitUntil(lambda: not nav.collapsed)


def test_enter_presses_the_default_button_of_the_form(qtbot: QtBot, unlocked: MainWindow) -> None:
    form = QWidget()
    layout = QVBoxLayout(form)
    name = QLineEdit(form)
    choice = QComboBox(form)
    choice.addItems(["a", "b"])
    search = QLineEdit(form)
    search.setClearButtonEnabled(True)  # a search field: Enter filters nothing more
    handled = QLineEdit(form)
    handled_presses: list[bool] = []
    handled.returnPressed.connect(lambda: handled_presses.append(True))
    notes = QPlainTextEdit(form)
    submit = QPushButton("Save", form)
    submit.setDefault(True)
    for widget in (name, choice, search, handled, notes, submit):
        layout.addWidget(widget)
    unlocked.stack.addWidget(form)
    unlocked.stack.setCurrentWidget(form)
    pressed: list[bool] = []
    submit.clicked.connect(lambda: pressed.append(True))

    for field in (name, choice):
        field.setFocus()
        QTest.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: len(pressed) == 1)
        pressed.clear()
    for field in (search, handled, notes):
        field.setFocus()
        QTest.keyClick(field, Qt.Key.Key_Return)
        qtbot.wait(150)
        assert pressed == [], f"Enter in {type(field).__name__} pressed the form's button"
    assert handled_presses == [True]
    assert notes.toPlainText() == "\n"
    submit.setEnabled(False)
    name.setFocus()
    QTest.keyClick(name, Qt.Key.Key_Return)
    qtbot.wait(150)
    assert pressed == []


def test_enter_does_not_reach_across_panes(qtbot: QtBot, unlocked: MainWindow) -> None:
    page = unlocked.workspace.show_page("checklists")
    splitter = page.findChild(QSplitter)
    assert splitter is not None
    pressed: list[bool] = []
    defaults = [b for b in page.findChildren(QPushButton) if b.isDefault()]
    assert defaults, "the step's Save is no default button: the test lost its subject"
    for button in defaults:
        button.clicked.connect(lambda: pressed.append(True))
    sides = [splitter.widget(i) for i in range(splitter.count())]
    button_side = next(s for s in sides if s is not None and s.isAncestorOf(defaults[0]))
    filters = [c for c in page.findChildren(QComboBox) if c.isVisible() and not button_side.isAncestorOf(c)]
    assert filters, "the checklists' filter box is gone: the test lost its subject"
    filters[0].setFocus()
    QTest.keyClick(filters[0], Qt.Key.Key_Return)
    qtbot.wait(150)
    assert pressed == []


def test_f1_opens_the_shortcuts_naming_every_screen(qtbot: QtBot, unlocked: MainWindow) -> None:
    QTest.keyClick(unlocked, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible())
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    for row, page in enumerate(unlocked.workspace.pages.values()):
        assert f"Ctrl+{row + 1}" in texts
        assert any(page.title() in text for text in texts)
    for keys in ("F6", "Ctrl+L", "Ctrl+Shift+Q", "F1"):
        assert keys in texts
    dialog.reject()


def test_f1_works_before_a_vault_is_open(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible())
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Ctrl+1" in texts and "Ctrl+7" in texts and "once a vault is open" in texts
    dialog.reject()


def test_about_tells_version_licence_network_and_threat_model(qtbot: QtBot, window: MainWindow) -> None:
    window.about_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog) and w.isVisible())
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in text
    assert "GPL" in text
    assert "never uses the network" in text
    path = threat_model_path("en")
    assert path is not None and path.name == "threat-model.md" and path.is_file()
    assert dialog.link.textFormat() == Qt.TextFormat.RichText
    assert "docs/threat-model.md" in dialog.link.text() and path.as_uri() in dialog.link.text()
    dialog.reject()


def test_about_without_docs_shows_the_path_as_plain_text(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import waystation.ui.help_dialogs as help_dialogs

    def no_docs(name: str) -> Path:
        raise FileNotFoundError(name)

    monkeypatch.setattr(help_dialogs, "data_dir", no_docs)
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.threat_model is None
    assert dialog.link.textFormat() == Qt.TextFormat.PlainText
    assert dialog.link.text() == "docs/threat-model.md"


def test_threat_model_in_the_interface_language() -> None:
    for language in ("ru", "uk", "be"):
        path = threat_model_path(language)
        assert path is not None and path.name == f"threat-model.{language}.md"
    fallback = threat_model_path("xx")
    assert fallback is not None and fallback.name == "threat-model.md"


def test_help_names_each_screen_in_order() -> None:
    from waystation.ui.help_dialogs import shortcut_rows

    rows = shortcut_rows(["Overview", "Profile"])
    assert rows[0][0] == "Ctrl+1" and "Overview" in rows[0][1]
    assert rows[1][0] == "Ctrl+2" and "Profile" in rows[1][1]
    assert all(keys for keys, _what in rows)
    many = shortcut_rows([f"Screen {n}" for n in range(12)])
    assert sum(1 for keys, _what in many if keys.startswith("Ctrl+") and keys[5:].isdigit()) == 9


def test_help_dialog_fits_its_rows(qtbot: QtBot) -> None:
    dialog = HelpDialog(["Overview"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() >= 420


def test_every_form_has_a_button_for_enter(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    """The start screen's two forms, the profile, a step's progress and the packet form: Enter in
    a field reaches the form's main button (or the field's own Enter, for passphrases)."""
    from waystation.ui.keyboard import default_button_for

    opened, created = window.start.open_panel, window.start.create_panel
    assert default_button_for(opened.picker.edit) is opened.unlock_button
    assert opened.passphrase.receivers("2returnPressed()") > 0  # its Enter unlocks by itself
    window.start.tabs.setCurrentWidget(created)
    assert default_button_for(created.picker.edit) is created.create_button
    window.start.tabs.setCurrentWidget(opened)

    open_vault(session, tmp_path, KZ_PROFILE)
    window.enter_workspace()
    profile = window.workspace.show_page("profile")
    family = profile.person.fields["family_name"].edit  # type: ignore[attr-defined]
    family.setText("Canarykova-Smith")  # a change: Save becomes pressable
    assert default_button_for(family) is profile.save_button  # type: ignore[attr-defined]
    profile.ask_leaving = lambda: "discard"  # type: ignore[attr-defined]  # (it asks about the change)

    checklists = window.workspace.show_page("checklists")
    from waystation.ui.pages.step_state import StepStateEditor

    editor = checklists.findChild(StepStateEditor)
    assert editor is not None
    editor.state.setCurrentIndex(editor.state.findData("done"))
    assert default_button_for(editor.state) is editor.save_button
    checklists.ask_leaving = lambda: "discard"  # type: ignore[attr-defined]  # (it asks about the change)

    packets = window.workspace.show_page("packets")
    assert default_button_for(packets.form.track) is packets.build_button  # type: ignore[attr-defined]
