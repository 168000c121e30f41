"""The stay calculator against a brute-force reference that knows nothing clever: a day-by-day
array of presence, and every window checked by summing it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from waystation.content.model import Limit, StayRule, Text
from waystation.errors import InvalidInput
from waystation.rules.stay import earliest_return, stay_status
from waystation.vault.models import Stay

BASE = date(2025, 9, 1).toordinal()  # histories cross one or two New Years
PAD = 400  # room before BASE for windows that reach back
SIZE = PAD + 2600
SEARCH = 800  # how far the reference looks ahead
SETTINGS = settings(max_examples=250, deadline=None)


def index(ordinal: int) -> int:
    return ordinal - BASE + PAD


def jan1(ordinal: int) -> int:
    return date(date.fromordinal(ordinal).year, 1, 1).toordinal()


# --- the reference ---------------------------------------------------------------------------------


def presence(stays: list[Stay], country: str, before: int) -> bytearray:
    """1 for each day in ``country`` strictly before ``before`` (an open stay runs up to it)."""
    days = bytearray(SIZE)
    for stay in stays:
        if stay.country != country:
            continue
        last = stay.left.toordinal() if stay.left else before - 1
        for day in range(stay.entered.toordinal(), min(last, before - 1) + 1):
            days[index(day)] = 1
    return days


def period_start(days: bytearray, day: int, window: int) -> int | None:
    """The first day of the from-first-entry period holding ``day``: from the first day of
    presence, each period's successor is the first day of presence after it ends."""
    found = days.find(1, 0, index(day) + 1)
    if found < 0:
        return None
    start = found
    while (following := days.find(1, start + window, index(day) + 1)) >= 0:
        start = following
    start_day = start - PAD + BASE
    return start_day if day < start_day + window else None


def legal_on(limit: Limit, days: bytearray, day: int, stay_start: int) -> bool:
    if limit.kind == "per_stay":
        return day - stay_start + 1 <= limit.days
    if limit.kind == "from_first_entry":
        assert limit.window is not None
        start = period_start(days, day, limit.window)
        return start is None or sum(days[index(start) : index(day) + 1]) <= limit.days
    first = day - limit.window + 1 if limit.kind == "window" and limit.window else jan1(day)
    return sum(days[index(first) : index(day) + 1]) <= limit.days


def reference_last_legal(limits: tuple[Limit, ...], stays: list[Stay], on: date) -> int | None:
    today = on.toordinal()
    inside = [s.entered.toordinal() for s in stays if s.country == "XX" and _contains(s, on)]
    start = max(inside, default=today)
    days = presence(stays, "XX", start)
    for day in range(start, start + SEARCH):
        days[index(day)] = 1
        if not all(legal_on(limit, days, day, start) for limit in limits):
            return day - 1
    return None


def reference_used(limit: Limit | None, stays: list[Stay], on: date) -> int:
    today = on.toordinal()
    days = presence(stays, "XX", today + 1)
    inside = [s.entered.toordinal() for s in stays if s.country == "XX" and _contains(s, on)]
    if limit is None:
        return sum(days[index(today - 179) : index(today) + 1])
    if limit.kind == "per_stay":
        return today - max(inside) + 1 if inside else 0
    if limit.kind == "from_first_entry":
        assert limit.window is not None
        start = period_start(days, today, limit.window)
        return sum(days[index(start) : index(today) + 1]) if start is not None else 0
    first = today - (limit.window or 0) + 1 if limit.kind == "window" else jan1(today)
    return sum(days[index(first) : index(today) + 1])


def trip_is_legal(limits: tuple[Limit, ...], history: bytearray, entry: int, length: int) -> bool:
    days = bytearray(history)
    for day in range(entry, entry + length):
        days[index(day)] = 1
    return all(legal_on(limit, days, day, entry) for day in range(entry, entry + length) for limit in limits)


def _contains(stay: Stay, on: date) -> bool:
    return stay.entered <= on and (stay.left is None or on <= stay.left)


# --- generated histories ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    limits: tuple[Limit, ...]
    stays: list[Stay]
    on: date


limit_strategy = st.one_of(
    st.builds(lambda n, extra: Limit("window", n, n + extra), st.integers(1, 40), st.integers(0, 60)),
    st.builds(lambda n: Limit("window", n, n), st.integers(1, 10)),  # never binds
    st.builds(lambda n: Limit("per_stay", n), st.integers(1, 40)),
    st.builds(lambda n: Limit("per_calendar_year", n), st.integers(1, 60)),
    st.just(Limit("per_calendar_year", 400)),  # never binds
    st.builds(
        lambda n, extra: Limit("from_first_entry", n, n + extra), st.integers(1, 40), st.integers(1, 60)
    ),
)


@st.composite
def histories(draw: st.DrawFn) -> list[Stay]:
    """Stays in XX that never overlap (a same-day re-entry allowed), the last maybe open, and
    one stay elsewhere that must not count."""
    stays: list[Stay] = []
    day = BASE + draw(st.integers(0, 60))
    for _ in range(draw(st.integers(0, 6))):
        length = draw(st.integers(1, 60))
        stays.append(Stay("XX", date.fromordinal(day), date.fromordinal(day + length - 1)))
        day += length - 1 + draw(st.integers(0 if length > 1 else 1, 50))  # never the same stay twice
    if stays and draw(st.booleans()):
        stays[-1] = Stay("XX", stays[-1].entered, None)
    # A person is in one country at a time: the stay elsewhere comes before the first one in XX.
    other = BASE - draw(st.integers(31, 200))
    stays.append(Stay("YY", date.fromordinal(other), date.fromordinal(other + 30)))
    return stays


@st.composite
def cases(draw: st.DrawFn) -> Case:
    limits = tuple(draw(st.lists(limit_strategy, min_size=1, max_size=3)))
    stays = draw(histories())
    on = date.fromordinal(BASE + draw(st.integers(0, 450)))
    return Case(limits, stays, on)


def make_rule(limits: tuple[Limit, ...]) -> StayRule:
    return StayRule("xx.stay.test", ("RU",), limits, Text({"en": "test"}), ())


# --- properties ------------------------------------------------------------------------------------


@SETTINGS
@given(cases())
def test_stay_status_matches_brute_force(case: Case) -> None:
    status = stay_status(make_rule(case.limits), case.stays, "XX", case.on)
    expected_last = reference_last_legal(case.limits, case.stays, case.on)
    actual_last = status.must_leave_by.toordinal() if status.must_leave_by else None
    assert actual_last == expected_last
    assert status.present == any(s.country == "XX" and _contains(s, case.on) for s in case.stays)
    counted_by = status.binding or case.limits[0]
    assert status.days_used == reference_used(counted_by, case.stays, case.on)
    if expected_last is not None:
        assert status.days_left == expected_last - case.on.toordinal()
        assert status.overstayed == (status.present and expected_last < case.on.toordinal())


@SETTINGS
@given(cases(), st.integers(1, 50))
def test_earliest_return_matches_brute_force(case: Case, length: int) -> None:
    found = earliest_return(make_rule(case.limits), case.stays, "XX", case.on, length)
    after = case.on.toordinal()
    history = presence(case.stays, "XX", after)
    if found is None:
        assert not any(
            trip_is_legal(case.limits, history, entry, length) for entry in range(after, after + SEARCH)
        )
        return
    entry = found.toordinal()
    assert entry >= after
    assert trip_is_legal(case.limits, history, entry, length)
    assert not any(trip_is_legal(case.limits, history, e, length) for e in range(after, entry))


@SETTINGS
@given(cases())
def test_must_leave_by_is_the_earliest_return_for_the_days_left(case: Case) -> None:
    """Someone away today could enter today and stay exactly as long as the status says."""
    away = [s for s in case.stays if not _contains(s, case.on) or s.country != "XX"]
    status = stay_status(make_rule(case.limits), away, "XX", case.on)
    if status.days_left is not None and status.days_left >= 0:
        length = status.days_left + 1
        rule = make_rule(case.limits)
        assert earliest_return(rule, away, "XX", case.on, length) == case.on


any_date = st.dates(min_value=date.min, max_value=date.max)
any_stay = st.builds(Stay, st.sampled_from(["XX", "YY"]), any_date, st.none() | any_date)


@settings(max_examples=300, deadline=None)
@given(st.lists(any_stay, max_size=5), any_date, limit_strategy, st.integers(-2, 400))
def test_any_input_gives_an_answer_or_a_clear_error(
    stays: list[Stay], on: date, limit: Limit, length: int
) -> None:
    """Random dates over the whole calendar: never a crash, only InvalidInput."""
    for call in (
        lambda: stay_status(make_rule((limit,)), stays, "XX", on),
        lambda: earliest_return(make_rule((limit,)), stays, "XX", on, length),
    ):
        try:
            call()
        except InvalidInput as error:
            assert str(error)
