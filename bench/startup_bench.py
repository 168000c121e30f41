"""Cold start to the first painted window, from source and in the frozen bundle (dist/waystation,
when `make installer` has built it), each against a bare PySide6 window drawn by the same
interpreter or the same bundle. Timed from starting the process to reading its "painted" line
(waystation/ui/startup_probe.py), so the interpreter's and the bundle's own start count too.
Every run is a fresh process with its own empty settings folder; the median of RUNS is shown."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.table import ms, print_table, ratio

RUNS = 7
REPO = Path(__file__).resolve().parent.parent
FROZEN = REPO / "dist" / "waystation" / "waystation"


def _time(command: list[str], kind: str, config: Path) -> float:
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
    line = proc.stdout.readline().strip()
    elapsed = time.perf_counter() - started
    proc.wait(timeout=60)
    if line != "painted":
        raise RuntimeError(f"{command[0]} ({kind}) did not paint: {line!r}")
    return elapsed


def measure(command: list[str]) -> tuple[float, float]:
    """(app, bare) medians, runs interleaved so that a busy machine slows both alike."""
    app: list[float] = []
    bare: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        _time(command, "bare", Path(tmp) / "warm")  # the first run fills the OS file cache
        for i in range(RUNS):
            bare.append(_time(command, "bare", Path(tmp) / f"b{i}"))
            app.append(_time(command, "app", Path(tmp) / f"a{i}"))
    return statistics.median(app), statistics.median(bare)


def run() -> None:
    rows = []
    source_app, source_bare = measure([sys.executable, "-m", "waystation"])
    rows.append(["from source (venv)", ms(source_app), ms(source_bare), ratio(source_app, source_bare)])
    if FROZEN.is_file():
        frozen_app, frozen_bare = measure([str(FROZEN)])
        rows.append(
            ["frozen (dist/waystation)", ms(frozen_app), ms(frozen_bare), ratio(frozen_app, frozen_bare)]
        )
    else:
        rows.append(["frozen (dist/waystation)", "not built", "(make installer)", "—"])
    print_table(
        f"Cold start to the first painted window (offscreen; median of {RUNS} fresh processes; aim ≤ 2x)",
        ["build", "Waystation", "bare PySide6, same build", "ratio"],
        rows,
    )
