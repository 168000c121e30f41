"""Where the window was and how big: remembered across runs beside the app settings
(``window.json`` in the settings folder, so a portable copy keeps it beside itself).

It holds five numbers and a flag — position, size, maximised — and nothing else: no vault, no
name, no screen. A file that cannot be read, or numbers that make no sense, are ignored; a place
that is no longer on any screen (a monitor was unplugged) is moved back onto one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

PLACE_FILE = "window.json"
DEFAULT_SIZE = QSize(1100, 720)
_LIMIT = 100_000  # no screen is this big: anything beyond is a broken file


class WindowPlace(NamedTuple):
    x: int
    y: int
    width: int
    height: int
    maximized: bool = False

    @staticmethod
    def from_json(data: object) -> WindowPlace | None:
        if not isinstance(data, dict):
            return None
        numbers = [data.get(name) for name in ("x", "y", "width", "height")]
        valid = [n for n in numbers if type(n) is int and abs(n) < _LIMIT]
        if len(valid) != len(numbers):
            return None
        x, y, width, height = valid
        maximized = data.get("maximized", False)
        if width <= 0 or height <= 0 or not isinstance(maximized, bool):
            return None
        return WindowPlace(x, y, width, height, maximized)


class WindowPlaceStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def path(self) -> Path:
        return self.folder / PLACE_FILE

    def load(self) -> WindowPlace | None:
        try:
            return WindowPlace.from_json(json.loads(self.path.read_text("utf-8")))
        except (OSError, ValueError):
            return None

    def save(self, place: WindowPlace) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(PLACE_FILE + ".new")
            temporary.write_text(json.dumps(place._asdict()), encoding="utf-8")
            temporary.replace(self.path)
        except OSError:
            pass  # a read-only settings folder costs the window its place, nothing else


def place_of(window: QWidget) -> WindowPlace:
    if window.isMaximized():
        normal = window.normalGeometry()
        return WindowPlace(normal.x(), normal.y(), normal.width(), normal.height(), True)
    return WindowPlace(window.x(), window.y(), window.width(), window.height(), False)


def fitted(place: WindowPlace, minimum: QSize) -> QRect:
    """The remembered rectangle, made to fit on a screen that exists now."""
    wanted = QRect(place.x, place.y, place.width, place.height)
    screen = QGuiApplication.screenAt(wanted.center()) or QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    available = screen.availableGeometry()
    width = min(max(wanted.width(), minimum.width()), available.width())
    height = min(max(wanted.height(), minimum.height()), available.height())
    x = min(max(wanted.x(), available.left()), available.right() + 1 - width)
    y = min(max(wanted.y(), available.top()), available.bottom() + 1 - height)
    return QRect(QPoint(x, y), QSize(width, height))


def restore_place(window: QWidget, store: WindowPlaceStore) -> WindowPlace | None:
    """Put ``window`` where it was last time and return that place (the caller shows the window
    maximised if it was); with nothing remembered, a default size that fits the screen."""
    place = store.load()
    if place is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        size = DEFAULT_SIZE
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size())
        window.resize(size)
        return None
    rect = fitted(place, window.minimumSizeHint())
    window.resize(rect.size())
    window.move(rect.topLeft())
    return place
