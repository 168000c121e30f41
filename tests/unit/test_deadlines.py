"""Due dates from deadline rules: calendar days, hours, business days, and their anchors."""

from __future__ import annotations

from datetime import date

import pytest

from waystation.content.model import Deadline, Limit, Pack, Source, StayRule, Step, Text
from waystation.errors import InvalidInput
from waystation.rules.business_days import add_business_days, is_business_day
from waystation.rules.deadlines import arrival_date, due_date, is_overdue
from waystation.rules.stay import stay_status
from waystation.vault.models import Host, Profile, Stay, StepProgress

D = date
T = Text({"en": "text", "ru": "текст"})
JUNE_1 = D(2026, 6, 1)


def step(deadline: Deadline | None, step_id: str = "ge.residence.register") -> Step:
    return Step(
        step_id, "residence", T, T, (Source("https://example.org", None),), D(2026, 1, 1), deadline=deadline
    )


def pack(holidays: frozenset[date] = frozenset(), public: bool = False, country: str = "GE") -> Pack:
    return Pack(
        country=country,
        name=T,
        official_languages=("ka",),
        label_language="ka",
        last_verified=D(2026, 1, 1),
        verify_here=(),
        stay_rules=(StayRule("ge.stay.ru", ("RU",), (Limit("per_stay", 365),), T, ()),),
        steps=(),
        holidays=holidays,
        use_public_holidays=public,
    )


def profile(*stays: Stay, arrival: date | None = None, host: str | None = "GE") -> Profile:
    return Profile(host=Host(country=host, arrival_date=arrival), stays=stays)


def due(
    deadline: Deadline,
    *,
    prof: Profile | None = None,
    the_pack: Pack | None = None,
    progress: dict[str, StepProgress] | None = None,
    on: date = JUNE_1,
) -> date | None:
    return due_date(step(deadline), the_pack or pack(), prof or profile(), progress or {}, on)


# --- shapes of deadline ----------------------------------------------------------------------------


def test_absolute_date() -> None:
    assert due(Deadline(on=D(2026, 12, 31))) == D(2026, 12, 31)


def test_no_deadline_means_no_due_date() -> None:
    assert due_date(step(None), pack(), profile(), {}, D(2026, 1, 1)) is None


@pytest.mark.parametrize(("hours", "days_later"), [(1, 1), (24, 1), (25, 2), (48, 2), (72, 3)])
def test_hours_round_up_to_whole_days(hours: int, days_later: int) -> None:
    prof = profile(arrival=D(2026, 3, 10))
    assert due(Deadline(after="arrival", hours=hours), prof=prof) == D(2026, 3, 10 + days_later)


def test_calendar_days_after_arrival() -> None:
    prof = profile(arrival=D(2026, 3, 10))
    assert due(Deadline(after="arrival", days=30), prof=prof) == D(2026, 4, 9)
    assert due(Deadline(after="arrival", days=0), prof=prof) == D(2026, 3, 10)


# --- anchors ---------------------------------------------------------------------------------------


def test_arrival_falls_back_to_the_start_of_the_unbroken_presence() -> None:
    prof = profile(
        Stay("GE", D(2025, 1, 1), D(2025, 2, 1)),
        Stay("GE", D(2026, 1, 10), D(2026, 3, 5)),
        Stay("GE", D(2026, 3, 5), D(2026, 4, 1)),  # border run, same day
        Stay("GE", D(2026, 4, 2)),  # back the next day: still unbroken
    )
    assert arrival_date(pack(), prof, D(2026, 6, 1)) == D(2026, 1, 10)


def test_arrival_for_another_host_country_is_not_used() -> None:
    prof = profile(Stay("GE", D(2026, 2, 1)), arrival=D(2025, 5, 5), host="AM")
    assert arrival_date(pack(), prof, D(2026, 6, 1)) == D(2026, 2, 1)


def test_no_arrival_and_no_stays_means_no_due_date() -> None:
    assert due(Deadline(after="arrival", days=10), prof=profile()) is None


def test_after_entry_uses_the_latest_entry_up_to_the_day() -> None:
    prof = profile(
        Stay("GE", D(2026, 1, 1), D(2026, 2, 1)),
        Stay("GE", D(2026, 4, 1), D(2026, 5, 1)),
        Stay("GE", D(2026, 7, 1)),
        arrival=D(2026, 1, 1),
    )
    assert due(Deadline(after="entry", days=3), prof=prof, on=D(2026, 6, 1)) == D(2026, 4, 4)


def test_after_step_counts_from_the_day_it_was_done() -> None:
    deadline = Deadline(after="step", step="ge.residence.apply", days=10)
    done = {"ge.residence.apply": StepProgress("ge.residence.apply", "done", D(2026, 5, 3))}
    assert due(deadline, progress=done) == D(2026, 5, 13)


@pytest.mark.parametrize(
    "progress",
    [
        {},
        {"ge.residence.apply": StepProgress("ge.residence.apply", "doing", D(2026, 5, 3))},
        {"ge.residence.apply": StepProgress("ge.residence.apply", "skipped", D(2026, 5, 3))},
        {"ge.residence.apply": StepProgress("ge.residence.apply", "done", None)},
    ],
    ids=["no-progress", "doing", "skipped", "done-without-date"],
)
def test_after_step_not_done_has_no_due_date_yet(progress: dict[str, StepProgress]) -> None:
    deadline = Deadline(after="step", step="ge.residence.apply", days=10)
    assert due(deadline, progress=progress) is None


def test_before_stay_limit() -> None:
    prof = profile(Stay("GE", D(2026, 1, 1)))
    the_pack = pack()
    stay = stay_status(the_pack.stay_rules[0], prof.stays, "GE", D(2026, 6, 1))
    deadline = Deadline(before_stay_limit=True, days_before=30)
    result = due_date(step(deadline), the_pack, prof, {}, D(2026, 6, 1), stay)
    assert result == D(2026, 12, 31 - 30)
    assert due_date(step(deadline), the_pack, prof, {}, D(2026, 6, 1), None) is None


def test_before_stay_limit_when_away_has_no_due_date() -> None:
    prof = profile(Stay("GE", D(2026, 1, 1), D(2026, 2, 1)))
    the_pack = pack()
    stay = stay_status(the_pack.stay_rules[0], prof.stays, "GE", D(2026, 6, 1))
    deadline = Deadline(before_stay_limit=True, days_before=30)
    assert due_date(step(deadline), the_pack, prof, {}, D(2026, 6, 1), stay) is None


# --- business days ---------------------------------------------------------------------------------


def test_business_days_skip_the_weekend() -> None:
    thursday = D(2026, 1, 8)
    assert add_business_days(thursday, 1, pack()) == D(2026, 1, 9)  # Friday
    assert add_business_days(thursday, 2, pack()) == D(2026, 1, 12)  # Monday
    assert add_business_days(thursday, 3, pack()) == D(2026, 1, 13)
    saturday = D(2026, 1, 10)
    assert add_business_days(saturday, 1, pack()) == D(2026, 1, 12)


def test_business_days_skip_a_listed_holiday() -> None:
    with_holiday = pack(holidays=frozenset({D(2026, 1, 12)}))
    assert add_business_days(D(2026, 1, 8), 3, with_holiday) == D(2026, 1, 14)
    prof = profile(arrival=D(2026, 1, 8))
    deadline = Deadline(after="arrival", business_days=3)
    assert due(deadline, prof=prof, the_pack=with_holiday) == D(2026, 1, 14)


def test_business_days_skip_public_holidays_only_when_the_pack_asks() -> None:
    friday = D(2026, 1, 16)  # Monday 19 January is Epiphany in Georgia
    assert add_business_days(friday, 1, pack()) == D(2026, 1, 19)
    assert add_business_days(friday, 1, pack(public=True)) == D(2026, 1, 20)
    assert not is_business_day(D(2026, 4, 13), pack(public=True))  # Orthodox Easter Monday


def test_public_holidays_of_an_unknown_country_are_simply_none() -> None:
    assert add_business_days(D(2026, 1, 16), 1, pack(public=True, country="QQ")) == D(2026, 1, 19)


def test_due_date_past_the_end_of_the_calendar_is_a_clear_error() -> None:
    prof = profile(arrival=D(9999, 12, 20))
    with pytest.raises(InvalidInput, match="out of range"):
        due(Deadline(after="arrival", days=30), prof=prof, on=D(9999, 12, 25))
    with pytest.raises(InvalidInput, match="out of range"):
        due(Deadline(after="arrival", business_days=30), prof=prof, on=D(9999, 12, 25))


# --- overdue ---------------------------------------------------------------------------------------


def test_overdue() -> None:
    on = D(2026, 6, 1)
    assert is_overdue(D(2026, 5, 31), "todo", on)
    assert is_overdue(D(2026, 5, 31), "doing", on)
    assert not is_overdue(D(2026, 6, 1), "todo", on)  # due today is not late yet
    assert not is_overdue(D(2026, 5, 31), "done", on)
    assert not is_overdue(D(2026, 5, 31), "skipped", on)
    assert not is_overdue(None, "todo", on)
