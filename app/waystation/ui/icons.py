"""The bundled icons (resources/icons/*.svg, 24×24 line drawings in ``currentColor``).

Line icons are drawn in the palette's inks: the text colour, the disabled text colour and, for an
icon in a list whose rows can be selected (``selectable``: the navigation), the selection's text
colour, so they stay legible on light and dark palettes. Buttons, actions, tabs and labels never
draw the selected mode, so theirs is not drawn (a third fewer pictures at start-up). The app icon
and the neutral "discreet" icon keep their own colours.

Each icon is a plain QIcon of pictures drawn once per size and mode (Qt's own pixmap engine), not
an icon engine written in Python: Qt copies and frees engines on its own schedule, and a Python
engine's lifetime under PySide does not follow it — the GUI suite crashed painting a toolbar
button through one. An icon made after the palette changed is drawn in the new inks; the screens
make theirs when they are built."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from waystation.resources_path import resource
from waystation.ui.colours import inks

APP_ICON = "app"
DISCREET_ICON = "discreet"
_LIGHT_INK = "#44474e"
_DARK_INK = "#d7d9de"
# The sides the screens ask for (16–24 px), and larger ones Qt scales down from at 150 % and 200 %.
_SIDES = (16, 20, 24, 32, 48, 64)
_MODES = (QIcon.Mode.Normal, QIcon.Mode.Disabled, QIcon.Mode.Selected)
_UNSELECTABLE = _MODES[:2]


def _svg(name: str) -> bytes:
    return resource("icons", f"{name}.svg").read_bytes()


def _ink(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Selected:
        return QColor(inks(palette).on_selection)
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor(_DARK_INK if dark else _LIGHT_INK)


def _drawn(renderer: QSvgRenderer, side: int) -> QPixmap:
    """The picture on a transparent ``side``×``side`` square (drawn as a QImage: no pixmap
    exists until Qt's own conversion makes one on this, the UI, thread)."""
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    return QPixmap.fromImage(image)


@cache
def _line_icon(name: str, inks: tuple[tuple[QIcon.Mode, str], ...]) -> QIcon:
    svg = _svg(name)
    made = QIcon()
    for mode, ink in inks:
        # one parsed drawing per ink, drawn at every side
        renderer = QSvgRenderer(QByteArray(svg.replace(b"currentColor", ink.encode("ascii"))))
        for side in _SIDES:
            made.addPixmap(_drawn(renderer, side), mode)
    return made


def icon(name: str, *, selectable: bool = False) -> QIcon:
    """A line icon by file name (without ``.svg``), in the palette's inks; an empty icon if
    there is none. ``selectable``: for a row of a list, drawn in the selection's ink too."""
    if not name or not resource("icons", f"{name}.svg").is_file():
        return QIcon()
    modes = _MODES if selectable else _UNSELECTABLE
    return _line_icon(name, tuple((mode, _ink(mode).name()) for mode in modes))


def window_icon(discreet: bool) -> QIcon:
    """The app's own icon, or a neutral notepad in discreet mode."""
    return QIcon(str(resource("icons", f"{DISCREET_ICON if discreet else APP_ICON}.svg")))


def render(name: str, size: int, mode: QIcon.Mode = QIcon.Mode.Normal) -> QPixmap:
    """A line icon as a pixmap of ``size``×``size`` device-independent pixels."""
    return icon(name).pixmap(QSize(size, size), mode)
