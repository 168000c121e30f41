"""The bundle file: a ZIP archive with stored (uncompressed) members, so anyone can open it with an
ordinary tool and check it with ``minisign -V``::

    manifest.json            what the signature covers
    manifest.json.minisig    the minisign signature of manifest.json
    guides/<cc>.yaml         one file per guide, in the manifest's order

Nothing else is allowed, and the archive must be byte for byte the one :func:`bundle_bytes`
writes for the same members (fixed dates, attributes and order, no comments, no extra fields).
That makes every byte of a bundle matter: a change anywhere is either covered by the signature and
the hashes, or breaks the canonical form — a bundle with one byte flipped is never installed. It
also rules out, before anything is read: paths outside the bundle, absolute paths, links, folders,
compressed members (no decompression bombs) and oversized files — the rules every archive
Waystation reads follows (``waystation/archive_rules.py``, shared with bundles of vaults).
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass

from waystation.archive_rules import Unsafe, content_problem, path_problem, repeated_names
from waystation.updates.manifest import MAX_GUIDE_BYTES, MAX_GUIDES

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
MAX_BUNDLE_BYTES = 64 * 1024 * 1024
MAX_SMALL_MEMBER_BYTES = 64 * 1024
_GUIDE_NAME = re.compile(r"guides/[a-z]{2}\.yaml")
_FILE_MODE = (stat.S_IFREG | 0o644) << 16
_EPOCH = (1980, 1, 1, 0, 0, 0)


class ContainerError(ValueError):
    """Not a bundle, or a bundle that holds something it may not."""


@dataclass(frozen=True)
class BundleFiles:
    manifest: bytes
    signature: bytes
    guides: Mapping[str, bytes]  # "guides/ge.yaml" -> contents


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.compress_type = zipfile.ZIP_STORED
    info.create_system = 3
    info.external_attr = _FILE_MODE
    return info


def bundle_bytes(files: BundleFiles) -> bytes:
    """The canonical archive for these members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(_info(MANIFEST), files.manifest)
        archive.writestr(_info(SIGNATURE), files.signature)
        for name in sorted(files.guides):
            archive.writestr(_info(name), files.guides[name])
    return buffer.getvalue()


_REASONS = {
    Unsafe.ABSOLUTE: "an absolute path ({name})",
    Unsafe.TRAVERSAL: "a path that leads outside the bundle ({name})",
    Unsafe.LINK: "a link ({name})",
    Unsafe.NOT_A_FILE: "something that is not a plain file ({name})",
    Unsafe.ENCRYPTED: "an encrypted file ({name})",
    Unsafe.COMPRESSED: "a compressed file ({name}): bundles are stored uncompressed",
    Unsafe.TOO_LARGE: "a file that is too large ({name})",
}


def _name_problem(info: zipfile.ZipInfo) -> str | None:
    """The shared archive rules (``archive_rules``), with the names a guide bundle allows."""
    name = info.filename
    unsafe = path_problem(info)
    if unsafe is None and name not in (MANIFEST, SIGNATURE) and not _GUIDE_NAME.fullmatch(name):
        return f"a file a bundle may not hold ({name})"
    if unsafe is None:
        limit = MAX_GUIDE_BYTES if name.startswith("guides/") else MAX_SMALL_MEMBER_BYTES
        unsafe = content_problem(info, limit)
    return None if unsafe is None else _REASONS[unsafe].format(name=name)


def _members(archive: zipfile.ZipFile) -> dict[str, bytes]:
    infos = archive.infolist()
    if len(infos) > MAX_GUIDES + 2:
        raise ContainerError("too many files")
    names = [info.filename for info in infos]
    if repeated_names(infos):
        raise ContainerError("the same file twice")
    for info in infos:
        problem = _name_problem(info)
        if problem:
            raise ContainerError(f"it holds {problem}")
    if MANIFEST not in names or SIGNATURE not in names:
        raise ContainerError("no manifest or no signature")
    return {info.filename: archive.read(info) for info in infos}


def read_bundle(data: bytes) -> BundleFiles:
    """The members of a bundle; raises :class:`ContainerError` for anything else."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise ContainerError("too large to be a bundle")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = _members(archive)
    except ContainerError:
        raise
    except Exception as exc:  # hostile bytes: zipfile may raise nearly anything on them
        raise ContainerError(f"not a readable archive ({type(exc).__name__})") from None
    files = BundleFiles(
        manifest=members.pop(MANIFEST),
        signature=members.pop(SIGNATURE),
        guides=members,
    )
    if bundle_bytes(files) != data:
        raise ContainerError("not in the exact form Waystation writes (changed after signing?)")
    return files
