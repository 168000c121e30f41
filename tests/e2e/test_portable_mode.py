"""Portable mode end to end, as a person on a shared computer uses it: a copy of the app with a
``.portable`` file beside its executable, started with HOME, the XDG folders and TMPDIR pointed at
empty folders. After a scripted session (a vault created, a profile with a canary name imported,
a scan added, a packet and a calendar exported, the desktop app's selftest) those folders are
still empty: nothing was written on the "host" at all, so nothing personal either.

The copy here is a launcher script beside a ``.portable`` file (the frozen bundle gets the same
treatment in installer/smoke.py, which CI runs after `make installer`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE, pw
from tests.faults.support import HOLDER

CANARY = "Портативова-Qz9"
HOST_VARIABLES = ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TMPDIR")

LAUNCHER = """#!{python}
import sys
from waystation.__main__ import main
sys.exit(main())
"""


def make_copy(folder: Path, *, portable: bool = True) -> Path:
    folder.mkdir(parents=True)
    launcher = folder / "waystation"
    launcher.write_text(LAUNCHER.format(python=sys.executable), encoding="utf-8")
    launcher.chmod(0o755)
    if portable:
        (folder / ".portable").write_text("", encoding="utf-8")
    return launcher


def host_env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "WAYSTATION_"))}
    for variable in HOST_VARIABLES:
        folder = root / variable.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[variable] = str(folder)
    env.update(QT_QPA_PLATFORM="offscreen", WAYSTATION_LANG="en", PYTHONDONTWRITEBYTECODE="1")
    return env


def run(launcher: Path, *args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(launcher), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        cwd=launcher.parent,
    )


def everything_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if not p.is_dir())


def holders_of(root: Path, text: str) -> list[Path]:
    needles = [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]
    return [p for p in everything_under(root) if p.is_file() and any(n in p.read_bytes() for n in needles)]


@pytest.mark.slow
def test_scripted_session_leaves_the_host_folders_empty(
    tmp_path: Path, sample_profile: dict[str, Any]
) -> None:
    stick = tmp_path / "stick"
    launcher = make_copy(stick / "waystation")
    env = host_env(tmp_path / "host")
    data = stick / "waystation" / "data"
    vault = data / "vaults" / "person.vault"
    sample_profile["person"]["family_name"] = CANARY
    sample_profile["host"]["country"] = "KZ"
    sample_profile["stays"] = [{"country": "KZ", "entered": "2026-09-01", "left": None}]
    profile = stick / "profile.json"  # what the person brought, on the stick
    profile.write_text(json.dumps(sample_profile, ensure_ascii=False), encoding="utf-8")
    scan = stick / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n% a scan\n")

    steps = [
        ("vault", "create", str(vault), "--passphrase-stdin"),
        ("vault", "import-json", str(vault), str(profile), "--passphrase-stdin"),
        ("doc", "add", str(vault), str(scan), "--kind", "other", "--passphrase-stdin"),
        ("status", str(vault), "--json", "--passphrase-stdin"),
        ("calendar", str(vault), "--out", str(stick / "deadlines.ics"), "--passphrase-stdin"),
        (
            "packet",
            str(vault),
            "--country",
            "KZ",
            "--track",
            "residence",
            "--out",
            str(stick / "p.pdf"),
            "--passphrase-stdin",
        ),
        ("vault", "check", str(vault), "--passphrase-stdin"),
    ]
    for step in steps:
        done = run(launcher, *step, env=env, stdin=pw(PASSPHRASE, PASSPHRASE))
        assert done.returncode == 0, (step, done.stderr)
    selftest = run(launcher, "--selftest", env=env)
    assert selftest.returncode == 0, selftest.stderr
    assert f"mode: portable, data in {data} (writable)" in selftest.stdout

    host = tmp_path / "host"
    assert everything_under(host) == [], "written on the host"
    assert holders_of(data, CANARY) == []  # the vault is encrypted; settings hold nothing personal
    assert everything_under(data / "tmp") == []
    version = run(launcher, "--version", env=env)
    assert f"portable: everything of Waystation's stays in {data}" in version.stdout
    assert everything_under(host) == []


def test_without_the_marker_settings_go_to_the_host(tmp_path: Path) -> None:
    launcher = make_copy(tmp_path / "app", portable=False)
    env = host_env(tmp_path / "host")
    shown = run(launcher, "--version", env=env)
    assert shown.returncode == 0, shown.stderr
    assert "Mode:" in shown.stdout and "installed" in shown.stdout
    assert str(tmp_path / "host" / "xdg_config_home" / "waystation") in shown.stdout


def test_two_portable_copies_on_one_stick_cannot_open_one_vault(tmp_path: Path) -> None:
    first = make_copy(tmp_path / "stick" / "copy-1")
    second = make_copy(tmp_path / "stick" / "copy-2")
    env = host_env(tmp_path / "host")
    vault = tmp_path / "stick" / "shared.vault"
    assert (
        run(
            first,
            "vault",
            "create",
            str(vault),
            "--passphrase-stdin",
            env=env,
            stdin=pw(PASSPHRASE, PASSPHRASE),
        ).returncode
        == 0
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(vault), PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=first.parent,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        refused = run(
            second, "vault", "check", str(vault), "--passphrase-stdin", env=env, stdin=pw(PASSPHRASE)
        )
        assert refused.returncode == 5, refused
        assert "another window or program" in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
    finally:
        holder.kill()
        holder.wait()
    assert (
        run(
            second, "vault", "check", str(vault), "--passphrase-stdin", env=env, stdin=pw(PASSPHRASE)
        ).returncode
        == 0
    )


def test_portable_setup_from_source_is_refused_clearly(tmp_path: Path) -> None:
    launcher = make_copy(tmp_path / "app", portable=False)
    done = run(launcher, "--portable-setup", str(tmp_path / "stick"), env=host_env(tmp_path / "host"))
    assert done.returncode == 2
    assert "source code" in done.stderr and "make installer" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "stick").exists()
