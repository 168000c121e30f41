"""The stored documents as a Qt list model: a thumbnail, the title, the kind and the expiry.

Thumbnails are made on demand (only for rows the view paints) from the vault's bytes and kept in
memory while the vault is open; ``clear`` drops them with everything else."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPixmap

from waystation.i18n import _, format_date, ngettext
from waystation.rules.expiry import ExpiryWarning
from waystation.ui.pages.vocabulary import document_kind_name
from waystation.vault.models import DocumentInfo

EXPIRED_COLOUR = QColor("#b3261e")
SOON_COLOUR = QColor("#c77700")
ID_ROLE = Qt.ItemDataRole.UserRole
THUMBNAIL_SIZE = 64

Thumbnailer = Callable[[DocumentInfo, int], tuple[QPixmap, str]]  # picture, note such as "PDF, 2 pages"


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
    def __init__(self, thumbnailer: Thumbnailer) -> None:
        super().__init__()
        self._thumbnailer = thumbnailer
        self._documents: list[DocumentInfo] = []
        self._warnings: dict[int, ExpiryWarning] = {}
        self._thumbnails: dict[tuple[int, str], tuple[QPixmap, str]] = {}

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
            return EXPIRED_COLOUR if warning.expired else SOON_COLOUR
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return " · ".join(t for t in (document_title(info), self.subtitle(info), info.original_name) if t)
        if role == ID_ROLE:
            return info.id
        return None

    def subtitle(self, info: DocumentInfo) -> str:
        note = self._thumbnail(info)[1] if info.mime_type == "application/pdf" else ""
        parts = [document_kind_name(info.kind), note, expiry_text(info, self._warnings.get(info.id))]
        return " · ".join(p for p in parts if p)

    def _thumbnail(self, info: DocumentInfo) -> tuple[QPixmap, str]:
        key = (info.id, info.sha256)
        if key not in self._thumbnails:
            self._thumbnails[key] = self._thumbnailer(info, THUMBNAIL_SIZE)
        return self._thumbnails[key]
