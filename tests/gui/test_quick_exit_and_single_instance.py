"""Quick exit really ends the app, and a second start brings the first window forward instead of
opening a second one (issue 11, item 8). Two apps at once can only be two processes: each test
starts the real desktop app (``run_desktop``) offscreen in its own subprocess, with its own
settings folder and runtime folder."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from waystation.ui.single_instance import server_name

REPO = Path(__file__).resolve().parents[2]

# A driver: the real launcher, plus a timer that plays the person (keys, a modal dialog…).
DRIVER = """
import sys, threading, time
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from waystation.ui.launch import run_desktop
from waystation.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])
scenario = sys.argv[1]

original_bring_forward = MainWindow.bring_forward
def bring_forward(self):
    original_bring_forward(self)
    print("brought forward", flush=True)
MainWindow.bring_forward = bring_forward

def main_window():
    return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))

def quick_exit_keys(target):
    QTest.keyClick(target, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

def play():
    window = main_window()
    print("ready", flush=True)
    if scenario == "keys":
        quick_exit_keys(window)
    elif scenario == "under-a-modal-dialog":
        def press_in_dialog():
            dialog = app.activeModalWidget()
            print("dialog open" if dialog is not None else "no dialog", flush=True)
            quick_exit_keys(dialog or window)
        QTimer.singleShot(300, press_in_dialog)
        QMessageBox.question(window, "A question", "Still here?")  # a nested event loop
        print("the dialog returned", flush=True)
    elif scenario == "stuck-thread":
        threading.Thread(target=time.sleep, args=(120,), daemon=False).start()
        window.quick_exit_action.trigger()
    elif scenario == "stay":
        pass

QTimer.singleShot(800, play)
code = run_desktop()
print(f"run_desktop returned {code}", flush=True)
"""


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        WAYSTATION_CONFIG_DIR=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(runtime),
        WAYSTATION_LANG="en",
        PYTHONPATH=os.pathsep.join([str(REPO / "app"), str(REPO)]),
    )
    env.pop("WAYSTATION_PSEUDO", None)
    return env


def _start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[str]]]:
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for process in processes:  # only the processes this test started, by their handle
        if process.poll() is None:
            process.kill()
            process.wait(10)


@pytest.mark.parametrize("scenario", ["keys", "under-a-modal-dialog"])
def test_quick_exit_ends_the_process(
    environment: dict[str, str], started: list[subprocess.Popen[str]], scenario: str
) -> None:
    app = _start(environment, "-c", DRIVER, scenario)
    started.append(app)
    out, err = app.communicate(timeout=60)
    assert app.returncode == 0, err
    assert "ready" in out
    assert "run_desktop returned 0" in out
    if scenario == "under-a-modal-dialog":
        assert "dialog open" in out


def test_quick_exit_ends_the_process_even_when_something_holds_it(
    environment: dict[str, str], started: list[subprocess.Popen[str]]
) -> None:
    began = time.monotonic()
    app = _start(environment, "-c", DRIVER, "stuck-thread")
    started.append(app)
    out, err = app.communicate(timeout=60)
    assert app.returncode == 0, err
    assert "run_desktop returned 0" in out
    assert time.monotonic() - began < 40  # the thread sleeps 120 s: the watchdog ended it


def _server_path(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """The socket the apps started with ``env`` use."""
    monkeypatch.setenv("XDG_RUNTIME_DIR", env["XDG_RUNTIME_DIR"])
    return Path(server_name(Path(env["WAYSTATION_CONFIG_DIR"])))


def _wait_for_line(process: subprocess.Popen[str], wanted: str, seconds: float = 40) -> None:
    assert process.stdout is not None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if wanted in line:
            return
        if not line and process.poll() is not None:
            break
    raise AssertionError(f"{wanted!r} never came")


def test_a_second_start_brings_the_first_window_forward(
    environment: dict[str, str],
    started: list[subprocess.Popen[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = _start(environment, "-c", DRIVER, "stay")
    started.append(first)
    _wait_for_line(first, "ready")

    second = _start(environment, "-m", "waystation")  # the real entry point
    started.append(second)
    _out, err = second.communicate(timeout=60)
    assert second.returncode == 0
    assert "already running" in err
    _wait_for_line(first, "brought forward")
    assert first.poll() is None  # the first app goes on

    # the socket: in the private runtime folder, named after nothing personal
    socket = _server_path(environment, monkeypatch)
    assert socket.parent == tmp_path / "runtime" and socket.exists()
    assert socket.name.startswith("s-") and "config" not in socket.name and "waystation" not in socket.name
    assert os.environ.get("USER", "\0") not in socket.name


def test_another_settings_folder_is_another_app(
    environment: dict[str, str], started: list[subprocess.Popen[str]], tmp_path: Path
) -> None:
    first = _start(environment, "-c", DRIVER, "stay")
    started.append(first)
    _wait_for_line(first, "ready")
    portable = dict(environment, WAYSTATION_CONFIG_DIR=str(tmp_path / "portable"))
    second = _start(portable, "-c", DRIVER, "keys")
    started.append(second)
    out, _err = second.communicate(timeout=60)
    assert "ready" in out and "run_desktop returned 0" in out  # it ran its own window


def test_a_socket_left_by_a_crash_is_replaced(
    environment: dict[str, str], started: list[subprocess.Popen[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = _start(environment, "-c", DRIVER, "stay")
    started.append(crashed)
    _wait_for_line(crashed, "ready")
    crashed.kill()  # no clean-up: the socket file stays behind
    crashed.wait(10)
    assert _server_path(environment, monkeypatch).exists()
    again = _start(environment, "-c", DRIVER, "keys")
    started.append(again)
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert "ready" in out and "already running" not in err
