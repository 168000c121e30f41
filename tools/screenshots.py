"""`make screenshots`: every screen of the desktop app as PNG, per interface language.

Creates a throwaway vault in a temporary folder (settings too), fills it with a realistic sample
person (an émigré in Kazakhstan, adapted from tests/golden/profile.json) and a few scans drawn with
Pillow, then drives the real MainWindow through the start screen, the first-run wizard (when the
app has one) and every screen in the navigation, and writes docs/screenshots/<lang>/<screen>.png.

Small screens (issue 11, item 6): every screen again at 1024×768 and 800×600, in Russian and in
the pseudo-locale (the longest texts), into docs/screenshots/<lang>/<width>x<height>/<screen>.png.

    python tools/screenshots.py [--languages en,ru,uk,be] [--out docs/screenshots]
                                [--small-sizes 1024x768,800x600] [--small-languages ru,pseudo]

Run with QT_QPA_PLATFORM=offscreen (the Makefile does).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QWidget, QWizard
from tests.fakes import FakeClock

from waystation.app_settings import SettingsStore
from waystation.ui.language import switch_language
from waystation.ui.main_window import MainWindow
from waystation.ui.session import Change, Session
from waystation.ui.style import apply_style
from waystation.vault import profile_json

REPO = Path(__file__).resolve().parent.parent
PASSPHRASE = "screenshots only — orchard lantern velvet"
TODAY = date(2026, 12, 1)
WINDOW_SIZE = (1200, 800)
SMALL_SIZES = ((1024, 768), (800, 600))
SMALL_LANGUAGES = ("ru", "pseudo")

SAMPLE_PROFILE = {
    "format": "waystation-profile/2",
    "person": {
        "family_name": "Иванова",
        "given_names": "Мария",
        "patronymic": "Сергеевна",
        "family_name_latin": "IVANOVA",
        "given_names_latin": "MARIIA",
        "date_of_birth": "1990-04-12",
        "place_of_birth": "Новосибирск",
        "sex": "F",
        "citizenships": ["RU"],
        "phone": "+7 701 555 12 34",
        "email": "m@example.org",
    },
    "passports": [
        {
            "number": "751234567",
            "kind": "international",
            "issued": "2019-05-20",
            "expires": "2029-05-20",
            "authority": "МВД 54001",
        },
        {
            "number": "5010 123456",
            "kind": "internal",
            "issued": "2010-05-14",
            "expires": None,
            "authority": "ОУФМС России по Новосибирской обл.",
        },
    ],
    "host": {
        "country": "KZ",
        "city": "Алматы",
        "address": "ул. Абая 10, кв. 5",
        "arrival_date": "2026-09-01",
    },
    "stays": [
        {"country": "GE", "entered": "2026-03-02", "left": "2026-08-30"},
        {"country": "KZ", "entered": "2026-09-01", "left": None},
    ],
    "family": [
        {"relation": "child", "family_name": "Иванов", "given_names": "Пётр", "date_of_birth": "2015-01-01"}
    ],
    "notes": "Записаться в ЦОН на биометрию; спросить про ИИН для сына.",
    "permits": [],
}

# The overview for two common bases of stay besides the visa-free count (issue: legal timeline).
TRP_PERMIT = {
    "country": "KZ",
    "kind": "residence_permit",
    "category": "TRP",
    "number": None,
    "valid_from": "2026-10-15",
    "valid_until": "2027-10-14",
    "days_allowed": None,
    "entries": None,
}
SCHENGEN_PROFILE_CHANGES = {
    "host": {"country": "DE", "city": "Berlin", "address": "Musterstraße 1", "arrival_date": "2026-10-01"},
    "stays": [
        {"country": "KZ", "entered": "2026-03-02", "left": "2026-09-24"},
        {"country": "ES", "entered": "2026-09-25", "left": "2026-10-01"},
        {"country": "DE", "entered": "2026-10-01", "left": None},
    ],
    "permits": [
        {
            "country": "ES",
            "kind": "visa",
            "category": "C",
            "number": None,
            "valid_from": "2026-09-20",
            "valid_until": "2027-03-19",
            "days_allowed": 90,
            "entries": "multiple",
        }
    ],
}


def _scan(title: str, colour: str, size: tuple[int, int] = (900, 620)) -> Image.Image:
    image = Image.new("RGB", size, "#f4f1ea")
    draw = ImageDraw.Draw(image)
    draw.rectangle((24, 24, size[0] - 24, size[1] - 24), outline=colour, width=6)
    draw.rectangle((60, 70, 300, 380), fill="#d9d4c7", outline="#a29b8a", width=3)
    draw.ellipse((120, 120, 240, 240), fill="#b8b09e")
    draw.rectangle((105, 250, 255, 360), fill="#b8b09e")
    draw.text((340, 80), title, fill=colour)
    for row in range(8):
        y = 140 + row * 40
        draw.rectangle((340, y, 340 + 300 + (row % 3) * 80, y + 14), fill="#c9c3b5")
    draw.rectangle((60, size[1] - 130, size[0] - 60, size[1] - 60), fill="#e4dfd3")
    return image


def _bytes(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


def _pdf(pages: int) -> bytes:
    images = [_scan(f"REGISTRATION · page {n + 1}", "#2f6f8f", (620, 877)) for n in range(pages)]
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:])
    return buffer.getvalue()


def fill_vault(session: Session) -> None:
    documents = session.vault.documents
    session.vault.profile.replace(profile_json.from_document(SAMPLE_PROFILE))
    documents.add(
        _bytes(_scan("PASSPORT · SPECIMEN", "#7a2e2e"), "PNG"),
        kind="passport",
        original_name="passport.png",
        title="Загранпаспорт",
        issued=date(2019, 5, 20),
        expires=date(2029, 5, 20),
        added=date(2026, 9, 2),
    )
    documents.add(
        _pdf(2),
        kind="registration",
        original_name="registration.pdf",
        title="Уведомление о прибытии",
        issued=date(2026, 9, 3),
        expires=date(2026, 11, 30),
        added=date(2026, 9, 3),
    )
    documents.add(
        _bytes(_scan("HEALTH INSURANCE", "#4a6b3a"), "JPEG"),
        kind="health_insurance",
        original_name="insurance.jpg",
        title="Медицинская страховка",
        issued=date(2025, 10, 1),
        expires=date(2026, 9, 30),
        added=date(2026, 9, 2),
    )
    documents.add(
        _bytes(_scan("LEASE AGREEMENT", "#444444", (700, 990)), "JPEG"),
        kind="lease",
        original_name="lease.jpg",
        title="Договор аренды",
        issued=date(2026, 9, 5),
        added=date(2026, 9, 5),
    )


class Shooter:
    def __init__(self, app: QApplication, window: MainWindow, out: Path) -> None:
        self.app = app
        self.window = window
        self.out = out
        self.written: list[Path] = []

    def settle(self) -> None:
        for _round in range(3):
            QCoreApplication.sendPostedEvents()
            self.app.processEvents()

    def save(self, widget: QWidget, language: str, name: str, folder: str = "") -> None:
        self.settle()
        target = self.out / language / folder / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not widget.grab().save(str(target)):
            raise RuntimeError(f"could not write {target}")
        self.written.append(target)

    def dialogs_while(self, action: Callable[[], None], language: str, name: str) -> None:
        """Run ``action``, which may open a dialog (blocking or not); photograph and close it."""
        shot: list[bool] = []

        def shoot() -> None:
            dialog = self.open_dialog()
            if dialog is None:
                timer.start(50)
                return
            shot.append(True)
            self._shoot_dialog(dialog, language, name)

        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(shoot)
        timer.start(50)
        action()
        timer.stop()
        if not shot:
            self.settle()
            dialog = self.open_dialog()
            if dialog is not None:
                self._shoot_dialog(dialog, language, name)

    def open_dialog(self) -> QDialog | None:
        for widget in self.app.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                return widget
        return None

    def _shoot_dialog(self, dialog: QDialog, language: str, name: str) -> None:
        dialog.resize(max(dialog.width(), 760), max(dialog.height(), 560))
        self.save(dialog, language, name)
        if isinstance(dialog, QWizard):
            page = 2
            while True:
                before = dialog.currentId()
                answer_blanks(dialog.currentPage())
                dialog.next()
                if dialog.currentId() in (before, -1):
                    break
                self.save(dialog, language, f"{name}-{page}")
                page += 1
        if hasattr(dialog, "ask_closing"):
            dialog.ask_closing = lambda: "discard"  # the wizard asks before dropping answers
        dialog.reject()


def answer_blanks(page: QWidget) -> None:
    """Give a wizard page the sample person's answers where it asks for a choice not made yet."""
    for combo in page.findChildren(QComboBox):
        kz = combo.findData("KZ")
        if combo.isVisible() and kz >= 0 and combo.currentData() != "KZ":
            combo.setCurrentIndex(kz)
    person = SAMPLE_PROFILE["person"]
    assert isinstance(person, dict)
    for edit in page.findChildren(QLineEdit):
        if edit.isVisible() and not edit.text() and edit.accessibleName():
            name = edit.accessibleName().lower()
            if "latin" in name:
                continue
            if "family" in name or "surname" in name:
                edit.setText(str(person["family_name"]))
            elif "given" in name or "first" in name:
                edit.setText(str(person["given_names"]))
    # the first-run wizard's own pages, by their parts (their labels are translated)
    listed = getattr(getattr(page, "citizenship", page), "listed", None)
    if isinstance(listed, dict) and "RU" in listed and not any(box.isChecked() for box in listed.values()):
        listed["RU"].setChecked(True)
    edits = getattr(page, "edits", None)
    if isinstance(edits, dict):
        for key in ("family_name", "given_names"):
            if key in edits and not edits[key].text():
                edits[key].setText(str(person[key]))
    arrival = getattr(page, "arrival", None)
    if arrival is not None and callable(getattr(arrival, "set_value", None)) and arrival.value() is None:
        arrival.set_value(date(2026, 9, 1))


PSEUDO_LOCALES = {"pseudo": "1", "pseudo-rtl": "rtl"}  # English, lengthened and accented (and mirrored)


def available_languages() -> list[str]:
    return ["en", "ru", "uk", "be", *PSEUDO_LOCALES]


def use_language(app: QApplication, language: str) -> None:
    """Switch to ``language``; the pseudo-locales are English under WAYSTATION_PSEUDO."""
    if language in PSEUDO_LOCALES:
        os.environ["WAYSTATION_PSEUDO"] = PSEUDO_LOCALES[language]
        switch_language(app, "en")
    else:
        os.environ.pop("WAYSTATION_PSEUDO", None)
        switch_language(app, language)


def shoot_small_screens(
    window: MainWindow, shooter: Shooter, language: str, sizes: list[tuple[int, int]]
) -> None:
    """Every screen at each of ``sizes`` (the navigation collapses to icons below ~930 px)."""
    for width, height in sizes:
        window.resize(width, height)
        shooter.settle()
        for key in window.workspace.pages:
            window.workspace.show_page(key)
            shooter.save(window, language, key, folder=f"{width}x{height}")
    window.resize(*WINDOW_SIZE)


def run(
    languages: list[str],
    out: Path,
    small_sizes: list[tuple[int, int]] | None = None,
    small_languages: tuple[str, ...] = SMALL_LANGUAGES,
) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    with tempfile.TemporaryDirectory(prefix="waystation-screenshots-") as tmp:
        folder = Path(tmp)
        session = Session(clock=FakeClock(TODAY), store=SettingsStore(folder / "config"))
        window = MainWindow(session)
        window.resize(*WINDOW_SIZE)
        window.show()
        shooter = Shooter(app, window, out)
        for number, language in enumerate(languages):
            use_language(app, language)
            shooter.save(window, language, "start")
            path = folder / f"sample-{number}.vault"
            session.create(path, PASSPHRASE)
            shooter.dialogs_while(window.after_create, language, "wizard")
            fill_vault(session)
            window.enter_workspace()
            shooter.settle()
            for key in window.workspace.pages:
                window.workspace.show_page(key)
                shooter.save(window, language, key)
            shoot_bases(session, window, shooter, language)
            shoot_extras(session, window, shooter, language)
            if language in small_languages and small_sizes:
                shoot_small_screens(window, shooter, language, small_sizes)
            session.lock()
        window.close()
        use_language(app, "en")
    return shooter.written


def shoot_bases(session: Session, window: MainWindow, shooter: Shooter, language: str) -> None:
    """The overview of a temporary-residence-permit holder and of a Schengen visa holder, and the
    trip planner."""
    trp = dict(SAMPLE_PROFILE, permits=[TRP_PERMIT])
    schengen = dict(SAMPLE_PROFILE, **SCHENGEN_PROFILE_CHANGES)
    for name, document in (("dashboard-trp", trp), ("dashboard-schengen-visa", schengen)):
        session.vault.profile.replace(profile_json.from_document(document))
        session.notify(Change.PROFILE)
        window.workspace.show_page("dashboard")
        shooter.save(window, language, name)
    dashboard = window.workspace.pages["dashboard"]
    dashboard.stay_card.trip_button.click()  # type: ignore[attr-defined]
    dialog = shooter.open_dialog()
    if dialog is not None:
        shooter.save(dialog, language, "trip-planner")
        dialog.reject()
    session.vault.profile.replace(profile_json.from_document(SAMPLE_PROFILE))
    session.notify(Change.PROFILE)


LATVIA_CHANGES = {
    "host": {"country": "LV", "city": "Rīga", "address": "Brīvības iela 1", "arrival_date": "2026-10-01"},
    "stays": [
        {"country": "KZ", "entered": "2026-03-02", "left": "2026-09-30"},
        {"country": "LV", "entered": "2026-10-01", "left": None},
    ],
    "person": {**SAMPLE_PROFILE["person"], "citizenships": ["UA"]},  # type: ignore[dict-item]
}


def shoot_extras(session: Session, window: MainWindow, shooter: Shooter, language: str) -> None:
    """A partial guide's overview and the country picker; the home-documents track and a step
    that may be out of date; the security settings and the wipe confirmation."""

    from waystation.ui.pages.wipe_dialog import confirmation_word

    latvia = dict(SAMPLE_PROFILE, **LATVIA_CHANGES)
    session.vault.profile.replace(profile_json.from_document(latvia))
    session.notify(Change.PROFILE)
    window.workspace.show_page("dashboard")
    shooter.save(window, language, "dashboard-partial-guide")
    profile_page = window.workspace.pages["profile"]
    combo: QComboBox = profile_page.host.country  # type: ignore[attr-defined]
    combo.showPopup()
    shooter.settle()
    shooter.save(combo.view().window(), language, "country-picker")
    combo.hidePopup()
    session.vault.profile.replace(profile_json.from_document(SAMPLE_PROFILE))
    session.notify(Change.PROFILE)
    checklists = window.workspace.show_page("checklists")
    tracks = checklists.tracks  # type: ignore[attr-defined]
    tracks.setCurrentIndex(tracks.count() - 1)  # documents from home
    shooter.save(window, language, "checklists-home-documents")
    clock = session.clock
    assert isinstance(clock, FakeClock)
    clock.advance(days=300)  # every step checked on 2026-11-28 is now past its guide's review_after
    session.notify(Change.PROGRESS)
    tracks.setCurrentIndex(0)
    checklists.splitter.setSizes([760, 440])  # type: ignore[attr-defined]  # room for "Last checked"
    shooter.settle()
    checklists.detail.ensureWidgetVisible(checklists.detail.verified)  # type: ignore[attr-defined]
    shooter.save(window, language, "checklists-out-of-date")
    clock.advance(days=-300)
    session.notify(Change.PROGRESS)
    settings = window.workspace.show_page("settings")
    security = settings.security  # type: ignore[attr-defined]
    security.limit.setCurrentIndex(security.limit.findData(10))
    scroll = security.parentWidget()
    while scroll is not None and not hasattr(scroll, "ensureWidgetVisible"):
        scroll = scroll.parentWidget()
    if scroll is not None:
        scroll.ensureWidgetVisible(security)  # type: ignore[attr-defined]
    shooter.save(window, language, "settings-security")
    security.ask_to_wipe()
    dialog = security.wipe_dialog
    if dialog is not None:
        dialog.word.setText(confirmation_word())
        shooter.save(dialog, language, "wipe-confirmation")
        dialog.reject()
    security.limit.setCurrentIndex(security.limit.findData(0))


def _size(text: str) -> tuple[int, int]:
    width, _x, height = text.strip().partition("x")
    if not (width.isdigit() and height.isdigit()) or int(width) < 320 or int(height) < 240:
        raise SystemExit(f"not a window size: {text!r} (e.g. 800x600)")
    return int(width), int(height)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", default=",".join(available_languages()))
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--small-sizes", default=",".join(f"{w}x{h}" for w, h in SMALL_SIZES))
    parser.add_argument("--small-languages", default=",".join(SMALL_LANGUAGES))
    args = parser.parse_args()
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    sizes = [_size(text) for text in args.small_sizes.split(",") if text.strip()]
    small_languages = tuple(code.strip() for code in args.small_languages.split(",") if code.strip())
    written = run(languages, args.out, sizes, small_languages)
    for path in written:
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    print(f"{len(written)} screenshots in {len(languages)} languages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
