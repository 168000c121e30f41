"""The first window is drawn before the heavy libraries are loaded: the vault code and SQLCipher,
Babel, the guides, `holidays`, the PDF and picture libraries and the screens behind the start
screen all come after the first paint (Session.preload_library, on a thread of its own); so do
the help desk's parts an ordinary start does not show (its record, its settings, the banners).
PySide's import hook does not read the app's sources through ``inspect`` on the way
(ui/pyside_imports.py). Checked in a fresh process, since this one has imported everything
already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from installer.stamp import REPO

HEAVY = (
    "babel",
    "sqlcipher3",
    "waystation.vault.connection",
    "waystation.content.loader",
    "waystation.ui.workspace",
    "holidays",
    "jsonschema",
    "reportlab",
    "pypdf",
    "pypdfium2",
    "PIL",
    "cryptography",
    "waystation.helpdesk.desk_record",
    "waystation.ui.helpdesk.desk_section",
    "waystation.ui.widgets.date_input",
)


def run_waystation(
    tmp_path: Path, *args: str, language: str = "en", probe: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Python running ``args`` in a fresh process, offscreen, with its own settings folder."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "WAYSTATION_CONFIG_DIR": str(tmp_path / "config"),
        "WAYSTATION_LANG": language,
    }
    if probe is not None:
        env["WAYSTATION_STARTUP_PROBE"] = probe
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def run_first_window(tmp_path: Path, language: str) -> dict[str, Any]:
    code = (
        "import json, linecache, sys\n"
        "from waystation.ui.startup_probe import first_window\n"
        "app, session, window = first_window()\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "read = [name for name in linecache.cache if '/waystation/' in name.replace(chr(92), '/')]\n"
        "built = [name for name in ('_guest_banner', '_ending_line') if getattr(window, name) is not None]\n"
        "print(json.dumps({'heavy': heavy, 'visible': window.isVisible(), 'read': read, 'built': built,\n"
        "    'end_icon': not window.end_action.icon().isNull()}))\n"
    )
    done = run_waystation(tmp_path, "-c", code, language=language)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def compiled(language: str) -> bool:
    """Whether the checkout has the language's catalog compiled (`make run` does it); if not, the
    app compiles it in memory at start, with Babel."""
    po = REPO / "locales" / language / "LC_MESSAGES" / "waystation.po"
    mo = po.with_suffix(".mo")
    return mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime


def test_the_first_window_is_painted_before_the_heavy_libraries_load(tmp_path: Path) -> None:
    for language in ("en", "ru"):
        result = run_first_window(tmp_path / language, language)
        assert result["visible"] is True
        allowed = [] if language == "en" or compiled(language) else ["babel"]
        assert result["heavy"] == allowed, f"loaded before the first paint ({language}): {result['heavy']}"
        assert result["read"] == [], "PySide's import hook read the app's sources through inspect"
        assert result["built"] == [] and result["end_icon"] is False  # nothing of a desk shows


def test_the_start_up_probe_reports_the_first_frame_then_the_settled_window(tmp_path: Path) -> None:
    """What `make bench` reads (bench/startup_bench.py), from the app and from a bare window."""
    for kind in ("app", "bare"):
        done = run_waystation(tmp_path / kind, "-m", "waystation", probe=kind)
        assert done.stdout.split() == ["painted", "settled"]
