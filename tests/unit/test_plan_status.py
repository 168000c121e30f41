"""The status document: the shape ``status --json`` promises in PRODUCT.md, and its values."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from waystation.content.model import (
    Conditions,
    Deadline,
    Limit,
    Pack,
    Source,
    StayRule,
    Step,
    Text,
)
from waystation.errors import InvalidInput
from waystation.rules.status import build_status, status_to_json
from waystation.vault.models import (
    DocumentInfo,
    Host,
    Passport,
    Person,
    Profile,
    Stay,
    StepProgress,
)

D = date
T = Text({"en": "text", "ru": "текст"})
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def kz_pack() -> Pack:
    rules = (
        StayRule(
            "kz.stay.ru",
            ("RU", "BY"),
            (Limit("window", 90, 180),),
            Text({"en": "90 days in any 180.", "ru": "90 дней из 180."}),
            (),
        ),
        StayRule("kz.stay.other", ("UA",), (), T, (), visa_required=True),
    )
    steps = (
        Step(
            "kz.residence.register",
            "residence",
            T,
            T,
            (Source("https://example.org", None),),
            D(2026, 1, 1),
            deadline=Deadline(after="entry", days=3),
        ),
        Step(
            "kz.residence.permit",
            "residence",
            T,
            T,
            (Source("https://example.org", None),),
            D(2026, 1, 1),
            depends_on=("kz.residence.register",),
        ),
        Step(
            "kz.work.by_only",
            "work",
            T,
            T,
            (Source("https://example.org", None),),
            D(2026, 1, 1),
            conditions=Conditions(citizenships=("BY",)),
        ),
    )
    return Pack("KZ", T, ("kk", "ru"), "ru", D(2026, 1, 1), (), rules, steps)


def kz_profile(*citizenships: str) -> Profile:
    return Profile(
        person=Person(family_name="Иванова", citizenships=citizenships or ("RU",)),
        passports=(Passport("751234567", expires=D(2026, 6, 30)),),
        host=Host(country="KZ"),
        stays=(Stay("KZ", D(2026, 1, 1), D(2026, 2, 14)), Stay("KZ", D(2026, 5, 1))),
    )


def test_status_json_has_the_promised_shape_and_values() -> None:
    status = build_status(kz_pack(), kz_profile(), [], D(2026, 5, 1))
    data = status_to_json(status, "ru")
    json.dumps(data)  # serialisable as is
    assert data["on"] == "2026-05-01"
    assert data["country"] == "KZ"
    stay = data["stay"]
    assert {"rule", "present", "days_used", "days_left", "must_leave_by"} <= set(stay)
    assert stay["rule"] == "kz.stay.ru"
    assert stay["present"] is True
    assert stay["days_used"] == 46
    assert stay["days_left"] == 44
    assert stay["must_leave_by"] == "2026-06-14"
    assert stay["explain"] == "90 дней из 180."
    assert stay["limit"] == {"kind": "window", "days": 90, "window": 180}
    for item in data["steps"]:
        assert {"id", "track", "state", "due", "overdue"} <= set(item)
        assert isinstance(item["id"], str) and isinstance(item["track"], str)
        assert item["state"] in ("todo", "doing", "done", "skipped")
        assert item["due"] is None or ISO.match(item["due"])
        assert isinstance(item["overdue"], bool)
    steps = {item["id"]: item for item in data["steps"]}
    assert steps["kz.residence.register"]["due"] == "2026-05-04"
    assert steps["kz.residence.permit"]["blocked_by"] == ["kz.residence.register"]
    assert steps["kz.work.by_only"]["applies"] is False
    assert [item["id"] for item in data["steps"]][-1] == "kz.work.by_only"
    assert data["expiring"] == [
        {
            "kind": "passport",
            "expires": "2026-06-30",
            "days_left": 60,
            "expired": False,
            "document_id": None,
            "title": "",
        }
    ]


def test_status_with_progress_and_documents() -> None:
    progress = [StepProgress("kz.residence.register", "done", D(2026, 5, 2))]
    documents = [
        DocumentInfo(
            7,
            "permit",
            "Permit",
            "p.pdf",
            "application/pdf",
            1,
            "0" * 64,
            D(2026, 1, 1),
            expires=D(2026, 5, 20),
        )
    ]
    data = status_to_json(
        build_status(kz_pack(), kz_profile(), progress, D(2026, 5, 10), documents=documents)
    )
    steps = {item["id"]: item for item in data["steps"]}
    assert steps["kz.residence.register"]["state"] == "done"
    assert steps["kz.residence.register"]["overdue"] is False
    assert steps["kz.residence.permit"]["blocked_by"] == []
    assert [w["kind"] for w in data["expiring"]] == ["permit", "passport"]


def test_overdue_step_in_status() -> None:
    data = status_to_json(build_status(kz_pack(), kz_profile(), [], D(2026, 5, 10)))
    steps = {item["id"]: item for item in data["steps"]}
    assert steps["kz.residence.register"]["overdue"] is True


def test_visa_rule_gives_nulls_and_no_rule_gives_an_empty_name() -> None:
    visa = status_to_json(build_status(kz_pack(), kz_profile("UA"), [], D(2026, 5, 1)))
    assert visa["stay"]["rule"] == "kz.stay.other"
    assert visa["stay"]["days_left"] is None and visa["stay"]["must_leave_by"] is None
    assert visa["stay"]["visa_required"] is True
    assert visa["stay"]["days_used"] == 46
    nobody = status_to_json(build_status(kz_pack(), kz_profile("US"), [], D(2026, 5, 1)))
    assert nobody["stay"]["rule"] == ""
    assert nobody["stay"]["explain"] is None


def test_other_citizenship_can_be_asked_for() -> None:
    status = build_status(kz_pack(), kz_profile("RU", "UA"), [], D(2026, 5, 1), citizenships=["UA"])
    assert status.stay.rule_id == "kz.stay.other"


def test_a_bad_history_is_invalid_input() -> None:
    profile = Profile(stays=(Stay("KZ", D(2026, 5, 1)), Stay("KZ", D(2026, 6, 1))))
    with pytest.raises(InvalidInput):
        build_status(kz_pack(), profile, [], D(2026, 6, 2))
