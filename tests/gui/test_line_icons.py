"""The line icons (ui/icons.py): drawn in the palette's inks, in every mode, and safe to change.

They were once drawn by an icon engine written in Python; Qt clones and frees engines on its own
schedule (a changed icon is cloned), PySide freed the clone with its Python wrapper, and the next
paint jumped into freed memory. The icons are plain pictures now; the check still runs in a child
process, where a crash is a failed test rather than a dead test run."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette

from waystation.ui.colours import inks
from waystation.ui.icons import icon

CHANGED_ICONS = textwrap.dedent(
    """
    import gc
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette
    from PySide6.QtWidgets import QApplication, QToolButton
    app = QApplication([])
    from waystation.ui.icons import icon
    original = icon("lock")
    picture = original.pixmap(QSize(24, 24))
    for _ in range(40):
        changed = QIcon(original)
        changed.addPixmap(picture, QIcon.Mode.Active)  # detaches: Qt clones the engine
        gc.collect()
        button = QToolButton()
        button.setIcon(changed)
        button.grab()  # paints the icon through the cloned engine
        assert not changed.pixmap(QSize(24, 24)).isNull()
        del changed, button
        gc.collect()
    print("painted")
    """
)


def test_an_icon_changed_after_it_was_made_still_paints() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHANGED_ICONS], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "painted"


def test_every_mode_draws_something(qapp: object) -> None:
    for side in (16, 24, 36):
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled, QIcon.Mode.Selected, QIcon.Mode.Active):
            image = icon("lock", selectable=True).pixmap(QSize(side, side), mode).toImage()
            assert image.width() == side
            inked = [image.pixelColor(x, y) for x in range(side) for y in range(side)]
            assert any(colour.alpha() > 0 for colour in inked), (side, mode)
            assert image.pixelColor(0, 0).alpha() == 0  # the corner stays transparent
    assert icon("no such icon").isNull()


def test_an_icon_made_after_the_palette_turned_dark_is_drawn_in_light_ink(qapp: object) -> None:
    light = icon("lock").pixmap(QSize(24, 24)).toImage()
    original = QGuiApplication.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Window, QColor("#1e1f22"))
    QGuiApplication.setPalette(dark)
    try:
        darkened = icon("lock").pixmap(QSize(24, 24)).toImage()
    finally:
        QGuiApplication.setPalette(original)

    def brightest(image: QImage) -> int:
        return max(
            image.pixelColor(x, y).lightness()
            for x in range(24)
            for y in range(24)
            if image.pixelColor(x, y).alpha() > 200
        )

    assert brightest(darkened) > brightest(light) + 60


def test_only_an_icon_for_selectable_rows_is_drawn_in_the_selection_ink(qapp: object) -> None:
    """Buttons, actions, tabs and labels never show the selected mode: it is not drawn for them."""
    plain, selectable = icon("lock"), icon("lock", selectable=True)
    assert plain.availableSizes(QIcon.Mode.Selected) == []
    assert plain.availableSizes(QIcon.Mode.Disabled) == plain.availableSizes(QIcon.Mode.Normal) != []
    assert selectable.availableSizes(QIcon.Mode.Selected) == selectable.availableSizes(QIcon.Mode.Normal)
    image = selectable.pixmap(QSize(24, 24), QIcon.Mode.Selected).toImage()
    inked = [
        image.pixelColor(x, y) for x in range(24) for y in range(24) if image.pixelColor(x, y).alpha() == 255
    ]
    expected = QColor(inks(QGuiApplication.palette()).on_selection)
    assert inked and all(colour.rgb() == expected.rgb() for colour in inked)
