"""What the screenshot scripts share: saving a widget's picture under docs/screenshots/<lang>/, and
running a script's shots once per language, each in its own throwaway folder."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def save_shot(widget: object, language: str, name: str) -> Path:
    """``widget`` as docs/screenshots/<language>/<name>.png, after pending paints are done."""
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget)
    for _round in range(3):
        QApplication.processEvents()
    out = REPO / "docs" / "screenshots" / language / f"{name}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(out)):
        raise RuntimeError(f"could not write {out}")
    return out


def shoot_languages(
    shoot: Callable[[str, Path], Iterable[Path]], languages: Iterable[str], prefix: str
) -> int:
    """The app styled as it runs, then ``shoot(language, folder)`` per language, each in a new
    temporary folder; prints the pictures written."""
    from PySide6.QtWidgets import QApplication

    from waystation.ui.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    for language in languages:
        with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
            for path in shoot(language, Path(tmp)):
                print(path.relative_to(REPO))
    return 0
