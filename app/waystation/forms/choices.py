"""What a person can pick for one field in the mapping editor, and the mapping rule each pick
stands for (the interface shows the list; the rules are decided here).

Text and choice fields take a profile value (the common ones), a fixed text, "by hand" or
nothing; a value that is a date also takes a date format. Checkboxes are checked always, never,
or by a condition on the profile (sex, a spouse, children); radio groups take one of their states
or are left for the person. A rule the list cannot show (a joined value, a translation table, a
condition written by hand) stays as it is and is offered as "as in the mapping".
"""

from __future__ import annotations

from dataclasses import dataclass

from waystation.errors import InvalidInput
from waystation.forms import dates
from waystation.forms.conditions import parse_condition
from waystation.forms.mapping import Rule, value_rule
from waystation.forms.model import FormField
from waystation.forms.paths import COMMON_PATHS, describe, parse_path
from waystation.forms.values import OFF
from waystation.i18n import _

UNMAPPED = "unmapped"
BY_HAND = "empty"
FIXED_TEXT = "constant"
AS_IN_MAPPING = "custom"
DATE_FORMATS: tuple[str, ...] = (
    "DD.MM.YYYY",
    "DD/MM/YYYY",
    "MM/DD/YYYY",
    "YYYY-MM-DD",
    "DD.MM.YY",
    "DD-MM-YYYY",
    "DDMMYYYY",
)
_CONDITIONS: tuple[tuple[str, str], ...] = (
    ("sex_f", 'person.sex == "F"'),
    ("sex_m", 'person.sex == "M"'),
    ("sex_x", 'person.sex == "X"'),
    ("spouse", "family[spouse].given_names"),
    ("children", "family[child].given_names"),
)


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


def choices_for(item: FormField) -> list[Choice]:
    """The picks for ``item``, in the order the list shows them."""
    found = [Choice(UNMAPPED, _("Not mapped")), Choice(BY_HAND, _("Leave for me to fill in by hand"))]
    if item.kind == "checkbox":
        found += [
            Choice("always", _("Always checked")),
            Choice("never", _("Never checked")),
            Choice("check:sex_f", _("Checked if my sex is female")),
            Choice("check:sex_m", _("Checked if my sex is male")),
            Choice("check:sex_x", _("Checked if my sex is X")),
            Choice("check:spouse", _("Checked if I have a spouse")),
            Choice("check:children", _("Checked if I have children")),
        ]
    elif item.kind == "radio":
        found += [
            Choice(f"state:{state}", _("Always “{state}”").format(state=state)) for state in item.states
        ]
    elif item.kind in ("text", "choice"):
        if item.kind == "text" or item.editable:
            found.append(Choice(FIXED_TEXT, _("Fixed text…")))
        found += [
            Choice(
                f"option:{option.export}", _("Always “{state}”").format(state=option.shown or option.export)
            )
            for option in item.options
            if option.export
        ]
        found += [Choice(f"path:{path}", describe(parse_path(path))) for path in COMMON_PATHS]
    return found


def key_of(item: FormField, rule: Rule | None) -> str:
    """The pick ``rule`` stands for (AS_IN_MAPPING when no pick shows it as it is)."""
    if rule is None:
        return UNMAPPED
    if rule.kind == "empty":
        return BY_HAND
    if rule.kind == "constant":
        if item.kind == "checkbox":
            return "never" if rule.constant == OFF else "always"
        if item.kind == "radio":
            return f"state:{rule.constant}" if rule.constant in item.states else AS_IN_MAPPING
        if any(option.export == rule.constant for option in item.options):
            return f"option:{rule.constant}"
        return FIXED_TEXT if item.kind == "text" or item.editable else AS_IN_MAPPING
    if rule.kind == "check" and rule.condition is not None:
        for key, text in _CONDITIONS:
            if rule.condition.text == parse_condition(text).text:
                return f"check:{key}"
        return AS_IN_MAPPING
    if rule.kind == "value" and len(rule.paths) == 1 and not rule.values and not rule.case:
        path = rule.paths[0]
        if path.text in COMMON_PATHS and rule.country_names == (path.kind == "country"):
            return f"path:{path.text}"
    return AS_IN_MAPPING


def rule_for(item: FormField, key: str, *, text: str = "", date_format: str | None = None) -> Rule | None:
    """The rule for pick ``key`` (None: not mapped). ``text`` is a fixed text; ``date_format``
    applies to a date."""
    if key == UNMAPPED:
        return None
    if key == BY_HAND:
        return Rule("empty")
    if key == FIXED_TEXT:
        return Rule("constant", constant=text)
    if key == "always":
        return Rule("constant", constant=item.states[0] if item.states else "Yes")
    if key == "never":
        return Rule("constant", constant=OFF)
    if key.startswith("state:"):
        return Rule("constant", constant=key.removeprefix("state:"))
    if key.startswith("option:"):
        return Rule("constant", constant=key.removeprefix("option:"))
    if key.startswith("check:"):
        condition = dict(_CONDITIONS)[key.removeprefix("check:")]
        return Rule("check", condition=parse_condition(condition))
    if key.startswith("path:"):
        path = parse_path(key.removeprefix("path:"))
        if path.kind == "date":
            return value_rule(path.text, date_format=date_format or "DD.MM.YYYY")
        if path.kind == "country":
            return value_rule(path.text, country="name")
        return value_rule(path.text)
    raise ValueError(key)


def takes_date(rule: Rule | None) -> bool:
    return rule is not None and rule.kind == "value" and any(path.kind == "date" for path in rule.paths)


def date_formats(current: str | None) -> list[str]:
    formats = list(DATE_FORMATS)
    if current and current not in formats:
        try:
            dates.check_pattern(current)
            formats.insert(0, current)
        except InvalidInput:
            pass
    return formats


def explain(item: FormField, rule: Rule | None) -> str:
    """A short sentence for a rule the list cannot show ("person.sex, translated")."""
    if rule is None:
        return _("Not mapped")
    if rule.kind == "choose":
        return "; ".join(
            _("“{state}” if {condition}").format(state=state, condition=condition.text)
            for state, condition in rule.choices
        )
    if rule.kind == "check" and rule.condition is not None:
        return _("Checked if {condition}").format(condition=rule.condition.text)
    if rule.kind == "value":
        return rule.separator.join(describe(path) for path in rule.paths)
    if rule.kind == "constant":
        return _("Always “{state}”").format(state=rule.constant)
    return _("Leave for me to fill in by hand")
