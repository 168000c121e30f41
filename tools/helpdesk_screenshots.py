"""Help desk and guest sessions (issue 14) as docs/screenshots/<lang>/helpdesk-*.png and guest-*.png,
English and Russian; run by `make screenshots`. Everything happens in a throwaway folder: the
desk's start screen (New client, with the neutral name filled in), a guest session with a sample
person in Georgia and its banner, the warning before closing a guest session, and "Save a copy for
yourself"."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tools.shot_files import save_shot, shoot_languages

LANGUAGES = ("en", "ru")
GUEST_PASSPHRASE = "screenshots only — orchard lantern velvet"


def _profile() -> object:
    from waystation.vault.models import Host, Person, Profile, Stay

    return Profile(
        person=Person(family_name="Иванова", given_names="Мария", citizenships=("RU",)),
        host=Host(country="GE", city="Tbilisi", arrival_date=date(2026, 10, 20)),
        stays=(Stay("GE", date(2026, 10, 20), None),),
    )


def shoot(language: str, folder: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication
    from tests.fakes import FakeClock

    from waystation.app_settings import SettingsStore
    from waystation.content.loader import load_library
    from waystation.helpdesk.desk_record import DeskRecord
    from waystation.helpdesk.desk_settings import DeskSettings, DeskSettingsStore
    from waystation.ui.helpdesk.desk_start import DeskStartScreen
    from waystation.ui.helpdesk.desk_window import DeskWindow
    from waystation.ui.language import switch_language
    from waystation.ui.session import Session

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switch_language(app, language)
    library = load_library()
    written = []

    store = SettingsStore(folder / "desk-config")
    desk_store = DeskSettingsStore(store.folder)
    (folder / "desk").mkdir()
    desk_store.save(DeskSettings(helpdesk=True, folder=str(folder / "desk"), record=True))
    session = Session(clock=FakeClock(date(2026, 11, 2)), library=library, store=store)
    desk = DeskWindow(
        session, helpdesk=True, desk_store=desk_store, record=DeskRecord(folder / "record.json")
    )
    desk.resize(1100, 760)
    desk.show()
    start = desk.start
    assert isinstance(start, DeskStartScreen)
    written.append(save_shot(desk, language, "helpdesk-start"))
    start.tabs.setCurrentWidget(start.create_panel)
    written.append(save_shot(desk, language, "helpdesk-new-client"))
    desk.close()

    session = Session(
        clock=FakeClock(date(2026, 11, 2)), library=library, store=SettingsStore(folder / "config")
    )
    window = DeskWindow(session, desk_store=DeskSettingsStore(folder / "config"))
    window.resize(1100, 760)
    window.show()
    guest_start = window.start
    assert isinstance(guest_start, DeskStartScreen)
    guest_start.tabs.setCurrentWidget(guest_start.guest_panel)
    written.append(save_shot(window, language, "guest-start"))
    session.adopt(window.keeper.create(GUEST_PASSPHRASE))
    session.vault.profile.replace(_profile())  # type: ignore[arg-type]
    window.enter_workspace()
    window.workspace.show_page("dashboard").refresh()
    written.append(save_shot(window, language, "guest-banner"))
    window.close()  # asks first: the guest session would be lost
    dialog = window.leaving_dialog
    assert dialog is not None
    written.append(save_shot(dialog, language, "guest-closing"))
    dialog.back_button.click()
    window.open_handoff()
    handoff = window.handoff_dialog
    assert handoff is not None
    handoff.use_new.setChecked(True)
    written.append(save_shot(handoff, language, "guest-save-into-vault"))
    handoff.reject()
    window.quick_exit()
    return written


def main() -> int:
    return shoot_languages(shoot, LANGUAGES, "waystation-helpdesk-shots-")


if __name__ == "__main__":
    sys.exit(main())
