"""Every file Waystation exports is created readable by its owner only (0600), whatever the umask
(issue 12): packets (plain and encrypted), the calendar, the profile JSON, backups, filled forms,
and the vault itself after a passphrase change. Each command runs as a child process with the
usual umask 022, which would otherwise make new files 0644."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import pw
from tests.faults.support import run_cli
from tests.forms_support import simple_form
from waystation.vault import profile_json
from waystation.vault.connection import Vault

PASS = "private exports pass"
UMASK = 0o022


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def vault(tmp_path: Path, sample_profile: dict[str, Any]) -> Path:
    path = tmp_path / "client.vault"
    with Vault.create(path, PASS) as opened:
        opened.profile.replace(profile_json.from_document(sample_profile))
    return path


def exported(home: Path, *args: str, stdin: str = pw(PASS)) -> None:
    result = run_cli(home, *args, stdin=stdin, umask=UMASK)
    assert result.code == 0, (args, result.err)


@pytest.mark.slow
def test_a_new_vault_and_one_after_a_passphrase_change(tmp_path: Path) -> None:
    path = tmp_path / "new.vault"
    exported(tmp_path, "vault", "create", str(path), "--passphrase-stdin", stdin=pw(PASS))
    assert mode(path) == 0o600
    exported(
        tmp_path, "vault", "passwd", str(path), "--passphrase-stdin", stdin=pw(PASS, "another passphrase")
    )
    assert mode(path) == 0o600


# The variants that add nothing new about the file's mode run in the slow run (a process each).
@pytest.mark.parametrize(
    "encrypted", [pytest.param(False, id="plain"), pytest.param(True, id="encrypted", marks=pytest.mark.slow)]
)
def test_packets(tmp_path: Path, vault: Path, encrypted: bool) -> None:
    out = tmp_path / "packet.pdf"
    args = ["packet", str(vault), "--country", "GE", "--track", "residence", "--out", str(out)]
    stdin = pw(PASS, "pdf password", "pdf password") if encrypted else pw(PASS)
    exported(tmp_path, *args, *(["--encrypt"] if encrypted else []), "--passphrase-stdin", stdin=stdin)
    assert mode(out) == 0o600


def test_the_calendar(tmp_path: Path, vault: Path) -> None:
    out = tmp_path / "deadlines.ics"
    exported(tmp_path, "calendar", str(vault), "--out", str(out), "--passphrase-stdin")
    assert mode(out) == 0o600


def test_the_profile_json_also_when_it_replaces_a_readable_file(tmp_path: Path, vault: Path) -> None:
    out = tmp_path / "profile.json"
    exported(tmp_path, "vault", "export-json", str(vault), str(out), "--passphrase-stdin")
    assert mode(out) == 0o600
    out.chmod(0o644)
    exported(tmp_path, "vault", "export-json", str(vault), str(out), "--force", "--passphrase-stdin")
    assert mode(out) == 0o600


@pytest.mark.parametrize(
    "into_folder", [pytest.param(False, id="file"), pytest.param(True, id="folder", marks=pytest.mark.slow)]
)
def test_backups(tmp_path: Path, vault: Path, into_folder: bool) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    dest = stick if into_folder else stick / "copy.vault"
    exported(tmp_path, "vault", "backup", str(vault), str(dest), "--passphrase-stdin")
    written = list(stick.iterdir())
    assert len(written) == 1 and mode(written[0]) == 0o600


def test_filled_forms_and_their_mappings(tmp_path: Path, vault: Path) -> None:
    form = tmp_path / "form.pdf"
    form.write_bytes(simple_form())
    mapping = tmp_path / "map.json"
    exported(tmp_path, "form", "map", str(form), "--out", str(mapping), stdin="")
    filled = tmp_path / "filled.pdf"
    exported(
        tmp_path,
        "form",
        "fill",
        str(vault),
        str(form),
        "--map",
        str(mapping),
        "--out",
        str(filled),
        "--passphrase-stdin",
    )
    assert mode(filled) == 0o600
    assert mode(mapping) == 0o600
