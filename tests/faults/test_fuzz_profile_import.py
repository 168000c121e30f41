"""Hypothesis fuzzing of the profile importer (issue 12, item 8): any file given to
``vault import-json`` is either a profile or InvalidInput with a message — never another
exception. Three sources: arbitrary JSON documents, a valid profile with one part replaced by
arbitrary JSON, and arbitrary bytes. What is accepted survives export and import unchanged."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLE_PROFILE
from waystation.errors import InvalidInput
from waystation.rules.history import stay_problems
from waystation.vault import profile_json
from waystation.vault.models import Profile

TODAY = date(2026, 11, 1)
FUZZ = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# every character, unpaired surrogates included (a file may hold "\ud800" escapes)
ANY_TEXT = (
    st.text(st.characters(codec=None), max_size=40)
    | st.sampled_from(["", "2026-02-30", "20260901", "XX", "NaN", "\\ud800", "\ud800", "\ufeff", "9" * 30])
    | st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)
    | st.sampled_from(
        ["GE", "AM", "RU", "BY", "UA", "international", "child", "visa", "residence_permit", "F"]
    )
)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(ANY_TEXT, inner, max_size=6),
    max_leaves=40,
)


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="fuzz-profile-") as folder:
        yield Path(folder) / "profile.json"


OUTCOMES: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def tally() -> Iterator[None]:
    OUTCOMES.clear()
    yield
    print(f"\nprofile import fuzz × {sum(OUTCOMES.values())}: {dict(OUTCOMES)}; other exceptions 0")
    assert OUTCOMES["imported"] > 0 and OUTCOMES["refused"] > 0, "the generators drifted"


def import_bytes(path: Path, data: bytes) -> Profile | None:
    """What ``vault import-json`` does with a file: the profile, or None for InvalidInput."""
    path.write_bytes(data)
    try:
        profile = profile_json.read_file(path, lambda p: stay_problems(p.stays), today=TODAY)
    except InvalidInput as refused:
        assert refused.message.strip(), "a refusal without words"
        assert len(refused.message) < 20_000, "a refusal that is a wall of text"
        OUTCOMES["refused"] += 1
        return None
    OUTCOMES["imported"] += 1
    return profile


def encoded(value: Any, ascii_only: bool) -> bytes:
    return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


def round_trips(profile: Profile) -> None:
    again = profile_json.from_document(json.loads(profile_json.dumps(profile)), today=TODAY)
    assert again == profile


@FUZZ
@given(document=JSON_VALUES, ascii_only=st.booleans())
def test_any_json_document(scratch: Path, document: Any, ascii_only: bool) -> None:
    profile = import_bytes(scratch, encoded(document, ascii_only))
    if profile is not None:
        round_trips(profile)


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths_of(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths_of(item, (*prefix, index))
    return found


SAMPLE_PATHS = paths_of(SAMPLE_PROFILE)[1:]


def replaced(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(document))
    target = copy
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return copy


@FUZZ
@given(path=st.sampled_from(SAMPLE_PATHS), value=JSON_VALUES, ascii_only=st.booleans())
def test_a_valid_profile_with_one_part_replaced(
    scratch: Path, path: tuple[Any, ...], value: Any, ascii_only: bool
) -> None:
    profile = import_bytes(scratch, encoded(replaced(SAMPLE_PROFILE, path, value), ascii_only))
    if profile is not None:
        round_trips(profile)


@FUZZ
@given(
    data=st.binary(max_size=400)
    | st.builds(lambda a, b: a + b, st.just(b'{"format": "waystation-profile/2", '), st.binary(max_size=200))
)
def test_any_bytes(scratch: Path, data: bytes) -> None:
    import_bytes(scratch, data)


@settings(max_examples=40, deadline=None)
@given(depth=st.integers(min_value=1, max_value=50_000), opener=st.sampled_from(["[", '{"a":']))
def test_any_depth(scratch: Path, depth: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    text = opener * depth + "1" + closer * depth
    document = json.dumps({**SAMPLE_PROFILE, "notes": "@@"}).replace('"@@"', text)
    assert import_bytes(scratch, document.encode()) is None or depth <= 1
