"""What any ZIP archive Waystation reads may not hold: the rules shared by signed guide updates
(``updates/container.py``) and bundles of vaults handed over by a help desk
(``helpdesk/vault_bundle.py``).

Each archive format decides which member names it allows; these checks come before and after
that decision and are the same for both: no absolute paths, no path that climbs out of the
archive, no links or other special files, no encrypted members, nothing compressed (so nothing
can inflate into a decompression bomb: a stored member's size is its size on disk), and nothing
larger than the format allows. The checks read only the central directory, never a member.

No Qt here; the words for each problem belong to the format that reports it.
"""

from __future__ import annotations

import enum
import re
import stat
import zipfile


class Unsafe(enum.Enum):
    """Why a member is refused."""

    ABSOLUTE = "absolute"  # /etc/passwd, C:/Windows/…
    TRAVERSAL = "traversal"  # ../../somewhere
    LINK = "link"  # a symbolic link
    NOT_A_FILE = "not_a_file"  # a folder, a device, a FIFO
    ENCRYPTED = "encrypted"  # ZIP's own (weak) encryption: nothing we write uses it
    COMPRESSED = "compressed"  # could inflate without bound
    TOO_LARGE = "too_large"  # larger than the format allows (or sizes that disagree)


def path_problem(info: zipfile.ZipInfo) -> Unsafe | None:
    """Problems of the member's name and kind, whatever the format allows."""
    name = info.filename
    kind = stat.S_IFMT(info.external_attr >> 16)
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return Unsafe.ABSOLUTE
    if ".." in re.split(r"[/\\]", name):
        return Unsafe.TRAVERSAL
    if kind == stat.S_IFLNK:
        return Unsafe.LINK
    if info.is_dir() or (kind and kind != stat.S_IFREG):
        return Unsafe.NOT_A_FILE
    return None


def content_problem(info: zipfile.ZipInfo, limit: int) -> Unsafe | None:
    """Problems of how the member is stored: encrypted, compressed, or over ``limit`` bytes."""
    if info.flag_bits & 0x1:
        return Unsafe.ENCRYPTED
    if info.compress_type != zipfile.ZIP_STORED:
        return Unsafe.COMPRESSED
    if info.file_size > limit or info.compress_size != info.file_size:
        return Unsafe.TOO_LARGE
    return None


def repeated_names(infos: list[zipfile.ZipInfo]) -> bool:
    """The same name twice: which of them would be read is up to the reader — refuse both."""
    names = [info.filename for info in infos]
    return len(set(names)) != len(names)
