"""Fill an official form: open the PDF the office gave, check what fills each field (the mapping
the vault keeps for this form, or one proposed from its labels) beside a picture of the page with
the field outlined, fill it, read the check report, save it, keep a copy among the documents.

Reading, drawing and filling run on workers (form_tasks.py). The form, the filled PDF and the
pictures stay in memory; nothing is written before Save… The dialog forgets everything and
closes when the vault locks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from waystation.errors import InvalidInput
from waystation.forms.fill import FillResult
from waystation.forms.mapping import FormMap
from waystation.forms.propose import propose
from waystation.i18n import _
from waystation.ui.dialogs import FileDialogs, file_filter, pdf_filter
from waystation.ui.pages.base import plain_label
from waystation.ui.pages.form_files import export_mapping, import_mappings, keep_mapping, save_filled
from waystation.ui.pages.form_fill_options import FillOptions
from waystation.ui.pages.form_mapping_editor import MappingEditor
from waystation.ui.pages.form_pages import FormPages
from waystation.ui.pages.form_report_view import ReportView
from waystation.ui.pages.form_tasks import (
    Loaded,
    NeedsPassword,
    fill_work,
    keep_copy_work,
    read_work,
)
from waystation.ui.pages.look import PAGE_STYLE
from waystation.ui.pages.packet_saving import Confirm
from waystation.ui.pages.packet_tasks import PageTask
from waystation.ui.session import Change, Session
from waystation.ui.widgets.ask import confirm
from waystation.ui.widgets.passphrase import PassphraseField
from waystation.vault.models import DocumentInfo


class FormFillDialog(QDialog):
    loaded = Signal()  # a form was read and its fields are shown
    filled = Signal()  # a fill finished (its report is shown)
    drawn = Signal()  # a page picture arrived

    def __init__(self, session: Session, dialogs: FileDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialogs = dialogs
        self.confirm: Confirm = lambda title, text, action: confirm(self, title, text, action)
        self.setStyleSheet(PAGE_STYLE)
        self.work = PageTask(
            lambda: _("The form could not be handled because of an error in Waystation."), self
        )
        self.loaded_form: Loaded | None = None
        self.filled_result: FillResult | None = None
        self._result_password: str | None = None
        self._pending_password: NeedsPassword | None = None  # a protected form, read once already
        self._fill_password: str | None = None
        self.intro = plain_label("", self, wrap=True)
        self.open_button = QPushButton(self)
        self.form_name = plain_label("", self)
        self.form_name.setObjectName("caption")
        self.password = PassphraseField(self)
        self.unlock_button = QPushButton(self)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        self.editor = MappingEditor(self)
        self.suggest_button = QPushButton(self)
        self.keep_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.pages = FormPages(self)
        self.report = ReportView(self)
        self.options = FillOptions(self)
        self.fill_button = QPushButton(self)
        self.fill_button.setDefault(True)
        self.save_button = QPushButton(self)
        self.add_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self._layout()
        self._connect()
        self.retranslate()
        self.resize(1180, 780)
        self._set_idle()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.form_name, 1)
        top.addWidget(self.password)
        top.addWidget(self.unlock_button)
        mapping_buttons = QHBoxLayout()
        for button in (self.suggest_button, self.keep_button, self.import_button, self.export_button):
            mapping_buttons.addWidget(button)
        mapping_buttons.addStretch(1)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.editor, 1)
        left_column.addLayout(mapping_buttons)
        left_column.addWidget(self.options)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.pages, 3)
        right_column.addWidget(self.report, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 620])
        actions = QHBoxLayout()
        for button in (self.fill_button, self.save_button, self.add_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)

    def _connect(self) -> None:
        self.open_button.clicked.connect(self.open_form)
        self.unlock_button.clicked.connect(self.unlock_form)
        self.password.returnPressed.connect(self.unlock_form)
        self.suggest_button.clicked.connect(self.suggest)
        self.keep_button.clicked.connect(self.keep_mapping)
        self.import_button.clicked.connect(self.import_mappings)
        self.export_button.clicked.connect(self.export_mapping)
        self.fill_button.clicked.connect(self.fill)
        self.save_button.clicked.connect(self.save)
        self.add_button.clicked.connect(self.add_to_documents)
        self.close_button.clicked.connect(self.reject)
        self.editor.checked.connect(self.report.show_report)
        self.editor.selected.connect(self._field_chosen)
        self.report.chosen.connect(self.editor.select)
        self.pages.drawn.connect(self.drawn)
        self.pages.failed.connect(lambda text: self._say(text, problem=True))
        self.work.finished.connect(self._work_done)
        self.work.failed.connect(self._work_failed)
        self.session.locked.connect(self.forget)
        self.finished.connect(lambda _code: self.forget())

    def retranslate(self) -> None:
        self.setWindowTitle(_("Fill an official form"))
        self.intro.setText(
            _(
                "Open the fillable PDF the office gave you. Waystation proposes what fills each field from "
                "your profile; check each one (the field is outlined on the page), then fill the form and "
                "read the check before handing it in. Nothing is saved until you choose Save."
            )
        )
        self.open_button.setText(_("&Open a form…"))
        self.password.setPlaceholderText(_("The form's password"))
        self.password.setAccessibleName(_("The form's password"))
        self.unlock_button.setText(_("&Unlock the form"))
        self.suggest_button.setText(_("Su&ggest again"))
        self.keep_button.setText(_("&Keep in my vault"))
        self.keep_button.setAccessibleDescription(
            _("Keep this mapping in the vault: it is used the next time you open this form")
        )
        self.import_button.setText(_("&Import mappings…"))
        self.export_button.setText(_("&Export mapping…"))
        self.fill_button.setText(_("Fill t&he form"))
        self.save_button.setText(_("&Save…"))
        self.add_button.setText(_("&Add to my documents"))
        self.add_button.setAccessibleDescription(
            _("Keep a flattened copy among your documents, so packets include it")
        )
        self.close_button.setText(_("&Close"))
        for part in (self.editor, self.pages, self.report, self.options):
            part.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- opening a form ------------------------------------------------------------------------

    def open_form(self) -> None:
        if self.work.running or not self.session.is_open:
            return
        path = self.dialogs.open_file(self, _("Open a form"), file_filter(pdf_filter()))
        if path is None:
            return
        self.forget_form()
        self.form_name.setText(path.name)
        self._start(read_work(self.session.vault, path.name, path=path), _("Reading the form…"))

    def unlock_form(self) -> None:
        pending = self._pending_password
        if pending is None or self.work.running or not self.password.text():
            return
        password = self.password.text()
        self._start(
            read_work(self.session.vault, pending.name, data=pending.data, password=password),
            _("Reading the form…"),
        )

    def _loaded(self, loaded: Loaded) -> None:
        self._pending_password = None
        self.password.wipe()
        self.password.hide()
        self.unlock_button.hide()
        self.loaded_form = loaded
        info = loaded.opened.info
        self.form_name.setText(f"{loaded.name} · {info.title}" if info.title else loaded.name)
        self._say(
            _("Using the mapping kept in your vault for this form.")
            if loaded.kept
            else _("Proposed from the form's labels: check each field before filling.")
        )
        self.editor.show_form(info, loaded.mapping, loaded.profile, self.session.today())
        self.pages.set_blank(loaded.opened.data, loaded.opened.password, info.pages)
        self.loaded.emit()

    # -- the mapping ---------------------------------------------------------------------------

    def current_mapping(self) -> FormMap | None:
        return self.editor.mapping

    def suggest(self) -> None:
        if self.loaded_form is None:
            return
        mapping = propose(self.loaded_form.opened.info).mapping
        loaded = self.loaded_form
        self.editor.show_form(loaded.opened.info, mapping, loaded.profile, self.session.today())
        self._say(_("Proposed again from the form's labels."))

    def keep_mapping(self) -> None:
        mapping = self.current_mapping()
        if mapping is not None and self.session.is_open:
            self._say(keep_mapping(self.session.vault, mapping, self.session.today()))

    def import_mappings(self) -> None:
        if self.loaded_form is None or not self.session.is_open:
            return
        info = self.loaded_form.opened.info
        match, said = import_mappings(self, self.dialogs, self.session.vault, self.session.today(), info)
        if match is not None and self.loaded_form is not None:
            self.editor.show_form(info, match, self.loaded_form.profile, self.session.today())
        if said:
            self._say(said)

    def export_mapping(self) -> None:
        mapping = self.current_mapping()
        if mapping is not None:
            said = export_mapping(self, self.dialogs, self.confirm, mapping)
            if said:
                self._say(said)

    def _field_chosen(self, name: str) -> None:
        if self.loaded_form is None:
            return
        item = self.loaded_form.opened.info.field(name)
        widget = next((w for w in item.widgets if w.page >= 0), None) if item else None
        if widget is not None:
            self.pages.outline(widget.page, widget.rect)

    # -- filling, saving, keeping a copy ------------------------------------------------------

    def fill(self) -> None:
        mapping = self.current_mapping()
        if self.loaded_form is None or mapping is None or self.work.running:
            return
        try:
            password = self.options.checked_password()
        except InvalidInput:
            return
        loaded = self.loaded_form
        self._fill_password = password
        self._start(
            fill_work(
                loaded.opened,
                mapping,
                loaded.profile,
                self.session.today(),
                self.options.flatten.isChecked(),
                password,
            ),
            _("Filling the form…"),
        )

    def _filled(self, result: FillResult) -> None:
        self.filled_result = result
        self._result_password = self._fill_password
        self.report.show_report(result.report)
        self._say(_("The form is filled. Save it, or keep a copy among your documents."))
        self.pages.set_filled(result.pdf, self._result_password)
        self.filled.emit()

    def save(self) -> None:
        result = self.filled_result
        if result is None or self.loaded_form is None:
            return
        stem = Path(self.loaded_form.name).stem
        said, problem = save_filled(
            self, self.dialogs, self.confirm, result, stem, lambda: self.filled_result is result
        )
        if said:
            self._say(said, problem=problem)

    def add_to_documents(self) -> None:
        mapping = self.current_mapping()
        loaded = self.loaded_form
        if loaded is None or mapping is None or self.filled_result is None or self.work.running:
            return
        title = loaded.opened.info.title or Path(loaded.name).stem
        name = f"{Path(loaded.name).stem}-filled.pdf"
        work = keep_copy_work(
            self.session.vault,
            loaded.opened,
            mapping,
            loaded.profile,
            self.session.today(),
            "other",
            title,
            name,
        )
        self._start(work, _("Adding it to your documents…"))

    def _added(self, info: DocumentInfo) -> None:
        self.session.notify(Change.DOCUMENTS)
        self._say(
            _(
                "A flattened copy was added to your documents as “{title}” (kind: other); packets whose "
                "checklist asks for such a document include it."
            ).format(title=info.title)
        )

    # -- workers -------------------------------------------------------------------------------

    def _start(self, work: object, text: str) -> None:
        self._say(text)
        self.pages.preview.set_busy(True)
        self.work.start(work)  # type: ignore[arg-type]
        self._set_idle()

    def _work_done(self, result: object) -> None:
        self.pages.preview.set_busy(False)
        if isinstance(result, NeedsPassword):
            self._pending_password = result
            self.password.show()
            self.unlock_button.show()
            self.password.setFocus()
            self._say(_("This form is protected by a password. Type it to open the form."))
        elif isinstance(result, Loaded):
            self._loaded(result)
        elif isinstance(result, FillResult):
            self._filled(result)
        elif isinstance(result, DocumentInfo):
            self._added(result)
        self._set_idle()

    def _work_failed(self, message: str) -> None:
        self.pages.preview.set_busy(False)
        self._say(message, problem=True)
        self._set_idle()

    def _set_idle(self) -> None:
        busy = self.work.running
        ready = self.loaded_form is not None and not busy
        self.open_button.setEnabled(not busy)
        pending = self._pending_password is not None
        self.password.setVisible(pending)
        self.unlock_button.setVisible(pending)
        self.unlock_button.setEnabled(pending and not busy)
        for widget in (
            self.suggest_button,
            self.keep_button,
            self.import_button,
            self.export_button,
            self.fill_button,
            self.editor,
            self.options,
        ):
            widget.setEnabled(ready)
        for widget in (self.save_button, self.add_button):
            widget.setEnabled(ready and self.filled_result is not None)
        self.pages.set_enabled(not busy)

    def _say(self, text: str, *, problem: bool = False) -> None:
        """A line under the form's name: news in plain colours, a problem in the warning colour."""
        name = "message" if problem else ""
        if self.message.objectName() != name:
            self.message.setObjectName(name)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- forgetting ----------------------------------------------------------------------------

    def forget_form(self) -> None:
        """Drop the form, its mapping, the filled PDF, the pictures and the passwords."""
        self.work.forget()
        self.loaded_form = None
        self.filled_result = None
        self._result_password = None
        self._fill_password = None
        self._pending_password = None
        self.password.wipe()
        self.options.wipe()
        self.editor.clear()
        self.pages.clear()
        self.report.clear()
        self.form_name.clear()
        self._say("")
        self._set_idle()

    def forget(self) -> None:
        """The vault locked, or the dialog closed: forget everything, and close."""
        self.forget_form()
        if self.isVisible():
            self.reject()

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self.work.wait(milliseconds) and self.pages.wait(milliseconds)
