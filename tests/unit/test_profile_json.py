"""The profile interchange format (/2 with permits; /1 still imports): strict validation naming the
field, lossless."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from waystation.errors import InvalidInput
from waystation.vault import profile_json
from waystation.vault.connection import Vault
from waystation.vault.models import Stay


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
        (
            "format",
            "waystation-profile/3",
            "format: must be one of: waystation-profile/1, waystation-profile/2",
        ),
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


PERMITS = [
    {
        "country": "GE",
        "kind": "residence_permit",
        "category": "TRP",
        "number": "RP-1",
        "valid_from": "2026-10-01",
        "valid_until": "2027-09-30",
        "days_allowed": None,
        "entries": None,
    },
    {
        "country": "ES",
        "kind": "visa",
        "category": "C",
        "number": None,
        "valid_from": "2027-01-01",
        "valid_until": "2027-06-30",
        "days_allowed": 90,
        "entries": "multiple",
    },
]


def with_permits(sample: dict[str, Any], permits: list[dict[str, Any]]) -> dict[str, Any]:
    sample["permits"] = json.loads(json.dumps(permits))
    return sample


def test_permits_round_trip_through_json_and_vault(tmp_path: Path, sample_profile: dict[str, Any]) -> None:
    document = with_permits(sample_profile, PERMITS)
    profile = profile_json.from_document(document)
    assert [p.kind for p in profile.permits] == ["residence_permit", "visa"]
    assert profile_json.to_document(profile) == document
    with Vault.create(tmp_path / "a.vault", PASSPHRASE) as vault:
        vault.profile.replace(profile)
        assert vault.profile.load() == profile


def test_version_1_files_still_import_and_export_as_version_2(sample_profile: dict[str, Any]) -> None:
    del sample_profile["permits"]
    sample_profile["format"] = "waystation-profile/1"
    profile = profile_json.from_document(sample_profile)
    assert profile.permits == ()
    exported = profile_json.to_document(profile)
    assert exported["format"] == "waystation-profile/2" and exported["permits"] == []


def test_version_1_file_with_permits_is_refused(sample_profile: dict[str, Any]) -> None:
    sample_profile["format"] = "waystation-profile/1"
    problems = profile_json.validate(with_permits(sample_profile, PERMITS))
    assert problems == ["permits: only in waystation-profile/2"]


@pytest.mark.parametrize(
    ("index", "field", "value", "expected"),
    [
        (0, "valid_until", "2026-09-01", "permits[0].valid_until: before valid_from"),
        (1, "days_allowed", 0, "permits[1].days_allowed: must be at least 1"),
        (0, "kind", "work_permit", "permits[0].kind: must be one of"),
        (0, "valid_from", "01.10.2026", "permits[0].valid_from: not a date"),
        (0, "country", "Georgia", "permits[0].country: not a country code"),
        (1, "entries", "double", "permits[1].entries: must be one of"),
        (0, "valid_from", KeyError, "permits[0].valid_from: missing"),
        (0, "extra", 1, "permits[0].extra: unknown field"),
    ],
)
def test_bad_permits_are_named(
    sample_profile: dict[str, Any], index: int, field: str, value: Any, expected: str
) -> None:
    document = with_permits(sample_profile, PERMITS)
    mutate(document, f"permits[{index}].{field}", value)
    problems = profile_json.validate(document)
    assert any(p.startswith(expected) for p in problems), problems


def test_a_d_visa_needs_an_end_date(sample_profile: dict[str, Any]) -> None:
    visa = {**PERMITS[1], "category": "D", "valid_until": None, "days_allowed": None}
    problems = profile_json.validate(with_permits(sample_profile, [visa]))
    assert problems == ["permits[0].valid_until: a D visa needs an end date"]


def test_overlapping_permits_of_one_kind_and_country_are_refused(sample_profile: dict[str, Any]) -> None:
    renewal = {**PERMITS[0], "valid_from": "2027-09-01", "valid_until": "2028-08-31"}
    problems = profile_json.validate(with_permits(sample_profile, [PERMITS[0], renewal]))
    assert len(problems) == 1 and problems[0].startswith("permits[1]: overlaps permits[0]")
    renewal["valid_from"] = "2027-10-01"  # ends the day before: fine
    assert profile_json.validate(with_permits(sample_profile, [PERMITS[0], renewal])) == []
    other_country = {**PERMITS[0], "country": "AM"}
    assert profile_json.validate(with_permits(sample_profile, [PERMITS[0], other_country])) == []


def test_a_bad_permit_writes_nothing(tmp_path: Path, sample_profile: dict[str, Any]) -> None:
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE) as vault:
        vault.profile.replace(profile_json.from_document(with_permits(sample_profile, PERMITS)))
        before = vault.profile.load()
        bad = with_permits(
            json.loads(json.dumps(sample_profile)), [{**PERMITS[0], "valid_until": "2000-01-01"}]
        )
        with pytest.raises(profile_json.ProfileInvalid):
            vault.profile.replace(profile_json.from_document(bad))
        assert vault.profile.load() == before


# -- impossible dates and one truth for the arrival and the entries (issue 11) ------------------

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("host.arrival_date", "2026-11-23", "host.arrival_date: is in the future"),
        ("stays[0].entered", "2026-11-23", "stays[0].entered: is in the future"),
        ("person.date_of_birth", "2026-11-23", "person.date_of_birth: is in the future"),
        ("person.date_of_birth", "2026-09-02", "person.date_of_birth: after the arrival date"),
        ("family[0].date_of_birth", "2026-11-23", "family[0].date_of_birth: is in the future"),
    ],
)
def test_impossible_dates_are_refused(
    sample_profile: dict[str, Any], path: str, value: Any, expected: str
) -> None:
    if path == "host.arrival_date":
        mutate(sample_profile, "stays[0].entered", value)
    problems = profile_json.validate(mutate(sample_profile, path, value), today=TODAY)
    assert any(p.startswith(expected) for p in problems), problems


def test_today_is_the_callers(sample_profile: dict[str, Any]) -> None:
    """The desktop app checks with its own clock: 1 Sep 2026 is the future on 31 Aug 2026."""
    assert profile_json.validate(sample_profile, today=TODAY) == []
    problems = profile_json.validate(sample_profile, today=date(2026, 8, 31))
    assert "host.arrival_date: is in the future" in problems
    assert "stays[0].entered: is in the future" in problems


def test_the_arrival_must_be_the_first_day_of_the_latest_stay(sample_profile: dict[str, Any]) -> None:
    mutate(sample_profile, "host.arrival_date", "2026-08-30")
    problems = profile_json.validate(sample_profile, today=TODAY)
    assert problems == [
        "host.arrival_date: does not match the entries: your latest stay in GE began on 2026-09-01"
    ]


def test_a_border_run_is_no_new_arrival(sample_profile: dict[str, Any]) -> None:
    sample_profile["stays"] = [
        {"country": "GE", "entered": "2026-09-01", "left": "2026-10-05"},
        {"country": "AM", "entered": "2026-10-05", "left": "2026-10-06"},
        {"country": "GE", "entered": "2026-10-06", "left": None},
    ]
    assert profile_json.validate(sample_profile, today=TODAY) == []  # arrival stays 1 Sep
    sample_profile["stays"][0]["left"] = "2026-10-01"  # five days away: a new arrival on 6 Oct
    problems = profile_json.validate(sample_profile, today=TODAY)
    assert problems == [
        "host.arrival_date: does not match the entries: your latest stay in GE began on 2026-10-06"
    ]


def test_an_arrival_with_no_entry_at_all_still_imports(sample_profile: dict[str, Any]) -> None:
    """Vaults and files from before the two were kept in step; the profile screen adds the entry."""
    sample_profile["stays"] = []
    assert profile_json.validate(sample_profile, today=TODAY) == []


def test_current_stay_start() -> None:
    stays = [
        Stay("GE", date(2026, 1, 1), date(2026, 2, 1)),
        Stay("GE", date(2026, 2, 2), None),
        Stay("AM", date(2025, 5, 1), date(2025, 6, 1)),
    ]
    assert profile_json.current_stay_start(stays, "GE") == date(2026, 1, 1)
    assert profile_json.current_stay_start(stays, "AM") == date(2025, 5, 1)
    assert profile_json.current_stay_start(stays, "KZ") is None
