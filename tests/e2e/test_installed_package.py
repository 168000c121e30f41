"""``pip install .`` gives a working package: the wheel carries resources and locales, and the
one resource resolver finds them inside the installed package (not in this checkout)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_is_self_contained(tmp_path: Path) -> None:
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = tmp_path.glob("waystation-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "waystation/resources/schemas/profile.schema.json",
        "waystation/resources/schemas/content-pack.schema.json",
        "waystation/resources/content/kz.yaml",
        "waystation/locales/ru/LC_MESSAGES/waystation.po",
    ):
        assert needed in names
    assert any(n.endswith("entry_points.txt") for n in names)

    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = (
        "import waystation, waystation.resources_path as r;"
        "print(waystation.__file__); print(r.data_dir('resources')); print(r.locales_dir())"
    )
    env = {"PYTHONPATH": str(unpacked), "PATH": "/usr/bin:/bin", "WAYSTATION_LANG": "en"}
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert all(line.startswith(str(unpacked)) for line in shown.stdout.split()), shown.stdout
    validated = subprocess.run(
        [sys.executable, "-m", "waystation", "content", "validate"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert validated.returncode == 0, validated.stderr
