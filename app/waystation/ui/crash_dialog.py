"""A crash the person sees (as Vorta and qutebrowser do): an error Waystation did not expect
shows a calm dialog — something went wrong, the vault is safe, here is what to report — instead of
vanishing into a terminal nobody reads.

The report names the kind of error and where in Waystation's code it happened (file, line,
function), never the error's message or any value: a message can quote a name, a passport number
or a path. Every save is one transaction, so what was saved before the error is intact.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from waystation import __version__
from waystation.i18n import _

PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # app/waystation (or the bundle's copy)
FRAMES_SHOWN = 12


def crash_report(kind: type[BaseException], trace: TracebackType | None) -> str:
    """What to report: the version, the kind of error and the places in our code, no values."""
    lines = [f"Waystation {__version__}", f"{kind.__module__}.{kind.__qualname__}"]
    for frame in traceback.extract_tb(trace)[-FRAMES_SHOWN:]:
        path = Path(frame.filename)
        try:
            where = "waystation/" + path.resolve().relative_to(PACKAGE_ROOT).as_posix()
        except ValueError:
            where = path.name  # a library's file: its name only (a path can hold a user name)
        lines.append(f"  {where}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


class CrashReporter(QObject):
    """Installs itself as the exception hook of the process and of threads; errors from worker
    threads are shown on the UI thread."""

    reported = Signal(str)

    def __init__(self, parent_window: Callable[[], QWidget | None], copy: Callable[[str], None]) -> None:
        super().__init__()
        self.parent_window = parent_window
        self.copy = copy
        self.shown: QMessageBox | None = None
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = lambda args: self._hook(args.exc_type, args.exc_value, args.exc_traceback)

    def _hook(
        self, kind: type[BaseException], value: BaseException | None, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value or kind(), trace)
            return
        report = crash_report(kind, trace)
        print(report, file=sys.stderr)  # the same report, no values, for someone at a terminal
        self.reported.emit(report)

    def _show(self, report: str) -> None:
        if QApplication.instance() is None or (self.shown is not None and self.shown.isVisible()):
            return  # one dialog at a time: a burst of the same error is one report
        box = QMessageBox(self.parent_window())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Something went wrong"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            _(
                "Something went wrong inside Waystation. Your vault is safe: everything saved before "
                "this is intact. If it happens again, please report the lines below; they say where "
                "the error happened and hold nothing about you."
            )
        )
        box.setDetailedText(report)
        copy = box.addButton(_("&Copy the report"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        copy.clicked.connect(lambda: self.copy(report))
        self.shown = box
        box.open()
