"""The conditions that choose a checkbox's or a radio button's state from a profile value:

    person.sex == "F"          equal (for a list, such as person.citizenships: it holds the value)
    person.sex != "M"          not equal
    person.citizenships in ["RU", "BY"]
    family[spouse].given_names the value is there (not empty)
    not permits[-1].number     the value is missing

Parsed here by a small grammar, never evaluated as code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from waystation.errors import InvalidInput
from waystation.forms.paths import ProfilePath, Value, parse_path, resolve
from waystation.i18n import _
from waystation.vault.models import Profile

_COMPARE = re.compile(r"\s*(\S+?)\s*(==|!=)\s*(\".*\")\s*")
_MEMBER = re.compile(r"\s*(\S+?)\s+in\s+(\[.*\])\s*")
_PRESENT = re.compile(r"\s*(not\s+)?(\S+)\s*")
MAX_CONDITION = 300


@dataclass(frozen=True)
class Condition:
    path: ProfilePath
    operator: str  # "==", "!=", "in", "present", "missing"
    values: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        if self.operator in ("==", "!="):
            return f"{self.path.text} {self.operator} {json.dumps(self.values[0], ensure_ascii=False)}"
        if self.operator == "in":
            return f"{self.path.text} in {json.dumps(list(self.values), ensure_ascii=False)}"
        return f"not {self.path.text}" if self.operator == "missing" else self.path.text

    def holds(self, profile: Profile, today: date) -> bool:
        value = resolve(profile, self.path, today)
        if self.operator == "present":
            return bool(_texts(value))
        if self.operator == "missing":
            return not _texts(value)
        texts = _texts(value)
        if self.operator == "==":
            return self.values[0] in texts
        if self.operator == "!=":
            return self.values[0] not in texts
        return any(text in self.values for text in texts)


def _texts(value: Value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, tuple):
        return tuple(item for item in value if item)
    if isinstance(value, date):
        return (value.isoformat(),)
    return (value,) if value else ()


def not_a_condition(text: str) -> InvalidInput:
    return InvalidInput(
        _(
            '{text!r} is not a condition; write e.g. person.sex == "F" or person.citizenships in ["RU", "BY"].'
        ).format(text=text[:MAX_CONDITION])
    )


def parse_condition(text: str) -> Condition:
    if len(text) > MAX_CONDITION:
        raise not_a_condition(text)
    if match := _COMPARE.fullmatch(text):
        value = _json(match.group(3), text)
        if not isinstance(value, str):
            raise not_a_condition(text)
        return Condition(parse_path(match.group(1)), match.group(2), (value,))
    if match := _MEMBER.fullmatch(text):
        values = _json(match.group(2), text)
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            raise not_a_condition(text)
        return Condition(parse_path(match.group(1)), "in", tuple(values))
    if match := _PRESENT.fullmatch(text):
        return Condition(parse_path(match.group(2)), "missing" if match.group(1) else "present")
    raise not_a_condition(text)


def _json(text: str, whole: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        raise not_a_condition(whole) from None
