"""No core dump can carry a passphrase: the command line turns dumps off before asking for one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import cli_env

PROBE = """
import resource, sys
from waystation.__main__ import main
from waystation.hardening import is_dumpable
sys.argv = ["waystation", "--version"]
try:
    main()
except SystemExit:
    pass
print(resource.getrlimit(resource.RLIMIT_CORE), is_dumpable())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux-only")
def test_entry_point_turns_core_dumps_off(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=cli_env(tmp_path), timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "(0, 0) False", result.stdout + result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux-only")
def test_the_running_cli_cannot_dump_while_it_waits_for_a_passphrase(tmp_path: Path) -> None:
    """Looked at from outside while it waits on standard input for the passphrase: the process's
    core-size limit is 0 (so a crash now leaves no core holding what it read)."""
    vault = tmp_path / "v.vault"
    vault.write_bytes(b"\0" * 4096)
    proc = subprocess.Popen(
        [sys.executable, "-m", "waystation", "vault", "check", str(vault), "--passphrase-stdin"],
        stdin=subprocess.PIPE,
        cwd=tmp_path,
        env=cli_env(tmp_path),
    )
    try:
        limits = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            limits = Path(f"/proc/{proc.pid}/limits").read_text()
            core = next(line for line in limits.splitlines() if line.startswith("Max core file size"))
            if core.split()[4:6] == ["0", "0"]:
                break
            time.sleep(0.05)
        assert core.split()[4:6] == ["0", "0"], limits
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
