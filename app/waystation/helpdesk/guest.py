"""A guest session's vault: a real SQLCipher vault that never touches a disk.

It lives in SQLite's memory file system (``memdb``, a named in-memory "file" this process alone
can reach) rather than in a private ``:memory:`` database, for two reasons:

- **Its pages are encrypted there.** SQLCipher encrypts every page it writes to a file, and the
  memory file is a file to it: the image a guest vault is stored in holds ciphertext only, which a
  connection without the key (or with another key) cannot read — tested in
  ``tests/unit/test_guest_vault.py``. Decrypted pages exist only in the page cache of the open
  connection, as they do for any open vault.
- **It can be locked.** Locking closes the vault's connection (and its cache of decrypted pages),
  while a *holder* connection — which has no key and never reads — keeps the encrypted image
  alive; resuming opens a new connection with the passphrase, which SQLCipher checks as it checks
  a vault file. Ending the session closes the holder, and SQLite frees the image.

Nothing here opens, creates or names a file on any disk: the journal is kept in memory (``memdb``
does that by itself) and so are temporary tables (``temp_store = MEMORY``). The image is capped
at :data:`GUEST_LIMIT_BYTES`; beyond it, adding something fails with a message that says so and
suggests saving the session into a vault (a vault file has no such limit).
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import sqlcipher3

from waystation.errors import StorageFailure, WrongPassphrase
from waystation.i18n import _
from waystation.vault import migrations as ladder
from waystation.vault import sqlerrors
from waystation.vault.connection import Connection, Vault
from waystation.vault.passphrase import sql_literal

GUEST_LIMIT_BYTES = 512 * 1024 * 1024
PAGE_SIZE = 4096
GUEST_PATH = Path("guest-session")  # a name for messages; there is no such file
CHECK_TIMEOUT_SECONDS = 5.0


def guest_full() -> StorageFailure:
    megabytes = GUEST_LIMIT_BYTES // (1024 * 1024)
    return StorageFailure(
        _(
            "The guest session is full (it keeps at most {megabytes} MB in memory). Nothing more "
            "was added. Save the session into a vault to go on: a vault file has no such limit."
        ).format(megabytes=megabytes)
    )


def _connect(uri: str, passphrase: str | None) -> Connection:
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None, timeout=0, check_same_thread=False)
    except sqlerrors.DatabaseError as exc:
        raise sqlerrors.translate(exc, while_unlocking=True) from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if passphrase is not None:
            conn.execute(f"PRAGMA key = {sql_literal(passphrase)}")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA secure_delete = ON")  # deleted rows are zeroed in the image too
    except BaseException:
        conn.close()
        raise
    return conn


def _cap(conn: Connection) -> None:
    """The session's size limit (a setting of each connection; it reads the first page, so
    only once the key is proven)."""
    conn.execute(f"PRAGMA max_page_count = {GUEST_LIMIT_BYTES // PAGE_SIZE:d}")


class GuestVault(Vault):
    """The open vault of a guest session. Closing it (a lock) keeps the session's image;
    :meth:`GuestImage.discard` ends the session."""

    in_memory = True

    def __init__(self, image: GuestImage, conn: Connection) -> None:
        super().__init__(GUEST_PATH, conn)
        self.image = image

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        # In memory there is no disk to fill or remove: a storage failure is the session's cap.
        try:
            with super().transaction() as conn:
                yield conn
        except StorageFailure:
            raise guest_full() from None


class GuestImage:
    """The memory a guest session lives in, from :meth:`create` to :meth:`discard`."""

    def __init__(self) -> None:
        self.uri = f"file:/waystation-guest-{secrets.token_hex(12)}?vfs=memdb"
        self._holder: Connection | None = None
        self._vault: GuestVault | None = None
        self._lock = threading.Lock()

    @property
    def exists(self) -> bool:
        """A session was started and not yet ended (it may be locked)."""
        return self._holder is not None

    @property
    def is_open(self) -> bool:
        return self._vault is not None and self._vault.is_open

    def create(
        self, passphrase: str, *, migrations: Sequence[ladder.Migration] = ladder.MIGRATIONS
    ) -> GuestVault:
        """A new, empty vault in memory, keyed with ``passphrase`` (the key derivation takes as
        long as for a vault file: call it off the UI thread)."""
        with self._lock:
            if self._holder is not None:
                raise StorageFailure(_("A guest session is already running."))
            conn = _connect(self.uri, passphrase)
            try:
                conn.execute(f"PRAGMA application_id = {ladder.APPLICATION_ID:d}")
                ladder.apply(conn, 0, migrations)
                _cap(conn)
                self._holder = _connect(self.uri, None)
            except sqlerrors.DatabaseError as exc:
                conn.close()
                raise sqlerrors.translate(exc) from None
            except BaseException:
                conn.close()
                raise
            self._vault = GuestVault(self, conn)
            return self._vault

    def resume(self, passphrase: str) -> GuestVault:
        """The locked session again; WrongPassphrase when ``passphrase`` is not its key."""
        with self._lock:
            if self._holder is None:
                raise StorageFailure(_("This guest session has ended; nothing of it is left."))
            if self.is_open:
                raise StorageFailure(_("The guest session is already open."))
            conn = self._proven(passphrase)
            self._vault = GuestVault(self, conn)
            return self._vault

    def opens_with(self, passphrase: str) -> bool:
        """Whether ``passphrase`` is the session's key (asked again before saving a copy)."""
        if self._holder is None:
            return False
        try:
            conn = self._proven(passphrase, wait=CHECK_TIMEOUT_SECONDS)
        except WrongPassphrase:
            return False
        conn.close()
        return True

    def _proven(self, passphrase: str, wait: float = 0) -> Connection:
        conn = _connect(self.uri, passphrase)
        try:
            if wait:
                conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000):d}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
            _cap(conn)
        except sqlerrors.DatabaseError as exc:
            conn.close()
            raise sqlerrors.translate(exc, while_unlocking=True) from None
        except BaseException:
            conn.close()
            raise
        return conn

    def discard(self) -> None:
        """End the session: its vault closes and SQLite frees the memory it lived in."""
        with self._lock:
            vault, self._vault = self._vault, None
            holder, self._holder = self._holder, None
        if vault is not None:
            vault.close()
        if holder is not None:
            holder.close()

    def size_bytes(self) -> int:
        """How much of the cap the session uses (read through the open vault)."""
        if self._vault is None or not self._vault.is_open:
            return 0
        pages = int(self._vault.read("PRAGMA page_count")[0][0])
        return pages * PAGE_SIZE
