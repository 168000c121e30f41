"""Scanned documents: metadata in one table, the bytes in another (so listing never reads them).

A passport scan may be linked to a passport of the profile by its number (vault/passport_scans.py):
the number given is looked up among the profile's passports and stored as the profile spells it;
a number the profile does not hold is refused. A scan added with a link and without dates takes its
passport's. A link that later loses its passport (the profile was edited) is kept as it was, so saving
the scan's other fields never fails because of it."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import TYPE_CHECKING, Any

from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.vault.document_files import MAX_DOCUMENT_BYTES
from waystation.vault.filetypes import sniff_mime
from waystation.vault.legacy_text import readable
from waystation.vault.models import DOCUMENT_KINDS, DocumentInfo, Passport
from waystation.vault.passport_scans import find_passport, number_key
from waystation.vault.repositories._dates import from_text, to_text

if TYPE_CHECKING:
    from waystation.vault.connection import Vault

__all__ = ["KEEP", "MAX_DOCUMENT_BYTES", "DocumentRepository", "check_dates", "check_kind", "check_link"]

_COLUMNS = "id, kind, title, original_name, mime_type, size, sha256, added, issued, expires, passport_number"


class _Keep:
    """The link as it is (``update`` without a ``passport_number``)."""


KEEP = _Keep()


def _info(row: tuple[Any, ...]) -> DocumentInfo:
    """A row of ``_COLUMNS`` as a DocumentInfo, built in one step: listing 5,000 documents spent
    more time here than in SQLCipher (bench/vault_bench.py). The columns are declared TEXT and
    INTEGER, so SQLite hands back str and int already; the tuple has DocumentInfo's field order."""
    id_, kind, title, original_name, mime_type, size, sha256, added, issued, expires, number = row
    return _new_tuple(
        DocumentInfo,
        (
            id_,
            kind,
            title,
            original_name,
            mime_type,
            size,
            sha256,
            _from_iso(added) if added else _EARLIEST,
            _from_iso(issued) if issued else None,
            _from_iso(expires) if expires else None,
            number,
        ),
    )


_from_iso = date.fromisoformat
_new_tuple = tuple.__new__
_EARLIEST = date.min


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


def check_link(kind: str, passport_number: str | None) -> None:
    if passport_number is not None and kind != "passport":
        raise InvalidInput(_("Only a scan of a passport can be linked to a passport of the profile."))


class DocumentRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def _profile_passports(self) -> list[Passport]:
        rows = self._vault.read("SELECT number, kind, issued, expires FROM passport ORDER BY position, id")
        return [Passport(str(n), str(k), from_text(i), from_text(e)) for n, k, i, e in rows]

    def _resolve_link(self, passport_number: str | None) -> Passport | None:
        """The profile's passport of that number; refused when the profile has none."""
        if passport_number is None:
            return None
        if not number_key(passport_number):
            raise InvalidInput(_("The passport number is empty."))
        passport = find_passport(self._profile_passports(), passport_number)
        if passport is None:
            raise InvalidInput(
                _(
                    "The profile has no passport with the number {number}; add it to the profile first."
                ).format(number=passport_number)
            )
        return passport

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
        passport_number: str | None = None,
    ) -> DocumentInfo:
        check_kind(kind)
        check_dates(issued, expires)
        check_link(kind, passport_number)
        passport = self._resolve_link(passport_number)
        if passport is not None:  # the scan's dates, unless given, are its passport's
            issued, expires = issued or passport.issued, expires or passport.expires
            check_dates(issued, expires)
        # a name in a legacy encoding arrives with bytes SQLite cannot store (legacy_text.py)
        original_name, title = readable(original_name), readable(title)
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
            passport_number=passport.number if passport is not None else None,
        )
        with self._vault.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO document (kind, title, original_name, mime_type, size, sha256, added, "
                "issued, expires, passport_number) VALUES (?,?,?,?,?,?,?,?,?,?)",
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
                    info.passport_number,
                ),
            )
            new_id = int(cursor.lastrowid)
            conn.execute("INSERT INTO document_content (document_id, data) VALUES (?, ?)", (new_id, data))
        return info._replace(id=new_id)

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
        passport_number: str | _Keep | None = KEEP,
    ) -> DocumentInfo:
        """Change what is known about a document. Without ``passport_number`` the link stays as it
        is (and goes when the kind is no longer a passport); None unlinks."""
        check_kind(kind)
        check_dates(issued, expires)
        title = readable(title)
        stored = self.get(document_id).passport_number
        if isinstance(passport_number, _Keep):
            link = stored if kind == "passport" else None
        else:
            check_link(kind, passport_number)
            same = (
                passport_number is not None
                and stored is not None
                and number_key(passport_number) == number_key(stored)
            )
            # the same link is kept as it is, even if the profile no longer has that passport
            passport = None if same else self._resolve_link(passport_number)
            link = stored if same else (passport.number if passport is not None else None)
        with self._vault.transaction() as conn:
            conn.execute(
                "UPDATE document SET kind=?, title=?, issued=?, expires=?, passport_number=? WHERE id=?",
                (kind, title, to_text(issued), to_text(expires), link, document_id),
            )
        return self.get(document_id)

    def delete(self, document_id: int) -> None:
        self.get(document_id)
        with self._vault.transaction() as conn:
            conn.execute("DELETE FROM document_content WHERE document_id = ?", (document_id,))
            conn.execute("DELETE FROM document WHERE id = ?", (document_id,))
