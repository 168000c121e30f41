"""Light and dark palettes the app meets in the wild, for the contrast and focus tests: Qt's own
Fusion palette, a Windows-like light one, KDE's Breeze Dark, GNOME's Adwaita dark and Qt's Fusion
dark. The app draws on whatever the platform gives, so its own colours must hold on all of them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory


def make_palette(
    *,
    window: str,
    text: str,
    base: str,
    alternate: str,
    button: str,
    highlight: str,
    highlighted_text: str,
    link: str,
    mid: str,
    midlight: str,
    dark: str,
    disabled_text: str,
) -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: alternate,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: highlight,
        QPalette.ColorRole.HighlightedText: highlighted_text,
        QPalette.ColorRole.Link: link,
        QPalette.ColorRole.LinkVisited: link,
        QPalette.ColorRole.Mid: mid,
        QPalette.ColorRole.Midlight: midlight,
        QPalette.ColorRole.Dark: dark,
        QPalette.ColorRole.Light: midlight,
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled_text,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette


def reference_palettes() -> dict[str, QPalette]:
    fusion = QStyleFactory.create("Fusion")
    assert fusion is not None
    return {
        "fusion-light": fusion.standardPalette(),
        "windows-light": make_palette(
            window="#f0f0f0", text="#000000", base="#ffffff", alternate="#f5f5f5", button="#f0f0f0",
            highlight="#0078d7", highlighted_text="#ffffff", link="#0066cc", mid="#a0a0a0",
            midlight="#e3e3e3", dark="#a0a0a0", disabled_text="#787878",
        ),
        "breeze-dark": make_palette(
            window="#31363b", text="#eff0f1", base="#232629", alternate="#31363b", button="#31363b",
            highlight="#3daee9", highlighted_text="#eff0f1", link="#2980b9", mid="#2b2f34",
            midlight="#40464c", dark="#1e2125", disabled_text="#6e7175",
        ),
        "adwaita-dark": make_palette(
            window="#242424", text="#ffffff", base="#1e1e1e", alternate="#2a2a2a", button="#303030",
            highlight="#3584e4", highlighted_text="#ffffff", link="#78aeed", mid="#3a3a3a",
            midlight="#454545", dark="#1a1a1a", disabled_text="#8a8a8a",
        ),
        "fusion-dark": make_palette(
            window="#323232", text="#f0f0f0", base="#242424", alternate="#2c2c2c", button="#323232",
            highlight="#308cc6", highlighted_text="#ffffff", link="#308cc6", mid="#262626",
            midlight="#3c3c3c", dark="#212121", disabled_text="#828282",
        ),
    }  # fmt: skip


@contextmanager
def app_look(palette: QPalette | None = None, *, styled: bool = True) -> Iterator[QApplication]:
    """The app with ``palette`` and the app's style (palette tuning, style sheet, font); all of it
    is put back afterwards, so other tests see the unstyled app they expect."""
    from waystation.ui.style import _PaletteFollower, apply_style

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved_palette, saved_sheet, saved_font = QPalette(app.palette()), app.styleSheet(), QFont(app.font())
    try:
        if palette is not None:
            app.setPalette(palette)
        if styled:
            apply_style(app)
        yield app
    finally:
        follower = app.findChild(_PaletteFollower)
        if follower is not None:
            app.removeEventFilter(follower)
            follower.setParent(None)
            follower.deleteLater()
        app.setStyleSheet(saved_sheet)
        app.setPalette(saved_palette)
        app.setFont(saved_font)
        QGuiApplication.processEvents()
