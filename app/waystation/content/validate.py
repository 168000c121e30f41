"""Validation of content packs: the JSON Schema first, then the checks a schema cannot express
(duplicate ids, dangling or cyclic dependencies, ids that do not match their country or track).

Every problem is reported, each with its file, the step (or rule) it concerns and the field.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, partial
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from waystation.resources_path import resource


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    where: str  # a step or stay-rule id, or "pack"
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.field}: {self.message}"


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(resource("schemas", "content-pack.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _field_path(path: Iterable[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(pack)"


def _where(data: Any, path: list[Any]) -> tuple[str, list[Any]]:
    """Name the step or rule an error is inside, and the path within it."""
    if len(path) >= 2 and path[0] in ("steps", "stay_rules", "permit_rules") and isinstance(path[1], int):
        try:
            item = data[path[0]][path[1]]
            ident = item.get("id") if isinstance(item, Mapping) else None
        except (IndexError, KeyError, TypeError):
            ident = None
        return (str(ident) if ident else f"{path[0]}[{path[1]}]"), path[2:]
    return "pack", path


def _best_message(error: ValidationError) -> str:
    if error.validator in ("oneOf", "anyOf") and error.context:
        deepest = max(error.context, key=lambda e: len(e.absolute_path))
        if len(deepest.absolute_path) > len(error.absolute_path):
            return _best_message(deepest)
        return "does not match any allowed form"
    if error.validator == "required":
        return error.message.replace(" is a required property", ": missing")
    if error.validator == "additionalProperties":
        return error.message
    return error.message


def _schema_problems(file: str, data: Any) -> list[Problem]:
    problems = []
    for error in _validator().iter_errors(data):
        path = list(error.absolute_path)
        if error.validator in ("oneOf", "anyOf") and error.context:
            deepest = max(error.context, key=lambda e: len(e.absolute_path))
            path = list(deepest.absolute_path) if len(deepest.absolute_path) > len(path) else path
        message = _best_message(error)
        if error.validator == "required":
            missing = error.message.split("'")[1]
            path, message = [*path, missing], "missing"
        where, inner = _where(data, path)
        problems.append(Problem(file, where, _field_path(inner), message))
    return problems


def _dates_problems(
    file: str, data: Mapping[str, Any], today: date, shared_ids: frozenset[str] = frozenset()
) -> list[Problem]:
    """The schema checks the YYYY-MM-DD shape; here each must also be a real calendar date, none
    may lie in the future, a step cannot have been checked after the guide as a whole, and a
    source cannot be dated after the day someone checked the step against it. Shared steps are
    checked on their own schedule, not the guide's."""
    problems: list[Problem] = []

    def check(where: str, field: str, value: Any, not_after: date | None = None) -> date | None:
        if not isinstance(value, str) or value == "n.d.":
            return None
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            problems.append(Problem(file, where, field, f"{value!r} is not a real date"))
            return None
        if parsed > today:
            problems.append(Problem(file, where, field, f"{value} is in the future"))
        elif not_after is not None and parsed > not_after:
            problems.append(Problem(file, where, field, f"{value} is after {not_after.isoformat()}"))
        return parsed

    pack_checked = check("pack", "last_verified", data.get("last_verified"))
    for kind in ("steps", "permit_rules"):
        for item in data.get(kind) or []:
            if not isinstance(item, Mapping):
                continue
            sid = str(item.get("id", "?"))
            limit = None if sid in shared_ids else pack_checked
            checked = check(sid, "last_verified", item.get("last_verified"), limit)
            for i, src in enumerate(item.get("sources") or []):
                if isinstance(src, Mapping):
                    check(sid, f"sources[{i}].date", src.get("date"), checked)
    for rule in data.get("stay_rules") or []:
        if isinstance(rule, Mapping):
            for i, src in enumerate(rule.get("sources") or []):
                if isinstance(src, Mapping):
                    check(str(rule.get("id", "?")), f"sources[{i}].date", src.get("date"), pack_checked)
    return problems


def _cycle_from(start: str, graph: Mapping[str, list[str]]) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    while stack:
        node, trail = stack.pop()
        for nxt in graph.get(node, []):
            if nxt == start:
                return [*trail, start]
            if nxt not in trail:
                stack.append((nxt, [*trail, nxt]))
    return None


def _cross_problems(file: str, data: Mapping[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    country = str(data.get("country", "")).lower()
    steps = [s for s in data.get("steps") or [] if isinstance(s, Mapping)]
    ids = [str(s.get("id")) for s in steps]
    seen: set[str] = set()
    for sid in ids:
        if sid in seen:
            problems.append(Problem(file, sid, "id", "duplicate step id"))
        seen.add(sid)
    rule_ids = [str(r.get("id")) for r in data.get("stay_rules") or [] if isinstance(r, Mapping)]
    for rid in {r for r in rule_ids if rule_ids.count(r) > 1}:
        problems.append(Problem(file, rid, "id", "duplicate stay rule id"))

    graph: dict[str, list[str]] = {}
    for step in steps:
        sid = str(step.get("id"))
        prefix, _, rest = sid.partition(".")
        if country and prefix != country:
            problems.append(Problem(file, sid, "id", f"must start with '{country}.'"))
        track = rest.partition(".")[0]
        if step.get("track") and track != step.get("track"):
            problems.append(Problem(file, sid, "track", f"'{step.get('track')}' but the id says '{track}'"))
        deps = [str(d) for d in step.get("depends_on") or []]
        graph[sid] = deps
        for dep in deps:
            if dep not in seen:
                problems.append(Problem(file, sid, "depends_on", f"unknown step '{dep}'"))
            if dep == sid:
                problems.append(Problem(file, sid, "depends_on", "a step cannot depend on itself"))
        deadline = step.get("deadline")
        if isinstance(deadline, Mapping) and deadline.get("after") == "step":
            target = deadline.get("step")
            if not target:
                problems.append(Problem(file, sid, "deadline.step", "missing: which step it counts from"))
            elif target not in seen:
                problems.append(Problem(file, sid, "deadline.step", f"unknown step '{target}'"))
            elif target not in deps:
                problems.append(Problem(file, sid, "deadline.step", f"'{target}' must also be in depends_on"))
        elif isinstance(deadline, Mapping) and "step" in deadline:
            problems.append(Problem(file, sid, "deadline.step", "only allowed with after: step"))

    reported: set[frozenset[str]] = set()
    for sid in graph:
        cycle = _cycle_from(sid, graph)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            problems.append(Problem(file, sid, "depends_on", "dependency cycle: " + " -> ".join(cycle)))

    for rule in data.get("stay_rules") or []:
        if not isinstance(rule, Mapping):
            continue
        rid = str(rule.get("id"))
        shapes = ("visa_required", "no_limit", "unknown", "limits")
        if sum(bool(rule.get(shape)) for shape in shapes) != 1:
            problems.append(
                Problem(file, rid, "limits", "give exactly one of: limits, visa_required, no_limit, unknown")
            )
        for i, limit in enumerate(rule.get("limits") or []):
            if (
                isinstance(limit, Mapping)
                and limit.get("kind") in ("window", "from_first_entry")
                and int(limit.get("days", 0)) > int(limit.get("window", 0))
            ):
                problems.append(Problem(file, rid, f"limits[{i}]", "days exceed the window"))
        if country and not rid.startswith(f"{country}."):
            problems.append(Problem(file, rid, "id", f"must start with '{country}.'"))
    problems += _contact_problems(file, steps)
    problems += _permit_rule_problems(file, data, country)
    return problems


def _contact_problems(file: str, steps: list[Mapping[str, Any]]) -> list[Problem]:
    """A contact nobody can reach is no help to someone in trouble."""
    problems = []
    for step in steps:
        for i, contact in enumerate(step.get("contacts") or []):
            if isinstance(contact, Mapping) and not (contact.get("url") or contact.get("phone")):
                problems.append(
                    Problem(file, str(step.get("id")), f"contacts[{i}]", "needs a url or a phone")
                )
    return problems


def _permit_rule_problems(file: str, data: Mapping[str, Any], country: str) -> list[Problem]:
    problems = []
    seen_ids: set[str] = set()
    seen_matches: set[tuple[str, str]] = set()
    for rule in data.get("permit_rules") or []:
        if not isinstance(rule, Mapping):
            continue
        rid = str(rule.get("id"))
        if rid in seen_ids:
            problems.append(Problem(file, rid, "id", "duplicate permit rule id"))
        seen_ids.add(rid)
        if country and not rid.startswith(f"{country}."):
            problems.append(Problem(file, rid, "id", f"must start with '{country}.'"))
        match = (str(rule.get("kind")), str(rule.get("category", "")).casefold())
        if match in seen_matches:
            problems.append(Problem(file, rid, "category", "a second rule for the same kind and category"))
        seen_matches.add(match)
    area = data.get("visa_area")
    if isinstance(area, Mapping) and country and country.upper() not in (area.get("countries") or []):
        problems.append(Problem(file, "pack", "visa_area.countries", f"must include {country.upper()}"))
    return problems


def validate_pack_data(
    file: str,
    data: Any,
    expected_country: str | None = None,
    *,
    today: date | None = None,
    shared_ids: frozenset[str] = frozenset(),
) -> list[Problem]:
    """All problems in one pack's data (shared steps merged in); empty when it is valid."""
    if not isinstance(data, Mapping):
        return [Problem(file, "pack", "(pack)", "not a mapping of pack fields")]
    problems = _schema_problems(file, data)
    checks: tuple[Callable[[], list[Problem]], ...] = (
        partial(_dates_problems, file, data, today or date.today(), shared_ids),
        partial(_cross_problems, file, data),
    )
    for check in checks:
        try:
            problems += check()
        except (TypeError, ValueError, AttributeError, KeyError, IndexError):
            # These checks read well-formed data; in a file the schema already found malformed
            # (``days: null``, ``depends_on: 5``) they may trip, and the schema's problems say why.
            if not problems:
                raise
    if expected_country and data.get("country") != expected_country:
        problems.append(
            Problem(
                file,
                "pack",
                "country",
                f"'{data.get('country')}' but the file is named for {expected_country}",
            )
        )
    return sorted(set(problems))


def describe(problems: Iterable[Problem]) -> str:
    return "\n".join(str(p) for p in problems)


def pack_file_country(path: Path) -> str | None:
    """Packs are named by country: ``ge.yaml`` holds GE."""
    stem = path.stem
    return stem.upper() if len(stem) == 2 and stem.isalpha() else None
