"""The help desk from the command line, as real subprocesses: ``--help`` names the start modes,
``vault backup`` (a handoff copy, optionally under a new passphrase, that opens on another
machine), ``handoff pack|list|unpack`` with their exit codes, ``desk record``, and
``waystation --guest --selftest`` leaving no file under HOME, the XDG folders or TMPDIR."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, cli_env, one_line_error, pw

PASS = "  spaces stay 'part' of it  "
NEW = "a different river of copper kites"
Cli = Callable[..., CliResult]


def create(cli: Cli, path: Path) -> None:
    result = cli("vault", "create", str(path), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 0, result.err


def test_help_lists_the_start_modes(cli: Cli) -> None:
    result = cli("--help")
    assert result.code == 0
    assert "--helpdesk" in result.out and "--guest" in result.out and "--selftest" in result.out
    assert "handoff" in result.out


@pytest.mark.slow
def test_backup_under_a_new_passphrase_opens_on_another_machine(cli: Cli, tmp_path: Path) -> None:
    vault = tmp_path / "client.vault"
    create(cli, vault)
    before = hashlib.sha256(vault.read_bytes()).hexdigest()
    stick = tmp_path / "stick"
    stick.mkdir()
    copy = stick / "mine.vault"
    result = cli(
        "vault",
        "backup",
        str(vault),
        str(copy),
        "--new-passphrase",
        "--passphrase-stdin",
        stdin=pw(PASS, NEW),
    )
    assert result.code == 0, result.err
    assert "verified" in result.out and "new passphrase" in result.out
    assert copy.read_bytes()[:16] != vault.read_bytes()[:16]  # a fresh salt
    assert hashlib.sha256(vault.read_bytes()).hexdigest() == before
    elsewhere = {"HOME": str(tmp_path / "other-machine")}
    (tmp_path / "other-machine").mkdir()
    check = cli("vault", "check", str(copy), "--passphrase-stdin", stdin=pw(NEW), extra_env=elsewhere)
    assert check.code == 0, check.err
    wrong = cli("vault", "check", str(copy), "--passphrase-stdin", stdin=pw(PASS), extra_env=elsewhere)
    assert wrong.code == 3
    again = cli("vault", "backup", str(vault), str(copy), "--passphrase-stdin", stdin=pw(PASS))
    assert again.code == 2 and "already exists" in one_line_error(again)
    bad = cli("vault", "backup", str(vault), str(stick / "x.vault"), "--passphrase-stdin", stdin=pw("nope"))
    assert bad.code == 3 and not (stick / "x.vault").exists()


@pytest.mark.slow
def test_handoff_bundle_round_trip_and_exit_codes(cli: Cli, tmp_path: Path) -> None:
    mother, son = tmp_path / "mother.vault", tmp_path / "son.vault"
    create(cli, mother)
    create(cli, son)
    bundle = tmp_path / "family.wsvaults"
    packed = cli("handoff", "pack", str(bundle), str(mother), str(son))
    assert packed.code == 0, packed.err
    assert "2 vaults" in packed.out
    listed = cli("handoff", "list", str(bundle), "--json")
    assert [entry["name"] for entry in json.loads(listed.out)] == ["mother.vault", "son.vault"]
    home = tmp_path / "home-laptop"
    home.mkdir()
    unpacked = cli("handoff", "unpack", str(bundle), str(home))
    assert unpacked.code == 0, unpacked.err
    assert cli("vault", "check", str(home / "son.vault"), "--passphrase-stdin", stdin=pw(PASS)).code == 0
    twice = cli("handoff", "unpack", str(bundle), str(home))
    assert twice.code == 2 and "already exist" in one_line_error(twice)
    exists = cli("handoff", "pack", str(bundle), str(mother))
    assert exists.code == 2 and "already exists" in one_line_error(exists)
    missing = cli("handoff", "list", str(tmp_path / "missing.wsvaults"))
    assert missing.code == 2 and "no file" in one_line_error(missing)
    picture = tmp_path / "photo.vault"
    picture.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 5000)
    not_vault = cli("handoff", "pack", str(tmp_path / "p.wsvaults"), str(picture))
    assert not_vault.code == 4 and "JPEG" in one_line_error(not_vault)


@pytest.mark.slow
def test_hostile_bundles_exit_4_and_write_nothing(cli: Cli, tmp_path: Path) -> None:
    data = b"\x13\x37" * 8 + b"\0" * (4096 - 16)
    digest = hashlib.sha256(data).hexdigest()
    cases = {
        "traversal": ("vaults/../../escaped.vault", zipfile.ZIP_STORED),
        "absolute": ("/tmp/escaped.vault", zipfile.ZIP_STORED),
        "bomb": ("vaults/a.vault", zipfile.ZIP_DEFLATED),
    }
    home = tmp_path / "home-laptop"
    home.mkdir()
    for name, (member, compression) in cases.items():
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(
                zipfile.ZipInfo(member), data if name != "bomb" else b"\0" * 30_000_000, compression
            )
            manifest = {
                "format": "waystation-vaults/1",
                "vaults": [{"name": "a.vault", "size": 4096, "sha256": digest}],
            }
            archive.writestr("manifest.json", json.dumps(manifest))
        bundle = tmp_path / f"{name}.wsvaults"
        bundle.write_bytes(buffer.getvalue())
        result = cli("handoff", "unpack", str(bundle), str(home))
        assert result.code == 4, (name, result.err)
        one_line_error(result)
    assert list(home.iterdir()) == []
    assert not (tmp_path / "escaped.vault").exists() and not Path("/tmp/escaped.vault").exists()


@pytest.mark.slow
def test_a_vault_in_use_is_not_packed(cli: Cli, tmp_path: Path) -> None:
    vault = tmp_path / "busy.vault"
    create(cli, vault)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from waystation.vault.connection import Vault; "
            f"v = Vault.open(sys.argv[1], {PASS!r}); print('open', flush=True); sys.stdin.read()",
            str(vault),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        result = cli("handoff", "pack", str(tmp_path / "b.wsvaults"), str(vault))
        assert result.code == 5 and "in another window" in one_line_error(result)
    finally:
        holder.communicate("", timeout=30)


@pytest.mark.slow
def test_desk_record_from_the_command_line(cli: Cli, tmp_path: Path) -> None:
    empty = cli("desk", "record")
    assert empty.code == 0 and "empty" in empty.out
    header = cli("desk", "record", "--csv", "-")
    assert header.out.strip() == "date,country,sessions,new_vaults,packets"
    data_dir = tmp_path / "home" / "data" / "waystation" / "helpdesk"
    data_dir.mkdir(parents=True)
    (data_dir / "desk-record.json").write_text(
        json.dumps(
            {
                "format": "waystation-desk-record/1",
                "days": {"2026-05-01": {"GE": {"sessions": 2, "new_vaults": 1, "packets": 3}}},
            }
        ),
        "utf-8",
    )
    out = tmp_path / "report.csv"
    written = cli("desk", "record", "--csv", str(out))
    assert written.code == 0, written.err
    assert out.read_text("utf-8").splitlines()[1] == "2026-05-01,GE,2,1,3"
    again = cli("desk", "record", "--csv", str(out))
    assert again.code == 2


def _everything_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="checks Linux's XDG folders")
def test_guest_selftest_leaves_no_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = cli_env(home)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    before = _everything_under(home)
    shm = Path("/dev/shm")
    shm_before = set(os.listdir(shm)) if shm.is_dir() else set()
    done = subprocess.run(
        [sys.executable, "-m", "waystation", "--guest", "--selftest"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    assert "selftest ok in a guest session" in done.stdout
    assert _everything_under(home) == before  # the five empty folders, nothing in them
    assert list(runtime.iterdir()) == []
    if shm.is_dir():
        assert {n for n in set(os.listdir(shm)) - shm_before if n.startswith("waystation-guest-")} == set()


@pytest.mark.slow
def test_plain_selftest_still_works(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = subprocess.run(
        [sys.executable, "-m", "waystation", "--selftest"],
        capture_output=True,
        text=True,
        env=cli_env(home),
        cwd=tmp_path,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("selftest ok: ")
