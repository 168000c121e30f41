"""The overview with visas and permits: the sentence for each kind of basis, the visa-free count
beside it, permits added in the profile, and the trip planner. Today is 1 May 2026 (the clock)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.profiles import CANARY, open_vault, profile_in, shows
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.dashboard import DashboardPage
from waystation.ui.pages.profile import ProfilePage
from waystation.ui.pages.trip_dialog import TripDialog
from waystation.ui.session import Session
from waystation.vault.models import Permit, Profile

D = date


def with_permits(profile: Profile, *permits: Permit) -> Profile:
    return replace(profile, permits=permits)


def overview(window: MainWindow, session: Session, tmp_path: Path, profile: Profile) -> DashboardPage:
    open_vault(session, tmp_path, profile)
    window.enter_workspace()
    page = window.workspace.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    return page


KZ_STAYS = [("KZ", D(2026, 1, 10), None)]
DE_STAYS = [("DE", D(2026, 3, 1), None)]

CASES = {
    "residence_permit": (
        profile_in("KZ", KZ_STAYS),
        Permit("KZ", "residence_permit", D(2026, 3, 1), D(2027, 2, 28), category="TRP"),
        ["on your temporary residence permit (TRP) until Feb 28, 2027", "File the renewal by Jan 29, 2027"],
        "303 days left",
    ),
    "visa_c": (
        profile_in("DE", DE_STAYS),
        Permit(
            "DE", "visa", D(2026, 2, 20), D(2026, 8, 19), category="C", days_allowed=90, entries="multiple"
        ),
        ["allows 28 more days (last day May 29, 2026; the visa itself ends on Aug 19, 2026)"],
        "28 days left",  # 62 days since 1 March, 28 more to 90
    ),
    "visa_d": (
        profile_in("DE", DE_STAYS),
        Permit("DE", "visa", D(2026, 2, 20), D(2026, 11, 19), category="D"),
        ["on your national long-stay visa (D) until Nov 19, 2026", "File the renewal by Sep 24, 2026"],
        "202 days left",
    ),
    "application_pending": (
        profile_in("DE", DE_STAYS),
        Permit("DE", "application_pending", D(2026, 4, 20), None),
        ["keeps your stay in Germany legal while the decision is pending"],
        "∞ no end date",
    ),
    "permanent_residence": (
        profile_in("DE", DE_STAYS),
        Permit("DE", "permanent_residence", D(2024, 1, 1), None),
        ["lets you live in Germany with no end date"],
        "∞ no end date",
    ),
    "temporary_protection": (
        profile_in("DE", DE_STAYS, citizenships=("UA",)),
        Permit("DE", "temporary_protection", D(2022, 3, 4), D(2027, 3, 4)),
        ["lets you stay in Germany until Mar 4, 2027"],
        "307 days left",
    ),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_the_overview_says_the_basis_in_words(
    window: MainWindow, session: Session, tmp_path: Path, kind: str
) -> None:
    profile, permit, fragments, gauge = CASES[kind]
    card = overview(window, session, tmp_path, with_permits(profile, permit)).stay_card
    for fragment in fragments:
        assert fragment in card.headline.text(), card.headline.text()
    assert card.gauge.text() == gauge
    assert card.headline.textFormat() == Qt.TextFormat.PlainText


def test_the_visa_free_count_stays_visible_beside_a_permit(
    window: MainWindow, session: Session, tmp_path: Path
) -> None:
    profile, permit, _fragments, _gauge = CASES["residence_permit"]
    card = overview(window, session, tmp_path, with_permits(profile, permit)).stay_card
    assert "Visa-free count:" in card.lines.text()
    assert "Last day you may stay: February 28, 2027" in card.lines.text()


def test_without_a_visa_the_overview_asks_for_one(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = overview(window, session, tmp_path, profile_in("DE", DE_STAYS))
    card = page.stay_card
    assert "Nothing recorded makes your stay legal today" in card.note.text()
    assert card.profile_button.isVisibleTo(page)
    with qtbot.waitSignal(page.navigate) as signal:
        qtbot.mouseClick(card.profile_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["profile", "permits"]


def test_a_permit_added_in_the_profile_changes_the_overview(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = overview(window, session, tmp_path, profile_in("DE", DE_STAYS))
    window.workspace.go_to("profile", "permits")
    profile_page = window.workspace.stack.currentWidget()
    assert isinstance(profile_page, ProfilePage)
    assert profile_page.permits.table.hasFocus()
    table = profile_page.permits
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    row = table.table.rowCount() - 1
    values = {"country": "DE", "category": "D", "valid_from": "2026-02-20", "valid_until": "2026-01-01"}
    for key, value in values.items():
        column = [c.key for c in table.columns].index(key)
        item = table.table.item(row, column)
        assert item is not None
        if key == "country":
            item.setData(Qt.ItemDataRole.UserRole, value)
        else:
            item.setText(value)
    # the kind defaults to a residence permit; make it a visa
    item = table.table.item(row, 0)
    assert item is not None
    item.setData(Qt.ItemDataRole.UserRole, "visa")
    assert "Before valid_from" in table.message.text()
    assert not profile_page.save_button.isEnabled()
    until = table.table.item(row, [c.key for c in table.columns].index("valid_until"))
    assert until is not None
    until.setText("2026-11-19")
    assert not table.message.isVisible()
    assert profile_page.save()
    window.workspace.show_page("dashboard")
    assert "on your national long-stay visa (D) until Nov 19, 2026" in page.stay_card.headline.text()


def test_trip_planner_from_the_overview(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    profile, permit, _fragments, _gauge = CASES["residence_permit"]
    page = overview(window, session, tmp_path, with_permits(profile, permit))
    qtbot.mouseClick(page.stay_card.trip_button, Qt.MouseButton.LeftButton)
    dialog = page.trip_dialog
    assert isinstance(dialog, TripDialog) and dialog.isVisible()
    dialog.leave.set_text("2026-06-01")
    dialog.back.set_text("2026-06-15")
    assert "13 days away" in dialog.answer.text()
    assert "Feb 28, 2027" in dialog.details.text()
    dialog.back.set_text("2027-03-10")
    assert "ends on Feb 28, 2027, while you are away" in dialog.warnings.text()
    dialog.back.set_text("2026-05-20")  # before leaving
    assert "before the day you leave" in dialog.warnings.text()
    assert not dialog.answer.isVisible()
    dialog.back.set_text("15.06.2026")
    assert dialog.back.problem()


def test_lock_closes_the_trip_planner(
    qtbot: QtBot, window: MainWindow, session: Session, tmp_path: Path
) -> None:
    page = overview(window, session, tmp_path, profile_in("KZ", KZ_STAYS))
    qtbot.mouseClick(page.stay_card.trip_button, Qt.MouseButton.LeftButton)
    assert page.trip_dialog is not None
    with qtbot.waitSignal(session.locked):
        window.lock_action.trigger()
    assert page.trip_dialog is None
    assert not shows(page, CANARY)
