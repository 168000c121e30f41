"""The frozen app's smoke test (CI, `make installer-smoke`): python -m installer.smoke dist/waystation

1. ``waystation --version`` names the version, the commit and the build date;
2. ``waystation --selftest`` passes offscreen as an installed app;
3. ``--portable-setup`` makes a portable copy, and its ``--selftest`` passes in portable mode;
4. in every run HOME, the XDG folders and TMPDIR point at empty folders of their own: afterwards
   no file there holds the selftest's person's name (the canary); after the portable run they
   must hold nothing at all, and the canary is nowhere outside the stick's data/tmp (which the
   selftest empties again);
5. (Linux) the bundle's ICU answers from its trimmed data (installer/icu_check.py);
6. a portable copy on a read-only folder still passes its selftest and says it cannot save
   (where root can make a folder read-only here: chattr +i).

Any failure prints one line per problem and exits 1.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

CANARY = "Тестова"  # the family name waystation.ui.selftest gives its throwaway person
ENV_FOLDERS = {
    "HOME": "home",
    "XDG_CONFIG_HOME": "config",
    "XDG_CACHE_HOME": "cache",
    "XDG_DATA_HOME": "data",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "runtime",
    "TMPDIR": "tmp",
}
TIMEOUT = 300


def isolated_env(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "WAYSTATION_", "PYTHON"))}
    for variable, name in ENV_FOLDERS.items():
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        if variable == "XDG_RUNTIME_DIR":
            folder.chmod(0o700)
        env[variable] = str(folder)
    env.update(QT_QPA_PLATFORM="offscreen", WAYSTATION_LANG="en", LANG="C.UTF-8")
    return env


def run(executable: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), *args], capture_output=True, text=True, env=env, timeout=TIMEOUT, check=False
    )


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() or p.is_symlink())


def canary_holders(root: Path) -> list[Path]:
    needles = [CANARY.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]
    found = []
    for path in files_under(root):
        with contextlib.suppress(OSError):
            data = path.read_bytes()
            if any(n in data for n in needles):
                found.append(path)
    return found


@contextlib.contextmanager
def immutable(folder: Path) -> Iterator[bool]:
    """``folder`` made read-only even for root (chattr +i); yields False where that cannot be done."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield True
        finally:
            folder.chmod(0o755)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode:
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


class Smoke:
    def __init__(self, bundle: Path, work: Path) -> None:
        self.bundle = bundle
        self.executable = bundle / ("waystation.exe" if sys.platform == "win32" else "waystation")
        self.work = work
        self.problems: list[str] = []

    def check(self, ok: bool, problem: str) -> bool:
        if not ok:
            self.problems.append(problem)
        return ok

    def version(self) -> None:
        env = isolated_env(self.work / "version")
        done = run(self.executable, "--version", env=env)
        text = done.stdout
        self.check(done.returncode == 0, f"--version exited {done.returncode}: {done.stderr.strip()}")
        self.check(text.startswith("waystation "), f"--version printed {text[:80]!r}")
        for label in ("Commit:", "Built:", "Qt:", "PySide6:", "SQLCipher:", "Python:", "Mode:", "Settings:"):
            self.check(label in text, f"--version does not say {label}")
        self.check("running from the source" not in text, "--version: the bundle carries no build stamp")
        print(text.strip())

    def icu(self) -> None:
        """The bundle's ICU, with its trimmed data, answers what Qt may ask it (installer/icu_check.py)."""
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "installer.icu_check",
                str(self.bundle / "_internal" / "PySide6" / "Qt" / "lib"),
            ],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        self.check(
            done.returncode == 0, f"ICU check exited {done.returncode}: {(done.stdout + done.stderr).strip()}"
        )
        print(f"ICU: {done.stdout.strip()}")

    def selftest(self, executable: Path, name: str, expect_mode: str) -> Path:
        root = self.work / name
        env = isolated_env(root)
        started = time.perf_counter()
        done = run(executable, "--selftest", env=env)
        elapsed = time.perf_counter() - started
        out = done.stdout.strip()
        self.check(
            done.returncode == 0, f"{name}: --selftest exited {done.returncode}: {done.stderr.strip()[-400:]}"
        )
        self.check("selftest ok" in out, f"{name}: --selftest did not report success: {out[-200:]!r}")
        self.check(expect_mode in out, f"{name}: expected {expect_mode!r} in {out!r}")
        holders = canary_holders(root)
        self.check(not holders, f"{name}: the canary is in {', '.join(map(str, holders))}")
        print(f"{name}: {out.splitlines()[-1] if out else '(no output)'} — {elapsed:.1f} s")
        return root

    def portable(self) -> None:
        stick = self.work / "stick"
        stick.mkdir()
        done = run(self.executable, "--portable-setup", str(stick), env=isolated_env(self.work / "setup"))
        if not self.check(
            done.returncode == 0, f"--portable-setup exited {done.returncode}: {done.stderr.strip()}"
        ):
            return
        copy = stick / "waystation"
        self.check((copy / ".portable").is_file(), "--portable-setup wrote no .portable marker")
        again = run(self.executable, "--portable-setup", str(stick), env=isolated_env(self.work / "setup"))
        self.check(again.returncode == 2, f"--portable-setup over an existing copy exited {again.returncode}")
        root = self.selftest(copy / self.executable.name, "portable", "mode: portable")
        left = files_under(root)
        self.check(not left, "portable: written outside the stick: " + ", ".join(map(str, left[:10])))
        holders = [p for p in canary_holders(copy / "data")]
        self.check(not holders, f"portable: the canary stayed in {', '.join(map(str, holders))}")
        self.read_only(copy)

    def read_only(self, copy: Path) -> None:
        ro = self.work / "ro-stick" / "waystation"
        ro.parent.mkdir()
        shutil.copytree(copy, ro, symlinks=True, ignore=shutil.ignore_patterns("data"))
        with immutable(ro) as made:
            if not made:
                print("read-only stick: skipped (this machine cannot make a folder read-only for root)")
                return
            root = self.selftest(
                ro / self.executable.name, "read-only portable", "read-only, settings not kept"
            )
            self.check(not (ro / "data").exists(), "read-only portable: data/ appeared")
            left = [p for p in files_under(root) if not str(p).startswith(str(root / "tmp"))]
            self.check(
                not left, "read-only portable: written outside temp: " + ", ".join(map(str, left[:10]))
            )


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else "dist/waystation").resolve()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="waystation-smoke-") as tmp:
        smoke = Smoke(bundle, Path(tmp))
        if not smoke.executable.is_file():
            print(f"smoke: {smoke.executable} is missing (make installer first)", file=sys.stderr)
            return 1
        smoke.version()
        if sys.platform.startswith("linux"):
            smoke.icu()
        smoke.selftest(smoke.executable, "installed", "mode: installed")
        smoke.portable()
    for problem in smoke.problems:
        print(f"smoke: FAILED: {problem}", file=sys.stderr)
    print(
        f"frozen smoke test: {'failed' if smoke.problems else 'passed'} in {time.perf_counter() - started:.0f} s"
    )
    return 1 if smoke.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
