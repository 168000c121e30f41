"""The stored documents as a Qt list model: a thumbnail, the title, the kind and the expiry.

Thumbnails are asked for on demand (only for rows the view paints) and made on a worker
(ui/pages/document_pictures.py); until one arrives the row shows an icon for the file's type.
They are kept in memory while the vault is open; ``clear`` drops them with everything else."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPixmap

from waystation.i18n import _, format_date, ngettext
from waystation.rules.expiry import ExpiryWarning
from waystation.ui.colours import danger_text, warm_text
from waystation.ui.pages.vocabulary import document_kind_name
from waystation.ui.widgets.thumbnail import thumbnail_from_image
from waystation.vault.models import DocumentInfo

EXPIRED_COLOUR = QColor("#b3261e")
SOON_COLOUR = QColor("#c77700")
ID_ROLE = Qt.ItemDataRole.UserRole
THUMBNAIL_SIZE = 64

WantThumbnail = Callable[[DocumentInfo], None]  # ask for a row's picture; ``remember`` brings it


def document_title(info: DocumentInfo) -> str:
    return info.title or info.original_name or document_kind_name(info.kind)


def expiry_text(info: DocumentInfo, warning: ExpiryWarning | None) -> str:
    if info.expires is None:
        return ""
    when = format_date(info.expires)
    if warning is None:
        return _("Expires {date}").format(date=when)
    if warning.expired:
        return _("Expired on {date}").format(date=when)
    if warning.days_left == 0:
        return _("Expires today")
    return ngettext("Expires {date}, in {n} day", "Expires {date}, in {n} days", warning.days_left).format(
        date=when, n=warning.days_left
    )


class DocumentListModel(QAbstractListModel):
    def __init__(self, want_thumbnail: WantThumbnail) -> None:
        super().__init__()
        self._want_thumbnail = want_thumbnail
        self._documents: list[DocumentInfo] = []
        self._warnings: dict[int, ExpiryWarning] = {}
        self._thumbnails: dict[tuple[int, str], tuple[QPixmap, str]] = {}
        self._icons: dict[str, QPixmap] = {}  # stand-ins until a thumbnail comes, by file type

    def set_documents(self, documents: list[DocumentInfo], warnings: list[ExpiryWarning]) -> None:
        self.beginResetModel()
        self._documents = list(documents)
        self._warnings = {w.document_id: w for w in warnings if w.document_id is not None}
        known = {(d.id, d.sha256) for d in documents}
        self._thumbnails = {key: pixmap for key, pixmap in self._thumbnails.items() if key in known}
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._documents = []
        self._warnings = {}
        self._thumbnails = {}
        self._icons = {}
        self.endResetModel()

    def document(self, row: int) -> DocumentInfo | None:
        return self._documents[row] if 0 <= row < len(self._documents) else None

    def row_of(self, document_id: int) -> int:
        return next((row for row, d in enumerate(self._documents) if d.id == document_id), -1)

    def warning(self, document_id: int) -> ExpiryWarning | None:
        return self._warnings.get(document_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._documents)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        info = self.document(index.row()) if index.isValid() else None
        if info is None:
            return None
        warning = self._warnings.get(info.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(t for t in (document_title(info), self.subtitle(info)) if t)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(info)[0]
        if role == Qt.ItemDataRole.ForegroundRole and warning is not None:
            return danger_text() if warning.expired else warm_text()
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return " · ".join(t for t in (document_title(info), self.subtitle(info), info.original_name) if t)
        if role == ID_ROLE:
            return info.id
        return None

    def subtitle(self, info: DocumentInfo) -> str:
        note = self._thumbnail(info)[1] if info.mime_type == "application/pdf" else ""
        parts = [document_kind_name(info.kind), note, expiry_text(info, self._warnings.get(info.id))]
        return " · ".join(p for p in parts if p)

    def remember(self, document_id: int, sha256: str, picture: QPixmap, note: str) -> None:
        """The thumbnail of a document (and its note, e.g. "PDF, 2 pages"), once made."""
        self._thumbnails[(document_id, sha256)] = (picture, note)  # also before the row is listed
        row = self.row_of(document_id)
        if row >= 0 and self._documents[row].sha256 == sha256:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    def _thumbnail(self, info: DocumentInfo) -> tuple[QPixmap, str]:
        key = (info.id, info.sha256)
        if key not in self._thumbnails:
            self._want_thumbnail(info)
            if info.mime_type not in self._icons:
                self._icons[info.mime_type] = thumbnail_from_image(None, info.mime_type, THUMBNAIL_SIZE)
            return self._icons[info.mime_type], ""
        return self._thumbnails[key]
