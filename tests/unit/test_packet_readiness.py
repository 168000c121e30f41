"""The check before a packet is built: which fields the office needs are empty, named, in the
order of the profile, with the place on the profile screen to jump to."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.unit.test_packet_support import PERSON, profile
from waystation.i18n import current_language, set_language
from waystation.packets.readiness import office_gaps
from waystation.vault.models import Host, Passport, Person, Profile


def paths(found: Profile, track: str = "residence") -> list[str]:
    return [gap.path for gap in office_gaps(found, track)]


def test_a_complete_profile_has_no_gaps() -> None:
    assert office_gaps(profile("KZ"), "residence") == []
    assert office_gaps(profile("KZ"), "counselling") == []


def test_an_empty_profile_lists_every_field_the_office_reads_in_profile_order() -> None:
    assert paths(Profile()) == [
        "person.family_name",
        "person.given_names",
        "person.family_name_latin",
        "person.given_names_latin",
        "person.date_of_birth",
        "person.place_of_birth",
        "person.sex",
        "person.citizenships",
        "passports",
        "host.country",
        "host.city",
        "host.address",
        "host.arrival_date",
    ]
    gaps = office_gaps(Profile(), "work")
    assert [gap.section for gap in gaps] == ["person"] * 8 + ["passports"] + ["host"] * 4
    assert gaps[4].target == "person.date_of_birth" and gaps[8].target == "passports"


def test_a_counselling_service_needs_a_name_and_a_way_to_reach_you() -> None:
    assert paths(Profile(), "counselling") == ["person.family_name", "person.given_names", "person.phone"]
    reachable = Profile(person=Person(family_name="Иванова", given_names="Мария", email="m@example.org"))
    assert paths(reachable, "counselling") == []


def test_whitespace_counts_as_empty() -> None:
    spaced = replace(profile("KZ"), person=replace(PERSON, family_name_latin="  ", place_of_birth="\t"))
    assert paths(spaced) == ["person.family_name_latin", "person.place_of_birth"]


def test_the_international_passport_is_the_one_checked() -> None:
    passports = (
        Passport("4510 123456", "internal"),  # no dates: not what the office reads
        Passport("", "international", date(2019, 5, 20), None, ""),
    )
    found = office_gaps(replace(profile("KZ"), passports=passports), "residence")
    assert [gap.path for gap in found] == [
        "passports[1].number",
        "passports[1].expires",
        "passports[1].authority",
    ]
    assert {gap.target for gap in found} == {"passports"}
    only_internal = replace(profile("KZ"), passports=(Passport("", "internal", date(2019, 1, 1)),))
    assert paths(only_internal) == ["passports[0].number", "passports[0].expires", "passports[0].authority"]


def test_host_fields_are_checked_one_by_one() -> None:
    moved = replace(profile("KZ"), host=Host(country="KZ", city="Алматы"))
    assert paths(moved) == ["host.address", "host.arrival_date"]


@pytest.mark.parametrize(("language", "name"), [("en", "Date of birth"), ("ru", "Дата рождения")])
def test_names_follow_the_interface_language(language: str, name: str) -> None:
    gap = office_gaps(replace(profile("KZ"), person=replace(PERSON, date_of_birth=None)), "residence")[0]
    before = current_language()
    set_language(language)
    try:
        assert gap.name == name
    finally:
        set_language(before)


def test_every_gap_has_a_name() -> None:
    every = office_gaps(Profile(passports=(Passport(""),)), "residence") + office_gaps(Profile(), "housing")
    every += office_gaps(Profile(), "counselling")
    assert all(gap.name for gap in every)
