"""Security promise 1 (for the vault and CLI): after a scripted session the canary name appears in
no file at all except the inputs the person supplied — not in the vault or its backup (they are
encrypted), the temp folder, config, cache or data folders."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tests.conftest import CliResult, pw

CANARY = "Канарейкина-Zqx7"
PASS = "residue test passphrase"


def encodings(text: str) -> list[bytes]:
    return [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]


def files_under(root: Path) -> Iterator[Path]:
    """Every regular file below ``root``; folders that vanish while walking (other programs'
    temporary folders) are skipped."""
    for folder, _dirs, names in os.walk(root, onerror=lambda _error: None):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path


def holders_of_canary(roots: list[Path], skip: set[Path], since: float) -> list[Path]:
    needles = encodings(CANARY)
    found = []
    for root in roots:
        for path in files_under(root):
            if path in skip:
                continue
            try:
                if path.stat().st_mtime < since:
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            if any(n in data for n in needles):
                found.append(path)
    return found


def test_no_canary_outside_the_inputs(
    cli: Callable[..., CliResult], tmp_path: Path, sample_profile: dict[str, Any]
) -> None:
    started = time.time() - 1
    sample_profile["person"]["family_name"] = CANARY
    sample_profile["notes"] = f"note about {CANARY}"
    source = tmp_path / "input-profile.json"
    source.write_text(json.dumps(sample_profile, ensure_ascii=False), encoding="utf-8")
    scan = tmp_path / "input-scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + CANARY.encode() + b"\n%%EOF")
    vault = tmp_path / "client.vault"
    usb = tmp_path / "usb"
    usb.mkdir()

    steps = [
        ("vault", "create", str(vault)),
        ("vault", "import-json", str(vault), str(source)),
        ("doc", "add", str(vault), str(scan), "--kind", "passport", "--title", CANARY),
        ("doc", "list", str(vault)),
        ("vault", "check", str(vault)),
        ("vault", "backup", str(vault), str(usb / "copy.vault")),
        ("vault", "passwd", str(vault)),
    ]
    for args in steps:
        stdin = pw(PASS, PASS) if args[1] == "passwd" else pw(PASS)
        result = cli(*args, "--passphrase-stdin", stdin=stdin)
        assert result.code == 0, (args, result.err)
    listed = cli("doc", "list", str(vault), "--passphrase-stdin", stdin=pw(PASS))
    assert CANARY in listed.out  # the data really is inside, so the scan below means something

    roots = [tmp_path, Path(tempfile.gettempdir())]
    assert holders_of_canary(roots, {source, scan}, started) == []
