"""Shared fixtures: real vault files in a temporary folder, and the CLI run as a subprocess."""

from __future__ import annotations

import json
import logging
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import shuffle_order
from waystation.i18n import set_language

PASSPHRASE = "correct horse 'battery' стейпл 🐎"
REPO = Path(__file__).resolve().parent.parent

SAMPLE_PROFILE = {
    "format": "waystation-profile/2",
    "person": {
        "family_name": "Иванова",
        "given_names": "Мария",
        "patronymic": "Сергеевна",
        "family_name_latin": "IVANOVA",
        "given_names_latin": "MARIIA",
        "date_of_birth": "1990-04-12",
        "place_of_birth": "Новосибирск",
        "sex": "F",
        "citizenships": ["RU"],
        "phone": "+995 555 123 456",
        "email": "m@example.org",
    },
    "passports": [
        {
            "number": "751234567",
            "kind": "international",
            "issued": "2019-05-20",
            "expires": "2029-05-20",
            "authority": "МВД 54001",
        }
    ],
    "host": {
        "country": "GE",
        "city": "Tbilisi",
        "address": "Rustaveli 1",
        "arrival_date": "2026-09-01",
    },
    "stays": [{"country": "GE", "entered": "2026-09-01", "left": None}],
    "family": [
        {
            "relation": "child",
            "family_name": "Иванов",
            "given_names": "Пётр",
            "date_of_birth": "2016-02-03",
        }
    ],
    "permits": [],
    "notes": "Первая заметка",
}


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


@pytest.fixture
def sample_profile() -> dict[str, object]:
    return json.loads(json.dumps(SAMPLE_PROFILE))


@pytest.fixture
def profile_file(tmp_path: Path, sample_profile: dict[str, object]) -> Path:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(sample_profile, ensure_ascii=False), encoding="utf-8")
    return path


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def cli_env(home: Path) -> dict[str, str]:
    """A clean environment whose home, config, cache and temp folders all live under ``home``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "WAYSTATION_"))}
    for name in ("config", "cache", "data", "state", "tmp"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        TMPDIR=str(home / "tmp"),
        WAYSTATION_LANG="en",
        PYTHONDONTWRITEBYTECODE="1",
        QT_QPA_PLATFORM="offscreen",
    )
    return env


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., CliResult]:
    home = tmp_path / "home"
    env = cli_env(home)

    def run(
        *args: str, stdin: str = "", timeout: float = 120, extra_env: dict[str, str] | None = None
    ) -> CliResult:
        proc = subprocess.run(
            [sys.executable, "-m", "waystation", *args],
            input=stdin,
            capture_output=True,
            text=True,
            errors="replace",  # file names in a legacy encoding come back as their bytes
            env={**env, **(extra_env or {})},
            cwd=tmp_path,
            timeout=timeout,
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    return run


def pw(*lines: str) -> str:
    """Standard input for --passphrase-stdin."""
    return "".join(f"{line}\n" for line in lines)


def one_line_error(result: CliResult) -> str:
    """The command's one line on standard error (a failure says one thing, never a traceback)."""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err
    return lines[0]


@pytest.fixture(autouse=True)
def _fail_on_unexpected_log_records(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """A warning or an error logged by Waystation fails the test (qutebrowser's logfail): a bug
    swallowed into ``log.error`` in a worker must not pass unnoticed. Tests that cause one on
    purpose say so with ``@pytest.mark.logs_expected``."""
    caplog.set_level(logging.WARNING, logger="waystation")
    yield
    if request.node.get_closest_marker("logs_expected"):
        return
    loud = [
        r
        for r in caplog.get_records("call")
        if r.name.startswith("waystation") and r.levelno >= logging.WARNING
    ]
    if loud:
        pytest.fail(
            "unexpected log records: " + "; ".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in loud)
        )


# -- random order on demand (tests/shuffle_order.py) ---------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    shuffle_order.add_option(parser)


def pytest_configure(config: pytest.Config) -> None:
    shuffle_order.choose_seed(config)


def pytest_report_header(config: pytest.Config) -> str | None:
    return shuffle_order.header(config)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    shuffle_order.reorder(config, items)
