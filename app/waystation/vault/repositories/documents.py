"""Scanned documents: metadata in one table, the bytes in another (so listing never reads them)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.vault.filetypes import sniff_mime
from waystation.vault.models import DOCUMENT_KINDS, DocumentInfo
from waystation.vault.repositories._dates import from_text, to_text

if TYPE_CHECKING:
    from waystation.vault.connection import Vault

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

_COLUMNS = "id, kind, title, original_name, mime_type, size, sha256, added, issued, expires"


def _info(row: tuple[object, ...]) -> DocumentInfo:
    return DocumentInfo(
        id=int(row[0]),  # type: ignore[call-overload]
        kind=str(row[1]),
        title=str(row[2]),
        original_name=str(row[3]),
        mime_type=str(row[4]),
        size=int(row[5]),  # type: ignore[call-overload]
        sha256=str(row[6]),
        added=from_text(str(row[7])) or date.min,
        issued=from_text(row[8]),  # type: ignore[arg-type]
        expires=from_text(row[9]),  # type: ignore[arg-type]
    )


def check_kind(kind: str) -> None:
    if kind not in DOCUMENT_KINDS:
        raise InvalidInput(
            _("Unknown document kind {kind!r}; use one of: {kinds}.").format(
                kind=kind, kinds=", ".join(DOCUMENT_KINDS)
            )
        )


def check_dates(issued: date | None, expires: date | None) -> None:
    if issued and expires and expires < issued:
        raise InvalidInput(_("The expiry date is before the issue date."))


class DocumentRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def add(
        self,
        data: bytes,
        *,
        kind: str,
        original_name: str = "",
        title: str = "",
        issued: date | None = None,
        expires: date | None = None,
        added: date | None = None,
    ) -> DocumentInfo:
        check_kind(kind)
        check_dates(issued, expires)
        if not data:
            raise InvalidInput(_("The file is empty; nothing was added."))
        if len(data) > MAX_DOCUMENT_BYTES:
            raise InvalidInput(
                _("The file is larger than {limit} MB; nothing was added.").format(
                    limit=MAX_DOCUMENT_BYTES // (1024 * 1024)
                )
            )
        info = DocumentInfo(
            id=0,
            kind=kind,
            title=title,
            original_name=original_name,
            mime_type=sniff_mime(data, original_name),
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            added=added or date.today(),
            issued=issued,
            expires=expires,
        )
        with self._vault.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO document (kind, title, original_name, mime_type, size, sha256, added, "
                "issued, expires) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    info.kind,
                    info.title,
                    info.original_name,
                    info.mime_type,
                    info.size,
                    info.sha256,
                    to_text(info.added),
                    to_text(info.issued),
                    to_text(info.expires),
                ),
            )
            new_id = int(cursor.lastrowid)
            conn.execute("INSERT INTO document_content (document_id, data) VALUES (?, ?)", (new_id, data))
        return replace(info, id=new_id)

    def list(self) -> list[DocumentInfo]:
        return [_info(r) for r in self._vault.read(f"SELECT {_COLUMNS} FROM document ORDER BY id")]

    def get(self, document_id: int) -> DocumentInfo:
        rows = self._vault.read(f"SELECT {_COLUMNS} FROM document WHERE id = ?", (document_id,))
        if not rows:
            raise InvalidInput(_("There is no document number {id}.").format(id=document_id))
        return _info(rows[0])

    def content(self, document_id: int) -> bytes:
        rows = self._vault.read("SELECT data FROM document_content WHERE document_id = ?", (document_id,))
        if not rows:
            raise InvalidInput(_("There is no document number {id}.").format(id=document_id))
        return bytes(rows[0][0])

    def update(
        self,
        document_id: int,
        *,
        kind: str,
        title: str,
        issued: date | None,
        expires: date | None,
    ) -> DocumentInfo:
        check_kind(kind)
        check_dates(issued, expires)
        self.get(document_id)
        with self._vault.transaction() as conn:
            conn.execute(
                "UPDATE document SET kind=?, title=?, issued=?, expires=? WHERE id=?",
                (kind, title, to_text(issued), to_text(expires), document_id),
            )
        return self.get(document_id)

    def delete(self, document_id: int) -> None:
        self.get(document_id)
        with self._vault.transaction() as conn:
            conn.execute("DELETE FROM document_content WHERE document_id = ?", (document_id,))
            conn.execute("DELETE FROM document WHERE id = ?", (document_id,))
