"""Cold start to the first painted window, from source and in the frozen bundle (dist/waystation,
when `make installer` has built it), each against a bare PySide6 window drawn by the same
interpreter or the same bundle. Timed from starting the process to reading its "painted" line,
printed when the first frame is drawn, and its "settled" line, once the events waiting behind
that frame have run (waystation/ui/startup_probe.py); the interpreter's and the bundle's own
start count too. Every run is a fresh process with its own empty settings folder; the median
of RUNS is shown."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.table import ms, print_table, ratio

RUNS = 11
REPO = Path(__file__).resolve().parent.parent
FROZEN = REPO / "dist" / "waystation" / "waystation"


Timing = tuple[float, float]  # (first frame drawn, waiting events run)


def _time(command: list[str], kind: str, config: Path) -> Timing:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WAYSTATION_STARTUP_PROBE": kind,
        "WAYSTATION_CONFIG_DIR": str(config),
        "WAYSTATION_LANG": "en",
    }
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    lines, moments = [], []
    for _ in range(2):
        lines.append(proc.stdout.readline().strip())
        moments.append(time.perf_counter() - started)
    proc.wait(timeout=60)
    if lines != ["painted", "settled"]:
        raise RuntimeError(f"{command[0]} ({kind}) did not paint: {lines!r}")
    return moments[0], moments[1]


def measure(command: list[str]) -> tuple[Timing, Timing]:
    """(app, bare) medians of (painted, settled), runs interleaved so that a busy machine slows
    both alike."""
    app: list[Timing] = []
    bare: list[Timing] = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("bare", "app"):  # a first run of each fills the OS file cache with its files
            _time(command, kind, Path(tmp) / f"warm-{kind}")
        for i in range(RUNS):
            bare.append(_time(command, "bare", Path(tmp) / f"b{i}"))
            app.append(_time(command, "app", Path(tmp) / f"a{i}"))

    def medians(runs: list[Timing]) -> Timing:
        return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)

    return medians(app), medians(bare)


def _compile_sources() -> None:
    """Byte-compile the app's sources, as Python does on a first start (pip did it for the
    libraries at install): without it, a machine that sets PYTHONDONTWRITEBYTECODE would time
    compiling every module at every start, which no second start of the app does."""
    import compileall

    compileall.compile_dir(REPO / "app" / "waystation", quiet=1)


def _rows(build: str, app: Timing, bare: Timing) -> list[list[str]]:
    return [
        [f"{build}: first frame", ms(app[0]), ms(bare[0]), ratio(app[0], bare[0])],
        [f"{build}: events behind it run", ms(app[1]), ms(bare[1]), ratio(app[1], bare[1])],
    ]


def run() -> None:
    rows = []
    _compile_sources()
    rows += _rows("from source (venv)", *measure([sys.executable, "-m", "waystation"]))
    if FROZEN.is_file():
        rows += _rows("frozen (dist/waystation)", *measure([str(FROZEN)]))
    else:
        rows.append(["frozen (dist/waystation)", "not built", "(make installer)", "—"])
    print_table(
        f"Cold start to the first painted window (offscreen; median of {RUNS} fresh processes; aim ≤ 2x "
        "for the first frame)",
        ["build", "Waystation", "bare PySide6, same build", "ratio"],
        rows,
    )
