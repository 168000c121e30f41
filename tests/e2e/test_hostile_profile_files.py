"""Hostile profile files given to ``vault import-json`` (issue 12): JSON nested 10,000 deep, a
5,000-digit number, an unpaired surrogate, NaN, lists of a million items, ``/dev/zero`` and a FIFO.
Each was "a bug" (exit 1) or a hang; each is now exit 2 with one clear line, quickly, and the
vault keeps the profile it had."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CliResult, pw
from tests.faults.support import one_clear_line
from waystation.errors import InvalidInput
from waystation.vault import profile_json
from waystation.vault.connection import Vault

PASS = "hostile profile pass"
Cli = Callable[..., CliResult]


@pytest.fixture
def vault(tmp_path: Path, sample_profile: dict[str, Any]) -> Path:
    path = tmp_path / "kept.vault"
    with Vault.create(path, PASS) as opened:
        opened.profile.replace(profile_json.from_document(sample_profile))
    return path


def stored_document(path: Path) -> dict[str, Any]:
    with Vault.open(path, PASS) as opened:
        return profile_json.to_document(opened.profile.load())


def with_field(sample: dict[str, Any], raw_notes: str) -> str:
    """The sample profile as JSON text, its notes replaced by ``raw_notes`` (raw JSON)."""
    text = json.dumps({**sample, "notes": "@@"}, ensure_ascii=False)
    return text.replace('"@@"', raw_notes)


HOSTILE: dict[str, Callable[[dict[str, Any]], str]] = {
    "nested 10,000 deep": lambda s: with_field(s, "[" * 10_000 + "]" * 10_000),
    "nested 500 deep": lambda s: with_field(s, '{"a":' * 500 + "1" + "}" * 500),
    "a 5,000-digit number": lambda s: with_field(s, "9" * 5000),
    "a 5,000-digit float": lambda s: with_field(s, "1." + "3" * 5000),
    "an unpaired surrogate": lambda s: with_field(s, '"note \\ud800 here"'),
    "a surrogate in a key": lambda s: json.dumps({**s, "\udc80": 1}, ensure_ascii=True),
    "NaN": lambda s: with_field(s, "NaN"),
    "a million passports": lambda s: json.dumps({**s, "passports": [{}] * 1_000_000}),
    "an object of 300,000 fields": lambda s: json.dumps(
        {**s, "person": {f"k{i}": 1 for i in range(300_000)}}
    ),
}

EXPECTED = {
    "nested 10,000 deep": "nested too deeply",
    "nested 500 deep": "nested too deeply",
    "a 5,000-digit number": "number longer than 20 digits",
    "a 5,000-digit float": "number longer than 20 digits",
    "an unpaired surrogate": "notes: contains a broken character",
    "a surrogate in a key": "\ufffd: contains a broken character",
    "NaN": "NaN is not a number JSON allows",
    "a million passports": "passports: too many items",
    "an object of 300,000 fields": "person: too many fields",
}


# Through the real command line: one attack in every run, all of them in the slow run (each is a
# process of its own); the core's answer to every attack is checked in-process just below.
ON_EVERY_RUN = {"nested 10,000 deep"}
CLI_ATTACKS = [
    pytest.param(name, marks=() if name in ON_EVERY_RUN else pytest.mark.slow, id=name) for name in HOSTILE
]


@pytest.mark.parametrize("attack", list(HOSTILE))
def test_the_core_refuses_every_hostile_profile_with_invalid_input(
    tmp_path: Path, sample_profile: dict[str, Any], attack: str
) -> None:
    hostile = tmp_path / "hostile.json"
    hostile.write_text(HOSTILE[attack](sample_profile), encoding="utf-8", errors="surrogatepass")
    started = time.monotonic()
    with pytest.raises(InvalidInput) as refused:
        profile_json.read_file(hostile)
    assert EXPECTED[attack] in str(refused.value)
    assert "\n" not in str(refused.value).strip()
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("attack", CLI_ATTACKS)
def test_a_hostile_profile_is_refused_clearly_and_quickly(
    cli: Cli, tmp_path: Path, vault: Path, sample_profile: dict[str, Any], attack: str
) -> None:
    before = stored_document(vault)
    hostile = tmp_path / "hostile.json"
    hostile.write_text(HOSTILE[attack](sample_profile), encoding="utf-8", errors="surrogatepass")
    started = time.monotonic()
    result = cli("vault", "import-json", str(vault), str(hostile), "--passphrase-stdin", stdin=pw(PASS))
    took = time.monotonic() - started
    assert result.code == 2, result.err
    assert one_clear_line(result), result.err
    assert EXPECTED[attack] in result.err
    assert took < 20, f"{attack} took {took:.1f} s"
    assert stored_document(vault) == before


@pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
def test_the_core_refuses_a_device_or_a_fifo(tmp_path: Path, source: str) -> None:
    path = special_file(tmp_path, source)
    with pytest.raises(InvalidInput, match="not an ordinary file"):
        profile_json.read_file(path)


def special_file(tmp_path: Path, source: str) -> Path:
    if source == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        path = tmp_path / "profile.json"
        os.mkfifo(path)
        return path
    if not Path(source).exists():
        pytest.skip(f"no {source} here")
    return Path(source)


@pytest.mark.slow  # the core's answer is checked in every run, above
@pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
def test_a_device_or_a_fifo_is_refused_without_hanging(
    cli: Cli, tmp_path: Path, vault: Path, source: str
) -> None:
    path = special_file(tmp_path, source)
    before = stored_document(vault)
    result = cli(
        "vault", "import-json", str(vault), str(path), "--passphrase-stdin", stdin=pw(PASS), timeout=30
    )
    assert result.code == 2, result.err
    assert "not an ordinary file" in result.err and one_clear_line(result)
    assert stored_document(vault) == before


@pytest.mark.slow
def test_the_longest_lists_a_profile_may_hold_still_import(
    cli: Cli, tmp_path: Path, vault: Path, sample_profile: dict[str, Any]
) -> None:
    """The caps are far above real life: 5,000 stays (a border run every other day for 27 years)."""
    first = date(1991, 1, 1).toordinal()
    stays = [
        {
            "country": "AM",
            "entered": date.fromordinal(first + 2 * i).isoformat(),
            "left": date.fromordinal(first + 2 * i + 1).isoformat(),
        }
        for i in range(4990)
    ]
    sample_profile["stays"] = [*sample_profile["stays"], *stays]
    big = tmp_path / "big.json"
    big.write_text(json.dumps(sample_profile), encoding="utf-8")
    started = time.monotonic()
    result = cli("vault", "import-json", str(vault), str(big), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 0, result.err
    assert time.monotonic() - started < 60
    assert len(stored_document(vault)["stays"]) == 4991
