"""A passport scan linked to a passport of the profile: stored in the vault, refused when the
profile has no such passport, and treated as that passport by the expiry warnings and the packet
checklist (the profile's dates win; one passport, one warning)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.unit.test_packet_checklist import checklist, person
from waystation.errors import InvalidInput
from waystation.rules.expiry import expiry_warnings
from waystation.vault.connection import Vault
from waystation.vault.models import DocumentInfo, Passport, Profile
from waystation.vault.passport_scans import find_passport, linked_passport, number_key, with_passport_dates

D = date
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
INTERNATIONAL = Passport("75 1234567", "international", D(2019, 5, 20), D(2029, 5, 20))
BELARUSIAN = Passport("MP1234567", "international", D(2020, 1, 10), D(2026, 10, 1))


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    v = Vault.create(tmp_path / "a.vault", PASSPHRASE)
    v.profile.replace(Profile(passports=(INTERNATIONAL, BELARUSIAN)))
    yield v
    v.close()


def scan(
    doc_id: int, number: str | None, expires: date | None = None, kind: str = "passport"
) -> DocumentInfo:
    return DocumentInfo(
        doc_id, kind, "", "p.jpg", "image/jpeg", 1, "0" * 64, D(2026, 1, 1), None, expires, number
    )


# --- numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("751234567", "75 1234567"),
        ("75-123-45-67", "75 1234567"),
        ("№ 75 1234567", "75 1234567"),
        ("мр1234567", "MP1234567"),  # Cyrillic letters typed on the wrong keyboard layout
        ("mp 1234567", "MP1234567"),
    ],
)
def test_numbers_are_compared_as_a_person_reads_them(typed: str, stored: str) -> None:
    assert number_key(typed) == number_key(stored)
    assert find_passport([INTERNATIONAL, BELARUSIAN], typed) in (INTERNATIONAL, BELARUSIAN)


def test_different_numbers_and_empty_ones_never_match() -> None:
    assert find_passport([INTERNATIONAL], "751234568") is None
    assert find_passport([INTERNATIONAL], "") is None
    assert find_passport([INTERNATIONAL], " - ") is None
    assert find_passport([Passport("")], "") is None
    assert find_passport([INTERNATIONAL], None) is None


def test_only_a_passport_scan_is_linked_and_a_lost_passport_is_no_link() -> None:
    profile = Profile(passports=(INTERNATIONAL,))
    assert linked_passport(scan(1, "751234567"), profile) == INTERNATIONAL
    assert linked_passport(scan(1, "751234567", kind="other"), profile) is None
    assert linked_passport(scan(1, "000"), profile) is None
    assert linked_passport(scan(1, None), profile) is None


# --- the vault ------------------------------------------------------------------------------------


def test_a_link_is_stored_in_the_profiles_spelling(vault: Vault) -> None:
    info = vault.documents.add(PNG, kind="passport", original_name="p.png", passport_number="751234567")
    assert info.passport_number == "75 1234567"
    assert (info.issued, info.expires) == (D(2019, 5, 20), D(2029, 5, 20)), "dates not given: the passport's"
    assert vault.documents.list() == [info] and vault.documents.get(info.id) == info
    own = vault.documents.add(
        PNG + b"2", kind="passport", expires=D(2029, 5, 21), passport_number="751234567"
    )
    assert (own.issued, own.expires) == (D(2019, 5, 20), D(2029, 5, 21)), "dates given are kept"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "passport", "passport_number": "999999999"}, "no passport with the number 999999999"),
        ({"kind": "passport", "passport_number": " "}, "passport number is empty"),
        ({"kind": "diploma", "passport_number": "751234567"}, "Only a scan of a passport"),
    ],
)
def test_a_bad_link_adds_nothing(vault: Vault, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        vault.documents.add(PNG, **kwargs)  # type: ignore[arg-type]
    assert vault.documents.list() == []


def test_update_keeps_changes_and_removes_the_link(vault: Vault) -> None:
    info = vault.documents.add(PNG, kind="passport", passport_number="MP1234567")
    kept = vault.documents.update(info.id, kind="passport", title="Паспорт", issued=None, expires=None)
    assert kept.passport_number == "MP1234567" and kept.title == "Паспорт"
    moved = vault.documents.update(
        info.id, kind="passport", title="", issued=None, expires=None, passport_number="75 123 4567"
    )
    assert moved.passport_number == "75 1234567"
    with pytest.raises(InvalidInput, match="no passport with the number"):
        vault.documents.update(
            info.id, kind="passport", title="x", issued=None, expires=None, passport_number="1"
        )
    assert vault.documents.get(info.id) == moved, "a refused change changes nothing"
    unlinked = vault.documents.update(
        info.id, kind="passport", title="", issued=None, expires=None, passport_number=None
    )
    assert unlinked.passport_number is None
    relinked = vault.documents.update(
        info.id, kind="passport", title="", issued=None, expires=None, passport_number="751234567"
    )
    other = vault.documents.update(relinked.id, kind="photo", title="", issued=None, expires=None)
    assert other.passport_number is None, "a scan that is no longer a passport is no longer linked"


def test_a_link_whose_passport_left_the_profile_stays_until_changed(vault: Vault) -> None:
    info = vault.documents.add(PNG, kind="passport", passport_number="751234567")
    vault.profile.replace(Profile(passports=(BELARUSIAN,)))  # the number was corrected, say
    kept = vault.documents.update(info.id, kind="passport", title="renamed", issued=None, expires=None)
    assert kept.passport_number == "75 1234567"
    same = vault.documents.update(
        info.id, kind="passport", title="again", issued=None, expires=None, passport_number="75 1234567"
    )
    assert same.passport_number == "75 1234567", "saving the scan never fails because of an old link"
    assert linked_passport(same, vault.profile.load()) is None


# --- expiry warnings and the packet checklist ------------------------------------------------------


def test_a_linked_scan_is_one_warning_with_the_profiles_date() -> None:
    profile = Profile(passports=(BELARUSIAN,))
    on = D(2026, 9, 1)
    # typed wrong on the scan (or the passport record was corrected since): the profile wins
    warnings = expiry_warnings(profile, [scan(1, "MP1234567", D(2031, 1, 1)), scan(2, "MP1234567")], on)
    assert [(w.kind, w.expires, w.document_id) for w in warnings] == [("passport", D(2026, 10, 1), None)]


def test_a_scan_linked_to_a_passport_without_dates_warns_with_its_own() -> None:
    profile = Profile(passports=(Passport("MP1234567"),))
    warnings = expiry_warnings(profile, [scan(1, "MP1234567", D(2026, 9, 20))], D(2026, 9, 1))
    assert [(w.expires, w.document_id) for w in warnings] == [(D(2026, 9, 20), 1)]


def test_the_documents_screen_sees_each_linked_scan_with_its_passports_dates() -> None:
    profile = Profile(passports=(BELARUSIAN,))
    shown = with_passport_dates([scan(1, "MP1234567"), scan(2, None, D(2030, 1, 1))], profile)
    assert [(d.issued, d.expires) for d in shown] == [(D(2020, 1, 10), D(2026, 10, 1)), (None, D(2030, 1, 1))]
    warnings = expiry_warnings(Profile(), shown, D(2026, 9, 1))
    assert [w.document_id for w in warnings] == [1]


def test_the_checklist_counts_a_linked_scan_as_its_passport() -> None:
    """The trap: a scan without dates made the passport "present" although the passport it shows
    expires before the registration is due."""
    early = Passport("2", expires=D(2026, 9, 5))
    items = {i.kind: i for i in checklist(person((early,)), [scan(1, "2")])}
    assert items["passport"].state == "expired"
    assert items["passport"].documents[0].expires == D(2026, 9, 5)
    unlinked = {i.kind: i for i in checklist(person((early,)), [scan(1, None)])}
    assert unlinked["passport"].state == "present", "an unlinked scan stays a document of its own"
