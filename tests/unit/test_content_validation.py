"""Broken packs: every problem is named (file, step, field), the pack is refused, others load."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from waystation.content.loader import PackInvalid, load_library, load_pack

GOOD: dict[str, Any] = {
    "format": "waystation-pack/1",
    "country": "XX",
    "name": {"en": "Exampleland", "ru": "Примерия"},
    "official_languages": ["ka"],
    "last_verified": "2026-11-22",
    "coverage": {"level": "full"},
    "verify_here": [{"title": {"en": "Consulate", "ru": "Консульство"}, "url": "https://example.org/"}],
    "stay_rules": [
        {
            "id": "xx.stay.visa_free",
            "citizenships": ["RU"],
            "limits": [{"kind": "window", "days": 90, "window": 180}],
            "explain": {"en": "90 in 180", "ru": "90 из 180"},
            "sources": [{"url": "https://example.org/a", "date": "2025-01-01"}],
        }
    ],
    "steps": [
        {
            "id": "xx.residence.register",
            "track": "residence",
            "title": {"en": "Register", "ru": "Зарегистрироваться"},
            "body": {"en": "Do it.", "ru": "Сделайте."},
            "deadline": {"after": "arrival", "hours": 24},
            "sources": [{"url": "https://example.org/b", "date": "n.d."}],
            "last_verified": "2026-11-22",
        },
        {
            "id": "xx.residence.permit",
            "track": "residence",
            "title": {"en": "Permit", "ru": "ВНЖ"},
            "body": {"en": "Apply.", "ru": "Подайте."},
            "depends_on": ["xx.residence.register"],
            "deadline": {"after": "step", "step": "xx.residence.register", "days": 10},
            "documents": [{"kind": "passport", "translated": True}],
            "sources": [{"url": "https://example.org/c", "date": "2026-01-05"}],
            "last_verified": "2026-11-22",
        },
    ],
}


def write(folder: Path, name: str, data: Any) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def problems_of(tmp_path: Path, data: Any) -> list[str]:
    path = write(tmp_path, "xx.yaml", data)
    with pytest.raises(PackInvalid) as caught:
        load_pack(path)
    return [str(p) for p in caught.value.problems]


def test_good_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(write(tmp_path, "xx.yaml", GOOD))
    assert [s.id for s in pack.steps][:2] == ["xx.residence.register", "xx.residence.permit"]
    assert pack.steps[1].documents[0].translated
    # the shared documents-from-home steps are merged in, named for this country
    assert pack.steps_in("home_documents")
    assert all(s.id.startswith("xx.home_documents.") for s in pack.steps_in("home_documents"))


def broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(GOOD)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["steps"][0].pop("title"), "xx.residence.register: title: missing"),
        (lambda d: d["steps"][0].update(track="visa"), "xx.residence.register: track:"),
        (
            lambda d: d["steps"][1].update(depends_on=["xx.residence.ghost"]),
            "depends_on: unknown step 'xx.residence.ghost'",
        ),
        (lambda d: d["steps"][0].update(depends_on=["xx.residence.permit"]), "dependency cycle"),
        (lambda d: d["steps"][1].update(id="xx.residence.register"), "duplicate step id"),
        (lambda d: d["steps"][0]["sources"][0].pop("url"), "xx.residence.register: sources[0].url: missing"),
        (
            lambda d: d["steps"][0]["sources"][0].pop("date"),
            "xx.residence.register: sources[0].date: missing",
        ),
        (lambda d: d["steps"][0].update(sources=[]), "xx.residence.register: sources:"),
        (lambda d: d["steps"][0]["sources"][0].update(date="2026-02-30"), "is not a real date"),
        (lambda d: d["steps"][0]["body"].pop("ru"), "xx.residence.register: body.ru: missing"),
        (lambda d: d["steps"][0].update(id="ge.residence.register"), "must start with 'xx.'"),
        (lambda d: d["steps"][1]["documents"][0].update(kind="selfie"), "documents[0].kind"),
        (
            lambda d: d["steps"][1]["deadline"].update(step="xx.residence.other"),
            "deadline.step: unknown step",
        ),
        (lambda d: d["stay_rules"][0]["limits"][0].update(days=200), "days exceed the window"),
        (lambda d: d.update(country="YY"), "the file is named for XX"),
        (lambda d: d.update(coverage={"level": "complete"}), "coverage.level"),
        (lambda d: d.update(coverage={"level": "partial"}), "coverage.missing: missing"),
        (lambda d: d.pop("coverage"), "coverage: missing"),
        (
            lambda d: d["steps"][0]["sources"][0].update(url="ftp://example.org/x"),
            "xx.residence.register: sources[0].url",
        ),
        (
            lambda d: d["steps"][0]["sources"][0].update(url="javascript:alert(1)"),
            "xx.residence.register: sources[0].url",
        ),
        (
            lambda d: d["steps"][1]["sources"][0].update(date="2999-01-01"),
            "xx.residence.permit: sources[0].date",
        ),
        (lambda d: d["steps"][1].update(last_verified="2026-11-23"), "xx.residence.permit: last_verified"),
        (lambda d: d.update(last_verified="2999-01-01"), "pack: last_verified: 2999-01-01 is in the future"),
        (
            lambda d: (
                d["steps"][1]["sources"][0].update(date="2026-11-21")
                or d["steps"][1].update(last_verified="2026-11-20")
            ),
            "xx.residence.permit: sources[0].date: 2026-11-21 is after 2026-11-20",
        ),
        (
            lambda d: d["steps"][0].update(contacts=[{"name": {"en": "Desk", "ru": "Стойка"}}]),
            "xx.residence.register: contacts[0]: needs a url or a phone",
        ),
        (
            lambda d: d["stay_rules"][0].update(unknown=True),
            "give exactly one of: limits, visa_required, no_limit, unknown",
        ),
        (
            lambda d: d.update(
                permit_rules=[
                    {
                        "id": "xx.permit.trp",
                        "kind": "work_permit",
                        "name": {"en": "x", "ru": "x"},
                        "explain": {"en": "x", "ru": "x"},
                        "sources": [{"url": "https://example.org/p", "date": "n.d."}],
                        "last_verified": "2026-11-22",
                    }
                ]
            ),
            "xx.permit.trp: kind",
        ),
    ],
)
def test_each_problem_is_named(tmp_path: Path, change: Any, expected: str) -> None:
    problems = problems_of(tmp_path, broken(change))
    assert any(expected in p and "xx.yaml" in p for p in problems), problems


def test_every_problem_at_once(tmp_path: Path) -> None:
    def many(d: dict[str, Any]) -> None:
        d["steps"][0]["sources"][0].pop("url")
        d["steps"][1]["depends_on"] = ["xx.residence.ghost"]
        d["steps"][1]["id"] = "xx.residence.register"

    assert len(problems_of(tmp_path, broken(many))) >= 3


def test_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text("steps: [unclosed\n  - : :", encoding="utf-8")
    with pytest.raises(PackInvalid) as caught:
        load_pack(path)
    assert "not valid YAML" in str(caught.value.problems[0])


def test_library_refuses_a_bad_pack_and_keeps_the_others(tmp_path: Path) -> None:
    write(tmp_path, "xx.yaml", GOOD)
    other = copy.deepcopy(GOOD)
    other["country"] = "YY"
    other["stay_rules"][0]["id"] = "yy.stay.visa_free"
    for step in other["steps"]:
        step["id"] = step["id"].replace("xx.", "yy.")
    other["steps"][1]["depends_on"] = ["yy.residence.register"]
    other["steps"][1]["deadline"]["step"] = "yy.residence.register"
    other["steps"][0]["sources"] = []
    write(tmp_path, "yy.yaml", other)
    library = load_library(tmp_path)
    assert library.countries() == ["XX"]
    assert list(library.refused) == [str(tmp_path / "yy.yaml")]


def test_an_old_step_loads_and_is_warned_about(tmp_path: Path) -> None:
    from datetime import date

    from waystation.content.hygiene import pack_report

    data = broken(lambda d: d.update(review_after=30))
    pack = load_pack(write(tmp_path, "xx.yaml", data))
    assert pack.review_after == 30
    later = date(2027, 1, 1)
    assert pack.is_stale(pack.steps[0], later) and not pack.is_stale(pack.steps[0], date(2026, 12, 1))
    report = pack_report("xx.yaml", data, today=later)
    assert any("may be out of date" in str(w) and "xx.residence.register" in str(w) for w in report.warnings)


def test_hygiene_warnings_do_not_refuse_a_guide(tmp_path: Path) -> None:
    from waystation.content.hygiene import pack_report

    def farmed(d: dict[str, Any]) -> None:
        d["steps"][0]["sources"] = [{"url": "https://newsy-today.com/x", "date": "n.d."}]
        d["steps"][0]["contacts"] = [
            {"name": {"en": "Kovcheg", "ru": "Ковчег"}, "url": "https://en.wikipedia.org/wiki/Ark"}
        ]

    data = broken(farmed)
    load_pack(write(tmp_path, "xx.yaml", data))  # loads
    warnings = [str(w) for w in pack_report("xx.yaml", data).warnings]
    assert any("newsy-today.com is an aggregator: mark it weak" in w for w in warnings)
    assert any("every source is weak or undated" in w for w in warnings)
    assert any("contacts[0].url: en.wikipedia.org is a news or reference site" in w for w in warnings)


ALIAS_BOMB = """format: waystation-pack/1
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
country: XX
"""


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    import time

    path = tmp_path / "xx.yaml"
    path.write_text(ALIAS_BOMB, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(PackInvalid) as caught:
        load_pack(path)
    assert time.monotonic() - started < 5
    assert "aliases" in str(caught.value.problems[0])


def test_deep_nesting_and_huge_files_are_refused(tmp_path: Path) -> None:
    deep = tmp_path / "xx.yaml"
    deep.write_text("steps: " + "[" * 200 + "]" * 200 + "\n", encoding="utf-8")
    with pytest.raises(PackInvalid) as caught:
        load_pack(deep)
    assert "nested deeper" in str(caught.value.problems[0])
    huge = tmp_path / "yy.yaml"
    huge.write_text("notes: '" + "x" * (9 * 1024 * 1024) + "'\n", encoding="utf-8")
    with pytest.raises(PackInvalid) as caught:
        load_pack(huge)
    assert "larger than" in str(caught.value.problems[0])


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "xx.yaml"
    os.mkfifo(fifo)
    with pytest.raises(PackInvalid) as caught:
        load_pack(fifo)
    assert "not a regular file" in str(caught.value.problems[0])
