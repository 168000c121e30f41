"""One coherent look: spacing, a type scale and a calm accent, over the platform's own light or
dark palette (so the system's dark mode is followed rather than fought).

The style sheet is made for the palette in use (``style_sheet``): our few text colours come in a
light and a dark ink (``waystation.ui.colours``), and when the system switches between light and
dark while the app runs, the sheet and the few palette roles we tune follow (``apply_style``).
Focus is always visible: Fusion draws it for most controls, and the style sheet draws it where a
rule of ours replaces Fusion's drawing (the navigation list)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from waystation.ui.colours import inks

ACCENT = "#2f6f8f"  # marks and fills (white text on it is 5.5:1); text in the accent uses colours.accent_text
WARNING_MARK = "#c77700"  # the bar beside a warning: a mark, not text

_TUNED_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def style_sheet(palette: QPalette) -> str:
    ink = inks(palette)
    return f"""
QLabel#heading {{ font-size: 20pt; font-weight: 600; }}
QLabel#subheading {{ font-size: 13pt; font-weight: 600; }}
QLabel#message {{ color: {ink.danger_text}; }}
QLabel#warning {{ padding: 8px; border: 0px solid transparent; border-left: 3px solid {WARNING_MARK}; }}
QLabel#hint, QLabel#meta {{ color: {ink.muted_text}; }}
QLabel#present, QLabel#url {{ color: {ink.accent_text}; }}
QLabel#missing, QLabel#warm {{ color: {ink.warm_text}; }}
QListWidget#navigation {{
    font-size: 11pt; padding-top: 8px; border: none; border-right: 2px solid transparent;
    outline: none;
}}
QListWidget#navigation:focus {{ border-right: 2px solid {ink.focus}; }}
QListWidget#navigation::item {{ padding: 8px 14px; border: 2px solid transparent; }}
QListWidget#navigation::item:hover:!selected {{ border: 2px solid palette(mid); }}
QListWidget#navigation::item:selected {{ background: {ink.selection}; color: {ink.on_selection}; }}
QListWidget#navigation::item:selected:focus {{ border: 2px dashed {ink.on_selection}; }}
QPushButton[default="true"] {{ font-weight: 600; }}
"""


def tuned_palette(palette: QPalette) -> QPalette:
    """``palette`` with the roles that carry our colours: selection, links, placeholder text.

    Platforms' own highlight colours often fail the 4.5:1 the text on them needs (Fusion's
    #308cc6 under white text is 3.7:1), and placeholder text is half-transparent text."""
    ink = inks(palette)
    tuned = QPalette(palette)
    roles = {
        QPalette.ColorRole.Highlight: ink.selection,
        QPalette.ColorRole.HighlightedText: ink.on_selection,
        QPalette.ColorRole.Link: ink.accent_text,
        QPalette.ColorRole.LinkVisited: ink.accent_text,
        QPalette.ColorRole.PlaceholderText: ink.muted_text,
    }
    for group in _TUNED_GROUPS:
        for role, colour in roles.items():
            tuned.setColor(group, role, QColor(colour))
    return tuned


class _PaletteFollower(QObject):
    """Re-tunes the palette and re-makes the style sheet when the palette changes."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._app and event.type() == QEvent.Type.ApplicationPaletteChange:
            self.follow()
        return False

    def watch(self) -> None:
        """Follow palette changes from now on (installing a filter twice keeps one), and any
        that came before."""
        self._app.installEventFilter(self)
        self.follow()

    def follow(self) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            palette = self._app.palette()
            tuned = tuned_palette(palette)
            if tuned != palette:
                self._app.setPalette(tuned)
            sheet = style_sheet(tuned)
            if self._app.styleSheet() != sheet:
                self._app.setStyleSheet(sheet)
        finally:
            self._busy = False


_follower: _PaletteFollower | None = None  # the app's: one app per process


def _follower_of(app: QApplication) -> _PaletteFollower | None:
    """The app's palette follower, if it has one. Kept here rather than found with
    ``app.findChild``: that makes PySide wrap each of the app's children, the style among them,
    and building QStyle's Python type (its enums) costs ~9 ms before the first frame."""
    follower = _follower
    if follower is not None and isValid(follower) and follower.parent() is app:
        return follower
    return None


def apply_style(app: QApplication, *, watch_palette: bool = True) -> None:
    """The app's font, tuned palette and style sheet. The palette is followed from now on, or,
    with ``watch_palette=False``, from :func:`watch_palette_changes` (the main window calls it
    after its first paint: the first event a Python filter on the whole app sees from one of
    Qt's internal objects makes PySide build every Python type it has not built yet, ~25 ms)."""
    global _follower
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    follower = _follower_of(app)
    if follower is None:
        follower = _follower = _PaletteFollower(app)
    if watch_palette:
        follower.watch()
    else:
        follower.follow()


def watch_palette_changes(app: QApplication) -> None:
    """Follow palette changes from now on (and any since apply_style), if the style is applied."""
    follower = _follower_of(app)
    if follower is not None:
        follower.watch()
