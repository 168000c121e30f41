"""A crash the person sees: a calm dialog with a report that says what failed and where in our
code, never the error's message or any value, and a button that copies it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from waystation.ui.crash_dialog import CrashReporter, crash_report

CANARY = "Kanareyka 751234567"


def failing() -> None:
    raise ValueError(f"could not read {CANARY}")


def caught() -> tuple[type[BaseException], BaseException, object]:
    try:
        failing()
    except ValueError as exc:
        return type(exc), exc, exc.__traceback__
    raise AssertionError("unreachable")


def test_the_report_names_type_and_place_but_no_value() -> None:
    kind, _value, trace = caught()
    report = crash_report(kind, trace)  # type: ignore[arg-type]
    assert "builtins.ValueError" in report
    assert "in failing" in report and "test_crash_dialog.py" in report
    assert CANARY not in report and "751234567" not in report
    assert str(Path.home()) not in report


@pytest.mark.qt_no_exception_capture
def test_an_error_shows_a_calm_dialog_that_copies_the_report(qtbot: QtBot) -> None:
    copied: list[str] = []
    reporter = CrashReporter(lambda: None, copied.append)
    kind, value, trace = caught()
    reporter._hook(kind, value, trace)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: reporter.shown is not None and reporter.shown.isVisible())
    box = reporter.shown
    assert box is not None
    assert "Your vault is safe" in box.text()
    assert CANARY not in box.text() and CANARY not in box.detailedText()
    copy = next(b for b in box.buttons() if "Copy" in b.text())
    copy.click()
    assert copied and "ValueError" in copied[0] and CANARY not in copied[0]
    box.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_worker_thread_is_shown_on_the_ui_thread(qtbot: QtBot) -> None:
    reporter = CrashReporter(lambda: None, lambda _text: None)
    previous = threading.excepthook
    reporter.install()
    try:
        worker = threading.Thread(target=failing)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: reporter.shown is not None and reporter.shown.isVisible())
    finally:
        threading.excepthook = previous
        import sys

        sys.excepthook = sys.__excepthook__
    assert reporter.shown is not None
    assert reporter.shown.thread() is QApplication.instance().thread()  # type: ignore[union-attr]
    reporter.shown.close()
