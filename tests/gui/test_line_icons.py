"""The line icons (ui/icons.py): drawn in the palette's ink, and safe when Qt copies their engine.

Qt clones an icon's engine when the icon is changed (``addPixmap`` and friends) and then owns the
clone; PySide left the clone owned by its Python wrapper, which freed it at once, and the next
paint jumped into freed memory (a crash seen in the GUI suite). The check runs in a child process:
a crash there is a failed test, not a dead test run."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from waystation.ui.icons import icon

CHANGED_ICONS = textwrap.dedent(
    """
    import gc
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon
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
    for mode in (QIcon.Mode.Normal, QIcon.Mode.Disabled, QIcon.Mode.Selected, QIcon.Mode.Active):
        picture = icon("lock").pixmap(QSize(24, 24), mode)
        image = picture.toImage()
        assert any(image.pixelColor(x, y).alpha() > 0 for x in range(24) for y in range(24)), mode
    assert icon("no such icon").isNull()
