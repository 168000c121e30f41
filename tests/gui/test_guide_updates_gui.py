"""Guide updates in the app (issue 17): Settings' section (trust a key, "Update guides from a
file…", the "what changed" dialog, going back to the built-in guide, removing a key) and the
overview's one-time notice of the person's changed steps and stay rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock, ScriptedDialogs
from tests.gui.profiles import STRONG, delete_closed_widgets
from tests.updates_support import DeskKey, make_bundle, make_key, real_guide, tiny_guide
from waystation.app_settings import SettingsStore
from waystation.content.loader import load_library
from waystation.ui.main_window import MainWindow
from waystation.ui.pages.dashboard import DashboardPage
from waystation.ui.pages.guide_updates_section import GuideUpdatesSection
from waystation.ui.pages.settings import SettingsPage
from waystation.ui.session import Session
from waystation.updates.install import install_bundle
from waystation.updates.keys import trust
from waystation.vault.models import Host, Person, Profile, Stay

TH_30 = "limits: [{kind: per_stay, days: 30}]"
TH_45 = "limits: [{kind: per_stay, days: 45}]"
LINE_45 = "Thailand: visa-free stay 30 → 45 days per stay (for citizens of RU)"
STAMP_OLD = "Photograph the stamp on arrival and enter the entry date in your vault;"
STAMP_NEW = "Photograph the stamp on arrival, keep the photo and enter the entry date in your vault;"
STAMP_TITLE = "Record each entry and the date in your stamp; do not rely on visa runs"


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's settings folder; guide updates go to the app-data folder beside it."""
    folder = tmp_path / "config"
    monkeypatch.setenv("WAYSTATION_CONFIG_DIR", str(folder))
    monkeypatch.setenv("WAYSTATION_DATA_DIR", str(tmp_path / "app-data"))
    return folder


@pytest.fixture
def key(tmp_path: Path) -> DeskKey:
    return make_key(tmp_path / "keys", name="Relocation Desk")


def person_in_thailand() -> Profile:
    return Profile(
        person=Person(family_name="Petrova", given_names="Anna", citizenships=("RU",)),
        host=Host(country="TH", arrival_date=date(2026, 4, 20)),
        stays=(Stay("TH", date(2026, 4, 20), None),),
    )


def open_window(
    qtbot: QtBot, tmp_path: Path, config: Path, dialogs: ScriptedDialogs
) -> tuple[MainWindow, Session]:
    session = Session(clock=FakeClock(date(2026, 5, 1)), library=load_library(), store=SettingsStore(config))
    window = MainWindow(session, dialogs)
    qtbot.addWidget(window)
    window.show()
    session.create(tmp_path / "anna.vault", STRONG)
    session.vault.profile.replace(person_in_thailand())
    window.enter_workspace()
    return window, session


def section_of(window: MainWindow) -> GuideUpdatesSection:
    page = window.workspace.show_page("settings")
    assert isinstance(page, SettingsPage)
    return page.guide_updates


def texts(widget: object) -> list[str]:
    from PySide6.QtWidgets import QListWidget

    assert isinstance(widget, QListWidget)
    return [widget.item(i).text() for i in range(widget.count())]


def settle(qtbot: QtBot, section: GuideUpdatesSection) -> None:
    qtbot.waitUntil(lambda: not section.task.running, timeout=60_000)


def test_trust_check_install_and_go_back(
    qtbot: QtBot, tmp_path: Path, config: Path, key: DeskKey, dialogs: ScriptedDialogs
) -> None:
    window, session = open_window(qtbot, tmp_path, config, dialogs)
    section = section_of(window)
    asked: list[str] = []
    section.confirm = lambda title, text: asked.append(text) or True  # type: ignore[func-returns-value]
    assert section.installed_empty.isVisible() and not section.installed.isVisible()

    dialogs.answers.append(key.pubfile)
    section.trust_button.click()
    settle(qtbot, section)
    assert "Said to belong to: Relocation Desk" in asked[0] and key.public.id_text not in asked[0]
    assert any(line.startswith("Relocation Desk — fingerprint ") for line in texts(section.keys))

    bundle = make_bundle(key, {"TH": real_guide("TH", (TH_30, TH_45))}, tmp_path / "update.wsbundle")
    dialogs.answers.append(bundle)
    section.update_button.click()
    assert section.busy.isVisible() and not section.update_button.isEnabled()
    qtbot.waitUntil(
        lambda: section.update_dialog is not None and section.update_dialog.isVisible(), timeout=60_000
    )
    dialog = section.update_dialog
    assert dialog is not None
    assert LINE_45 in dialog.lines()
    assert "Relocation Desk" in dialog.signer.text() and not dialog.older.isVisible()
    assert session.library.installed == {}  # nothing before Install
    dialog.install_button.click()
    settle(qtbot, section)
    assert "TH" in session.library.installed
    assert section.message.text() == "Installed the updated guide: Thailand."
    assert texts(section.installed) == ["Thailand: update 2026.11.29.1, signed by Relocation Desk"]

    section.installed.setCurrentRow(0)
    section.remove_button.click()
    settle(qtbot, section)
    assert session.library.installed == {} and section.message.text() == "TH uses its built-in guide again."
    session.lock()
    delete_closed_widgets()


def test_refusals_are_shown_and_nothing_is_installed(
    qtbot: QtBot, tmp_path: Path, config: Path, key: DeskKey, dialogs: ScriptedDialogs
) -> None:
    window, session = open_window(qtbot, tmp_path, config, dialogs)
    section = section_of(window)
    bundle = make_bundle(key, {"PT": tiny_guide()}, tmp_path / "stranger.wsbundle")
    dialogs.answers.append(bundle)
    section.update_button.click()
    settle(qtbot, section)
    assert "key you do not trust" in section.message.text() and section.update_dialog is None

    section.confirm = lambda title, text: False
    dialogs.answers.append(key.pubfile)
    section.trust_button.click()  # the person says no
    assert all("Relocation Desk" not in line for line in texts(section.keys))

    trust(key.pubfile)
    install_bundle(make_bundle(key, {"PT": tiny_guide(days=60)}, tmp_path / "new.wsbundle", "2026.11.29.2"))
    older = make_bundle(key, {"PT": tiny_guide(days=30)}, tmp_path / "old.wsbundle", "2026.11.29.1")
    dialogs.answers.append(older)
    section.update_button.click()
    qtbot.waitUntil(
        lambda: section.update_dialog is not None and section.update_dialog.isVisible(), timeout=60_000
    )
    dialog = section.update_dialog
    assert dialog is not None and dialog.older.isVisible()
    assert "not newer than the installed guides" in dialog.older.text()
    assert dialog.install_button.text().replace("&", "") == "Install the older guides"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    settle(qtbot, section)
    session.lock()
    delete_closed_widgets()


def test_removing_a_key_retires_its_guides(
    qtbot: QtBot, tmp_path: Path, config: Path, key: DeskKey, dialogs: ScriptedDialogs
) -> None:
    trust(key.pubfile)
    install_bundle(make_bundle(key, {"PT": tiny_guide()}, tmp_path / "b.wsbundle"))
    window, session = open_window(qtbot, tmp_path, config, dialogs)
    section = section_of(window)
    section.confirm = lambda title, text: True
    assert "PT" in session.library.installed
    row = next(i for i, line in enumerate(texts(section.keys)) if line.startswith("Relocation Desk"))
    section.keys.setCurrentRow(row)
    section.untrust_button.click()
    settle(qtbot, section)
    assert "PT" not in session.library.installed and session.library.get("PT") is None
    assert any("not used" in line for line in texts(section.installed))
    session.lock()
    delete_closed_widgets()


def test_overview_tells_the_person_once(
    qtbot: QtBot, tmp_path: Path, config: Path, key: DeskKey, dialogs: ScriptedDialogs
) -> None:
    window, session = open_window(qtbot, tmp_path, config, dialogs)
    dashboard = window.workspace.show_page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    dashboard.refresh()
    assert not dashboard.guide_news.isVisible()  # the first look is learnt silently

    trust(key.pubfile)
    install_bundle(make_bundle(key, {"TH": real_guide("TH", (TH_30, TH_45))}, tmp_path / "b.wsbundle"))
    session.use_library(load_library())
    dashboard = window.workspace.show_page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    dashboard.refresh()
    notice = dashboard.guide_news
    assert notice.isVisible()
    assert notice.heading.text() == "Your guide for Thailand has changed since you last looked:"
    assert f"• {LINE_45}" in notice.body.text().splitlines()
    assert notice.links.count() == 0  # only the stay rule changed for this person
    dashboard.refresh()  # still shown until closed, within this session
    assert notice.isVisible()
    notice.close_button.click()
    assert not notice.isVisible()

    session.lock()
    session.open(tmp_path / "anna.vault", STRONG)
    window.enter_workspace()
    dashboard.refresh()
    assert not dashboard.guide_news.isVisible()  # told once

    reworded = real_guide("TH", (TH_30, TH_45), (STAMP_OLD, STAMP_NEW))
    install_bundle(make_bundle(key, {"TH": reworded}, tmp_path / "c.wsbundle", "2026.11.29.2"))
    session.use_library(load_library())
    dashboard.refresh()
    assert dashboard.guide_news.isVisible() and dashboard.guide_news.body.text() == ""
    assert dashboard.guide_news.links.texts() == [f"{STAMP_TITLE}\nChanged"]
    dashboard.guide_news.links.choose_row(0)
    assert window.workspace.current_page() is window.workspace.pages["checklists"]
    session.lock()
    assert not dashboard.guide_news.isVisible() and dashboard.guide_news.body.text() == ""
    delete_closed_widgets()
