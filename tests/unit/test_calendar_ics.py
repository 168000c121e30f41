"""Calendar export: parsed back with icalendar, reminders present, nothing personal inside."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from icalendar import Calendar

from waystation.content.model import Deadline, Limit, Pack, Source, StayRule, Step, Text
from waystation.packets.calendar_ics import build_calendar
from waystation.rules.status import Status, build_status
from waystation.vault.models import DocumentInfo, Host, Passport, Person, Profile, Stay

D = date
MAY_1 = D(2026, 5, 1)
CANARY = "Zzyzx-Canary-Иванова"


def pack(working_days: int = 3) -> Pack:
    rule = StayRule("kz.stay.ru", ("RU",), (Limit("window", 90, 180),), Text({"en": "x"}), ())
    steps = (
        Step(
            "kz.residence.register",
            "residence",
            Text({"en": "Register your address", "ru": "Зарегистрируйтесь"}),
            Text({"en": "b"}),
            (Source("https://example.org/registration", None),),
            D(2026, 1, 1),
            deadline=Deadline(
                after="entry",
                business_days=working_days,
                note=Text({"en": "The host registers you.", "ru": "Хозяин."}),
            ),
        ),
        Step(
            "kz.residence.undated",
            "residence",
            Text({"en": "No deadline"}),
            Text({"en": "b"}),
            (Source("https://example.org", None),),
            D(2026, 1, 1),
        ),
    )
    return Pack("KZ", Text({"en": "Kazakhstan"}), ("kk",), "kk", D(2026, 1, 1), (), (rule,), steps)


def status(on: date = MAY_1, the_pack: Pack | None = None) -> Status:
    profile = Profile(
        person=Person(family_name=CANARY, given_names=CANARY, citizenships=("RU",)),
        passports=(Passport("CANARY-751234567", expires=D(2026, 7, 1)),),
        host=Host(country="KZ", address=CANARY),
        stays=(Stay("KZ", D(2026, 1, 1), D(2026, 2, 14)), Stay("KZ", D(2026, 5, 1))),
    )
    documents = [
        DocumentInfo(
            3, "permit", CANARY, CANARY, "image/png", 1, "0" * 64, D(2026, 1, 1), expires=D(2026, 6, 1)
        ),
        DocumentInfo(
            4, "registration", "r", "r", "image/png", 1, "0" * 64, D(2026, 1, 1), expires=D(2026, 4, 1)
        ),  # already expired: no reminder in the past
    ]
    return build_status(the_pack or pack(), profile, [], on, documents=documents)


def events(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_calendar_round_trip() -> None:
    data = build_calendar(status(), pack(), "ru")
    parsed = events(data)
    assert set(parsed) == {
        "Зарегистрируйтесь",
        "Last day of legal stay in KZ",
        "Permit expires",
        "Passport expires",
    }
    register = parsed["Зарегистрируйтесь"]
    assert register.decoded("DTSTART") == D(2026, 5, 6)  # Fri 1 May + 3 working days
    assert register.decoded("DTEND") == D(2026, 5, 7)
    description = str(register["DESCRIPTION"])
    assert "Хозяин." in description and "https://example.org/registration" in description
    assert parsed["Last day of legal stay in KZ"].decoded("DTSTART") == D(2026, 6, 14)
    assert parsed["Permit expires"].decoded("DTSTART") == D(2026, 6, 1)


def test_every_event_has_two_display_reminders() -> None:
    for event in events(build_calendar(status(), pack(), "en")).values():
        alarms = event.walk("VALARM")
        assert sorted(a.decoded("TRIGGER") for a in alarms) == [timedelta(days=-3), timedelta(days=-1)]
        assert all(str(a["ACTION"]) == "DISPLAY" and str(a["DESCRIPTION"]) for a in alarms)


def test_uids_are_stable_hashes_and_the_stamp_is_fixed_utc() -> None:
    first = build_calendar(status(), pack(), "en")
    assert first == build_calendar(status(), pack(), "en")
    text = first.decode()
    uids = re.findall(r"^UID:(.+)\r$", text, re.M)
    assert len(uids) == len(set(uids)) == 4
    assert all(re.fullmatch(r"[0-9a-f]{32}@waystation", uid) for uid in uids)
    assert "kz.residence" not in text.split("BEGIN:VEVENT", 1)[1].split("SUMMARY", 1)[0]
    stamps = re.findall(r"^DTSTAMP:(.+)\r$", text, re.M)
    assert stamps and all(s == "20260501T000000Z" for s in stamps)


def uids(data: bytes) -> set[str]:
    return set(re.findall(r"^UID:(.+)\r$", data.decode(), re.M))


def test_a_moved_deadline_gets_a_new_uid_but_the_others_keep_theirs() -> None:
    before = uids(build_calendar(status(), pack(), "en"))
    moved = pack(working_days=4)
    after = uids(build_calendar(status(the_pack=moved), moved, "en"))
    assert len(before & after) == 3  # the stay's last day and the expiries did not move


def test_nothing_personal_in_the_calendar() -> None:
    data = build_calendar(status(), pack(), "en")
    assert CANARY.encode() not in data
    assert b"751234567" not in data
    assert "Иванова".encode() not in data


def test_calendar_without_deadlines_is_still_valid() -> None:
    full = status()
    empty = dataclasses.replace(full, plans=(), expiring=())
    calendar = Calendar.from_ical(build_calendar(empty, pack(), "en"))
    assert str(calendar["VERSION"]) == "2.0"


def test_a_permit_renewal_is_a_calendar_event_with_reminders() -> None:
    from waystation.content.model import PermitMatch, PermitRule, Renewal
    from waystation.vault.models import Permit

    rule = PermitRule(
        "kz.permit.trp",
        PermitMatch("residence_permit", "TRP"),
        Text({"en": "temporary residence permit"}),
        Text({"en": "explained"}),
        (Source("https://example.org/trp", None),),
        D(2026, 1, 1),
        renew=Renewal(30, Text({"en": "File the renewal of your TRP"})),
    )
    guide = dataclasses.replace(pack(), permit_rules=(rule,))
    profile = Profile(
        person=Person(citizenships=("RU",)),
        host=Host(country="KZ"),
        stays=(Stay("KZ", D(2026, 1, 1)),),
        permits=(Permit("KZ", "residence_permit", D(2026, 3, 1), D(2027, 2, 28), category="TRP"),),
    )
    calendar = Calendar.from_ical(build_calendar(build_status(guide, profile, {}, MAY_1), guide, "en"))
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    renewal = next(e for summary, e in events.items() if "File the renewal of your TRP" in summary)
    assert renewal.decoded("dtstart") == D(2027, 1, 29)
    assert len(renewal.walk("VALARM")) == 2
