"""Hypothesis fuzzing of the guide loader (issue 12, item 8): any file offered as a country guide
gives either a guide or a list of problems — ``check_pack_file`` never raises, and what it
accepts builds. Three sources: a real guide with one part replaced by arbitrary data, YAML text
assembled from hostile pieces (anchors, aliases, tags, deep nesting, huge numbers, escapes), and
arbitrary bytes."""

from __future__ import annotations

import copy as copy_module
import tempfile
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waystation.content.loader import PackInvalid, build_pack, check_pack_file, load_pack
from waystation.content.yaml_io import read_yaml
from waystation.resources_path import resource

SLOW = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
QUICK = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TEXT = st.text(st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    ["", "2026-02-30", "GE", "residence", "days_after_entry", "9" * 5000, "{{x}}", "<b>x</b>", "\u202e"]
)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | TEXT
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(TEXT, inner, max_size=5),
    max_leaves=30,
)


@pytest.fixture(scope="module")
def guide_file() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="fuzz-guide-") as folder:
        yield Path(folder) / "cz.yaml"


@cache
def real_guide() -> Any:
    return read_yaml(resource("content", "cz.yaml"))


@cache
def guide_paths() -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), real_guide())]
    while stack:
        path, node = stack.pop()
        if path:
            found.append(path)
        if isinstance(node, dict):
            stack.extend(((*path, key), value) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend(((*path, index), value) for index, value in enumerate(node))
    return sorted(found, key=repr)


def replaced(path: tuple[Any, ...], value: Any) -> Any:
    copy = copy_module.deepcopy(real_guide())
    target = copy
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return copy


OUTCOMES: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def tally() -> Iterator[None]:
    OUTCOMES.clear()
    yield
    print(f"\nguide fuzz × {sum(OUTCOMES.values())}: {dict(OUTCOMES)}; other exceptions 0")
    assert OUTCOMES["problems"] > 0 and OUTCOMES["guide"] > 0, "the generators drifted"


def checked(path: Path, content: bytes) -> None:
    """The property: problems or a guide that builds; nothing else may come out."""
    path.write_bytes(content)
    data, problems = check_pack_file(path)
    if not problems:
        build_pack(data)
    try:
        load_pack(path)
    except PackInvalid as refused:
        assert refused.problems and refused.message
        OUTCOMES["problems"] += 1
    else:
        OUTCOMES["guide"] += 1


@SLOW
@given(index=st.integers(min_value=0), value=VALUES)
def test_a_real_guide_with_one_part_replaced(guide_file: Path, index: int, value: Any) -> None:
    paths = guide_paths()
    document = replaced(paths[index % len(paths)], value)
    checked(guide_file, yaml.safe_dump(document, allow_unicode=True).encode("utf-8"))


PIECES = st.sampled_from(
    [
        "country: CZ\n",
        "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
        "steps:\n  - id: x\n    title: {en: t}\n",
        "x: !!python/object/apply:os.system ['true']\n",
        "n: " + "9" * 5000 + "\n",
        "f: 1e" + "9" * 400 + "\n",
        'u: "\\ud800"\n',
        "d: " + "[" * 60 + "]" * 60 + "\n",
        "e: " + "{a: " * 200 + "1" + "}" * 200 + "\n",
        "t: !!binary aGVsbG8=\n",
        "s: !!set {a, b}\n",
        "- list at the top\n",
        "version: 2026-01-01\n",
        "? [complex, key]\n: value\n",
        "%YAML 1.1\n---\n",
        "\t tab: indent\n",
        "\ufeffbom: yes\n",
    ]
)


@QUICK
@given(pieces=st.lists(PIECES | TEXT.map(lambda t: t + "\n"), max_size=6))
def test_yaml_assembled_from_hostile_pieces(guide_file: Path, pieces: list[str]) -> None:
    checked(guide_file, "".join(pieces).encode("utf-8"))


@QUICK
@given(data=st.binary(max_size=500))
def test_any_bytes(guide_file: Path, data: bytes) -> None:
    checked(guide_file, data)
