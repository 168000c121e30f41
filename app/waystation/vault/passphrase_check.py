"""Does a passphrase open a vault that this process already holds open?

The desktop app asks for the current passphrase again before changing it or writing a backup,
but an open vault is locked exclusively, so a second connection cannot be used to test the answer.
Instead the first page is checked the way SQLCipher 4 checks it when it opens a file: the key is
derived from the passphrase and the page's salt, and the page's HMAC must match. Only the first
page is read (it is always encrypted); nothing is written.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

from waystation.vault.passphrase import normalise

# SQLCipher 4 defaults, which every vault uses (no cipher pragmas are ever changed).
PAGE_SIZE = 4096
SALT_BYTES = 16
HMAC_BYTES = 64
KDF_ITERATIONS = 256_000
HMAC_KDF_ITERATIONS = 2
HMAC_SALT_MASK = 0x3A
KEY_BYTES = 32


def passphrase_opens(path: Path, passphrase: str) -> bool:
    """True when ``passphrase`` is the key of the vault at ``path``; False for any other
    passphrase, and for a file too short to be a vault. Raises OSError if the file cannot be read."""
    with path.open("rb") as handle:
        page = handle.read(PAGE_SIZE)
    if len(page) < PAGE_SIZE:
        return False
    salt = page[:SALT_BYTES]
    secret = normalise(passphrase).encode("utf-8")
    key = hashlib.pbkdf2_hmac("sha512", secret, salt, KDF_ITERATIONS, KEY_BYTES)
    hmac_salt = bytes(byte ^ HMAC_SALT_MASK for byte in salt)
    hmac_key = hashlib.pbkdf2_hmac("sha512", key, hmac_salt, HMAC_KDF_ITERATIONS, KEY_BYTES)
    signed = page[SALT_BYTES : PAGE_SIZE - HMAC_BYTES] + (1).to_bytes(4, "little")
    expected = hmac.new(hmac_key, signed, "sha512").digest()
    return hmac.compare_digest(expected, page[PAGE_SIZE - HMAC_BYTES :])
