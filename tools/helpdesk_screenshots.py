"""Help desk and guest sessions (issue 14) as docs/screenshots/<lang>/helpdesk-*.png and guest-*.png,
English and Russian; run by `make screenshots`. Everything happens in a throwaway folder: the
desk's start screen (New client, with the neutral name filled in), a guest session with a sample
person in Georgia and its banner, the warning before closing a guest session, and "Save a copy for
yourself". Strings added with the help desk are translated later: until then the Russian pictures
show them in English."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "ru")
GUEST_PASSPHRASE = "screenshots only — orchard lantern velvet"


def _save(widget: object, language: str, name: str) -> Path:
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget)
    for _round in range(3):
        QApplication.processEvents()
    out = REPO / "docs" / "screenshots" / language / f"{name}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(out)):
        raise RuntimeError(f"could not write {out}")
    return out


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
    written.append(_save(desk, language, "helpdesk-start"))
    start.tabs.setCurrentWidget(start.create_panel)
    written.append(_save(desk, language, "helpdesk-new-client"))
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
    written.append(_save(window, language, "guest-start"))
    session.adopt(window.keeper.create(GUEST_PASSPHRASE))
    session.vault.profile.replace(_profile())  # type: ignore[arg-type]
    window.enter_workspace()
    window.workspace.show_page("dashboard").refresh()
    written.append(_save(window, language, "guest-banner"))
    window.close()  # asks first: the guest session would be lost
    dialog = window.leaving_dialog
    assert dialog is not None
    written.append(_save(dialog, language, "guest-closing"))
    dialog.back_button.click()
    window.open_handoff()
    handoff = window.handoff_dialog
    assert handoff is not None
    handoff.use_new.setChecked(True)
    written.append(_save(handoff, language, "guest-save-into-vault"))
    handoff.reject()
    window.quick_exit()
    return written


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from waystation.ui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    for language in LANGUAGES:
        with tempfile.TemporaryDirectory(prefix="waystation-helpdesk-shots-") as tmp:
            for path in shoot(language, Path(tmp)):
                print(path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
