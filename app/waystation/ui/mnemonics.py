"""Mnemonics (Alt + an underlined letter) on every screen, in every language.

Rather than hand-place an "&" in every string of every catalog — where translators easily give
two controls the same letter, and a new string has none until it is translated — the window
gives each label with a buddy, push button, check box and radio button that has none a letter of
its own, in the language shown: the first letter of a word where it can, else any letter, never
one already used on the same screen. Letters chosen by hand (an "&" in the string) are kept and
reserved. Buttons whose caption repeats on a screen ("Open" on every row of a list) get none:
one letter could not say which. Screen readers never hear the "&" (Qt strips it).

``assign_mnemonics(root)`` runs when a screen is shown, when a dialog opens, and after the
language changed (the strings come back without letters)."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QWidget,
    QWizardPage,
)
from shiboken6 import isValid

_MARK = re.compile(r"&(?!&)(.)")


def mnemonic_of(text: str) -> str:
    """The mnemonic letter of ``text`` (lower case), or ""."""
    match = _MARK.search(text.replace("&&", ""))
    return match.group(1).casefold() if match else ""


def _candidates(root: QWidget) -> list[QLabel | QAbstractButton]:
    found: list[QLabel | QAbstractButton] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel):
            if widget.buddy() is None or widget.textFormat() == Qt.TextFormat.RichText:
                continue
        elif not isinstance(widget, QPushButton | QCheckBox | QRadioButton):
            continue
        if widget.isVisibleTo(root) and widget.text().strip():
            found.append(widget)
    return found


def _letter_positions(text: str) -> list[int]:
    """Where a mnemonic could go: first letters of words, then every other letter."""
    starts, others = [], []
    for index, character in enumerate(text):
        if not character.isalpha():
            continue
        if index == 0 or not text[index - 1].isalnum():
            starts.append(index)
        else:
            others.append(index)
    return starts + others


def without_mnemonic(text: str) -> str:
    return _MARK.sub(r"\1", text.replace("&&", "\0")).replace("\0", "&&")


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with "&" before the first letter it can have that is not ``taken``."""
    if mnemonic_of(text):
        return text
    for index in _letter_positions(text):
        if text[index].casefold() not in taken and (index == 0 or text[index - 1] != "&"):
            return f"{text[:index]}&{text[index:]}"
    return text


def assign_mnemonics(root: QWidget) -> None:
    """Give the controls of ``root`` that are shown (or would be, with ``root``) a letter each."""
    widgets = _candidates(root)
    counts = Counter(without_mnemonic(widget.text()) for widget in widgets)
    taken: set[str] = set()
    waiting: list[QLabel | QAbstractButton] = []
    for widget in widgets:
        letter = mnemonic_of(widget.text())
        if letter and letter not in taken:
            taken.add(letter)
        elif letter:  # a second control with the same letter: it gets another one
            widget.setText(without_mnemonic(widget.text()))
            waiting.append(widget)
        else:
            waiting.append(widget)
    for widget in waiting:
        text = widget.text()
        if counts[text] > 1:
            continue  # "Open" on every row: a letter could not say which
        marked = with_mnemonic(text, taken)
        if marked != text:
            taken.add(mnemonic_of(marked))
            widget.setText(marked)


class MnemonicKeeper(QObject):
    """Installed on the application: when a dialog opens, or a page of a stack, a tab or a wizard
    comes into view, the letters of its window are (re)assigned — once, after the event settles."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: set[int] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            if isinstance(watched, QDialog):
                self.schedule(watched)
            elif isinstance(watched, QWizardPage) or isinstance(watched.parentWidget(), QStackedWidget):
                window = watched.window()
                if window is not None:
                    self.schedule(window)
        return False

    def schedule(self, window: QWidget) -> None:
        key = id(window)
        if key in self._pending:
            return
        self._pending.add(key)

        def run() -> None:
            self._pending.discard(key)
            if isValid(window) and window.isVisible():
                assign_mnemonics(window)

        QTimer.singleShot(0, self, run)
