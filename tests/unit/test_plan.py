""" "What next": which steps apply, which are blocked, and the order to work through them; and
the documents about to expire."""

from __future__ import annotations

from datetime import date

from waystation.content.model import Conditions, Deadline, Pack, Source, Step, Text
from waystation.rules.applies import step_applies
from waystation.rules.plan import StepPlan, expiry_warnings, plan_steps
from waystation.vault.models import (
    DocumentInfo,
    FamilyMember,
    Host,
    Passport,
    Person,
    Profile,
    StepProgress,
    StepState,
)

D = date
T = Text({"en": "text", "ru": "текст"})
ON = D(2026, 6, 1)


def step(
    name: str, *, due: date | None = None, deps: tuple[str, ...] = (), conditions: Conditions | None = None
) -> Step:
    return Step(
        f"ge.residence.{name}",
        "residence",
        Text({"en": name.title(), "ru": name}),
        T,
        (Source("https://example.org", None),),
        D(2026, 1, 1),
        deadline=Deadline(on=due) if due else None,
        depends_on=tuple(f"ge.residence.{d}" for d in deps),
        conditions=conditions or Conditions(),
    )


def pack(*steps: Step) -> Pack:
    return Pack("GE", T, ("ka",), "ka", D(2026, 1, 1), (), (), steps)


def person(*citizenships: str, family: bool = False) -> Profile:
    return Profile(
        person=Person(citizenships=citizenships),
        host=Host(country="GE", arrival_date=D(2026, 1, 1)),
        family=(FamilyMember("child"),) if family else (),
    )


def progress(**states: StepState) -> list[StepProgress]:
    return [StepProgress(f"ge.residence.{k}", v, ON) for k, v in states.items()]


def names(plans: list[StepPlan]) -> list[str]:
    return [p.step.id.rsplit(".", 1)[1] for p in plans]


# --- ordering --------------------------------------------------------------------------------------


def test_ready_before_blocked_then_overdue_then_by_due_date_then_pack_order() -> None:
    the_pack = pack(
        step("first"),  # ready, no due date
        step("blocked", due=D(2026, 5, 1), deps=("first",)),  # overdue, but waits on "first"
        step("later", due=D(2026, 7, 1)),
        step("overdue", due=D(2026, 5, 20)),
        step("soon", due=D(2026, 6, 10)),
        step("also_undated"),
    )
    plans = plan_steps(the_pack, person("RU"), [], ON)
    assert names(plans) == ["overdue", "soon", "later", "first", "also_undated", "blocked"]
    blocked = plans[-1]
    assert blocked.blocked_by == ("ge.residence.first",)
    assert blocked.overdue


def test_dependencies_always_come_first_even_when_the_dependant_is_more_urgent() -> None:
    the_pack = pack(
        step("c", due=D(2026, 6, 2), deps=("b",)),
        step("b", due=D(2026, 9, 1), deps=("a",)),
        step("a"),
        step("x", due=D(2026, 8, 1), deps=("a",)),
    )
    plans = plan_steps(the_pack, person("RU"), [], ON)
    order = names(plans)
    assert order[0] == "a"
    assert order.index("b") < order.index("c")
    assert order == ["a", "x", "b", "c"]  # among blocked ones, by due date while deps allow


def test_done_and_skipped_after_open_and_not_applying_last() -> None:
    the_pack = pack(
        step("done"),
        step("by_only", conditions=Conditions(citizenships=("BY",))),
        step("skipped"),
        step("open"),
        step("needs_done", deps=("done", "skipped")),
    )
    plans = plan_steps(the_pack, person("RU"), progress(done="done", skipped="skipped"), ON)
    assert names(plans) == ["open", "needs_done", "done", "skipped", "by_only"]
    by_name = {n: p for n, p in zip(names(plans), plans, strict=True)}
    assert by_name["needs_done"].blocked_by == ()  # done and skipped both release it
    assert by_name["done"].done_on == ON
    assert by_name["open"].done_on is None
    assert by_name["by_only"].applies is False
    assert by_name["open"].state == "todo"


def test_a_dependency_that_does_not_apply_blocks_nothing() -> None:
    the_pack = pack(
        step("family_only", conditions=Conditions(with_family=True)),
        step("next", deps=("family_only",)),
    )
    plans = plan_steps(the_pack, person("RU"), [], ON)
    assert names(plans) == ["next", "family_only"]
    assert plans[0].blocked_by == ()


def test_not_applying_steps_are_never_overdue() -> None:
    the_pack = pack(step("by_only", due=D(2026, 1, 1), conditions=Conditions(citizenships=("BY",))))
    assert not plan_steps(the_pack, person("RU"), [], ON)[0].overdue


def test_progress_can_be_given_as_a_mapping() -> None:
    the_pack = pack(step("a"), step("b", deps=("a",)))
    keyed = {p.step_id: p for p in progress(a="done")}
    assert plan_steps(the_pack, person("RU"), keyed, ON)[0].blocked_by == ()


def test_a_dependency_cycle_does_not_hang() -> None:
    the_pack = pack(step("a", deps=("b",)), step("b", deps=("a",)), step("c"))
    assert sorted(names(plan_steps(the_pack, person("RU"), [], ON))) == ["a", "b", "c"]


# --- applies ---------------------------------------------------------------------------------------


def test_citizenship_condition() -> None:
    cond = Conditions(citizenships=("RU", "BY"))
    assert step_applies(cond, person("BY")) is True
    assert step_applies(cond, person("UA")) is False
    assert step_applies(cond, person()) is None  # unknown citizenship: may apply


def test_family_condition() -> None:
    assert step_applies(Conditions(with_family=True), person("RU", family=True)) is True
    assert step_applies(Conditions(with_family=True), person("RU")) is False
    assert step_applies(Conditions(with_family=False), person("RU")) is True


def test_purpose_is_unknown_unless_given() -> None:
    cond = Conditions(purposes=("work", "self_employed"))
    assert step_applies(cond, person("RU")) is None
    assert step_applies(cond, person("RU"), {"study"}) is False
    assert step_applies(cond, person("RU"), {"work"}) is True
    both = Conditions(citizenships=("BY",), purposes=("work",))
    assert step_applies(both, person("RU")) is False  # a known "no" beats an unknown


def test_maybe_applying_steps_stay_in_the_open_list() -> None:
    the_pack = pack(step("work", conditions=Conditions(purposes=("work",))), step("other"))
    plans = plan_steps(the_pack, person("RU"), [], ON)
    assert names(plans) == ["work", "other"]
    assert plans[0].applies is None
    with_purpose = plan_steps(the_pack, person("RU"), [], ON, purposes={"study"})
    assert names(with_purpose) == ["other", "work"]


# --- expiry ----------------------------------------------------------------------------------------


def doc(ident: int, kind: str, expires: date | None, title: str = "") -> DocumentInfo:
    return DocumentInfo(
        ident, kind, title or kind, "scan.pdf", "application/pdf", 1, "0" * 64, D(2026, 1, 1), expires=expires
    )


def test_expiry_warnings_are_sorted_and_limited_to_the_lead_time() -> None:
    prof = Profile(passports=(Passport("751234567", expires=D(2026, 7, 1)), Passport("1")))
    documents = [
        doc(1, "permit", D(2026, 5, 1)),  # already expired
        doc(2, "health_insurance", D(2026, 12, 31)),  # beyond 90 days
        doc(3, "registration", D(2026, 8, 30)),  # exactly 90 days
        doc(4, "photo", None),
        doc(5, "passport", D(2026, 7, 1)),  # the same passport as in the profile
        doc(6, "other", D(2026, 6, 15), "Lease addendum"),
    ]
    warnings = expiry_warnings(prof, documents, ON)
    assert [(w.kind, w.expires) for w in warnings] == [
        ("permit", D(2026, 5, 1)),
        ("other", D(2026, 6, 15)),
        ("passport", D(2026, 7, 1)),
        ("registration", D(2026, 8, 30)),
    ]
    assert warnings[0].expired and warnings[0].days_left == -31
    assert not warnings[1].expired
    assert warnings[1].title == "Lease addendum"
    assert warnings[2].document_id is None


def test_expiry_lead_time_can_be_changed() -> None:
    prof = Profile(passports=(Passport("1", expires=D(2026, 12, 1)),))
    assert expiry_warnings(prof, [], ON) == []
    assert len(expiry_warnings(prof, [], ON, lead_days=365)) == 1
