"""The waystation-profile/1 interchange format: strict validation naming the field, lossless."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from waystation.errors import InvalidInput
from waystation.vault import profile_json
from waystation.vault.connection import Vault


def test_export_then_import_is_lossless(tmp_path: Path, sample_profile: dict[str, Any]) -> None:
    profile = profile_json.from_document(sample_profile)
    assert profile_json.to_document(profile) == sample_profile
    with Vault.create(tmp_path / "a.vault", PASSPHRASE) as vault:
        vault.profile.replace(profile)
        again = vault.profile.load()
    assert again == profile
    assert json.loads(profile_json.dumps(again)) == sample_profile


def test_minimal_profile_fills_defaults() -> None:
    profile = profile_json.from_document({"format": "waystation-profile/1", "person": {}})
    document = profile_json.to_document(profile)
    assert document["person"]["date_of_birth"] is None
    assert document["stays"] == [] and document["host"]["country"] is None
    assert profile_json.from_document(document) == profile


def mutate(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    target: Any = data
    parts = path.replace("]", "").replace("[", ".").split(".")
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target[part]
    last = parts[-1]
    if value is KeyError:
        del target[last]
    elif last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("person.date_of_birth", "12.04.1990", "person.date_of_birth: not a date"),
        ("person.date_of_birth", "19900412", "person.date_of_birth: not a date"),
        ("person.date_of_birth", "1990-02-30", "person.date_of_birth: not a date"),
        ("person.date_of_birth", "2999-01-01", "person.date_of_birth: is in the future"),
        ("person.citizenships[0]", "XX", "person.citizenships[0]: not a country code"),
        ("person.sex", "female", "person.sex: must be one of"),
        ("person.family_name", 42, "person.family_name: must be string"),
        ("person.nickname", "Маша", "person.nickname: unknown field"),
        ("passports[0].expires", "2010-01-01", "passports[0].expires: before the issue date"),
        ("passports[0].number", KeyError, "passports[0].number: missing"),
        ("host.country", "Georgia", "host.country: not a country code"),
        ("stays[0].left", "2026-08-01", "stays[0].left: the stay ends before it starts"),
        ("stays[0].entered", None, "stays[0].entered: must be string"),
        ("family[0].relation", "cousin", "family[0].relation: must be one of"),
        ("format", "waystation-profile/2", "format: must be 'waystation-profile/1'"),
        ("person", KeyError, "person: missing"),
    ],
)
def test_invalid_fields_are_named(
    sample_profile: dict[str, Any], path: str, value: Any, expected: str
) -> None:
    problems = profile_json.validate(mutate(sample_profile, path, value))
    assert any(p.startswith(expected) for p in problems), problems


def test_every_problem_is_reported_at_once(sample_profile: dict[str, Any]) -> None:
    mutate(sample_profile, "person.date_of_birth", "soon")
    mutate(sample_profile, "host.arrival_date", "yesterday")
    with pytest.raises(profile_json.ProfileInvalid) as caught:
        profile_json.from_document(sample_profile)
    assert len(caught.value.problems) == 2
    assert "person.date_of_birth: not a date" in caught.value.message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00junk", "not UTF-8"),
        (b"[]", "must be a JSON object"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "p.json"
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=message):
        profile_json.read_file(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no file"):
        profile_json.read_file(tmp_path / "nope.json")


def test_byte_order_mark_is_accepted(tmp_path: Path, sample_profile: dict[str, Any]) -> None:
    path = tmp_path / "p.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(sample_profile).encode())
    assert profile_json.read_file(path).person.family_name == "Иванова"
