"""The few colours of our own, chosen for the palette in use, and the WCAG arithmetic that proves
they can be read.

The app draws on the platform's light or dark palette. Every colour it adds for text (an accent,
a warning, an error, a quieter hint) therefore comes in two inks, one for light and one for dark
backgrounds, each at least 4.5:1 against the window, the base and the alternate base of common
palettes of that kind (tests/gui/test_contrast.py measures it). Functions, not constants: the
palette can change while the app runs (the system switches to dark mode)."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QGuiApplication, QPalette

WCAG_TEXT = 4.5  # WCAG 2.x AA, normal text
WCAG_LARGE_TEXT = 3.0  # AA for large text (18 pt, or 14 pt bold) and for focus rings and marks


class Inks(NamedTuple):  # immutable, and made at start-up 4x faster than a frozen dataclass
    accent_text: str  # links shown as text, "present" marks
    warm_text: str  # "soon", "overdue", "missing"
    danger_text: str  # errors, "expired"
    muted_text: str  # hints, finished steps, dates that matter less
    focus: str  # the focus ring (a non-text mark: 3:1)
    selection: str  # background of selected rows and the current navigation entry
    on_selection: str  # text on ``selection``
    problem_background: str  # a table cell with a problem (the palette's text on top)


LIGHT_INKS = Inks(
    accent_text="#2a6480",
    warm_text="#8a5300",
    danger_text="#b3261e",
    muted_text="#555a60",
    focus="#2f6f8f",
    selection="#2f6f8f",
    on_selection="#ffffff",
    problem_background="#fbe3e1",
)
DARK_INKS = Inks(
    accent_text="#8cc8e6",
    warm_text="#f0ad4e",
    danger_text="#f2b8b5",
    muted_text="#b0b3b8",
    focus="#8cc8e6",
    selection="#2f6f8f",
    on_selection="#ffffff",
    problem_background="#5c2623",
)


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    """A dark palette: its window colour is darker than its text."""
    colours = _palette(palette)
    window = colours.color(QPalette.ColorRole.Window)
    text = colours.color(QPalette.ColorRole.WindowText)
    return relative_luminance(window) < relative_luminance(text)


def inks(palette: QPalette | None = None) -> Inks:
    return DARK_INKS if is_dark(palette) else LIGHT_INKS


def accent_text(palette: QPalette | None = None) -> QColor:
    return QColor(inks(palette).accent_text)


def warm_text(palette: QPalette | None = None) -> QColor:
    return QColor(inks(palette).warm_text)


def danger_text(palette: QPalette | None = None) -> QColor:
    return QColor(inks(palette).danger_text)


def muted_text(palette: QPalette | None = None) -> QColor:
    return QColor(inks(palette).muted_text)


def problem_background(palette: QPalette | None = None) -> QColor:
    return QColor(inks(palette).problem_background)


# -- WCAG 2.x arithmetic ------------------------------------------------------------------------


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: QColor) -> float:
    return (
        0.2126 * _channel(colour.redF())
        + 0.7152 * _channel(colour.greenF())
        + 0.0722 * _channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """From 1 (the same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(top: QColor, below: QColor) -> QColor:
    """``top`` (which may be translucent) painted over the opaque ``below``."""
    alpha = top.alphaF()
    return QColor.fromRgbF(
        top.redF() * alpha + below.redF() * (1 - alpha),
        top.greenF() * alpha + below.greenF() * (1 - alpha),
        top.blueF() * alpha + below.blueF() * (1 - alpha),
    )
