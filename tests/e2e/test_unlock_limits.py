"""Unlock limits: off by default; when set, the N-th wrong passphrase in a row wipes the vault.
The count survives restarts (each CLI call is a new process) and the count file names no vault."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, pw

PASS = "limits pass"
Cli = Callable[..., CliResult]


def make(cli: Cli, tmp_path: Path, limit: int | None) -> tuple[Path, Path]:
    config = tmp_path / "home" / "config" / "waystation"
    config.mkdir(parents=True, exist_ok=True)
    if limit is not None:
        (config / "settings.json").write_text(json.dumps({"wipe_after_failures": limit}))
    vault = tmp_path / "secret-name.vault"
    assert cli("vault", "create", str(vault), "--passphrase-stdin", stdin=pw(PASS)).code == 0
    return vault, config


def check(cli: Cli, vault: Path, passphrase: str) -> CliResult:
    return cli("vault", "check", str(vault), "--passphrase-stdin", stdin=pw(passphrase))


@pytest.mark.slow  # twenty wrong passphrases, each a process: make test-slow and CI
def test_off_by_default_nothing_is_wiped(cli: Cli, tmp_path: Path) -> None:
    vault, config = make(cli, tmp_path, None)
    for _attempt in range(25):
        assert check(cli, vault, "wrong").code == 3
    assert vault.exists() and not (config / "unlock-failures.json").exists()


def test_the_fifth_wrong_passphrase_wipes(cli: Cli, tmp_path: Path) -> None:
    vault, config = make(cli, tmp_path, 5)
    for attempt in range(1, 5):
        result = check(cli, vault, "wrong")
        assert result.code == 3 and f"{5 - attempt} attempt" in result.err
    counts = (config / "unlock-failures.json").read_text()
    assert "secret-name" not in counts and str(tmp_path) not in counts
    last = check(cli, vault, "wrong")
    assert last.code == 3 and "was wiped" in last.err
    assert not vault.exists()


@pytest.mark.slow  # many processes: make test-slow and CI
def test_a_right_passphrase_resets_the_count(cli: Cli, tmp_path: Path) -> None:
    vault, _config = make(cli, tmp_path, 5)
    for _round in range(3):
        for _attempt in range(4):
            assert check(cli, vault, "wrong").code == 3
        assert check(cli, vault, PASS).code == 0
    assert vault.exists()


@pytest.mark.slow  # many processes: make test-slow and CI
def test_counts_are_per_vault(cli: Cli, tmp_path: Path) -> None:
    vault, _config = make(cli, tmp_path, 5)
    other = tmp_path / "other.vault"
    assert cli("vault", "create", str(other), "--passphrase-stdin", stdin=pw(PASS)).code == 0
    for _attempt in range(4):
        assert check(cli, vault, "wrong").code == 3
        assert check(cli, other, "wrong").code == 3
    assert vault.exists() and other.exists()
