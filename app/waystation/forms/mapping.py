"""Form mappings: which profile value each field of one form takes (``waystation-form-map/1``).

```json
{"format": "waystation-form-map/1",
 "form": {"fingerprint": "fp1:…", "title": "Antrag …", "language": "de", "fields": 74},
 "fields": {
   "Text1": {"value": "person.family_name_latin"},
   "Text5": {"value": "person.date_of_birth", "date_format": "DD.MM.YYYY"},
   "Text9": {"value": ["host.city", "today"], "separator": ", ", "date_format": "DD.MM.YYYY"},
   "Staat": {"value": "person.citizenships[0]", "country": "name"},
   "Geschl": {"value": "person.sex", "values": {"F": "weiblich", "M": "männlich"}},
   "w": {"check": "person.sex == \\"F\\""},
   "sex": {"choose": {"w": "person.sex == \\"F\\"", "m": "person.sex == \\"M\\""}},
   "Ort": {"constant": "Berlin"},
   "Unterschrift": {"empty": true}}}
```

A mapping holds no personal data: profile paths, conditions, constants the person typed for the
form (a constant is the one place where a person could type something personal; the app says
so). It is keyed to a form by the fingerprint of the form's field structure, so it can be
shared between help desks and still fit a re-saved copy of the same form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from waystation.errors import InvalidInput
from waystation.forms.conditions import Condition, parse_condition
from waystation.forms.dates import check_pattern
from waystation.forms.paths import ProfilePath, parse_path
from waystation.i18n import _

FORMAT = "waystation-form-map/1"
MAX_MAP_BYTES = 2 * 1024 * 1024
MAX_TEXT = 2000
RuleKind = Literal["value", "constant", "check", "choose", "empty"]
RULE_KINDS: tuple[str, ...] = ("value", "constant", "check", "choose", "empty")
_OPTIONS = {"separator", "date_format", "case", "country", "values"}


@dataclass(frozen=True)
class Rule:
    kind: RuleKind
    paths: tuple[ProfilePath, ...] = ()
    separator: str = " "
    date_format: str | None = None
    case: str | None = None  # "upper" or "lower"
    country_names: bool = False
    values: tuple[tuple[str, str], ...] = ()  # profile value -> text written
    constant: str = ""
    condition: Condition | None = None
    choices: tuple[tuple[str, Condition], ...] = ()  # state -> condition, first that holds wins

    def to_json(self) -> dict[str, Any]:
        if self.kind == "empty":
            return {"empty": True}
        if self.kind == "constant":
            return {"constant": self.constant}
        if self.kind == "check":
            assert self.condition is not None
            return {"check": self.condition.text}
        if self.kind == "choose":
            return {"choose": {state: condition.text for state, condition in self.choices}}
        texts = [path.text for path in self.paths]
        out: dict[str, Any] = {"value": texts[0] if len(texts) == 1 else texts}
        if len(texts) > 1 and self.separator != " ":
            out["separator"] = self.separator
        if self.date_format:
            out["date_format"] = self.date_format
        if self.case:
            out["case"] = self.case
        if self.country_names:
            out["country"] = "name"
        if self.values:
            out["values"] = dict(self.values)
        return out


@dataclass(frozen=True)
class FormMap:
    fingerprint: str
    rules: dict[str, Rule] = field(default_factory=dict)
    title: str = ""
    language: str | None = None
    field_count: int = 0

    def to_json(self) -> dict[str, Any]:
        form: dict[str, Any] = {
            "fingerprint": self.fingerprint,
            "title": self.title,
            "fields": self.field_count,
        }
        if self.language:
            form["language"] = self.language
        return {
            "format": FORMAT,
            "form": form,
            "fields": {name: rule.to_json() for name, rule in self.rules.items()},
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def with_rule(self, name: str, rule: Rule | None) -> FormMap:
        rules = dict(self.rules)
        if rule is None:
            rules.pop(name, None)
        else:
            rules[name] = rule
        return FormMap(self.fingerprint, rules, self.title, self.language, self.field_count)


def _problem(where: str, message: str) -> InvalidInput:
    return InvalidInput(_("{where}: {problem}").format(where=where, problem=message))


def loads(text: str | bytes) -> FormMap:
    """A mapping from its JSON text; InvalidInput naming the first problem (``fields.Text1.value:
    person.surname is not a profile value …``)."""
    if len(text) > MAX_MAP_BYTES:
        raise InvalidInput(
            _("The mapping is larger than {limit} MB; it is not a form mapping.").format(
                limit=MAX_MAP_BYTES // (1024 * 1024)
            )
        )
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise InvalidInput(_("The mapping is not valid JSON.")) from None
    return from_json(data)


def from_json(data: Any) -> FormMap:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput(
            _("This is not a form mapping (its format is not {format}).").format(format=FORMAT)
        )
    form = data.get("form")
    if not isinstance(form, dict) or not isinstance(form.get("fingerprint"), str) or not form["fingerprint"]:
        raise _problem("form.fingerprint", _("missing; a mapping must name the form it is for."))
    fields = data.get("fields")
    if not isinstance(fields, dict):
        raise _problem("fields", _("missing or not an object."))
    rules = {}
    for name, entry in fields.items():
        rules[str(name)] = parse_rule(entry, f"fields.{name}")
    title = form.get("title")
    language = form.get("language")
    count = form.get("fields")
    return FormMap(
        fingerprint=form["fingerprint"][:100],
        rules=rules,
        title=title[:MAX_TEXT] if isinstance(title, str) else "",
        language=language if isinstance(language, str) and len(language) <= 8 else None,
        field_count=count if isinstance(count, int) and count >= 0 else len(rules),
    )


def parse_rule(entry: Any, where: str) -> Rule:
    if not isinstance(entry, dict):
        raise _problem(
            where, _("must be an object such as {example}.").format(example='{"value": "person.family_name"}')
        )
    kinds = [key for key in RULE_KINDS if key in entry]
    if len(kinds) != 1:
        raise _problem(where, _("must have exactly one of: {kinds}.").format(kinds=", ".join(RULE_KINDS)))
    kind = kinds[0]
    extra = set(entry) - {kind} - (_OPTIONS if kind == "value" else set())
    if extra:
        raise _problem(where, _("unknown key {key}.").format(key=sorted(extra)[0]))
    body = entry[kind]
    if kind == "empty":
        if body is not True:
            raise _problem(f"{where}.empty", _("must be true."))
        return Rule("empty")
    if kind == "constant":
        if not isinstance(body, str) or len(body) > MAX_TEXT:
            raise _problem(
                f"{where}.constant", _("must be a text of at most {n} characters.").format(n=MAX_TEXT)
            )
        return Rule("constant", constant=body)
    if kind == "check":
        return Rule("check", condition=_condition(body, f"{where}.check"))
    if kind == "choose":
        if not isinstance(body, dict) or not body:
            raise _problem(f"{where}.choose", _("must map each state to a condition."))
        choices = tuple(
            (str(state), _condition(text, f"{where}.choose.{state}")) for state, text in body.items()
        )
        return Rule("choose", choices=choices)
    return _value_rule(entry, where)


def _condition(text: Any, where: str) -> Condition:
    if not isinstance(text, str):
        raise _problem(where, _("must be a condition such as {example}.").format(example='person.sex == "F"'))
    try:
        return parse_condition(text)
    except InvalidInput as exc:
        raise _problem(where, exc.message) from None


def _value_rule(entry: dict[str, Any], where: str) -> Rule:
    body = entry["value"]
    texts = [body] if isinstance(body, str) else body
    if (
        not isinstance(texts, list)
        or not texts
        or len(texts) > 10
        or not all(isinstance(t, str) for t in texts)
    ):
        raise _problem(f"{where}.value", _("must be a profile path or a list of them."))
    paths = []
    for text in texts:
        try:
            paths.append(parse_path(text))
        except InvalidInput as exc:
            raise _problem(f"{where}.value", exc.message) from None
    separator = entry.get("separator", " ")
    if not isinstance(separator, str) or len(separator) > 10:
        raise _problem(f"{where}.separator", _("must be a short text."))
    date_format = entry.get("date_format")
    if date_format is not None:
        if not isinstance(date_format, str):
            raise _problem(f"{where}.date_format", _("must be a text such as DD.MM.YYYY."))
        try:
            check_pattern(date_format)
        except InvalidInput as exc:
            raise _problem(f"{where}.date_format", exc.message) from None
    case = entry.get("case")
    if case not in (None, "upper", "lower"):
        raise _problem(f"{where}.case", _("must be upper or lower."))
    country = entry.get("country")
    if country not in (None, "name", "code"):
        raise _problem(f"{where}.country", _("must be name or code."))
    values = entry.get("values", {})
    if not isinstance(values, dict) or not all(
        isinstance(v, str) and len(v) <= MAX_TEXT for v in values.values()
    ):
        raise _problem(f"{where}.values", _("must map profile values to the texts to write."))
    return Rule(
        "value",
        paths=tuple(paths),
        separator=separator,
        date_format=date_format,
        case=case,
        country_names=country == "name",
        values=tuple((str(k), str(v)) for k, v in values.items()),
    )


def value_rule(*paths: str, **options: Any) -> Rule:
    """A value rule from path texts (for code that builds mappings)."""
    entry: dict[str, Any] = {"value": list(paths) if len(paths) > 1 else paths[0], **options}
    return _value_rule(entry, "value")
