"""Documents: the scans and PDFs kept inside the vault. Add them with Add… or by dropping files on
the screen: the add dialog asks what each one is (kind guessed from the file name, the passport of
the profile it shows, title, dates) before anything is stored. Look at one larger; change what is
known about it beside the list; export one to a file; delete.

Nothing slow runs on the UI thread: files are read and stored by a worker (document_import.py)
while a busy bar says what it is doing and offers to stop; pictures are made by another
(document_pictures.py) and appear when ready. Expiry is marked with the core's warnings: red once
expired, amber within the lead time chosen in the settings (with words as well as colour); a scan
linked to a passport of the profile has that passport's dates."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QUrl, Signal
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
from waystation.i18n import _
from waystation.rules.expiry import expiry_warnings
from waystation.ui.dialogs import FileDialogs
from waystation.ui.icons import icon
from waystation.ui.pages.base import Page, plain_label
from waystation.ui.pages.document_adding import AddFlow, Stage
from waystation.ui.pages.document_details import PICTURE_SIZE, DocumentDetails
from waystation.ui.pages.document_import import Writing
from waystation.ui.pages.document_model import THUMBNAIL_SIZE, DocumentListModel, document_title
from waystation.ui.pages.document_pictures import Picture, PictureLoader
from waystation.ui.pages.document_preview import PREVIEW_SIZE, PreviewDialog
from waystation.ui.session import Change, Session
from waystation.ui.widgets.ask import confirm
from waystation.ui.widgets.busy_bar import BusyBar
from waystation.ui.widgets.thumbnail import screen_ratio, thumbnail_from_image
from waystation.vault.models import DocumentInfo, Profile
from waystation.vault.passport_scans import with_passport_dates

Confirm = Callable[[str, str, str], bool]  # title, question, the verb on the button
KEPT_PICTURES = 24  # the details' larger pictures kept in memory, the most recent ones


class DocumentsPage(Page):
    key = "documents"
    icon_name = "documents"
    added = Signal(list)  # the ids of the documents just stored

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, dialogs: FileDialogs | None = None
    ) -> None:
        super().__init__(session, parent, dialogs=dialogs)
        self.model = DocumentListModel(self._want_thumbnail)
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
        self.busy = BusyBar(self)
        self.message = plain_label("", self, wrap=True)
        self.message.setObjectName("message")
        self.message.hide()
        self.notice = plain_label("", self, wrap=True)
        self.empty = plain_label("", self, wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confirm: Confirm = lambda title, text, action: confirm(self, title, text, action)
        self.preview_dialog: PreviewDialog | None = None
        self.adding = AddFlow(session, self.busy, self)
        self.pictures = PictureLoader(self)
        self.profile = Profile()
        self._larger: dict[tuple[int, str], tuple[QPixmap, str]] = {}  # the details' pictures
        self._previewing: tuple[int, str] | None = None
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
        layout.addWidget(self.busy)
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
        self.adding.stage_changed.connect(self._stage_changed)
        self.adding.stored.connect(self._stored)
        self.adding.problems.connect(self._say)
        self.adding.notice.connect(self.notice.setText)
        self.pictures.loaded.connect(self._picture_loaded)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete)
        add_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self)
        add_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_key.activated.connect(self.add_from_dialog)

    # -- reading ------------------------------------------------------------------------------

    def current(self) -> DocumentInfo | None:
        return self.model.document(self.list.currentIndex().row())

    def _ask_picture(self, info: DocumentInfo, size: int, ratio: float) -> None:
        if self.session.is_open:
            self.pictures.request(info, size, ratio, self.session.vault.documents.content)

    def _want_thumbnail(self, info: DocumentInfo) -> None:
        self._ask_picture(info, THUMBNAIL_SIZE, screen_ratio())

    def _show_current(self) -> None:
        info = self.current()
        if info is None or not self.session.is_open:
            self.details.clear()
            return
        known = self._larger.get((info.id, info.sha256))
        if known is None:
            self._ask_picture(info, PICTURE_SIZE, screen_ratio())
        picture, description = known or (thumbnail_from_image(None, info.mime_type, PICTURE_SIZE), "")
        self.details.show_document(
            info, self.model.warning(info.id), picture, description, self.profile.passports
        )

    def _keep_larger(self, key: tuple[int, str], picture: QPixmap, description: str) -> None:
        self._larger.pop(key, None)
        self._larger[key] = (picture, description)
        while len(self._larger) > KEPT_PICTURES:
            self._larger.pop(next(iter(self._larger)))

    def _picture_loaded(self, picture: Picture) -> None:
        key = (picture.document_id, picture.sha256)
        if picture.size == THUMBNAIL_SIZE:
            note = picture.description if picture.mime == "application/pdf" else ""
            pixmap = thumbnail_from_image(picture.image, picture.mime, THUMBNAIL_SIZE)
            self.model.remember(picture.document_id, picture.sha256, pixmap, note)
        elif picture.size == PICTURE_SIZE:
            self._keep_larger(
                key, thumbnail_from_image(picture.image, picture.mime, PICTURE_SIZE), picture.description
            )
            info = self.details.info
            if info is not None and (info.id, info.sha256) == key:
                self.details.show_picture(*self._larger[key])
        elif picture.size == PREVIEW_SIZE and self._previewing == key and self.preview_dialog is not None:
            self._previewing = None
            self.preview_dialog.show_picture(picture.image, picture.mime, picture.description)

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

    # -- adding (document_adding.py) ----------------------------------------------------------

    def add_from_dialog(self) -> None:
        if self.adding.busy or not self.session.is_open:
            return
        paths = self.dialogs.open_documents(self)
        if paths:
            self.add_paths(paths)

    def add_paths(self, paths: list[Path]) -> bool:
        """Read the files at ``paths`` on the worker, then ask what they are; False when busy."""
        return self.adding.start(paths, self.profile.passports)

    def _stage_changed(self, stage: Stage) -> None:
        self.add_button.setEnabled(stage is Stage.IDLE)
        if stage is Stage.READING:
            self._say("")
            self.notice.clear()

    def _stored(self, writing: Writing) -> None:
        added = [info for info, _file in writing.added]
        for info, file in writing.added:  # the pictures made while reading: no second decoding
            note = file.description if info.mime_type == "application/pdf" else ""
            larger = thumbnail_from_image(file.picture, file.mime, PICTURE_SIZE)
            self._keep_larger((info.id, info.sha256), larger, file.description)
            small = thumbnail_from_image(file.picture, file.mime, THUMBNAIL_SIZE)
            self.model.remember(info.id, info.sha256, small, note)
        if not added:
            return
        self.session.notify(Change.DOCUMENTS)  # refreshes this page too
        self.select(added[-1].id)
        self.list.setFocus()
        self.added.emit([info.id for info in added])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt API)
        if self._takes(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt API)
        urls = event.mimeData().urls()
        if not self._takes(urls):
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_paths([Path(url.toLocalFile()) for url in urls])

    def _takes(self, urls: list[QUrl]) -> bool:
        return (
            self.session.is_open
            and not self.adding.busy
            and bool(urls)
            and all(u.isLocalFile() for u in urls)
        )

    # -- changing -----------------------------------------------------------------------------

    def _commit(self) -> None:
        info, values = self.details.info, self.details.values()
        if info is None or values is None or not self.session.is_open:
            return
        try:
            self.session.vault.documents.update(
                info.id,
                kind=values.kind,
                title=values.title,
                issued=values.issued,
                expires=values.expires,
                passport_number=values.passport_number,
            )
        except WaystationError as exc:
            self._say(exc.message)
            return
        self._say("")
        self.session.notify(Change.DOCUMENTS)

    def preview(self) -> None:
        info = self.current()
        if info is None or not self.session.is_open:
            return
        if self.preview_dialog is None:
            self.preview_dialog = PreviewDialog(self)
        self.preview_dialog.show_loading(document_title(info))
        self._previewing = (info.id, info.sha256)
        self._ask_picture(info, PREVIEW_SIZE, 1.0)
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
        self.session.notify(Change.DOCUMENTS)

    def _say(self, problem: str) -> None:
        self.message.setText(problem)
        self.message.setVisible(bool(problem))

    # -- Page ---------------------------------------------------------------------------------

    def title(self) -> str:
        return _("Documents")

    def refresh(self) -> None:
        chosen = self.current()
        self.profile = self.session.vault.profile.load()
        documents = with_passport_dates(self.session.vault.documents.list(), self.profile)
        lead = self.session.app_settings.expiry_lead_days
        # each document on its own (an empty profile): a linked scan already carries its passport's dates
        warnings = expiry_warnings(Profile(), documents, self.session.today(), lead)
        self.model.set_documents(documents, warnings)
        self.list.setVisible(bool(documents))
        self.empty.setVisible(not documents)
        if not (chosen and self.select(chosen.id)) and documents:
            self.select(documents[0].id)
        self._show_current()

    def clear(self) -> None:
        self.adding.forget()
        self.pictures.forget()
        self._larger.clear()
        self._previewing = None
        self.profile = Profile()
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
        self.busy.retranslate()
        self.details.retranslate()
        if self.model.rowCount() and self.session.is_open:
            self.refresh()
