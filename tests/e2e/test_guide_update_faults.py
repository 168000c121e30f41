"""Bad input and faults for guide updates (issue 17): every byte of a small bundle flipped in turn is
never installed, and an install killed at random moments (kill -9) leaves the guides all old or all
new, and the app starts."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, cli_env
from tests.updates_support import cli_app_data, installed_root, make_bundle, make_key, real_guide, tiny_guide
from waystation.updates.errors import BundleRefused
from waystation.updates.install import install_bundle
from waystation.updates.keys import trust
from waystation.updates.paths import added_keys_folder
from waystation.updates.store import read_state

Cli = Callable[..., CliResult]


@pytest.mark.slow
def test_every_byte_flipped_is_never_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYSTATION_DATA_DIR", str(tmp_path / "app-data"))
    key = make_key(tmp_path / "keys")
    trust(key.pubfile)
    bundle = make_bundle(key, {"PT": tiny_guide()}, tmp_path / "small.wsbundle")
    original = bundle.read_bytes()
    assert len(original) < 4096  # small enough to flip every byte, twice
    flipped = tmp_path / "flipped.wsbundle"
    root = installed_root(tmp_path / "app-data")
    started = time.monotonic()
    for mask in (0xFF, 0x01):
        for offset in range(len(original)):
            data = bytearray(original)
            data[offset] ^= mask
            flipped.write_bytes(bytes(data))
            with pytest.raises(BundleRefused):
                install_bundle(flipped)
    assert not (root / "current").exists() and read_state().guides == {}
    assert time.monotonic() - started < 240
    install_bundle(bundle)  # the unflipped bundle itself is fine
    assert set(read_state().usable()) == {"PT"}
    assert added_keys_folder() == tmp_path / "app-data" / "guide-updates" / "trusted-keys"


@pytest.mark.slow
def test_flipped_bytes_exit_4_on_the_command_line(cli: Cli, tmp_path: Path) -> None:
    key = make_key(tmp_path / "keys")
    assert cli("content", "trust", str(key.pubfile)).code == 0
    original = make_bundle(key, {"PT": tiny_guide()}, tmp_path / "small.wsbundle").read_bytes()
    for offset in random.Random(17).sample(range(len(original)), 8):
        data = bytearray(original)
        data[offset] ^= 0x20
        path = tmp_path / f"flip-{offset}.wsbundle"
        path.write_bytes(bytes(data))
        result = cli("content", "install", str(path))
        assert result.code == 4, (offset, result.err)
        assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert not (installed_root(cli_app_data(tmp_path)) / "current").exists()


COUNTRIES = ("TR", "DE", "KZ", "AM")


def _marked(version: str) -> dict[str, str]:
    """Real guides whose stay rule explains which bundle they came from."""
    return {
        c: real_guide(c, ("explain:\n      en: >-\n", f"explain:\n      en: >-\n        [{version}]\n"))
        for c in COUNTRIES
    }


def _versions(config: Path) -> set[str]:
    env_before = os.environ.get("WAYSTATION_DATA_DIR")
    os.environ["WAYSTATION_DATA_DIR"] = str(config)
    try:
        state = read_state()
    finally:
        if env_before is None:
            del os.environ["WAYSTATION_DATA_DIR"]
        else:
            os.environ["WAYSTATION_DATA_DIR"] = env_before
    assert not state.problems, state.problems
    assert set(state.guides) == set(COUNTRIES), state.guides
    assert all(guide.usable for guide in state.guides.values()), state.guides
    return {guide.version for guide in state.guides.values()}


@pytest.mark.slow
def test_killed_installs_leave_all_old_or_all_new(cli: Cli, tmp_path: Path) -> None:
    config = cli_app_data(tmp_path)
    key = make_key(tmp_path / "keys")
    assert cli("content", "trust", str(key.pubfile)).code == 0
    old = make_bundle(key, _marked("2026.11.29.1"), tmp_path / "old.wsbundle", "2026.11.29.1")
    new = make_bundle(key, _marked("2026.11.29.2"), tmp_path / "new.wsbundle", "2026.11.29.2")
    assert cli("content", "install", str(old)).code == 0
    saved = tmp_path / "saved-config"
    shutil.copytree(config, saved)
    env = cli_env(tmp_path / "home")
    command = [sys.executable, "-m", "waystation", "content", "install", str(new)]

    started = time.monotonic()
    assert subprocess.run(command, env=env, capture_output=True, timeout=120).returncode == 0
    full = time.monotonic() - started
    assert _versions(config) == {"2026.11.29.2"}

    rng = random.Random(1717)
    outcomes = {"2026.11.29.1": 0, "2026.11.29.2": 0}
    for _round in range(24):
        shutil.rmtree(config)
        shutil.copytree(saved, config)
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3 * full, 1.05 * full))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        versions = _versions(config)
        assert len(versions) == 1, versions  # all old or all new, never a mix
        outcomes[versions.pop()] += 1
    print(f"kill loop: {outcomes} (a full install takes {full:.2f} s)")
    assert outcomes["2026.11.29.1"] > 0  # the kills did land before the switch

    listing = cli("content", "list", "--json")
    assert listing.code == 0, listing.err
    sources = {g["country"]: g["source"] for g in json.loads(listing.out)}
    assert all(sources[c] == "installed" for c in COUNTRIES)
    started_app = cli("--selftest", timeout=180)
    assert started_app.code == 0, started_app.err
    again = cli("content", "install", str(new))  # a later install clears what a killed one left
    assert again.code == 0, again.err
    leftovers = [p.name for p in installed_root(config).iterdir() if p.name.startswith(".")]
    assert leftovers == []


CRASH_AT_STEP = """
import os, sys
import waystation.updates.store as store
crash_at, calls = int(sys.argv[1]), [0]

def crashing(function):
    def wrapper(*args, **kwargs):
        calls[0] += 1
        if calls[0] == crash_at:
            os._exit(137)  # the power goes: no cleanup, no flush of anything in Python
        return function(*args, **kwargs)
    return wrapper

for name in ("write_file", "sync_folder", "replace_file", "tidy"):
    setattr(store, name, crashing(getattr(store, name)))
os.replace = crashing(os.replace)
from waystation.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.slow
def test_a_crash_at_every_step_of_the_switch_leaves_old_or_new(cli: Cli, tmp_path: Path) -> None:
    """Deterministic companion of the kill loop: the process dies at each file operation of the
    switch in turn (writing the new set, flushing it, renaming it, moving the pointer)."""
    config = cli_app_data(tmp_path)
    key = make_key(tmp_path / "keys")
    assert cli("content", "trust", str(key.pubfile)).code == 0
    old = make_bundle(key, _marked("2026.11.29.1"), tmp_path / "old.wsbundle", "2026.11.29.1")
    new = make_bundle(key, _marked("2026.11.29.2"), tmp_path / "new.wsbundle", "2026.11.29.2")
    assert cli("content", "install", str(old)).code == 0
    saved = tmp_path / "saved-config"
    shutil.copytree(config, saved)
    env = cli_env(tmp_path / "home")
    seen: list[str] = []
    for step in range(1, 60):
        shutil.rmtree(config)
        shutil.copytree(saved, config)
        command = [sys.executable, "-c", CRASH_AT_STEP, str(step), "content", "install", str(new)]
        code = subprocess.run(command, env=env, capture_output=True, timeout=120).returncode
        versions = _versions(config)
        assert len(versions) == 1, (step, versions)
        seen.append(versions.pop())
        if code == 0:
            break
        assert code == 137, (step, code)
    else:
        pytest.fail("the install never finished")
    print(f"crash at every step: {len(seen) - 1} crash points, outcomes {seen}")
    assert seen[0] == "2026.11.29.1" and seen[-1] == "2026.11.29.2"
    assert seen == sorted(seen)  # old until the pointer moved, new from then on
    assert len(seen) > 8
