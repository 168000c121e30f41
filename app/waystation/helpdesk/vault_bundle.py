"""Several vaults handed over as one file — a family's, say — for the client to carry home.

A bundle is a ZIP archive anyone can open with an ordinary tool: ``manifest.json`` (the format,
and each vault's name, size and SHA-256) and ``vaults/<name>.vault``, stored uncompressed. The
vaults inside are the encrypted files themselves: a bundle is no less protected than its vaults,
and packing one needs no passphrase.

Reading a bundle follows the rules every archive Waystation opens follows
(``waystation/archive_rules.py``, shared with signed guide updates): no absolute paths, no path
out of the bundle, no links or special files, nothing encrypted or compressed (so nothing can
inflate), nothing over its size limit, no name twice — all checked from the archive's directory
before a byte is extracted. Then every vault is unpacked under a temporary name beside its
target, checked against the manifest's size and hash and for the shape of a vault, and only when
all of them are good are they moved into place, never over an existing file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import stat
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import sqlcipher3

from waystation.archive_rules import Unsafe, content_problem, path_problem, repeated_names
from waystation.errors import InvalidInput, StorageFailure, VaultDamaged, WaystationError
from waystation.i18n import _
from waystation.vault import sqlerrors
from waystation.vault.connection import _check_file_shape, _uri
from waystation.vault.copies import _place_without_overwriting

FORMAT = "waystation-vaults/1"
MANIFEST = "manifest.json"
SUFFIX = ".wsvaults"
MAX_VAULTS = 32
MAX_VAULT_BYTES = 8 * 1024**3
MAX_BUNDLE_BYTES = 16 * 1024**3
MAX_MANIFEST_BYTES = 64 * 1024
SPACE_MARGIN = 16 * 1024 * 1024
CHUNK = 1024 * 1024
_MEMBER = re.compile(r"vaults/(?P<name>[^/\\\x00-\x1f.][^/\\\x00-\x1f]{0,119}\.vault)")
_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class BundledVault:
    name: str  # the file name it is unpacked as
    size: int
    sha256: str


def _refused(path: Path, reason: str) -> VaultDamaged:
    return VaultDamaged(
        _("{path} is not a bundle of vaults Waystation can open: {reason}. Nothing was unpacked.").format(
            path=path, reason=reason
        )
    )


_REASONS = {
    Unsafe.ABSOLUTE: lambda name: _("it holds an absolute path ({name})").format(name=name),
    Unsafe.TRAVERSAL: lambda name: _("it holds a path that leads outside the bundle ({name})").format(
        name=name
    ),
    Unsafe.LINK: lambda name: _("it holds a link ({name})").format(name=name),
    Unsafe.NOT_A_FILE: lambda name: _("it holds something that is not a plain file ({name})").format(
        name=name
    ),
    Unsafe.ENCRYPTED: lambda name: _("it holds an encrypted member ({name})").format(name=name),
    Unsafe.COMPRESSED: lambda name: _("it holds a compressed member ({name}); bundles are stored").format(
        name=name
    ),
    Unsafe.TOO_LARGE: lambda name: _("it holds a file that is too large ({name})").format(name=name),
}


# -- packing ---------------------------------------------------------------------------------


def _probe_in_use(path: Path) -> None:
    """Refuse a vault another program holds open, or one left mid-write (its journal beside it):
    the copy would not be the vault as it stands. An unkeyed connection reads nothing; the lock
    it meets (or not) is SQLite's own."""
    if path.with_name(path.name + "-journal").exists():
        raise InvalidInput(
            _(
                "{name} was not closed properly (a write was interrupted). Open it once in Waystation, "
                "then pack it."
            ).format(name=path.name)
        )
    try:
        conn = sqlcipher3.connect(_uri(path, "ro"), uri=True, timeout=0)
    except sqlerrors.DatabaseError as exc:
        raise sqlerrors.translate(exc) from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except sqlerrors.DatabaseError as exc:
        if sqlerrors.primary_code(exc) in (sqlerrors.SQLITE_BUSY, sqlerrors.SQLITE_LOCKED) or (
            "locked" in str(exc).lower()
        ):
            raise sqlerrors.in_use() from None
    finally:
        conn.close()


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.compress_type = zipfile.ZIP_STORED
    info.create_system = 3
    info.external_attr = (stat.S_IFREG | 0o600) << 16
    return info


def _copy_member(archive: zipfile.ZipFile, source: Path, name: str) -> BundledVault:
    before = source.stat()
    digest = hashlib.sha256()
    with source.open("rb") as handle, archive.open(_info(name), "w", force_zip64=True) as out:
        while block := handle.read(CHUNK):
            digest.update(block)
            out.write(block)
    after = source.stat()
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        raise InvalidInput(
            _("{name} changed while it was packed (is it open somewhere?). Nothing was written.").format(
                name=source.name
            )
        )
    return BundledVault(source.name, after.st_size, digest.hexdigest())


def pack(vaults: Sequence[Path], out: Path) -> list[BundledVault]:
    """Write the vault files ``vaults`` into a new bundle ``out``; returns what it holds."""
    sources = [Path(v).resolve() for v in vaults]
    if not sources:
        raise InvalidInput(_("Name at least one vault to pack."))
    if len(sources) > MAX_VAULTS:
        raise InvalidInput(_("A bundle holds at most {n} vaults.").format(n=MAX_VAULTS))
    names = [source.name for source in sources]
    if len(set(names)) != len(names):
        raise InvalidInput(_("Two of the vaults have the same file name; rename one first."))
    for source in sources:
        if not _MEMBER.fullmatch(f"vaults/{source.name}"):
            raise InvalidInput(
                _("{name}: a vault's file name must end in .vault and must not start with a dot.").format(
                    name=source.name
                )
            )
        _check_file_shape(source)
        if source.stat().st_size > MAX_VAULT_BYTES:
            raise InvalidInput(_("{name} is too large to be packed.").format(name=source.name))
        _probe_in_use(source)
    if out.exists():
        raise InvalidInput(_("{path} already exists; it was left untouched.").format(path=out))
    if not out.parent.is_dir():
        raise InvalidInput(_("The folder {folder} does not exist.").format(folder=out.parent))
    temporary = out.with_name(f".{out.name}.pack-{secrets.token_hex(4)}")
    try:
        with zipfile.ZipFile(temporary, "x", zipfile.ZIP_STORED, allowZip64=True) as archive:
            bundled = [_copy_member(archive, source, f"vaults/{source.name}") for source in sources]
            manifest = {"format": FORMAT, "vaults": [vars(entry) for entry in bundled]}
            archive.writestr(_info(MANIFEST), json.dumps(manifest, indent=1).encode("utf-8"))
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        _place_without_overwriting(temporary, out)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise StorageFailure(
            _("The bundle could not be written: {error}. Nothing was left behind.").format(
                error=exc.strerror or exc
            )
        ) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return bundled


# -- reading ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InvalidInput(_("There is no file at {path}.").format(path=path)) from None
    except OSError as exc:
        raise StorageFailure(
            _("{path} could not be read: {error}").format(path=path, error=exc.strerror)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput(_("{path} is not a file.").format(path=path))
    if info.st_size > MAX_BUNDLE_BYTES:
        raise _refused(path, _("it is too large"))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refused(path, _("it is not a readable archive")) from None
    with archive:
        yield archive


def _checked_members(path: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_VAULTS + 1:
        raise _refused(path, _("it holds too many files"))
    if repeated_names(infos):
        raise _refused(path, _("it holds the same name twice"))
    members = {}
    for info in infos:
        name = info.filename
        unsafe = path_problem(info)
        if unsafe is None and name != MANIFEST and not _MEMBER.fullmatch(name):
            raise _refused(path, _("it holds a file a bundle may not hold ({name})").format(name=name))
        if unsafe is None:
            unsafe = content_problem(info, MAX_MANIFEST_BYTES if name == MANIFEST else MAX_VAULT_BYTES)
        if unsafe is not None:
            raise _refused(path, _REASONS[unsafe](name))
        members[name] = info
    if MANIFEST not in members:
        raise _refused(path, _("it has no manifest"))
    if sum(info.file_size for info in infos) > MAX_BUNDLE_BYTES:
        raise _refused(path, _("it is too large"))
    return members


def _manifest(
    path: Path, archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]
) -> list[BundledVault]:
    try:
        document: Any = json.loads(archive.read(members[MANIFEST]).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, OSError):
        raise _refused(path, _("its manifest cannot be read")) from None
    entries = document.get("vaults") if isinstance(document, dict) else None
    if not isinstance(document, dict) or document.get("format") != FORMAT or not isinstance(entries, list):
        raise _refused(path, _("its manifest is not one Waystation writes"))
    found = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise _refused(path, _("its manifest is not one Waystation writes"))
        name, size, sha = entry.get("name"), entry.get("size"), entry.get("sha256")
        member = f"vaults/{name}" if isinstance(name, str) else ""
        if (
            member not in members
            or type(size) is not int
            or size != members[member].file_size
            or not isinstance(sha, str)
            or not re.fullmatch(r"[0-9a-f]{64}", sha)
        ):
            raise _refused(path, _("its manifest does not match what it holds"))
        found.append(BundledVault(str(name), size, sha))
    if not found or len({v.name for v in found}) != len(found) or len(found) != len(members) - 1:
        raise _refused(path, _("its manifest does not match what it holds"))
    return found


def contents(path: Path) -> list[BundledVault]:
    """What a bundle holds, checked as for unpacking; nothing is extracted."""
    with _opened(path) as archive:
        return _manifest(path, archive, _checked_members(path, archive))


def _extract(path: Path, source: IO[bytes], entry: BundledVault, temporary: Path) -> None:
    digest, written = hashlib.sha256(), 0
    fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as out:
        while block := source.read(CHUNK):
            written += len(block)
            if written > entry.size:
                break
            digest.update(block)
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    if written != entry.size or digest.hexdigest() != entry.sha256:
        raise _refused(path, _("{name} does not match its hash").format(name=entry.name))
    try:
        _check_file_shape(temporary)
    except WaystationError:
        raise _refused(path, _("{name} is not a vault").format(name=entry.name)) from None


def unpack(path: Path, folder: Path) -> list[Path]:
    """Unpack every vault of the bundle ``path`` into ``folder``: all of them, or none."""
    if not folder.is_dir():
        raise InvalidInput(_("The folder {folder} does not exist.").format(folder=folder))
    with _opened(path) as archive:
        members = _checked_members(path, archive)
        entries = _manifest(path, archive, members)
        targets = [folder / entry.name for entry in entries]
        existing = [target.name for target in targets if target.exists()]
        if existing:
            raise InvalidInput(
                _("{names} already exist in {folder}; nothing was unpacked.").format(
                    names=", ".join(existing), folder=folder
                )
            )
        needed = sum(entry.size for entry in entries) + SPACE_MARGIN
        if shutil.disk_usage(folder).free < needed:
            raise StorageFailure(_("There is not enough free space in {folder}.").format(folder=folder))
        temporaries: list[Path] = []
        placed: list[Path] = []
        try:
            for entry, target in zip(entries, targets, strict=True):
                temporary = target.with_name(f".{target.name}.unpack-{secrets.token_hex(4)}")
                temporaries.append(temporary)
                with archive.open(members[f"vaults/{entry.name}"]) as source:
                    _extract(path, source, entry, temporary)
            for temporary, target in zip(temporaries, targets, strict=True):
                _place_without_overwriting(temporary, target)
                placed.append(target)
        except OSError as exc:
            _undo(temporaries, placed)
            raise StorageFailure(
                _("The vaults could not be unpacked: {error}. Nothing was left behind.").format(
                    error=exc.strerror or exc
                )
            ) from None
        except (zipfile.BadZipFile, EOFError):
            _undo(temporaries, placed)
            raise _refused(path, _("it is damaged")) from None
        except BaseException:
            _undo(temporaries, placed)
            raise
    return targets


def _undo(temporaries: list[Path], placed: list[Path]) -> None:
    for file in [*temporaries, *placed]:
        with contextlib.suppress(OSError):
            file.unlink()
