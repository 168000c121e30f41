"""The encrypted vault: one SQLCipher file per person (connection.py), its schema ladder
(migrations.py), repositories of typed records, whole-vault copies (copies.py), the wipe.

Who owns the connection
-----------------------
An open ``Vault`` owns exactly one SQLCipher connection, opened with ``locking_mode=EXCLUSIVE`` so
no other process can use the file while it is open. Every statement runs under the vault's
re-entrant lock (``Vault._lock``), so worker threads of the desktop app may read and write through
it one statement (or one transaction) at a time; nothing else ever opens the vault file.

Long work never holds that lock for long:

* A backup and a passphrase change copy the file's bytes while holding the lock (a snapshot: still
  encrypted under the vault's key; tens of milliseconds for tens of megabytes), release it, and do
  the slow part — re-encrypting into a new file and verifying it — on the snapshot's own,
  separate connection. Meanwhile the window keeps reading the vault. A passphrase change then
  takes the lock again for the swap, checks that nothing was saved since the snapshot (if it was,
  it copies again while holding the lock), closes the vault, renames the new file into place and
  reopens it.
* A document packet is built from what the worker reads through the vault, one statement at a
  time (the request says which documents; their bytes are fetched as the builder needs them), so
  a lock or a save in the window is never queued behind a whole packet.
* Locking while a whole-vault operation runs waits at most for the snapshot or the swap; the
  operation then finishes on its own files, or is discarded if it needed the vault again.

Files beside the vault: ``NAME-journal`` (SQLite's, while a write is in flight), ``NAME.vN.bak``
(the safety copy before an upgrade) and, only while an operation runs, ``.NAME.<purpose>-<hex>``
temporaries; those an interrupted operation leaves are removed the next time the vault opens.
"""
