"""The binding basis against a brute-force reference that walks day by day: every basis valid on
the day is evaluated on its own (the visa-free count, each permit's dates, a C visa's days in any
180 across the visa area), the longest binds, and permits that start by the day after carry on."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.test_stay_properties import BASE, SEARCH, histories, limit_strategy, reference_last_legal
from waystation.content.model import Limit, Pack, StayRule, Text, VisaArea
from waystation.rules.bases import legal_stay
from waystation.vault.models import Permit, Person, Profile, Stay

AREA = frozenset({"XX", "YY"})
NEVER = 10**9  # a last day for "nothing ends the stay"


def guide(limits: tuple[Limit, ...]) -> Pack:
    rule = StayRule("xx.stay.test", ("RU",), limits, Text({"en": "test"}), ())
    return Pack(
        country="XX",
        name=Text({"en": "Exampleland"}),
        official_languages=("xx",),
        label_language="xx",
        last_verified=date(2026, 1, 1),
        verify_here=(),
        stay_rules=(rule,),
        steps=(),
        visa_area=VisaArea(Text({"en": "area"}), AREA, ()),
    )


def zone_days(stays: list[Stay], until: int) -> set[int]:
    days: set[int] = set()
    for stay in stays:
        if stay.country in AREA:
            last = stay.left.toordinal() if stay.left else until
            days.update(range(stay.entered.toordinal(), min(last, until) + 1))
    return days


def visa_last_day(permit: Permit, stays: list[Stay], on: int) -> int | None:
    """Day by day: stay on from ``on`` while every 180-day window holds at most N area days."""
    assert permit.days_allowed is not None
    days = zone_days(stays, on - 1)
    last = None
    end = permit.valid_until.toordinal() if permit.valid_until else on + SEARCH
    for day in range(on, min(end, on + SEARCH) + 1):
        days.add(day)
        if sum(1 for d in days if day - 179 <= d <= day) > permit.days_allowed:
            break
        last = day
    return last


def reference(limits: tuple[Limit, ...], stays: list[Stay], permits: list[Permit], on: date) -> int | None:
    today = on.toordinal()
    lasts: list[int] = []
    free = reference_last_legal(limits, stays, on)
    if free is None or free >= today:
        lasts.append(NEVER if free is None else free)
    for permit in permits:
        if not permit.valid_on(on):
            continue
        if permit.kind == "visa" and permit.days_allowed is not None:
            last = visa_last_day(permit, stays, today)
            if last is not None:
                lasts.append(last)
        else:
            lasts.append(permit.valid_until.toordinal() if permit.valid_until else NEVER)
    if not lasts:
        return None
    last = max(lasts)
    while last != NEVER:
        later = [
            p.valid_until.toordinal() if p.valid_until else NEVER
            for p in permits
            if p.country == "XX"
            and (p.kind != "visa" or p.days_allowed is None)  # a counted visa does not carry on
            and today < p.valid_from.toordinal() <= last + 1
            and (p.valid_until is None or p.valid_until.toordinal() > last)
        ]
        if not later:
            break
        last = max(later)
    return last


def day(offset: int) -> date:
    return date.fromordinal(BASE + offset)


@st.composite
def permits(draw: st.DrawFn) -> list[Permit]:
    found: list[Permit] = []
    for kind in draw(
        st.lists(
            st.sampled_from(["residence_permit", "pending", "visa_c", "visa_d"]), max_size=3, unique=True
        )
    ):
        start = draw(st.integers(0, 400))
        length = draw(st.integers(0, 300))
        end = None if kind in ("residence_permit", "pending") and draw(st.booleans()) else day(start + length)
        if kind == "visa_c":
            found.append(
                Permit("YY", "visa", day(start), end, category="C", days_allowed=draw(st.integers(1, 90)))
            )
        elif kind == "visa_d":
            found.append(Permit("XX", "visa", day(start), end, category="D"))
        else:
            found.append(Permit("XX", "application_pending" if kind == "pending" else kind, day(start), end))
    return found


@settings(max_examples=150, deadline=None)
@given(st.lists(limit_strategy, min_size=1, max_size=2), histories(), permits(), st.integers(0, 450))
def test_must_leave_by_matches_the_day_by_day_reference(
    limits: list[Limit], stays: list[Stay], held: list[Permit], offset: int
) -> None:
    on = day(offset)
    profile = Profile(person=Person(citizenships=("RU",)), stays=tuple(stays), permits=tuple(held))
    legal = legal_stay(guide(tuple(limits)), profile, on)
    expected = reference(tuple(limits), stays, held, on)
    if legal.binding is None:
        assert expected is None
        return
    actual = NEVER if legal.must_leave_by is None else legal.must_leave_by.toordinal()
    if expected is not None and expected - on.toordinal() >= SEARCH - 1:
        return  # beyond what the reference looks at
    assert actual == expected
