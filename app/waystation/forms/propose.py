"""Proposing a mapping for a form: each field's printed label, description and name matched
against the table of known labels (known_labels.py), in the form's language and the others.

Which spelling a name takes follows the form's script: a form printed in Cyrillic gets the
names as the profile writes them, any other form the Latin spelling of the passport (a label
that says "in Latin letters" or "as in the passport" asks for it too). Fields under a heading
about the spouse or a child take that family member's values (the second "Vorname" under
"Kinder" is the second child's); fields about parents, employers, former names are left alone.
Dates take the format the field declares, else the one of the form's language. The proposal
holds no personal data: choice lists are matched for every value the profile could hold.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from waystation.forms import dates, known_labels
from waystation.forms.conditions import parse_condition
from waystation.forms.mapping import FormMap, Rule, value_rule
from waystation.forms.model import FormField, FormInfo
from waystation.forms.values import country_name
from waystation.packets.labels import label

CYRILLIC_LANGUAGES = ("ru", "uk", "be", "kk", "ky")
_NAME_TARGETS = ("family_name", "given_names", "patronymic", "full_name", "date_of_birth", "place_of_birth")
_FAMILY_TARGETS = {"family_name", "given_names", "full_name", "date_of_birth"}


@dataclass
class Proposal:
    mapping: FormMap
    reasons: dict[str, str] = field(default_factory=dict)  # field name -> the text that matched


def propose(form: FormInfo, language: str | None = None) -> Proposal:
    language = language or form.language
    cyrillic = _is_cyrillic_form(form, language)
    rules: dict[str, Rule] = {}
    reasons: dict[str, str] = {}
    children: Counter[str] = Counter()
    for item in sorted(form.fields, key=_reading_order):
        if not item.fillable:
            continue
        found = _propose_field(item, language, cyrillic, children)
        if found is not None:
            rules[item.name], reasons[item.name] = found
    ordered = {item.name: rules[item.name] for item in form.fields if item.name in rules}
    mapping = FormMap(form.fingerprint, ordered, form.title, language, len(form.fields))
    return Proposal(mapping, reasons)


def _reading_order(item: FormField) -> tuple[int, float, float]:
    if not item.widgets:
        return (10_000, 0.0, 0.0)
    widget = item.widgets[0]
    return (widget.page, -round(widget.rect[3] / 4), widget.rect[0])


def _is_cyrillic_form(form: FormInfo, language: str | None) -> bool:
    if language in CYRILLIC_LANGUAGES:
        return True
    text = " ".join(item.label for item in form.fields)
    cyrillic = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return language in (None, "sr") and cyrillic > latin


def _texts(item: FormField) -> list[tuple[str, int]]:
    tail = item.name.split(".")[-1].split("[")[0]
    return [(text, weight) for text, weight in ((item.label, 3), (item.tooltip, 2), (tail, 1)) if text]


def _propose_field(
    item: FormField, language: str | None, cyrillic: bool, children: Counter[str]
) -> tuple[Rule, str] | None:
    if item.kind in ("checkbox", "radio"):
        return _propose_button(item, language)
    texts = _texts(item)
    blocker = next((text for text, weight in texts if weight > 1 and known_labels.blocked(text)), None)
    if blocker is not None:  # a signature, an employer, a former name: for the person to fill
        return Rule("empty"), blocker
    best: tuple[tuple[int, int, int], known_labels.Hit, str] | None = None
    for text, weight in texts:
        for hit in known_labels.hits(text, language)[:1]:
            key = (int(hit.exact), hit.length, weight)
            if best is None or key > best[0]:
                best = (key, hit, text)
    if best is None:
        return None
    hit, text = best[1], best[2]
    section = item.section
    if section in ("parent", "other_person"):
        return Rule("empty"), text
    latin = not cyrillic
    joined = " ".join(t for t, _w in texts)
    if known_labels.hint(joined, known_labels.table().latin_hints):
        latin = True
    elif known_labels.hint(joined, known_labels.table().native_hints):
        latin = False
    if section in ("spouse", "child"):
        if hit.target not in _FAMILY_TARGETS:
            return None
        holder = "spouse"
        if section == "child":
            children[hit.target] += 1
            number = item.section_index or children[hit.target]
            if number > 9:
                return None
            holder = f"child{number}"
        rule: Rule | None = _family_rule(hit.target, holder, latin, item, language)
    else:
        rule = _person_rule(hit.target, latin, item, language)
    return (rule, text) if rule is not None else None


def _date_options(item: FormField, language: str | None) -> dict[str, Any]:
    pattern = dates.expected_format(item.date_hint, None, language) or "DD.MM.YYYY"
    if item.comb and item.max_length == len(dates.without_separators(pattern)):
        pattern = dates.without_separators(pattern)
    return {"date_format": pattern}


def _family_rule(target: str, holder: str, latin: bool, item: FormField, language: str | None) -> Rule:
    suffix = "_latin" if latin else ""
    base = f"family[{holder}]"
    if target == "date_of_birth":
        return value_rule(f"{base}.date_of_birth", **_date_options(item, language))
    if target == "full_name":
        return value_rule(f"{base}.family_name{suffix}", f"{base}.given_names{suffix}")
    return value_rule(f"{base}.{target}{suffix}")


def _person_rule(target: str, latin: bool, item: FormField, language: str | None) -> Rule | None:
    suffix = "_latin" if latin else ""
    simple = {
        "family_name": f"person.family_name{suffix}",
        "given_names": f"person.given_names{suffix}",
        "patronymic": f"person.patronymic{suffix}",
        "place_of_birth": f"person.place_of_birth{suffix}",
        "phone": "person.phone",
        "email": "person.email",
        "passport_number": "passports[international].number",
        "passport_authority": f"passports[international].authority{suffix}",
        "address": "host.address",
        "city": "host.city",
    }
    dated = {
        "date_of_birth": "person.date_of_birth",
        "passport_issued": "passports[international].issued",
        "passport_expires": "passports[international].expires",
        "arrival_date": "host.arrival_date",
    }
    if target in simple:
        return value_rule(simple[target])
    if target in dated:
        return value_rule(dated[target], **_date_options(item, language))
    if target == "full_name":
        if latin:
            return value_rule("person.family_name_latin", "person.given_names_latin")
        return value_rule("person.family_name", "person.given_names", "person.patronymic")
    if target == "place_and_date":
        return value_rule("host.city", "today", separator=", ", **_date_options(item, language))
    if target == "sex":
        return _sex_rule(item, language)
    if target == "citizenship":
        return _citizenship_rule(item, language)
    return None


def _sex_rule(item: FormField, language: str | None) -> Rule | None:
    if item.kind == "choice":
        table = {}
        for option in item.options:
            sex = known_labels.sex_of(option.shown, language) or known_labels.sex_of(option.export, language)
            if sex and sex not in table:
                table[sex] = option.export
        return value_rule("person.sex", values=table) if table else None
    words = {sex: label(f"sex_{sex}", language or "en") for sex in ("F", "M", "X")}
    return value_rule("person.sex", values=words)


def _citizenship_rule(item: FormField, language: str | None) -> Rule:
    if item.kind != "choice" or not item.options:
        return value_rule("person.citizenships[0]", country="name")
    table = {}
    for code in (
        "RU",
        "BY",
        "UA",
        "KZ",
        "AM",
        "GE",
        "AZ",
        "KG",
        "UZ",
        "TJ",
        "MD",
        "TM",
        "RS",
        "TR",
        "DE",
        "IL",
        "US",
    ):
        names = {known_labels.norm(n) for n in (code, country_name(code, language), country_name(code, "en"))}
        for option in item.options:
            if known_labels.norm(option.shown) in names or known_labels.norm(option.export) in names:
                table[code] = option.export
                break
    return value_rule("person.citizenships[0]", values=table)


def _propose_button(item: FormField, language: str | None) -> tuple[Rule, str] | None:
    if item.kind == "checkbox" and len(item.states) <= 1:
        text = item.widgets[0].label if item.widgets else item.label
        sex = known_labels.sex_of(text or item.label, language) or known_labels.sex_of(item.tooltip, language)
        if sex is None:
            return None
        return Rule("check", condition=parse_condition(f'person.sex == "{sex}"')), text or item.label
    choices = []
    seen = set()
    for state in item.states:
        widget_label = next((w.label for w in item.widgets if w.state == state), "")
        sex = known_labels.sex_of(widget_label, language) or known_labels.sex_of(state, language)
        if sex is not None and sex not in seen:
            seen.add(sex)
            choices.append((state, parse_condition(f'person.sex == "{sex}"')))
    if not choices:
        return None
    return Rule("choose", choices=tuple(choices)), item.label or item.name
