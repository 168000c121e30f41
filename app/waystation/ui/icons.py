"""The bundled icons (resources/icons/*.svg, 24×24 line drawings in ``currentColor``).

Line icons are drawn in the palette's text colour at paint time, so they stay legible on light
and dark palettes and take the selection's text colour on a selected navigation row; the app icon and the neutral
"discreet" icon keep their own colours."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from waystation.resources_path import resource
from waystation.ui.colours import inks

APP_ICON = "app"
DISCREET_ICON = "discreet"
_LIGHT_INK = "#44474e"
_DARK_INK = "#d7d9de"


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


class _LineIconEngine(QIconEngine):
    """Renders one SVG with ``currentColor`` replaced by the ink for the requested mode."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ink = _ink(mode).name().encode("ascii")
        renderer = QSvgRenderer(QByteArray(self._svg.replace(b"currentColor", ink)))
        renderer.render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        """Qt clones an engine when an icon is changed (detached) and then owns the copy, but
        PySide leaves a returned engine owned by its Python wrapper: once that wrapper is gone the
        copy is freed under Qt's feet and the next paint crashes. So every clone is kept."""
        copy = _LineIconEngine(self._svg)
        _CLONES.append(copy)
        return copy


# Clones handed to Qt (see clone); a few per icon that was ever changed, a few hundred bytes each.
_CLONES: list[_LineIconEngine] = []


@cache
def icon(name: str) -> QIcon:
    """A line icon by file name (without ``.svg``); an empty icon if there is none."""
    if not name or not resource("icons", f"{name}.svg").is_file():
        return QIcon()
    return QIcon(_LineIconEngine(_svg(name)))


def window_icon(discreet: bool) -> QIcon:
    """The app's own icon, or a neutral notepad in discreet mode."""
    return QIcon(str(resource("icons", f"{DISCREET_ICON if discreet else APP_ICON}.svg")))


def render(name: str, size: int, mode: QIcon.Mode = QIcon.Mode.Normal) -> QPixmap:
    """A line icon as a pixmap of ``size``×``size`` device-independent pixels."""
    return icon(name).pixmap(QSize(size, size), mode)
