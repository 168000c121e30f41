"""Every text colour meets WCAG AA (4.5:1; 3:1 for large text and for focus marks) against its
background, in light and dark palettes (issue 11, item 13).

Measured from what the app really uses: the style sheets made for each palette (the app's and
the screens' own), the palette roles the app tunes, the inks of ``waystation.ui.colours``, and
the colours the screens' models hand to their views — finished steps, due dates, expiring
documents — which were grey on grey before."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from pytestqt.qtbot import QtBot

from tests.fakes import FakeClock
from tests.gui.palettes import app_look, reference_palettes
from tests.gui.profiles import STRONG, library, new_session
from waystation.ui.colours import (
    DARK_INKS,
    LIGHT_INKS,
    WCAG_LARGE_TEXT,
    WCAG_TEXT,
    contrast_ratio,
    inks,
    is_dark,
    over,
)
from waystation.ui.pages.look import PAGE_STYLE
from waystation.ui.style import ACCENT, style_sheet, tuned_palette
from waystation.vault.models import Host, Person, Profile, Stay

PALETTES = reference_palettes()
ROLE_NAMES = {role.name.lower(): role for role in QPalette.ColorRole if role.name != "NColorRoles"}
BACKGROUNDS = (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)


def resolve(value: str, palette: QPalette) -> QColor | None:
    value = value.strip()
    named = re.fullmatch(r"palette\((\w+)\)", value)
    if named:
        return palette.color(ROLE_NAMES[named.group(1).lower()])
    rgba = re.fullmatch(r"rgba\((\d+),\s*(\d+),\s*(\d+),\s*(\d+)\)", value)
    if rgba:
        r, g, b, a = (int(n) for n in rgba.groups())
        return QColor(r, g, b, a)
    if value == "transparent":
        return None
    colour = QColor(value)
    assert colour.isValid(), f"unknown colour in a style sheet: {value!r}"
    return colour


def rules(sheet: str) -> list[tuple[str, dict[str, str]]]:
    found = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        declarations = {}
        for part in body.split(";"):
            if ":" in part:
                name, value = part.split(":", 1)
                declarations[name.strip()] = value.strip()
        found.append((selector.strip(), declarations))
    return found


def _large(declarations: dict[str, str]) -> bool:
    size = re.match(r"(\d+)pt", declarations.get("font-size", ""))
    points = int(size.group(1)) if size else 10
    bold = declarations.get("font-weight", "") in ("600", "700", "bold")
    return points >= 18 or (points >= 14 and bold)


def sheet_problems(sheet: str, palette: QPalette) -> list[str]:
    problems = []
    for selector, declarations in rules(sheet):
        if "::item" in selector and "color" not in declarations and "background" not in declarations:
            continue
        colour_value = declarations.get("color")
        background_value = declarations.get("background") or declarations.get("background-color")
        if colour_value is None and background_value is None:
            continue
        ink = resolve(colour_value, palette) if colour_value else palette.color(QPalette.ColorRole.WindowText)
        assert ink is not None
        if background_value:
            painted = resolve(background_value, palette)
            below = [palette.color(QPalette.ColorRole.Window)] if painted and painted.alpha() < 255 else []
            backgrounds = [over(painted, b) for b in below] if below else [painted] if painted else []
        else:
            backgrounds = [palette.color(role) for role in BACKGROUNDS]
        needed = WCAG_LARGE_TEXT if _large(declarations) else WCAG_TEXT
        for background in backgrounds:
            ratio = contrast_ratio(ink, background)
            if ratio < needed:
                problems.append(f"{selector}: {ink.name()} on {background.name()} is {ratio:.2f}:1")
    return problems


@pytest.mark.parametrize("name", list(PALETTES))
def test_style_sheets_text_meets_aa(name: str) -> None:
    palette = tuned_palette(PALETTES[name])
    assert sheet_problems(style_sheet(palette), palette) == []
    assert sheet_problems(PAGE_STYLE, palette) == []


@pytest.mark.parametrize("name", list(PALETTES))
def test_tuned_palette_roles_meet_aa(name: str) -> None:
    palette = tuned_palette(PALETTES[name])
    role = QPalette.ColorRole
    pairs = [
        (role.HighlightedText, role.Highlight),
        (role.Link, role.Window),
        (role.Link, role.Base),
        (role.PlaceholderText, role.Base),
        (role.Text, role.Base),
        (role.Text, role.AlternateBase),
        (role.WindowText, role.Window),
    ]
    for text, background in pairs:
        ratio = contrast_ratio(palette.color(text), palette.color(background))
        assert ratio >= WCAG_TEXT, f"{name}: {text.name} on {background.name} is {ratio:.2f}:1"


@pytest.mark.parametrize("name", list(PALETTES))
def test_our_inks_meet_aa_on_every_background(name: str) -> None:
    palette = PALETTES[name]
    ink = inks(palette)
    for background in (palette.color(role) for role in BACKGROUNDS):
        for text in (ink.accent_text, ink.warm_text, ink.danger_text, ink.muted_text):
            assert contrast_ratio(QColor(text), background) >= WCAG_TEXT, (name, text, background.name())
        # The focus ring is a mark, not text: 3:1 (WCAG 1.4.11)
        assert contrast_ratio(QColor(ink.focus), background) >= WCAG_LARGE_TEXT, (name, background.name())
    text = palette.color(QPalette.ColorRole.Text)
    assert contrast_ratio(text, QColor(ink.problem_background)) >= WCAG_TEXT
    assert contrast_ratio(QColor(ink.on_selection), QColor(ink.selection)) >= WCAG_TEXT
    # the marked days of the calendar: white on the accent
    assert contrast_ratio(QColor("white"), QColor(ACCENT)) >= WCAG_TEXT


def test_light_and_dark_are_told_apart() -> None:
    kinds = {name: is_dark(palette) for name, palette in PALETTES.items()}
    assert kinds == {
        "fusion-light": False,
        "windows-light": False,
        "breeze-dark": True,
        "adwaita-dark": True,
        "fusion-dark": True,
    }


def test_the_style_follows_a_switch_to_dark_mode(qtbot: QtBot) -> None:
    with app_look(PALETTES["fusion-light"]) as app:
        assert LIGHT_INKS.danger_text in app.styleSheet()
        assert app.palette().color(QPalette.ColorRole.Highlight).name() == LIGHT_INKS.selection
        app.setPalette(PALETTES["breeze-dark"])  # the system switched to dark
        qtbot.waitUntil(lambda: DARK_INKS.danger_text in app.styleSheet())
        assert app.palette().color(QPalette.ColorRole.Link).name() == DARK_INKS.accent_text
        assert app.palette().color(QPalette.ColorRole.Window).name() == "#31363b"  # the rest is the system's


# -- what the screens' models paint: finished steps, due dates, expiring documents ----------------


def _foregrounds(model: object, rows: range, columns: range) -> list[QColor]:
    found = []
    for row in rows:
        for column in columns:
            brush = model.index(row, column).data(Qt.ItemDataRole.ForegroundRole)  # type: ignore[attr-defined]
            if isinstance(brush, QBrush):
                found.append(brush.color())
            elif isinstance(brush, QColor):
                found.append(brush)
    return found


@pytest.mark.parametrize("name", ["fusion-light", "breeze-dark", "adwaita-dark"])
def test_finished_steps_due_dates_and_expiring_documents_are_readable(
    qtbot: QtBot, tmp_path: Path, name: str
) -> None:
    from waystation.ui.main_window import MainWindow
    from waystation.ui.pages.checklists import ChecklistsPage
    from waystation.ui.pages.documents import DocumentsPage

    clock = FakeClock(date(2026, 5, 1))
    session = new_session(tmp_path, clock)
    library()
    with app_look(PALETTES[name]) as app:
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        session.create(tmp_path / "contrast.vault", STRONG)
        session.vault.profile.replace(
            Profile(
                person=Person(family_name="Contrast", given_names="Test", citizenships=("RU",)),
                host=Host(country="KZ", arrival_date=date(2026, 1, 10)),
                stays=(Stay("KZ", date(2026, 1, 10)),),
            )
        )
        pack = session.host_pack()
        assert pack is not None
        steps = list(pack.steps)
        session.vault.progress.set(steps[0].id, "done", on=date(2026, 2, 1))
        session.vault.documents.add(
            b"%PDF-1.4\n%%EOF\n",
            kind="passport",
            original_name="p.pdf",
            expires=date(2026, 5, 20),
            added=date(2026, 1, 1),
        )
        window.enter_workspace()
        checklists = window.workspace.show_page("checklists")
        assert isinstance(checklists, ChecklistsPage)
        model = checklists.model
        colours = _foregrounds(model, range(model.rowCount()), range(model.columnCount()))
        documents = window.workspace.show_page("documents")
        assert isinstance(documents, DocumentsPage)
        document_model = documents.list.model()
        colours += _foregrounds(document_model, range(document_model.rowCount()), range(1))
        assert colours, "no coloured text found: the test lost its subject"
        palette = app.palette()
        for colour in colours:
            for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
                ratio = contrast_ratio(colour, palette.color(role))
                assert ratio >= WCAG_TEXT, f"{name}: {colour.name()} on {role.name} is {ratio:.2f}:1"
        session.lock()
