"""Documents: the scans and PDFs kept inside the vault. Add them with Add… or by dropping files on
the screen; give each its kind, title and dates; look at one larger; export one to a file; delete.

Expiry is marked with the core's warnings: red once expired, amber within the lead time chosen
in the settings (with words as well as colour)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from waystation.errors import WaystationError
from waystation.files import write_new_file
from waystation.i18n import _, ngettext
from waystation.rules.expiry import expiry_warnings
from waystation.ui.dialogs import FileDialogs
from waystation.ui.icons import icon
from waystation.ui.pages.base import Page, plain_label
from waystation.ui.pages.document_details import PICTURE_SIZE, DocumentDetails
from waystation.ui.pages.document_model import THUMBNAIL_SIZE, DocumentListModel, document_title
from waystation.ui.pages.document_preview import PreviewDialog
from waystation.ui.session import Session
from waystation.ui.widgets.ask import confirm
from waystation.ui.widgets.thumbnail import describe, thumbnail
from waystation.vault.models import DocumentInfo, Profile
from waystation.vault.repositories.documents import MAX_DOCUMENT_BYTES

Confirm = Callable[[str, str, str], bool]  # title, question, the verb on the button


class DocumentsPage(Page):
    key = "documents"
    icon_name = "documents"

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(session, parent, dialogs=dialogs)
        self.model = DocumentListModel(self._thumbnail)
        self.add_button = QPushButton(icon("add"), "", self)  # first: Tab follows the screen's order
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setIconSize(QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        self.list.setUniformItemSizes(True)  # the view then asks only visible rows for thumbnails
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.details = DocumentDetails(self)
        self.heading = plain_label("", self)
        self.heading.setObjectName("heading")
        self.intro = plain_label("", self, wrap=True)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        self.message.hide()
        self.notice = plain_label("", self, wrap=True)
        self.empty = plain_label("", self, wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confirm: Confirm = lambda title, text, action: confirm(self, title, text, action)
        self.preview_dialog: PreviewDialog | None = None
        self.setAcceptDrops(True)
        self._build()
        self._connect()
        self.retranslate()

    def _build(self) -> None:
        side = QScrollArea(self)
        side.setWidgetResizable(True)
        side.setWidget(self.details)
        side.setFrameShape(QScrollArea.Shape.NoFrame)
        side.setMinimumWidth(PICTURE_SIZE + 60)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addWidget(self.notice, 1)
        body = QHBoxLayout()
        body.setSpacing(24)
        body.addWidget(self.list, 3)
        body.addWidget(self.empty, 3)
        body.addWidget(side, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_from_dialog)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.list.activated.connect(lambda _index: self.preview())
        self.details.edited.connect(self._commit)
        self.details.preview_button.clicked.connect(self.preview)
        self.details.export_button.clicked.connect(self.export)
        self.details.delete_button.clicked.connect(self.delete)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete)
        add_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self)
        add_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_key.activated.connect(self.add_from_dialog)

    # -- reading ------------------------------------------------------------------------------

    def current(self) -> DocumentInfo | None:
        return self.model.document(self.list.currentIndex().row())

    def _thumbnail(self, info: DocumentInfo, size: int) -> tuple[QPixmap, str]:
        if not self.session.is_open:
            return QPixmap(), ""
        data = self.session.vault.documents.content(info.id)
        note = describe(data, info.mime_type) if info.mime_type == "application/pdf" else ""
        return thumbnail(data, info.mime_type, size), note

    def _show_current(self) -> None:
        info = self.current()
        if info is None or not self.session.is_open:
            self.details.clear()
            return
        data = self.session.vault.documents.content(info.id)
        picture = thumbnail(data, info.mime_type, PICTURE_SIZE)
        self.details.show_document(info, self.model.warning(info.id), picture, describe(data, info.mime_type))

    def select(self, document_id: int) -> bool:
        row = self.model.row_of(document_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)
        return True

    def focus_item(self, document_id: str) -> None:
        if document_id.isdigit() and self.select(int(document_id)):
            self.list.setFocus()

    # -- adding -------------------------------------------------------------------------------

    def add_from_dialog(self) -> None:
        paths = self.dialogs.open_documents(self)
        if paths:
            self.add_paths(paths)

    def add_paths(self, paths: list[Path]) -> int:
        """Add the files at ``paths``; say in words what could not be added and why."""
        problems: list[str] = []
        added: list[DocumentInfo] = []
        for path in paths:
            try:
                data = self._read(path)
                added.append(
                    self.session.vault.documents.add(
                        data,
                        kind="other",
                        original_name=path.name,
                        title=path.stem,
                        added=self.session.today(),
                    )
                )
            except WaystationError as exc:
                problems.append(_("{name}: {problem}").format(name=path.name, problem=exc.message))
        self.message.setText("\n".join(problems))
        self.message.setVisible(bool(problems))
        if added:
            self.notice.setText(
                ngettext("Added {n} document.", "Added {n} documents.", len(added)).format(n=len(added))
            )
            self.session.notify("documents")
            self.refresh()
            self.select(added[-1].id)
            self.details.kind.setFocus()
        return len(added)

    def _read(self, path: Path) -> bytes:
        if path.is_dir():
            raise WaystationError(_("this is a folder; add the files in it instead."))
        try:
            if path.stat().st_size > MAX_DOCUMENT_BYTES:
                raise WaystationError(
                    _("larger than {limit} MB; it was not added.").format(
                        limit=MAX_DOCUMENT_BYTES // (1024 * 1024)
                    )
                )
            return path.read_bytes()
        except OSError as exc:
            raise WaystationError(_("cannot be read ({error}).").format(error=exc.strerror)) from None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt API)
        urls = event.mimeData().urls()
        if self.session.is_open and urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt API)
        urls = event.mimeData().urls()
        if not self.session.is_open or not urls or not all(url.isLocalFile() for url in urls):
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_paths([Path(url.toLocalFile()) for url in urls])

    # -- changing -----------------------------------------------------------------------------

    def _commit(self) -> None:
        info, values = self.details.info, self.details.values()
        if info is None or values is None or not self.session.is_open:
            return
        kind, title, issued, expires = values
        try:
            self.session.vault.documents.update(
                info.id, kind=kind, title=title, issued=issued, expires=expires
            )
        except WaystationError as exc:
            self._say(exc.message)
            return
        self.session.notify("documents")

    def preview(self) -> None:
        info = self.current()
        if info is None or not self.session.is_open:
            return
        data = self.session.vault.documents.content(info.id)
        if self.preview_dialog is None:
            self.preview_dialog = PreviewDialog(self)
        self.preview_dialog.show_document(
            document_title(info), data, info.mime_type, describe(data, info.mime_type)
        )
        if self.preview_dialog.isVisible():
            self.preview_dialog.activateWindow()
        self.preview_dialog.show()

    def export(self) -> None:
        info = self.current()
        if info is None or not self.session.is_open:
            return
        suggested = info.original_name or document_title(info)
        target = self.dialogs.save_file(self, _("Export a document"), suggested, _("All files (*)"))
        if target is None:
            return
        exists = target.exists()
        if exists and not self.confirm(
            _("Replace the file?"),
            _("{path} already exists. Replace it with this document?").format(path=target),
            _("Replace"),
        ):
            return
        try:
            write_new_file(target, self.session.vault.documents.content(info.id), force=exists)
        except WaystationError as exc:
            self._say(exc.message)
            return
        self.notice.setText(_("Exported to {path}. That copy is not encrypted.").format(path=target))

    def delete(self) -> None:
        info = self.current()
        if info is None or not self.session.is_open:
            return
        question = _("Delete “{title}” from the vault? This cannot be undone.").format(
            title=document_title(info)
        )
        if not self.confirm(_("Delete a document"), question, _("Delete")):
            return
        try:
            self.session.vault.documents.delete(info.id)
        except WaystationError as exc:
            self._say(exc.message)
            return
        self.notice.setText(_("The document was deleted."))
        self.session.notify("documents")

    def _say(self, problem: str) -> None:
        self.message.setText(problem)
        self.message.setVisible(bool(problem))

    # -- Page ---------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Documents")

    def refresh(self) -> None:
        chosen = self.current()
        documents = self.session.vault.documents.list()
        lead = self.session.settings.expiry_lead_days
        warnings = expiry_warnings(Profile(), documents, self.session.today(), lead)
        self.model.set_documents(documents, warnings)
        self.list.setVisible(bool(documents))
        self.empty.setVisible(not documents)
        if not (chosen and self.select(chosen.id)) and documents:
            self.select(documents[0].id)
        self._show_current()

    def clear(self) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.forget()
        self.model.clear()
        self.details.clear()
        for label in (self.message, self.notice):
            label.clear()
        self.message.hide()

    def retranslate(self) -> None:
        self.heading.setText(_("Documents"))
        self.intro.setText(
            _(
                "Scans and PDFs are kept inside the encrypted vault. Add them with the button or drop "
                "files on this screen."
            )
        )
        self.add_button.setText(_("&Add…"))
        self.add_button.setAccessibleDescription(_("Add scans or PDFs from files (Ctrl+O)"))
        self.list.setAccessibleName(_("Documents"))
        self.empty.setText(_("No documents yet. Add a scan of your passport to start."))
        self.details.retranslate()
        if self.model.rowCount() and self.session.is_open:
            self.refresh()
