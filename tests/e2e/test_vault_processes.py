"""Promises that need more than one process: one writer at a time, crash safety, read-only
folders, and a core that never loads Qt. (The longer fault loops are in tests/faults/, and the
helpers shared with them in tests/faults/support.py.)"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, CliResult, pw
from tests.faults.support import WRITER, StartHolder, holding_processes, read_only
from waystation.vault import copies
from waystation.vault.connection import Vault


@pytest.fixture
def holder() -> Iterator[StartHolder]:
    yield from holding_processes()


def test_second_process_gets_exit_5(
    tmp_path: Path, cli: Callable[..., CliResult], holder: StartHolder
) -> None:
    path = tmp_path / "a.vault"
    Vault.create(path, PASSPHRASE).close()
    proc = holder(path)
    result = cli("vault", "check", str(path), "--passphrase-stdin", stdin=pw(PASSPHRASE))
    assert result.code == 5, result
    assert "another window or program" in result.err
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)
    assert cli("vault", "check", str(path), "--passphrase-stdin", stdin=pw(PASSPHRASE)).code == 0


def test_killed_process_loses_no_acknowledged_save(tmp_path: Path) -> None:
    path = tmp_path / "a.vault"
    Vault.create(path, PASSPHRASE).close()
    rng = random.Random(20261122)
    acknowledged: dict[int, int] = {}
    for _round in range(6):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), PASSPHRASE], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        for _ in range(rng.randint(3, 25)):
            doc_id, i = map(int, proc.stdout.readline().split())
            acknowledged[doc_id] = i
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with Vault.open(path, PASSPHRASE) as vault:
            assert copies.check(vault).ok
            stored = {d.id: d for d in vault.documents.list()}
            for doc_id, i in acknowledged.items():
                expected = hashlib.sha256(str(i).encode()).digest() * 2048
                assert stored[doc_id].title == str(i)
                assert vault.documents.content(doc_id) == expected
            # a document whose progress write was interrupted may exist; it is complete if so
            for doc_id, info in stored.items():
                assert vault.documents.content(doc_id) == hashlib.sha256(info.title.encode()).digest() * 2048


def test_read_only_folder(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    """Creating in a read-only folder fails cleanly; a vault there still opens and can be checked."""
    folder = tmp_path / "ro"
    folder.mkdir()
    existing = folder / "a.vault"
    with Vault.create(existing, PASSPHRASE) as vault:
        vault.documents.add(b"%PDF-1.4", kind="other")
    before = existing.read_bytes()
    with read_only(folder):
        assert not os.access(folder, os.W_OK) or os.geteuid() == 0
        created = cli(
            "vault", "create", str(folder / "new.vault"), "--passphrase-stdin", stdin=pw(PASSPHRASE)
        )
        assert created.code in (1, 2)
        assert "read-only" in created.err and "Traceback" not in created.err
        assert not (folder / "new.vault").exists()
        checked = cli("vault", "check", str(existing), "--passphrase-stdin", stdin=pw(PASSPHRASE))
        assert checked.code == 0, checked.err
        scan = tmp_path / "scan.pdf"
        scan.write_bytes(b"%PDF-1.4 new")
        added = cli(
            "doc",
            "add",
            str(existing),
            str(scan),
            "--kind",
            "other",
            "--passphrase-stdin",
            stdin=pw(PASSPHRASE),
        )
        assert added.code == 1 and "Traceback" not in added.err
        assert len(added.err.strip().splitlines()) == 1
    assert existing.read_bytes() == before


def test_core_never_imports_qt() -> None:
    code = textwrap.dedent(
        """
        import sys
        import waystation.cli, waystation.vault.copies, waystation.vault.profile_json
        import waystation.content.loader
        import pkgutil, importlib, waystation
        for package in ("vault", "content", "rules", "packets", "updates", "helpdesk"):
            module = importlib.import_module(f"waystation.{package}")
            for info in pkgutil.walk_packages(module.__path__, f"waystation.{package}."):
                importlib.import_module(info.name)
        from waystation.cli import build_parser
        build_parser()
        qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
        print(",".join(qt))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
