"""The app icon in every size the packages need (installer/icons.py): real PNGs, .ico and .icns
that Pillow reads back at the sizes asked for."""

from __future__ import annotations

from pathlib import Path

from installer import icons
from PIL import Image


def test_every_icon_file_is_written_and_reads_back(tmp_path: Path) -> None:
    icons.write_all(tmp_path)
    for size in icons.HICOLOR_SIZES:
        with Image.open(tmp_path / f"waystation-{size}.png") as png:
            assert png.format == "PNG" and png.size == (size, size) and png.mode == "RGBA"
            assert png.getextrema()[3][1] == 255  # the picture is drawn, not a transparent square
    with Image.open(tmp_path / "waystation.ico") as ico:
        assert ico.format == "ICO" and (256, 256) in ico.info["sizes"]
    with Image.open(tmp_path / "waystation.icns") as icns:
        assert icns.format == "ICNS"
