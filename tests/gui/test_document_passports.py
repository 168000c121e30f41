"""A passport scan linked to a passport recorded in the profile: chosen in the add dialog (guessed
when the profile has one passport, or the name says which) and in the details; the dates then come
from the profile, read-only; a link whose passport left the profile is said so; one passport gives
one expiry warning; locking leaves no passport number on screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.documents_support import accept, add_dialog, add_sample, documents_page, png_bytes
from tests.gui.profiles import shows
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.document_fields import DocumentFields
from waystation.ui.pages.documents import DocumentsPage
from waystation.ui.session import Change, Session
from waystation.vault.models import Host, Passport, Person, Profile, Stay

NUMBER = "75 1234567"
INTERNATIONAL = Passport(NUMBER, "international", date(2016, 8, 1), date(2026, 7, 1))
INTERNAL = Passport("4510 654321", "internal", date(2010, 1, 15), None)


@pytest.fixture
def page(window: MainWindow, session: Session, tmp_path: Path) -> DocumentsPage:
    return documents_page(window, session, tmp_path)


def with_passports(session: Session, *passports: Passport) -> None:
    session.vault.profile.replace(
        Profile(
            person=Person(family_name="Иванова", citizenships=("RU",)),
            passports=passports,
            host=Host(country="GE", arrival_date=date(2026, 3, 1)),
            stays=(Stay("GE", date(2026, 3, 1)),),
        )
    )
    session.notify(Change.PROFILE)


def choose(fields: DocumentFields, kind: str | None = None, passport: str | None = None) -> None:
    """As a person does: pick from the list (``activated`` is what a click or Enter sends)."""
    if kind is not None:
        fields.kind.setCurrentIndex(fields.kind.findData(kind))
        fields.kind.activated.emit(fields.kind.currentIndex())
    if passport is not None:
        fields.passport.setCurrentIndex(fields.passport.findData(passport))
        fields.passport.activated.emit(fields.passport.currentIndex())


def locked_dates(fields: DocumentFields) -> tuple[bool, bool]:
    return fields.issued.edit.isReadOnly(), fields.expires.edit.isReadOnly()


def test_the_only_passport_is_linked_in_the_add_dialog_and_brings_its_dates(
    qtbot: QtBot, page: DocumentsPage, session: Session, tmp_path: Path
) -> None:
    with_passports(session, INTERNATIONAL)
    scan = tmp_path / "pasport.jpg"
    scan.write_bytes(png_bytes())
    page.add_paths([scan])
    dialog = add_dialog(qtbot, page)
    fields = dialog.page(0).fields
    assert fields.kind.currentData() == "passport" and fields.chosen_passport() == NUMBER
    assert fields.passport.isVisibleTo(dialog) and NUMBER in fields.passport.currentText()
    assert fields.issued.value() == date(2016, 8, 1) and fields.expires.value() == date(2026, 7, 1)
    assert locked_dates(fields) == (True, True)
    assert "come from your profile" in fields.passport_note.text()
    accept(qtbot, page, dialog)
    [stored] = session.vault.documents.list()
    assert (stored.passport_number, stored.expires) == (NUMBER, date(2026, 7, 1))
    assert page.details.fields.chosen_passport() == NUMBER and locked_dates(page.details.fields) == (
        True,
        True,
    )


def test_with_two_passports_the_name_says_which_or_the_person_chooses(
    qtbot: QtBot, page: DocumentsPage, session: Session, tmp_path: Path
) -> None:
    with_passports(session, INTERNAL, INTERNATIONAL)
    zagran, other = tmp_path / "Загранпаспорт.png", tmp_path / "scan.png"
    zagran.write_bytes(png_bytes())
    other.write_bytes(png_bytes(colour="#ffffff"))
    page.add_paths([zagran, other])
    dialog = add_dialog(qtbot, page)
    first, second = (p.fields for p in dialog.file_pages())
    assert first.chosen_passport() == NUMBER
    assert second.kind.currentData() == "other" and not second.passport.isVisibleTo(second)
    choose(second, kind="passport")
    assert second.chosen_passport() is None, "two passports: no guess"
    assert "Choose the passport this scan shows" in second.passport_note.text()
    assert [second.passport.itemData(i) for i in range(second.passport.count())] == [
        "",
        "4510 654321",
        NUMBER,
    ]
    choose(second, passport="4510 654321")
    assert locked_dates(second) == (True, False), "the profile has no expiry date for it: that one stays open"
    accept(qtbot, page, dialog)
    assert [d.passport_number for d in session.vault.documents.list()] == [NUMBER, "4510 654321"]


def test_linking_in_the_details_takes_the_profiles_dates_and_unlinking_frees_them(
    qtbot: QtBot, page: DocumentsPage, session: Session
) -> None:
    with_passports(session, INTERNATIONAL)
    doc = add_sample(session, kind="passport", expires=date(2030, 1, 1))  # typed wrong on the scan
    fields = page.details.fields
    assert fields.chosen_passport() is None and locked_dates(fields) == (False, False)
    choose(fields, passport=NUMBER)
    stored = session.vault.documents.get(doc)
    assert (stored.passport_number, stored.expires) == (NUMBER, date(2026, 7, 1))
    assert "Expires" in page.model.data(page.model.index(0, 0)) and "in 61 days" in page.model.data(
        page.model.index(0, 0)
    )
    choose(fields, passport="")
    assert session.vault.documents.get(doc).passport_number is None
    assert locked_dates(fields) == (False, False)


def test_changing_the_kind_away_from_passport_unlinks_and_to_passport_links_the_only_one(
    page: DocumentsPage, session: Session
) -> None:
    with_passports(session, INTERNATIONAL)
    doc = add_sample(session, kind="photo")
    fields = page.details.fields
    choose(fields, kind="passport")
    assert session.vault.documents.get(doc).passport_number == NUMBER
    choose(fields, kind="photo")
    stored = session.vault.documents.get(doc)
    assert (stored.kind, stored.passport_number) == ("photo", None)
    assert not fields.passport.isVisibleTo(page)


def test_a_link_whose_passport_left_the_profile_is_said_and_can_be_replaced(
    page: DocumentsPage, session: Session
) -> None:
    with_passports(session, INTERNATIONAL)
    doc = add_sample(session, kind="passport", passport_number=NUMBER, title="Паспорт")
    with_passports(session, Passport("75 7654321", "international", None, date(2035, 1, 1)))  # a new passport
    fields = page.details.fields
    assert fields.chosen_passport() == NUMBER
    assert "no longer in the profile" in fields.passport.currentText()
    assert "no longer in your profile" in fields.passport_note.text()
    fields.title_field.edit.setText("Старый паспорт")
    fields.title_field.edit.editingFinished.emit()
    assert session.vault.documents.get(doc).title == "Старый паспорт", "the old link never blocks a save"
    choose(fields, passport="75 7654321")
    assert session.vault.documents.get(doc).passport_number == "75 7654321"
    assert all("no longer" not in fields.passport.itemText(i) for i in range(fields.passport.count()))


def test_a_linked_scan_and_its_passport_are_one_expiry_warning(page: DocumentsPage, session: Session) -> None:
    with_passports(session, INTERNATIONAL)
    add_sample(session, kind="passport", passport_number=NUMBER)
    add_sample(
        session, png_bytes(colour="#000000"), kind="passport", passport_number=NUMBER
    )  # the other page
    status = session.status()
    assert status is not None
    assert [(w.kind, w.expires) for w in status.expiring] == [("passport", date(2026, 7, 1))]


def test_locking_leaves_no_passport_number_on_screen(
    qtbot: QtBot, window: MainWindow, page: DocumentsPage, session: Session
) -> None:
    with_passports(session, INTERNATIONAL)
    add_sample(session, kind="passport", passport_number=NUMBER)
    assert shows(page.details, NUMBER)  # (the list is empty after locking, so the whole page is checked then)
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert not shows(page, NUMBER) and page.details.fields.passport.count() == 0
