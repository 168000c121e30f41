"""Vault speed: unlocking (the KDF), opening a large vault, and listing its documents, against
plain sqlite3 doing the same queries on an unencrypted file of the same shape."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from bench.table import ms, print_table, ratio, timed
from waystation.vault.connection import Vault
from waystation.vault.repositories.documents import _COLUMNS as _DOCUMENT_COLUMNS
from waystation.vault.repositories.documents import _info

DOCUMENTS = 5000
DOCUMENT_BYTES = 10 * 1024  # 5,000 x 10 KiB = 50 MiB of attachments
PASSPHRASE = "benchmark passphrase"

_DOC_SQL = (
    "INSERT INTO document (kind, title, original_name, mime_type, size, sha256, added, issued, expires) "
    "VALUES (?,?,?,?,?,?,?,?,?)"
)


# the query documents.list() runs, on both files
_LIST_SQL = f"SELECT {_DOCUMENT_COLUMNS} FROM document ORDER BY id"


def _payload(i: int) -> bytes:
    return hashlib.sha256(str(i).encode()).digest() * (DOCUMENT_BYTES // 32)


def _rows() -> list[tuple[object, ...]]:
    return [
        (
            "other",
            f"document {i}",
            f"scan-{i}.jpg",
            "image/jpeg",
            DOCUMENT_BYTES,
            "0" * 64,
            "2026-01-01",
            None,
            "2030-01-01",
        )
        for i in range(DOCUMENTS)
    ]


def _fill(conn: object) -> None:
    execute = conn.execute  # type: ignore[attr-defined]
    execute("BEGIN")
    for i, row in enumerate(_rows(), start=1):
        execute(_DOC_SQL, row)
        execute("INSERT INTO document_content (document_id, data) VALUES (?, ?)", (i, _payload(i)))
    execute("COMMIT")


def build_encrypted(folder: Path) -> Path:
    path = folder / "big.vault"
    with Vault.create(path, PASSPHRASE) as vault:
        _fill(vault.conn)
    return path


def build_plain(folder: Path) -> Path:
    from waystation.vault import migrations

    path = folder / "big.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply(conn, 0)
    _fill(conn)
    conn.close()
    return path


def _plain_open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, isolation_level=None)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    return conn


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        encrypted = build_encrypted(folder)
        plain = build_plain(folder)
        size_mb = encrypted.stat().st_size / 1e6

        unlock = timed(lambda: Vault.open(encrypted, PASSPHRASE).close())
        plain_open = timed(lambda: _plain_open(plain).close())

        vault = Vault.open(encrypted, PASSPHRASE)
        listing = timed(lambda: vault.documents.list())
        query_only = timed(lambda: vault.conn.execute(_LIST_SQL).fetchall())
        one = timed(lambda: vault.documents.content(DOCUMENTS // 2), repeat=20)
        vault.close()
        conn = _plain_open(plain)
        plain_list = timed(lambda: conn.execute(_LIST_SQL).fetchall())
        # The same rows turned into the same objects: what an app on plain sqlite3 would also pay.
        plain_objects = timed(lambda: [_info(row) for row in conn.execute(_LIST_SQL).fetchall()])
        plain_one = timed(
            lambda: conn.execute(
                "SELECT data FROM document_content WHERE document_id = ?", (DOCUMENTS // 2,)
            ).fetchone(),
            repeat=20,
        )
        conn.close()

    print_table(
        f"Vault: {DOCUMENTS} documents, {DOCUMENTS * DOCUMENT_BYTES / 2**20:.0f} MiB attachments, "
        f"{size_mb:.0f} MB file ({date.today().isoformat()})",
        ["operation", "Waystation (SQLCipher)", "plain sqlite3", "ratio"],
        [
            [
                "open (unlock incl. KDF, lock)",
                ms(unlock),
                ms(plain_open),
                ratio(unlock, plain_open),
            ],
            [
                "doc list (5,000 rows, as DocumentInfo)",
                ms(listing),
                ms(plain_list),
                ratio(listing, plain_list),
            ],
            ["  of which the query alone", ms(query_only), ms(plain_list), ratio(query_only, plain_list)],
            [
                "doc list vs plain sqlite3 + the same objects",
                ms(listing),
                ms(plain_objects),
                ratio(listing, plain_objects),
            ],
            ["read one document", ms(one), ms(plain_one), ratio(one, plain_one)],
        ],
    )
