"""Desktop app speed: imports and the first painted window timed inside the process (without the
interpreter's own start, so a stricter ratio than bench/startup_bench.py's cold start from
process launch), and unlock to a painted overview, each against a bare PySide6 window measured
the same way; plus resident memory with a vault of
500 documents open on the Documents screen. Every figure comes from a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from bench.table import ms, print_table, ratio

RUNS = 5

BARE = """
import time; start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("Waystation")); w.resize(1100, 720); w.show()
w.repaint(); app.processEvents()
print(time.perf_counter() - start)
"""

OURS = """
import time; start = time.perf_counter()
from PySide6.QtWidgets import QApplication
from waystation.app_settings import SettingsStore
from waystation.ui.main_window import MainWindow
from waystation.ui.session import Session
from waystation.ui.style import apply_style
import sys
app = QApplication([]); apply_style(app, watch_palette=False)  # as ui/launch.py does
session = Session(store=SettingsStore(__import__("pathlib").Path(sys.argv[1])))
w = MainWindow(session); w.show(); w.repaint(); app.processEvents()
print(time.perf_counter() - start)
"""

UNLOCK = """
import json, resource, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from waystation.app_settings import SettingsStore
from waystation.ui.main_window import MainWindow
from waystation.ui.session import Session
app = QApplication([])
session = Session(store=SettingsStore(Path(sys.argv[1]) / "config"))
w = MainWindow(session); w.show(); app.processEvents()
session.preload_library(); session.library  # as while a person types the passphrase
w.workspace  # the screens, built then too (ui/launch.py)
from waystation.vault.connection import Vault
start = time.perf_counter()
Vault.open(Path(sys.argv[1]) / "big.vault", sys.argv[2]).close()  # the key derivation, and opening
kdf = time.perf_counter() - start
start = time.perf_counter()
session.open(Path(sys.argv[1]) / "big.vault", sys.argv[2])
w.enter_workspace(); w.repaint(); app.processEvents()
unlocked = time.perf_counter() - start
start = time.perf_counter()
w.workspace.show_page("documents"); w.repaint(); app.processEvents()
documents = time.perf_counter() - start
# VmHWM is this process's own peak; ru_maxrss would include the benchmark parent's peak
status = Path("/proc/self/status")
hwm = [l for l in status.read_text().splitlines() if l.startswith("VmHWM:")] if status.exists() else []
rss = int(hwm[0].split()[1]) if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"unlock": unlocked, "kdf": kdf, "documents": documents, "rss_kib": rss}))
"""

BARE_UNLOCK = """
import json, sys, time
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
import sqlite3
app = QApplication([])
w = QMainWindow(); w.show(); app.processEvents()
start = time.perf_counter()
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
w.setCentralWidget(QLabel(str(rows))); w.repaint(); app.processEvents()
print(json.dumps({"unlock": time.perf_counter() - start}))
"""


def _run(code: str, *args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def _make_vault(folder: Path, passphrase: str) -> None:
    from datetime import date
    from io import BytesIO

    from PIL import Image

    from waystation.vault.connection import Vault
    from waystation.vault.models import Host, Person, Profile, Stay

    with Vault.create(folder / "big.vault", passphrase) as vault:
        vault.profile.replace(
            Profile(
                person=Person(family_name="Бенчмарк", citizenships=("RU",)),
                host=Host(country="KZ", arrival_date=date(2026, 9, 1)),
                stays=(Stay("KZ", date(2026, 9, 1)),),
            )
        )
        for i in range(500):
            buffer = BytesIO()
            Image.new("RGB", (1200, 900), (i % 255, 90, 140)).save(buffer, "JPEG", quality=70)
            vault.documents.add(buffer.getvalue(), kind="other", title=f"scan {i}")


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bare = _median([float(_run(textwrap.dedent(BARE))) for _ in range(RUNS)])
        ours = _median([float(_run(textwrap.dedent(OURS), str(folder / "cfg"))) for _ in range(RUNS)])
        passphrase = "benchmark passphrase for the ui"
        _make_vault(folder, passphrase)
        plain = folder / "plain.sqlite"
        plain.write_bytes(b"")
        results = [json.loads(_run(textwrap.dedent(UNLOCK), str(folder), passphrase)) for _ in range(5)]
        bare_unlock = _median(
            [json.loads(_run(textwrap.dedent(BARE_UNLOCK), str(plain)))["unlock"] for _ in range(3)]
        )
    unlock = _median([r["unlock"] for r in results])
    beyond_kdf = _median([r["unlock"] - r["kdf"] for r in results])
    kdf = _median([r["kdf"] for r in results])
    documents = _median([r["documents"] for r in results])
    rss_mib = max(r["rss_kib"] for r in results) / 1024
    print_table(
        "Desktop app (offscreen; fresh process per run)",
        ["measure", "Waystation", "bare PySide6", "ratio"],
        [
            ["imports + first painted window, in-process", ms(ours), ms(bare), ratio(ours, bare)],
            [
                "unlock (KDF) to painted overview, guides preloaded",
                ms(unlock),
                ms(bare_unlock) + " (plain sqlite3)",
                ratio(unlock, bare_unlock),
            ],
            [
                f"  of which beyond opening the vault (KDF {ms(kdf)}; aim ≤ 200 ms)",
                ms(beyond_kdf),
                "—",
                "—",
            ],
            ["Documents screen, 500 documents", ms(documents), "—", "—"],
            ["peak resident memory, 500 documents open", f"{rss_mib:.0f} MiB", "—", "—"],
        ],
    )
