"""Mnemonics on every screen (issue 11, item 11): Alt + an underlined letter reaches every labelled
field, button and box of the start screen, the first-run wizard (its purposes too), the profile,
the documents and every other screen — in English and in Russian, one letter per control."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from tests.gui.profiles import open_vault, profile_in
from waystation.ui.language import switch_language
from waystation.ui.main_window import MainWindow
from waystation.ui.mnemonics import assign_mnemonics, mnemonic_of, with_mnemonic, without_mnemonic
from waystation.ui.session import Session


def test_a_letter_is_chosen_from_the_words_first() -> None:
    assert with_mnemonic("Family name", set()) == "&Family name"
    assert with_mnemonic("Family name", {"f"}) == "Family &name"
    assert with_mnemonic("Family name", {"f", "n"}) == "F&amily name"
    assert with_mnemonic("Фамилия", set()) == "&Фамилия"
    assert with_mnemonic("Фамилия", {"ф"}) == "Ф&амилия"
    assert with_mnemonic("Save && close", set()) == "&Save && close"
    assert with_mnemonic("&Keep mine", set()) == "&Keep mine"  # a translator's letter stays
    assert with_mnemonic("42", set()) == "42"  # no letter at all: nothing to underline
    assert with_mnemonic("ab", {"a", "b"}) == "ab"  # every letter taken: none
    assert mnemonic_of("Fa&mily") == "m" and mnemonic_of("Rock && roll") == ""
    assert without_mnemonic("&Back && forth") == "Back && forth"


def test_duplicates_and_repeated_captions(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    first = QPushButton("&Back", root)
    second = QCheckBox("&Belarus", root)  # the same letter by hand: it gets another
    opens = [QPushButton("Open", root) for _ in range(3)]  # one letter could not say which
    save = QPushButton("Save", root)
    root.show()
    assign_mnemonics(root)
    assert first.text() == "&Back"
    assert mnemonic_of(second.text()) not in ("", "b")
    assert [button.text() for button in opens] == ["Open", "Open", "Open"]
    assert save.text() == "&Save"


def _candidates(root: QWidget) -> list[QLabel | QAbstractButton]:
    found: list[QLabel | QAbstractButton] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if (labelled or isinstance(widget, QPushButton | QCheckBox | QRadioButton)) and widget.text().strip():
            found.append(widget)
    return found


def mnemonic_problems(root: QWidget) -> list[str]:
    """Controls without a letter (unless their caption repeats, or all its letters are used),
    and letters used twice."""
    widgets = _candidates(root)
    captions = [without_mnemonic(w.text()) for w in widgets]
    letters = [mnemonic_of(w.text()) for w in widgets]
    used = {letter for letter in letters if letter}
    problems = []
    for widget, caption, letter in zip(widgets, captions, letters, strict=True):
        if letter:
            if letters.count(letter) > 1:
                problems.append(f"{letter!r} twice: {caption}")
        elif captions.count(caption) == 1 and any(c.isalpha() and c.casefold() not in used for c in caption):
            problems.append(f"no letter: {type(widget).__name__} {caption!r}")
    return problems


@pytest.fixture(params=["en", "ru"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    assert app is not None
    switch_language(app, request.param)
    yield request.param
    switch_language(app, "en")


def _settle(qtbot: QtBot) -> None:
    qtbot.wait(20)


def test_every_screen_has_its_letters(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, language: str
) -> None:
    _settle(qtbot)
    assert mnemonic_problems(window) == [], "start screen"
    tabs = window.start.findChild(QTabWidget)
    assert tabs is not None
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        _settle(qtbot)
        assert mnemonic_problems(window) == [], f"start screen, tab {index}"
    tabs.setCurrentIndex(0)

    session.create(tmp_path / "letters.vault", "orchard lantern velvet quarry 42")
    window.after_create()
    wizard = window.first_run
    assert isinstance(wizard, QWizard)
    from datetime import date

    def answer(step: int) -> None:  # the answers that let the wizard go on (see test_wizard.py)
        if step == 0:
            wizard.host.country.setCurrentIndex(wizard.host.country.findData("KZ"))
            wizard.host.arrival.set_value(date(2026, 3, 1))
        elif step == 2:
            wizard.names.edits["family_name"].setText("Иванова")
            wizard.names.edits["given_names"].setText("Мария")
        elif step == 3:
            wizard.citizenship.listed["RU"].setChecked(True)

    pages = [wizard.host, wizard.purposes, wizard.names, wizard.passport, wizard.family]
    for step, page in enumerate(pages):
        _settle(qtbot)
        assert wizard.currentPage() is page, f"the wizard stopped before page {step}"
        assert mnemonic_problems(wizard) == [], f"wizard page {step}"
        answer(step)
        wizard.next()
    wizard.ask_closing = lambda: "discard"  # type: ignore[method-assign]
    wizard.reject()

    session.vault.profile.replace(profile_in("KZ"))
    window.enter_workspace()
    for key in window.workspace.pages:
        window.workspace.show_page(key)
        _settle(qtbot)
        assert mnemonic_problems(window) == [], key


@pytest.mark.qt_log_ignore("keyToAscii")  # QTest's note that a Cyrillic key has no ASCII text
def test_alt_and_the_letter_reaches_the_field(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path, language: str
) -> None:
    open_vault(session, tmp_path, profile_in("KZ"))
    window.enter_workspace()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.workspace.show_page("profile")
    _settle(qtbot)
    labels = [w for w in page.findChildren(QLabel) if w.isVisible() and w.buddy() is not None]
    assert labels
    reached = 0
    for label in labels[:4]:
        letter = mnemonic_of(label.text())
        assert letter, label.text()
        window.workspace.nav.setFocus()
        key = Qt.Key(ord(letter.upper()))
        QTest.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier, -1)
        buddy = label.buddy()
        if QApplication.focusWidget() is buddy or (
            buddy is not None and buddy.isAncestorOf(QApplication.focusWidget())
        ):
            reached += 1
    assert reached == len(labels[:4])
