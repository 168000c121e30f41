"""Who may sign guide updates. Nothing is trusted implicitly and nothing is fetched: the project's
own keys ship in ``resources/keys/*.pub``; a person or a help desk adds others explicitly (``content
trust KEY.pub`` or Settings), and can remove any key — also a shipped one, which is then recorded
as removed rather than deleted from the installation.

A key is shown by its fingerprint (SHA-256 of the Ed25519 public key, the first 160 bits in groups
of four hex digits), its minisign key id, and who it is *said* to belong to (the key file's comment
or the name given when trusting it: nothing proves it)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.resources_path import resource
from waystation.updates.atomic import make_folder, replace_file, storage_failure
from waystation.updates.minisign import MAX_KEY_FILE_BYTES, MinisignError, PublicKey, parse_public_key
from waystation.updates.paths import added_keys_folder

REMOVED_FILE = "removed-built-in.json"
MAX_NAME_LENGTH = 120
_DEFAULT_COMMENT = re.compile(r"^(.*?)[\s,;:—-]*\(?minisign public key(?: [0-9A-F]{16})?\)?$")


def fingerprint(key: PublicKey) -> str:
    digest = hashlib.sha256(key.key).hexdigest().upper()[:40]
    return " ".join(digest[i : i + 4] for i in range(0, 40, 4))


def _clean_name(text: str) -> str:
    printable = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(printable.split())[:MAX_NAME_LENGTH]


def said_owner(key: PublicKey) -> str:
    """Who the key's comment says it belongs to; "" when it says nothing (minisign's default)."""
    comment = _clean_name(key.comment)
    match = _DEFAULT_COMMENT.match(comment)
    return _clean_name(match.group(1)) if match else comment


def key_file_text(key: PublicKey, name: str) -> str:
    """A ``.pub`` file minisign reads, naming its owner in the (untrusted) comment."""
    label = f"{name} (minisign public key {key.id_text})" if name else ""
    return PublicKey(key.key_id, key.key, label).file_text()


@dataclass(frozen=True)
class TrustedKey:
    key: PublicKey
    name: str  # who it is said to belong to ("" = not said)
    built_in: bool

    @property
    def key_id(self) -> str:
        return self.key.id_text

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key)

    def matches(self, ident: str) -> bool:
        """Whether ``ident`` is this key's id or fingerprint (spaces and case do not matter)."""
        wanted = "".join(ident.split()).upper()
        return wanted in (self.key_id, self.fingerprint.replace(" ", "")) and bool(wanted)


def read_key_file(path: Path) -> PublicKey:
    """A public key file, as minisign writes it; raises :class:`InvalidInput` for anything else."""
    if not path.is_file():
        raise InvalidInput(_("There is no key file at {path}.").format(path=path))
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_KEY_FILE_BYTES + 1)
        if len(raw) > MAX_KEY_FILE_BYTES:
            raise MinisignError("too large")
        return parse_public_key(raw.decode("utf-8"))
    except (MinisignError, UnicodeDecodeError):
        raise InvalidInput(
            _("{path} is not a minisign public key (a .pub file with an Ed25519 key).").format(path=path)
        ) from None
    except OSError as exc:
        raise InvalidInput(
            _("{path} could not be read: {error}").format(path=path, error=exc.strerror or exc)
        ) from None


def _read_quietly(path: Path) -> PublicKey | None:
    try:
        return read_key_file(path)
    except InvalidInput:
        return None


def _key_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == ".pub" and p.is_file())


def _removed_built_in(folder: Path) -> set[str]:
    try:
        data = json.loads((folder / REMOVED_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return set()
    return {str(k) for k in data} if isinstance(data, list) else set()


def built_in_keys() -> list[TrustedKey]:
    keys = []
    for path in _key_files(resource("keys")):
        key = _read_quietly(path)
        if key is not None:
            keys.append(TrustedKey(key, said_owner(key), built_in=True))
    return keys


def trusted_keys(folder: Path | None = None) -> list[TrustedKey]:
    """Every key trusted now: the shipped ones not removed, then the added ones (one per key id)."""
    folder = folder or added_keys_folder()
    removed = _removed_built_in(folder)
    keys = [k for k in built_in_keys() if k.key_id not in removed]
    for path in _key_files(folder):
        key = _read_quietly(path)
        if key is not None and path.stem == key.id_text and all(k.key_id != key.id_text for k in keys):
            keys.append(TrustedKey(key, said_owner(key), built_in=False))
    return keys


def find_trusted(key_id: str, folder: Path | None = None) -> TrustedKey | None:
    return next((k for k in trusted_keys(folder) if k.key_id == key_id), None)


def trust(path: Path, name: str | None = None, folder: Path | None = None) -> tuple[TrustedKey, bool]:
    """Trust the key in ``path``; the key and whether anything changed (False: trusted already)."""
    folder = folder or added_keys_folder()
    key = read_key_file(path)
    owner = _clean_name(name) if name is not None else said_owner(key)
    for known in trusted_keys(folder):
        if known.key_id == key.id_text:
            if known.key.key != key.key:
                raise InvalidInput(
                    _(
                        "A different key with the same id {key_id} is already trusted; remove it first "
                        "if you really mean to replace it."
                    ).format(key_id=key.id_text)
                )
            return known, False
    shipped = next((k for k in built_in_keys() if k.key_id == key.id_text), None)
    make_folder(folder)
    if shipped is not None and shipped.key.key == key.key:
        removed = _removed_built_in(folder) - {key.id_text}
        replace_file(folder / REMOVED_FILE, json.dumps(sorted(removed)).encode("utf-8"))
        return shipped, True
    replace_file(folder / f"{key.id_text}.pub", key_file_text(key, owner).encode("utf-8"))
    return TrustedKey(PublicKey(key.key_id, key.key), owner, built_in=False), True


def untrust(ident: str, folder: Path | None = None) -> TrustedKey:
    """Stop trusting the key with this id or fingerprint; raises :class:`InvalidInput` if none."""
    folder = folder or added_keys_folder()
    key = next((k for k in trusted_keys(folder) if k.matches(ident)), None)
    if key is None:
        raise InvalidInput(_("No trusted key has the id or fingerprint {ident}.").format(ident=ident))
    make_folder(folder)
    if key.built_in:
        removed = _removed_built_in(folder) | {key.key_id}
        replace_file(folder / REMOVED_FILE, json.dumps(sorted(removed)).encode("utf-8"))
    else:
        try:
            (folder / f"{key.key_id}.pub").unlink(missing_ok=True)
        except OSError as exc:
            raise storage_failure(folder, exc) from None
    return key
