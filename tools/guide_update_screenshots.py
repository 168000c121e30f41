"""Guide updates (issue 17) as docs/screenshots/<lang>/guide-update-*.png, English and Russian;
run by `make screenshots`. Everything happens in a throwaway folder: a key made for the occasion,
a bundle that changes Thailand's guide (visa-free stay 30 → 45 days, one step reworded), a vault
of a sample person in Thailand. Shots: the "what changed" dialog before installing, Settings'
section after installing, and the overview's one-time notice."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tools.shot_files import save_shot, shoot_languages

PASSPHRASE = "screenshots only — orchard lantern velvet"
LANGUAGES = ("en", "ru")
# Sample edits for the pictures (not shipped content): a longer stay, one step reworded.
EDITS = (
    ("limits: [{kind: per_stay, days: 30}]", "limits: [{kind: per_stay, days: 45}]"),
    (
        "Photograph the stamp on arrival and enter the entry date in your vault;",
        "Photograph the stamp on arrival, keep the photo in your vault and enter the entry date there too;",
    ),
    (
        "Сфотографируйте штамп по прилёте и внесите",
        "Сфотографируйте штамп по прилёте, сохраните фото в хранилище и внесите",
    ),
)


def _bundle(folder: Path) -> tuple[Path, Path]:
    """A desk key (trusted) and a bundle signed with it, from a reworked guide for Thailand."""
    from waystation.resources_path import resource
    from waystation.updates import minisign
    from waystation.updates.keys import key_file_text
    from waystation.updates.signing import read_guides, signed_bundle
    from waystation.updates.versions import parse_bundle_version

    secret = minisign.SecretKey.generate()
    pub = folder / "desk.pub"
    pub.write_text(key_file_text(secret.public_key(), "Relocation desk, Bangkok"), encoding="utf-8")
    text = resource("content", "th.yaml").read_text("utf-8")
    for old, new in EDITS:
        assert old in text, old
        text = text.replace(old, new, 1)
    guides = folder / "guides"
    guides.mkdir()
    (guides / "th.yaml").write_text(text, encoding="utf-8")
    version = parse_bundle_version("2026.11.29.1")
    assert version is not None
    bundle = folder / "waystation-guides-2026.11.29.1.wsbundle"
    bundle.write_bytes(signed_bundle(read_guides([guides / "th.yaml"]), version, "0.1.0", secret))
    return pub, bundle


def _profile() -> object:
    from waystation.vault.models import Host, Person, Profile, Stay

    return Profile(
        person=Person(family_name="Иванова", given_names="Мария", citizenships=("RU",)),
        host=Host(country="TH", city="Bangkok", arrival_date=date(2026, 10, 20)),
        stays=(Stay("TH", date(2026, 10, 20), None),),
    )


def shoot(language: str, folder: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication, QScrollArea
    from tests.fakes import FakeClock

    from waystation.app_settings import SettingsStore
    from waystation.content.loader import load_library
    from waystation.ui.language import switch_language
    from waystation.ui.main_window import MainWindow
    from waystation.ui.pages.dashboard import DashboardPage
    from waystation.ui.pages.guide_updates_section import _check_bundle
    from waystation.ui.pages.settings import SettingsPage
    from waystation.ui.session import Session
    from waystation.updates.install import install_bundle
    from waystation.updates.keys import trust

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    os.environ["WAYSTATION_CONFIG_DIR"] = str(folder / "config")
    os.environ["WAYSTATION_DATA_DIR"] = str(folder / "app-data")
    switch_language(app, language)
    pub, bundle = _bundle(folder)
    trust(pub)
    session = Session(
        clock=FakeClock(date(2026, 11, 2)), library=load_library(), store=SettingsStore(folder / "config")
    )
    window = MainWindow(session)
    window.resize(1200, 800)
    window.show()
    session.create(folder / "maria.vault", PASSPHRASE)
    session.vault.profile.replace(_profile())  # type: ignore[arg-type]
    window.enter_workspace()
    dashboard = window.workspace.show_page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    dashboard.refresh()  # the person sees the built-in guide first
    written = []

    page = window.workspace.show_page("settings")
    assert isinstance(page, SettingsPage)
    section = page.guide_updates
    section._checked(_check_bundle(bundle))
    dialog = section.update_dialog
    assert dialog is not None
    written.append(save_shot(dialog, language, "guide-update-dialog"))
    dialog.reject()

    install_bundle(bundle)
    session.use_library(load_library())
    section.refresh()
    scroll = page.findChild(QScrollArea)
    if scroll is not None:
        scroll.ensureWidgetVisible(section.keys)
    written.append(save_shot(window, language, "guide-update-settings"))

    dashboard = window.workspace.show_page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    dashboard.refresh()
    written.append(save_shot(window, language, "guide-update-notice"))
    session.lock()
    window.close()
    return written


def main() -> int:
    return shoot_languages(shoot, LANGUAGES, "waystation-guide-shots-")


if __name__ == "__main__":
    sys.exit(main())
