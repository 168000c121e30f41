"""What each field of a form receives from the profile, following a mapping; and what the check
report says about it. Nothing is written here.

Text is cleaned the way a form needs it: Unicode NFC, no control characters, one line unless the
field takes several, cut to the field's maximum length (said in the report). A choice field takes
one of its choices, matched by its stored or shown text, letter case and accents aside; a value
that is none of them leaves the field empty (said in the report) unless the field also takes
typed text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

from babel import Locale, UnknownLocaleError

from waystation.errors import InvalidInput
from waystation.forms import dates
from waystation.forms.known_labels import norm
from waystation.forms.mapping import FormMap, Rule
from waystation.forms.model import FormField, FormInfo
from waystation.forms.paths import Value, describe, resolve
from waystation.forms.report import CheckReport, Finding
from waystation.i18n import _
from waystation.vault.models import Profile

OFF = "Off"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_BABEL = {"cnr": "sr_Latn", "sr": "sr_Cyrl"}


@dataclass(frozen=True)
class Planned:
    """What a field will hold: ``text`` for a text or choice field (for a choice, the stored
    value of the option), ``state`` for a checkbox or radio group; None leaves it as it is."""

    field: FormField
    text: str | None = None
    state: str | None = None


def mismatch_reason(form: FormInfo, mapping: FormMap) -> str | None:
    """Why ``mapping`` is not for ``form`` (None when it is)."""
    if mapping.fingerprint == form.fingerprint:
        return None
    names = set(form.names)
    missing = [name for name in mapping.rules if name not in names]
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        return _("This mapping is for another form{title}: this form has no field named {names}.").format(
            title=f" ({mapping.title})" if mapping.title else "", names=shown
        )
    return _(
        "This mapping is for another form or another edition of it{title}: the fields have the same "
        "names but differ in kind, choices or length ({n} fields in its form, {m} in this one)."
    ).format(
        title=f" ({mapping.title})" if mapping.title else "",
        n=mapping.field_count,
        m=len(form.fields),
    )


def check_mapping(form: FormInfo, mapping: FormMap) -> None:
    """InvalidInput when ``mapping`` is for another form or asks a field for what it cannot take."""
    reason = mismatch_reason(form, mapping)
    if reason:
        raise InvalidInput(reason)
    for name, rule in mapping.rules.items():
        item = form.field(name)
        if item is None:
            raise InvalidInput(
                _("The mapping names a field the form does not have: {name}.").format(name=name)
            )
        problem = _rule_problem(item, rule)
        if problem:
            raise InvalidInput(_("{where}: {problem}").format(where=f"fields.{name}", problem=problem))


def _rule_problem(item: FormField, rule: Rule) -> str | None:
    if rule.kind == "empty":
        return None
    if item.kind in ("signature", "button"):
        return _("a signature or a button cannot be filled; use {example}.").format(example='{"empty": true}')
    buttons = item.kind in ("checkbox", "radio")
    if rule.kind in ("check", "choose") and not buttons:
        return _("only checkboxes and radio buttons take a condition.")
    if rule.kind == "value" and buttons:
        return _("a checkbox or a radio button takes a condition (check or choose), not a value.")
    if rule.kind == "check" and item.kind == "radio":
        return _("a radio group takes choose, with a condition for each of its states.")
    states = set(item.states) | {OFF}
    if rule.kind == "choose":
        unknown = [state for state, _c in rule.choices if state not in states]
        if unknown:
            return _("the field has no state {state}; its states are: {states}.").format(
                state=unknown[0], states=", ".join(item.states)
            )
    if rule.kind == "constant" and buttons and rule.constant not in states:
        return _("the field has no state {state}; its states are: {states}.").format(
            state=rule.constant, states=", ".join(item.states)
        )
    if (
        rule.kind == "constant"
        and item.kind == "choice"
        and not item.editable
        and _option_for(item, rule.constant) is None
    ):
        return _("{value!r} is not one of the field's choices.").format(value=rule.constant)
    return None


def plan(
    form: FormInfo, mapping: FormMap, profile: Profile, today: date
) -> tuple[list[Planned], CheckReport]:
    """What each field receives, and the check report (without what only drawing can tell)."""
    planned: list[Planned] = []
    findings: list[Finding] = []
    filled = 0
    for item in form.fields:
        rule = mapping.rules.get(item.name)
        if item.kind == "signature":
            findings.append(Finding("by_hand", item.name, item.display_label))
            continue
        if not item.fillable:
            if item.read_only and rule is not None and rule.kind != "empty":
                findings.append(Finding("read_only", item.name, item.display_label))
            continue
        if rule is None:
            findings.append(Finding("unknown", item.name, item.display_label))
            continue
        if rule.kind == "empty":
            findings.append(Finding("by_hand", item.name, item.display_label))
            continue
        result, found = _plan_field(item, rule, profile, today, form.language)
        findings += found
        planned.append(result)
        if result.text or (result.state is not None and result.state != OFF) or rule.kind == "check":
            filled += 1
    fillable = sum(1 for item in form.fields if item.fillable)
    return planned, CheckReport(tuple(findings), filled, fillable)


def _plan_field(
    item: FormField, rule: Rule, profile: Profile, today: date, language: str | None
) -> tuple[Planned, list[Finding]]:
    if rule.kind == "check":
        assert rule.condition is not None
        on = item.states[0] if item.states else "Yes"
        return Planned(item, state=on if rule.condition.holds(profile, today) else OFF), []
    if rule.kind == "choose":
        for state, condition in rule.choices:
            if condition.holds(profile, today):
                return Planned(item, state=state), []
        raw = [resolve(profile, c.path, today) for _s, c in rule.choices]
        value = next((_raw_text(v) for v in raw if _raw_text(v)), "")
        if value:
            return Planned(item, state=OFF), [
                Finding("not_in_choices", item.name, item.display_label, {"value": value})
            ]
        what = describe(rule.choices[0][1].path) if rule.choices else ""
        return Planned(item, state=OFF), [Finding("empty", item.name, item.display_label, {"value": what})]
    if item.kind in ("checkbox", "radio"):  # a constant state
        return Planned(item, state=rule.constant), []
    findings: list[Finding] = []
    if rule.kind == "constant":
        text = rule.constant
    else:
        text, findings = _value_text(item, rule, profile, today, language)
    return _fit(item, clean_text(text, item.multiline), findings)


def _value_text(
    item: FormField, rule: Rule, profile: Profile, today: date, language: str | None
) -> tuple[str, list[Finding]]:
    expected = dates.expected_format(item.date_hint, None, language)
    pattern = rule.date_format or expected or "YYYY-MM-DD"
    table = dict(rule.values)
    parts = []
    has_date = False
    for path in rule.paths:
        value = resolve(profile, path, today)
        has_date |= isinstance(value, date)
        text = _as_text(value, pattern, rule.country_names, language, table)
        if text:
            parts.append(text)
    findings = []
    if not parts:
        what = ", ".join(describe(path) for path in rule.paths)
        findings.append(Finding("empty", item.name, item.display_label, {"value": what}))
    text = rule.separator.join(parts)
    if rule.case == "upper":
        text = text.upper()
    elif rule.case == "lower":
        text = text.lower()
    if has_date and expected and not _same(pattern, expected, item):
        findings.append(
            Finding("date_format", item.name, item.display_label, {"written": pattern, "expected": expected})
        )
    return text, findings


def _same(pattern: str, expected: str, item: FormField) -> bool:
    if item.comb:  # a date in boxes, one digit each: the separators are printed on the form
        return dates.shape(dates.without_separators(pattern))[0] == dates.shape(expected)[0]
    return dates.same_shape(pattern, expected)


def _raw_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(value)
    return value.isoformat() if isinstance(value, date) else str(value)


def _as_text(
    value: Value, pattern: str, country_names: bool, language: str | None, table: dict[str, str]
) -> str:
    if value is None or value == "" or value == ():
        return ""
    if isinstance(value, date):
        return table.get(value.isoformat()) or dates.format_date(value, pattern)
    items = value if isinstance(value, tuple) else (value,)
    out = []
    for raw in items:
        if raw in table:
            out.append(table[raw])
        elif country_names:
            out.append(country_name(raw, language))
        else:
            out.append(raw)
    return ", ".join(out)


@cache
def _territories(language: str) -> dict[str, str]:
    try:
        locale = Locale.parse(_BABEL.get(language, language))
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    return dict(locale.territories)


def country_name(code: str, language: str | None) -> str:
    """The name of the country ``code`` in the form's language (English when unknown)."""
    return _territories(language or "en").get(code.upper(), code)


def clean_text(text: str, multiline: bool) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\t", " "))
    lines = [_CONTROL.sub("", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    return "\n".join(lines) if multiline else ", ".join(lines)


def _fit(item: FormField, text: str, findings: list[Finding]) -> tuple[Planned, list[Finding]]:
    if item.kind == "choice":
        if not text:
            return Planned(item, text=""), findings
        option = _option_for(item, text)
        if option is not None:
            return Planned(item, text=option), findings
        if item.editable:
            return Planned(item, text=text), findings
        return Planned(item, text=""), [
            *findings,
            Finding("not_in_choices", item.name, item.display_label, {"value": text}),
        ]
    limit = item.max_length
    if limit is not None and len(text) > limit:
        kept, cut = text[:limit], text[limit:]
        findings = [
            *findings,
            Finding(
                "truncated", item.name, item.display_label, {"max_length": limit, "kept": kept, "cut": cut}
            ),
        ]
        text = kept
    return Planned(item, text=text), findings


def _option_for(item: FormField, text: str) -> str | None:
    """The stored value of the option ``text`` names (exactly, or letter case and accents aside)."""
    for option in item.options:
        if text in (option.export, option.shown):
            return option.export
    wanted = norm(text)
    for option in item.options:
        if wanted and wanted in (norm(option.export), norm(option.shown)):
            return option.export
    return None
