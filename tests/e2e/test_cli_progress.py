"""step, status, calendar and content through a real subprocess."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.conftest import CliResult, pw

PASS = "progress pass"
Cli = Callable[..., CliResult]


@pytest.fixture
def kz_vault(cli: Cli, tmp_path: Path, sample_profile: dict[str, Any]) -> Path:
    sample_profile["host"]["country"] = "KZ"
    sample_profile["stays"] = [
        {"country": "KZ", "entered": "2026-01-01", "left": "2026-02-14"},
        {"country": "KZ", "entered": "2026-05-01", "left": None},
    ]
    sample_profile["host"]["arrival_date"] = "2026-05-01"
    source = tmp_path / "kz.json"
    source.write_text(json.dumps(sample_profile), encoding="utf-8")
    vault = tmp_path / "kz.vault"
    assert cli("vault", "create", str(vault), "--passphrase-stdin", stdin=pw(PASS)).code == 0
    result = cli("vault", "import-json", str(vault), str(source), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 0, result.err
    return vault


def status_json(cli: Cli, vault: Path, on: str) -> dict[str, Any]:
    result = cli("status", str(vault), "--on", on, "--json", "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_status_json_contract(cli: Cli, kz_vault: Path) -> None:
    status = status_json(cli, kz_vault, "2026-05-01")
    assert status["on"] == "2026-05-01" and status["country"] == "KZ"
    stay = status["stay"]
    assert (stay["rule"], stay["present"], stay["days_used"]) == ("kz.stay.eaeu", True, 46)
    assert (stay["must_leave_by"], stay["days_left"]) == ("2026-06-14", 44)
    assert status["steps"], "the Kazakhstan guide has steps"
    for step in status["steps"]:
        assert set(step) >= {"id", "track", "state", "due", "overdue"}
        assert step["id"].startswith("kz.")
        assert step["state"] in ("todo", "doing", "done", "skipped")
        assert isinstance(step["overdue"], bool)
    notification = next(s for s in status["steps"] if s["id"] == "kz.residence.arrival_notification")
    # The guide counts 2 business days after the entry (3 with the entry day itself): Friday
    # 1 May is a holiday, so Monday 4 and Tuesday 5 May.
    assert notification["due"] == "2026-05-05"


def test_step_marks_progress_and_status_shows_it(cli: Cli, kz_vault: Path) -> None:
    step_id = "kz.residence.arrival_notification"
    late = status_json(cli, kz_vault, "2026-05-20")
    assert next(s for s in late["steps"] if s["id"] == step_id)["overdue"] is True
    result = cli(
        "step", str(kz_vault), step_id, "done", "--date", "2026-05-02", "--passphrase-stdin", stdin=pw(PASS)
    )
    assert result.code == 0, result.err
    after = next(s for s in status_json(cli, kz_vault, "2026-05-20")["steps"] if s["id"] == step_id)
    assert (after["state"], after["overdue"], after["done_on"]) == ("done", False, "2026-05-02")


def test_step_bad_input(cli: Cli, kz_vault: Path) -> None:
    unknown = cli("step", str(kz_vault), "kz.residence.nope", "done", "--passphrase-stdin", stdin=pw(PASS))
    assert unknown.code == 2 and "no step kz.residence.nope" in unknown.err
    bad_state = cli(
        "step",
        str(kz_vault),
        "kz.residence.arrival_notification",
        "finished",
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert bad_state.code == 2


def test_status_text(cli: Cli, kz_vault: Path) -> None:
    result = cli("status", str(kz_vault), "--on", "2026-05-01", "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 0, result.err
    assert "44 more days" in result.out and "Jun 14, 2026" in result.out


def test_status_without_host_country_or_guide(
    cli: Cli, tmp_path: Path, sample_profile: dict[str, Any]
) -> None:
    vault = tmp_path / "a.vault"
    assert cli("vault", "create", str(vault), "--passphrase-stdin", stdin=pw(PASS)).code == 0
    result = cli("status", str(vault), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 2 and "no host country" in result.err
    sample_profile["host"]["country"] = "FR"
    sample_profile["stays"] = []
    source = tmp_path / "fr.json"
    source.write_text(json.dumps(sample_profile), encoding="utf-8")
    assert (
        cli("vault", "import-json", str(vault), str(source), "--passphrase-stdin", stdin=pw(PASS)).code == 0
    )
    result = cli("status", str(vault), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 2 and "no country guide for FR" in result.err and "KZ" in result.err


def test_overlapping_stays_are_refused_on_import(
    cli: Cli, kz_vault: Path, tmp_path: Path, sample_profile: dict[str, Any]
) -> None:
    sample_profile["stays"] = [
        {"country": "KZ", "entered": "2026-01-01", "left": "2026-03-01"},
        {"country": "KZ", "entered": "2026-02-01", "left": None},
    ]
    sample_profile["host"]["arrival_date"] = "2026-01-01"  # as the entries say: only the overlap is wrong
    source = tmp_path / "overlap.json"
    source.write_text(json.dumps(sample_profile), encoding="utf-8")
    result = cli("vault", "import-json", str(kz_vault), str(source), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 2 and "stays:" in result.err and "overlap" in result.err
    assert status_json(cli, kz_vault, "2026-05-01")["stay"]["days_used"] == 46


def test_calendar_export(cli: Cli, kz_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "deadlines.ics"
    result = cli("calendar", str(kz_vault), "--out", str(out), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 0, result.err
    calendar = Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert events and all(list(e.walk("VALARM")) for e in events)
    text = out.read_text("utf-8")
    assert "Иванова" not in text and "IVANOVA" not in text and "751234567" not in text
    again = cli("calendar", str(kz_vault), "--out", str(out), "--passphrase-stdin", stdin=pw(PASS))
    assert again.code == 2 and "already exists" in again.err


def test_content_list_and_validate(cli: Cli, tmp_path: Path) -> None:
    listed = cli("content", "list")
    assert listed.code == 0
    for code in ("GE", "AM", "KZ", "RS", "TR", "DE", "IL"):
        assert f"{code}  " in listed.out
    assert cli("content", "validate").code == 0
    bad = tmp_path / "xx.yaml"
    bad.write_text("format: waystation-pack/1\ncountry: XX\nsteps: []\n", encoding="utf-8")
    result = cli("content", "validate", str(bad))
    assert result.code == 2
    assert "xx.yaml: pack: name: missing" in result.out
    missing = cli("content", "validate", str(tmp_path / "nope.yaml"))
    assert missing.code == 2 and "no file or folder" in missing.err
