"""What this Waystation is: version, commit and build date, the versions of what it is built on
(Qt, PySide6, SQLCipher, Python), and where this run keeps its settings and data. Shown by
``waystation --version`` and the About box.

A frozen bundle carries ``waystation/build-info.json``, written by installer/stamp.py when it was
built; a source checkout reads its commit from ``.git`` (without running git) and has no build
date. Qt is imported only when its version is asked for (the core and the command line's parser
never load Qt)."""

from __future__ import annotations

import json
import platform
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from waystation import __version__

BUILD_INFO_FILE = "build-info.json"
_PACKAGE_DIR = Path(__file__).resolve().parent
_HEX = re.compile(r"^[0-9a-f]{40}$")
_MAX_STAMP_BYTES = 4096


@dataclass(frozen=True)
class BuildInfo:
    version: str
    commit: str  # full hash, or "" when not known
    build_date: str  # ISO 8601 UTC, "" when running from source
    frozen: bool

    @property
    def short_commit(self) -> str:
        return self.commit[:12]


@dataclass(frozen=True)
class Components:
    python: str
    qt: str  # "" when Qt is not installed
    pyside: str
    sqlcipher: str


@cache
def build_info() -> BuildInfo:
    frozen = bool(getattr(sys, "frozen", False))
    stamped = _read_stamp(_PACKAGE_DIR / BUILD_INFO_FILE)
    if stamped is not None:
        commit = str(stamped.get("commit", ""))
        return BuildInfo(
            version=str(stamped.get("version") or __version__),
            commit=commit if _HEX.match(commit) else "",
            build_date=str(stamped.get("build_date", "")),
            frozen=frozen,
        )
    return BuildInfo(__version__, _checkout_commit(_PACKAGE_DIR.parent.parent), "", frozen)


def _read_stamp(path: Path) -> dict[str, object] | None:
    try:
        with path.open("rb") as handle:
            raw = handle.read(_MAX_STAMP_BYTES + 1)
        data = json.loads(raw) if len(raw) <= _MAX_STAMP_BYTES else None
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _checkout_commit(repo: Path) -> str:
    """The commit of a source checkout, read from its .git files; "" elsewhere."""
    git = repo / ".git"
    try:
        head = (git / "HEAD").read_text("utf-8").strip()
        if _HEX.match(head):
            return head
        ref = head.removeprefix("ref:").strip()
        loose = git / ref
        if ref and loose.is_file():
            value = loose.read_text("utf-8").strip()
            return value if _HEX.match(value) else ""
        for line in (git / "packed-refs").read_text("utf-8", errors="replace").splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1] == ref and _HEX.match(parts[0]):
                return parts[0]
    except OSError:
        pass
    return ""


def sqlcipher_version() -> str:
    try:
        import sqlcipher3

        conn = sqlcipher3.connect(":memory:")
        try:
            row = conn.execute("PRAGMA cipher_version").fetchone()
        finally:
            conn.close()
    except Exception:  # an unusable SQLCipher is reported, not raised, here
        return ""
    return str(row[0]) if row and row[0] else ""


def components() -> Components:
    qt = pyside = ""
    try:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        qt, pyside = str(qVersion()), str(pyside_version)
    except ImportError:
        pass
    return Components(platform.python_version(), qt, pyside, sqlcipher_version())
