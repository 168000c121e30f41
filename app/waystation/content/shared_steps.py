"""Steps every guide shares: the "documents from home" a person can only get from the country
they left (passports, civil-status certificates, criminal-record certificates, apostilles,
powers of attorney). They do not depend on the host country, so they are written once, in
``resources/content/shared/*.yaml``, and merged into every guide.

A shared step's id starts with ``xx.`` (``xx.home_documents.passport_validity``); merged into the
guide for Georgia it becomes ``ge.home_documents.passport_validity``, and so do the ids it names
in ``depends_on`` and ``deadline.step``. A guide that defines a step with the same id keeps its
own version (e.g. to tie a deadline to its own permit step).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from waystation.content.validate import Problem
from waystation.content.yaml_io import read_yaml

SHARED_FOLDER = "shared"
SHARED_FORMAT = "waystation-shared-steps/1"
PLACEHOLDER = "xx."


def shared_files(pack_folder: Path, fallback: Path) -> list[Path]:
    """The shared-step files beside a pack folder, or the shipped ones when it has none."""
    folder = pack_folder / SHARED_FOLDER
    if not folder.is_dir():
        folder = fallback / SHARED_FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def read_shared_steps(files: list[Path]) -> tuple[list[Mapping[str, Any]], list[Problem]]:
    """Every shared step, or the problems that stopped a file from being read."""
    steps: list[Mapping[str, Any]] = []
    problems: list[Problem] = []
    for path in files:
        try:
            data = read_yaml(path)
        except Exception as exc:  # YAML and I/O errors alike: the file is unusable
            problems.append(Problem(str(path), "shared", "(file)", f"cannot be read: {exc}"))
            continue
        if not isinstance(data, Mapping) or data.get("format") != SHARED_FORMAT:
            problems.append(Problem(str(path), "shared", "format", f"must be {SHARED_FORMAT!r}"))
            continue
        raw_steps = data.get("steps")
        if not isinstance(raw_steps, list):
            problems.append(Problem(str(path), "shared", "steps", "must be a list"))
            continue
        for index, step in enumerate(raw_steps):
            if not isinstance(step, Mapping) or not str(step.get("id", "")).startswith(PLACEHOLDER):
                problems.append(
                    Problem(str(path), f"steps[{index}]", "id", f"must start with {PLACEHOLDER!r}")
                )
                continue
            steps.append(step)
    return steps, problems


def _localise(value: str, country: str) -> str:
    return country + "." + value[len(PLACEHOLDER) :] if value.startswith(PLACEHOLDER) else value


def _localised_step(step: Mapping[str, Any], country: str) -> dict[str, Any]:
    copy = dict(step)
    copy["id"] = _localise(str(step["id"]), country)
    if step.get("depends_on"):
        copy["depends_on"] = [_localise(str(d), country) for d in step["depends_on"]]
    deadline = step.get("deadline")
    if isinstance(deadline, Mapping) and isinstance(deadline.get("step"), str):
        copy["deadline"] = {**deadline, "step": _localise(deadline["step"], country)}
    return copy


def merge_shared_steps(
    data: Mapping[str, Any], shared: list[Mapping[str, Any]]
) -> tuple[dict[str, Any], frozenset[str]]:
    """The pack with the shared steps appended (those it does not define itself), and their ids."""
    merged = dict(data)
    country = str(data.get("country", "")).lower()
    own = [s for s in data.get("steps") or [] if isinstance(s, Mapping)]
    own_ids = {str(s.get("id")) for s in own}
    added = [_localised_step(s, country) for s in shared]
    added = [s for s in added if s["id"] not in own_ids]
    if isinstance(data.get("steps"), list):
        merged["steps"] = [*data["steps"], *added]
    return merged, frozenset(str(s["id"]) for s in added)
