"""Adding documents, step by step: read the files on the worker → ask what they are (the add
dialog) → store them on the worker. One addition at a time; its state is named (``Stage``) and the
busy bar shows the two slow steps, with a way to stop them. The vault locking ends everything at
once (``forget``): the worker's late news is dropped, the dialog closes without asking, and its
pictures and answers are let go."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from waystation.i18n import _, ngettext
from waystation.ui.pages.document_add import AddDocumentsDialog
from waystation.ui.pages.document_details import PICTURE_SIZE
from waystation.ui.pages.document_import import ImportWorker, Reading, Writing, read_files, write_files
from waystation.ui.pages.document_model import document_title
from waystation.ui.session import Session
from waystation.ui.widgets.busy_bar import BusyBar
from waystation.ui.widgets.thumbnail import screen_ratio
from waystation.vault.models import Passport


class Stage(enum.Enum):
    IDLE = "idle"
    READING = "reading"
    ASKING = "asking"
    STORING = "storing"


class AddFlow(QObject):
    """``stored`` brings the result of the store step (a ``Writing``); ``problems`` the lines to
    show (files refused, and why); ``notice`` a short word on the outcome; ``stage_changed`` each
    change of stage."""

    stored = Signal(object)
    problems = Signal(str)
    notice = Signal(str)
    stage_changed = Signal(object)

    def __init__(self, session: Session, busy: BusyBar, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._busy = busy
        self._parent = parent
        self.stage = Stage.IDLE
        self.dialog: AddDocumentsDialog | None = None
        self.passports: Sequence[Passport] = ()
        self.worker = ImportWorker(self)
        self.worker.progressed.connect(self._progressed)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        busy.cancel_requested.connect(self.worker.cancel)

    @property
    def busy(self) -> bool:
        return self.stage is not Stage.IDLE

    def start(self, paths: Sequence[Path], passports: Sequence[Passport]) -> bool:
        """Read ``paths`` and then ask about them; False when another addition is under way."""
        if self.busy or not self._session.is_open or not paths:
            return False
        self.passports = tuple(passports)
        known = {d.sha256: document_title(d) for d in self._session.vault.documents.list()}
        ratio, files = screen_ratio(), list(paths)
        self._enter(Stage.READING)
        self._busy.begin(ngettext("Reading {n} file…", "Reading {n} files…", len(files)).format(n=len(files)))
        self.worker.start(
            lambda progress, cancelled: read_files(
                files, known, picture_size=PICTURE_SIZE, ratio=ratio, progress=progress, cancelled=cancelled
            )
        )
        return True

    def forget(self) -> None:
        """The vault locked: stop, drop, close, without a question."""
        self.worker.forget()
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.discard()
            dialog.deleteLater()
        self._busy.end()
        self._enter(Stage.IDLE)

    def _enter(self, stage: Stage) -> None:
        if stage is not self.stage:
            self.stage = stage
            self.stage_changed.emit(stage)

    def _progressed(self, done: int, total: int, name: str) -> None:
        if not name:
            return
        if self.stage is Stage.READING:
            text = _("Reading “{name}” ({n} of {total})…")
        else:
            text = _("Storing “{name}” in the vault ({n} of {total})…")
        self._busy.step(done, total, text.format(name=name, n=done + 1, total=total))

    def _failed(self, message: str) -> None:
        self._busy.end()
        self._enter(Stage.IDLE)
        self.problems.emit(message)

    def _done(self, result: object) -> None:
        self._busy.end()
        if isinstance(result, Reading):
            self._read(result)
        elif isinstance(result, Writing):
            self._enter(Stage.IDLE)
            self.problems.emit("\n".join(refused.text() for refused in result.refused))
            self._tell(result)
            self.stored.emit(result)

    def _read(self, reading: Reading) -> None:
        self.problems.emit("\n".join(refused.text() for refused in reading.refused))
        if reading.cancelled:
            self.notice.emit(_("Stopped: nothing was added."))
        if reading.cancelled or not reading.files or not self._session.is_open:
            self._enter(Stage.IDLE)
            return
        dialog = AddDocumentsDialog(reading.files, self.passports, self._parent)
        dialog.finished.connect(lambda _result: self._answered(dialog))
        self.dialog = dialog
        self._enter(Stage.ASKING)
        dialog.open()

    def _answered(self, dialog: AddDocumentsDialog) -> None:
        if self.dialog is not dialog:
            return  # forgotten (the vault locked)
        self.dialog = None
        additions = dialog.additions() if dialog.result() == AddDocumentsDialog.DialogCode.Accepted else []
        dialog.deleteLater()
        if not additions or not self._session.is_open:
            self._enter(Stage.IDLE)
            return
        add, today, count = self._session.vault.documents.add, self._session.today(), len(additions)
        self._enter(Stage.STORING)
        self._busy.begin(ngettext("Storing {n} document…", "Storing {n} documents…", count).format(n=count))
        self.worker.start(
            lambda progress, cancelled: write_files(
                additions, add, today=today, progress=progress, cancelled=cancelled
            )
        )

    def _tell(self, writing: Writing) -> None:
        n = len(writing.added)
        if writing.cancelled:
            self.notice.emit(
                ngettext("Stopped: {n} document was added.", "Stopped: {n} documents were added.", n).format(
                    n=n
                )
            )
        elif n:
            self.notice.emit(ngettext("Added {n} document.", "Added {n} documents.", n).format(n=n))
