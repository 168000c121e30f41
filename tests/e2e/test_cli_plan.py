"""``status`` with permits and ``plan`` (trip planning) through a real subprocess."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CliResult, pw

PASS = "plan pass"
Cli = Callable[..., CliResult]


def make_vault(cli: Cli, tmp_path: Path, profile: dict[str, Any]) -> Path:
    source = tmp_path / "profile.json"
    source.write_text(json.dumps(profile), encoding="utf-8")
    vault = tmp_path / "person.vault"
    assert cli("vault", "create", str(vault), "--passphrase-stdin", stdin=pw(PASS)).code == 0
    result = cli("vault", "import-json", str(vault), str(source), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 0, result.err
    return vault


@pytest.fixture
def kz_trp_vault(cli: Cli, tmp_path: Path, sample_profile: dict[str, Any]) -> Path:
    sample_profile["host"].update(country="KZ", arrival_date="2026-09-01")
    sample_profile["stays"] = [{"country": "KZ", "entered": "2026-09-01", "left": None}]
    sample_profile["permits"] = [
        {
            "country": "KZ",
            "kind": "residence_permit",
            "category": "TRP",
            "number": None,
            "valid_from": "2026-11-01",
            "valid_until": "2027-06-30",
            "days_allowed": None,
            "entries": None,
        }
    ]
    return make_vault(cli, tmp_path, sample_profile)


def run_json(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli(*args, "--json", "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_status_follows_the_residence_permit(cli: Cli, kz_trp_vault: Path) -> None:
    stay = run_json(cli, "status", str(kz_trp_vault), "--on", "2026-12-15")["stay"]
    assert (stay["basis"], stay["basis_until"], stay["must_leave_by"], stay["days_left"]) == (
        "residence_permit",
        "2027-06-30",
        "2027-06-30",
        197,
    )
    assert stay["present"] is True and stay["visa_free"]["overstayed"] is True
    assert {"rule", "days_used"} <= set(stay)
    before_permit = run_json(cli, "status", str(kz_trp_vault), "--on", "2026-10-01")["stay"]
    assert before_permit["basis"] == "visa_free"
    assert before_permit["must_leave_by"] == "2027-06-30"  # the permit carries the stay on
    text = cli("status", str(kz_trp_vault), "--on", "2026-12-15", "--passphrase-stdin", stdin=pw(PASS))
    assert "on your" in text.out and "Jun 30, 2027" in text.out


def test_plan_a_trip_json(cli: Cli, kz_trp_vault: Path) -> None:
    plan = run_json(
        cli,
        "plan",
        str(kz_trp_vault),
        "--leave",
        "2027-06-20",
        "--return",
        "2027-07-10",
        "--on",
        "2027-01-01",
    )
    assert plan["return"] == "2027-07-10"
    assert set(plan) >= {"return", "must_leave_by", "days_left", "basis", "warnings"}
    # The permit ends while away, and every day spent in Kazakhstan counts in the visa-free window:
    # the count only lets them back once 90 of the last 180 days are free again.
    assert plan["basis"] == "none" and plan["must_leave_by"] is None
    assert any("while you are away" in w for w in plan["warnings"])
    assert plan["earliest_return"] is not None and plan["earliest_return"] > "2027-07-10"
    back = cli(
        "plan",
        str(kz_trp_vault),
        "--leave",
        "2027-06-20",
        "--return",
        plan["earliest_return"],
        "--on",
        "2027-01-01",
        "--json",
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert json.loads(back.out)["basis"] == "visa_free"


def test_plan_says_when_the_count_allows_a_return(
    cli: Cli, tmp_path: Path, sample_profile: dict[str, Any]
) -> None:
    # An arrival is never in the future (an import refuses it), so this story is in the past.
    sample_profile["host"].update(country="KZ", arrival_date="2026-01-01")
    sample_profile["stays"] = [{"country": "KZ", "entered": "2026-01-01", "left": None}]
    vault = make_vault(cli, tmp_path, sample_profile)
    plan = run_json(
        cli, "plan", str(vault), "--leave", "2026-03-31", "--return", "2026-04-10", "--on", "2026-03-01"
    )
    # 90 days used by 31 March: the count lets them back 180 days after 1 January
    assert plan["basis"] == "none" and plan["must_leave_by"] is None and plan["days_left"] is None
    assert plan["earliest_return"] == "2026-06-30"
    assert any("earliest day you may come back" in w for w in plan["warnings"])


@pytest.mark.parametrize(
    ("leave", "back", "message"),
    [
        ("2027-02-10", "2027-02-01", "before the day you leave"),
        ("2026-01-01", "2026-02-01", "in the past"),
        ("10.02.2027", "2027-02-01", "not a date"),
    ],
)
def test_plan_bad_dates_exit_2(cli: Cli, kz_trp_vault: Path, leave: str, back: str, message: str) -> None:
    result = cli(
        "plan",
        str(kz_trp_vault),
        "--leave",
        leave,
        "--return",
        back,
        "--on",
        "2027-01-01",
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert result.code == 2
    assert message in result.err and len(result.err.strip().splitlines()) == 1


def test_plan_text_output(cli: Cli, kz_trp_vault: Path) -> None:
    result = cli(
        "plan",
        str(kz_trp_vault),
        "--leave",
        "2027-02-01",
        "--return",
        "2027-02-10",
        "--on",
        "2027-01-01",
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert result.code == 0, result.err
    assert "8 days away" in result.out and "Jun 30, 2027" in result.out
