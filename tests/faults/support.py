"""Shared pieces of the fault and attack suite (tests/faults/) and of the older e2e tests that kill,
hold or starve the vault: the CLI as a child process, killing it, disks that are full or read-only,
a second process holding a vault, and what a vault holds (to tell old from new from lost).

Root can do what an attacker's world does: mount a small tmpfs (a real full disk), remount a
folder read-only (a locked USB stick). Without root the full disk becomes RLIMIT_FSIZE and the
read-only folder becomes mode 0555; what cannot be done is skipped with the reason.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, CliResult, cli_env
from waystation.errors import WaystationError, WrongPassphrase
from waystation.vault import copies
from waystation.vault.connection import Vault

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# Holds a vault open (and so locked) until its standard input closes.
HOLDER = textwrap.dedent(
    """
    import sys
    from waystation.vault.connection import Vault
    vault = Vault.open(sys.argv[1], sys.argv[2])
    print("ready", flush=True)
    sys.stdin.read()
    vault.close()
    """
)

# Saves forever, printing each save once it is committed.
WRITER = textwrap.dedent(
    """
    import hashlib, sys
    from waystation.vault.connection import Vault
    vault = Vault.open(sys.argv[1], sys.argv[2])
    i = 0
    while True:
        data = hashlib.sha256(str(i).encode()).digest() * 2048
        info = vault.documents.add(data, kind="other", title=str(i))
        vault.progress.set(f"step.{i}", "done")
        print(info.id, i, flush=True)
        i += 1
    """
)

# A write transaction big enough to spill pages into the vault before it commits, then a hang.
SPILLER = textwrap.dedent(
    """
    import sys
    from waystation.vault.connection import Vault
    vault = Vault.open(sys.argv[1], sys.argv[2])
    with vault.transaction() as conn:
        for i in range(6000):
            conn.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (f"k{i}", "x" * 3000))
        print("inside", flush=True)
        sys.stdin.read()
    """
)


# -- the command line as a child process ----------------------------------------------------------


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "waystation", *args]


def run_cli(
    home: Path,
    *args: str,
    stdin: str = "",
    cwd: Path | None = None,
    file_size_limit: int | None = None,
    umask: int | None = None,
    timeout: float = 120,
) -> CliResult:
    """The CLI run to the end, with an environment whose every folder is under ``home``;
    optionally under RLIMIT_FSIZE or with a given umask (both set in the child only)."""

    def limit() -> None:
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))
        if umask is not None:
            os.umask(umask)

    proc = subprocess.run(
        command(*args),
        input=stdin,
        capture_output=True,
        text=True,
        errors="replace",
        env=cli_env(home),
        cwd=cwd or home,
        preexec_fn=limit if file_size_limit is not None or umask is not None else None,
        timeout=timeout,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def start_cli(home: Path, *args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.Popen[bytes]:
    """The CLI started, its standard input written and closed; it runs on its own."""
    proc = subprocess.Popen(
        command(*args),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=cli_env(home),
        cwd=cwd or home,
    )
    assert proc.stdin is not None
    proc.stdin.write(stdin.encode("utf-8"))
    proc.stdin.close()
    return proc


def kill_after(proc: subprocess.Popen[bytes], delay: float) -> bool:
    """SIGKILL ``proc`` after ``delay`` seconds; True if it was still running (it was killed)."""
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def duration_of(home: Path, *args: str, stdin: str = "", cwd: Path | None = None) -> float:
    """How long one uninterrupted run takes (to aim the kills), checking it succeeds."""
    started = time.monotonic()
    result = run_cli(home, *args, stdin=stdin, cwd=cwd)
    assert result.code == 0, result.err
    return time.monotonic() - started


def one_clear_line(result: CliResult) -> bool:
    """An error the person can read: one line, no traceback, not called a bug."""
    lines = result.err.strip().splitlines()
    return (
        len(lines) == 1
        and "Traceback" not in result.err
        and "bug" not in result.err
        and lines[0].startswith("waystation: ")
    )


# -- what a vault holds -----------------------------------------------------------------------------


@dataclass(frozen=True)
class VaultState:
    passphrase: str  # the one that opened it
    digest: str  # every row of every table (copies.content_digest)
    intact: bool  # both integrity checks passed


def state_of(path: Path, passphrases: Sequence[str]) -> VaultState | None:
    """What the vault at ``path`` holds, opened with the first passphrase that works; None if
    none does (or the file is gone). Opening removes what a killed operation left beside it."""
    for passphrase in passphrases:
        try:
            with Vault.open(path, passphrase) as vault:
                report = copies.check(vault)
                return VaultState(passphrase, copies.content_digest(vault.conn), report.ok)
        except WrongPassphrase:
            continue
        except (WaystationError, FileNotFoundError):
            return None
    return None


def fingerprint(path: Path) -> tuple[str, int, int]:
    info = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), info.st_size, info.st_mtime_ns


def crashed_mid_write(folder: Path) -> Path:
    """A vault whose writer was killed inside a big transaction: a hot journal beside it."""
    path = folder / "crashed.vault"
    with Vault.create(path, PASSPHRASE) as vault:
        vault.settings.set("kept", "yes")
    proc = subprocess.Popen(
        [sys.executable, "-c", SPILLER, str(path), PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "inside"
    proc.kill()
    proc.wait()
    journal = path.with_name(path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0, "no hot journal was left"
    return path


def hot_journal(path: Path) -> bool:
    journal = path.with_name(path.name + "-journal")
    return journal.exists() and journal.stat().st_size > 0


def files_holding(folder: Path, needles: Sequence[str]) -> list[Path]:
    """Files below ``folder`` holding any of ``needles`` in UTF-8 or UTF-16: plaintext leftovers."""
    encoded = [n.encode(e) for n in needles for e in ("utf-8", "utf-16-le", "utf-16-be")]
    found = []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            with contextlib.suppress(OSError):
                data = path.read_bytes()
                if any(needle in data for needle in encoded):
                    found.append(path)
    return found


# -- another process on the vault -----------------------------------------------------------------


StartHolder = Callable[..., subprocess.Popen[str]]


def holding_processes() -> Iterator[StartHolder]:
    """For a fixture: start processes that hold a vault open until their standard input is
    closed (``start(path, passphrase=PASSPHRASE)``); all are killed at the end."""
    started: list[subprocess.Popen[str]] = []

    def start(path: Path, passphrase: str = PASSPHRASE) -> subprocess.Popen[str]:
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), passphrase],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        started.append(proc)
        return proc

    yield start
    for proc in started:
        proc.kill()
        proc.wait()


# -- disks that refuse ----------------------------------------------------------------------------


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` refuse new files, even for root (who ignores permission bits): files in it
    stay writable, as in a folder the person may not write to."""
    if IS_ROOT:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(folder)]).returncode:
            pytest.skip("cannot make a folder read-only for root here (no chattr +i)")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        os.chmod(folder, 0o555)
        try:
            yield
        finally:
            os.chmod(folder, 0o755)


@contextlib.contextmanager
def read_only_medium(folder: Path) -> Iterator[None]:
    """``folder`` remounted read-only, files and all (a locked SD card, a read-only mount).
    Needs root; otherwise the folder's files and the folder lose their write bits."""
    if IS_ROOT:
        if subprocess.run(["mount", "--bind", str(folder), str(folder)]).returncode:
            pytest.skip("cannot bind-mount here (mount --bind refused)")
        try:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
            yield
        finally:
            subprocess.run(["umount", str(folder)], check=True)
    else:
        modes = {p: p.stat().st_mode for p in folder.iterdir()}
        for path in modes:
            os.chmod(path, 0o400)
        os.chmod(folder, 0o555)
        try:
            yield
        finally:
            os.chmod(folder, 0o755)
            for path, mode in modes.items():
                os.chmod(path, mode)


@contextlib.contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A real disk of ``size`` (a tmpfs, e.g. "4m") mounted on ``folder``; root only."""
    if not IS_ROOT:
        pytest.skip("a real full disk needs root (mount -t tmpfs); RLIMIT_FSIZE covers it otherwise")
    folder.mkdir(parents=True, exist_ok=True)
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)]
    ).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill_disk(folder: Path, leave: int = 0) -> Path:
    """Fill the disk ``folder`` is on until it refuses, then free ``leave`` bytes again."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 65536)
        with contextlib.suppress(OSError):
            while True:
                os.write(fd, b"\0" * 512)
        if leave:
            os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
    finally:
        os.close(fd)
    return filler
