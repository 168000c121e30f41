"""The app icon in the sizes each platform wants, drawn from resources/icons/app.svg with Qt's
SVG renderer (offscreen): PNGs for the hicolor theme (.deb, AppImage), .ico (Windows), .icns
(macOS, through Pillow). Run: python -m installer.icons OUT_FOLDER."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SVG = REPO / "resources" / "icons" / "app.svg"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render_pngs(out: Path, sizes: tuple[int, ...] = HICOLOR_SIZES) -> dict[int, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise RuntimeError(f"{SVG} is not a valid SVG")
    out.mkdir(parents=True, exist_ok=True)
    made: dict[int, Path] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"waystation-{size}.png"
        if not image.save(str(path)):  # PNG, from the suffix
            raise OSError(f"could not write {path}")
        made[size] = path
    return made


def write_all(out: Path) -> None:
    from PIL import Image

    pngs = render_pngs(out)
    biggest = Image.open(pngs[max(pngs)])
    biggest.save(out / "waystation.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    biggest.save(out / "waystation.icns")


if __name__ == "__main__":
    write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "build" / "installer-stage" / "icons")
