"""--portable-setup: a complete copy or none, never over an existing one; and what the frozen
bundle keeps (installer/bundle_filter.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from installer import bundle_filter
from installer.stamp import REPO

from waystation.errors import InvalidInput
from waystation.portable import MARKER, activate, reset
from waystation.portable_setup import README_NAME, prepare_stick


def fake_bundle(root: Path) -> Path:
    bundle = root / "dist" / "waystation"
    (bundle / "_internal" / "lib").mkdir(parents=True)
    (bundle / "waystation").write_bytes(b"\x7fELF fake")
    (bundle / "waystation").chmod(0o755)
    (bundle / "_internal" / "lib" / "libQt6Core.so.6").write_bytes(b"qt")
    (bundle / "_internal" / "libQt6Core.so.6").symlink_to("lib/libQt6Core.so.6")
    return bundle


def test_prepares_a_portable_copy(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path)
    made = prepare_stick(tmp_path / "stick", bundle)
    assert made == tmp_path / "stick" / "waystation"
    assert (made / "waystation").read_bytes() == b"\x7fELF fake" and (
        made / "waystation"
    ).stat().st_mode & 0o111
    assert (made / "_internal" / "libQt6Core.so.6").resolve().read_bytes() == b"qt"
    assert (made / MARKER).is_file() and (made / README_NAME).is_file()
    assert (made / "data" / "settings").is_dir() and (made / "data" / "vaults").is_dir()
    assert [p.name for p in (tmp_path / "stick").iterdir()] == ["waystation"]  # no partial copy left
    try:
        assert activate({}, folder=made).portable
    finally:
        reset()


def test_never_over_an_existing_copy(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path)
    existing = tmp_path / "stick" / "waystation"
    existing.mkdir(parents=True)
    (existing / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InvalidInput, match="already exists"):
        prepare_stick(tmp_path / "stick", bundle)
    assert [p.name for p in existing.iterdir()] == ["mine.txt"]


def test_not_into_itself_nor_onto_a_file(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path)
    with pytest.raises(InvalidInput):
        prepare_stick(bundle / "inside", bundle)
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(InvalidInput, match="not a folder"):
        prepare_stick(a_file, bundle)


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("libQt6OpenGL.so.6", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/qml/QtQuick/qmldir", False),
        ("PySide6/Qt/translations/qtbase_ru.qm", True),
        ("PySide6/Qt/translations/qtbase_uk.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtdeclarative_ru.qm", False),
        ("libstdc++.so.6", False),
        ("libfontconfig.so.1", False),
        ("libffi.so.8", True),
        ("babel/locale-data/ru.dat", True),
        ("babel/locale-data/ka.dat", True),
        ("babel/locale-data/sr_Latn.dat", True),
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/ru_UA.dat", False),
        ("babel/locale-data/zu.dat", False),
        ("holidays/locale/ru/LC_MESSAGES/KZ.mo", True),
        ("holidays/locale/en_US/LC_MESSAGES/BR.mo", False),
        ("PIL/_avif.cpython-311-x86_64-linux-gnu.so", False),
        ("waystation/resources/content/kz.yaml", True),
    ],
)
def test_what_the_bundle_keeps(dest: str, kept: bool) -> None:
    languages = bundle_filter.app_languages(REPO)
    countries = bundle_filter.guide_countries(REPO)
    assert bundle_filter.keep(dest, languages, countries) is kept


def test_guides_and_languages_come_from_the_resources() -> None:
    assert {"KZ", "GE", "DE"} <= set(bundle_filter.guide_countries(REPO))
    assert {"en", "ru", "uk", "be", "ka", "hy"} <= set(bundle_filter.app_languages(REPO))


def test_libraries_nothing_links_to_are_pruned() -> None:
    entries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/src/libxcb-cursor.so.0", "BINARY"),
        ("libxcb-util.so.1", "/src/libxcb-util.so.1", "BINARY"),
        ("libpango-1.0.so.0", "/src/libpango.so", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython.so", "BINARY"),
    ]
    links = {"/src/libqxcb.so": {"libxcb-cursor.so.0"}, "/src/libxcb-cursor.so.0": {"libxcb-util.so.1"}}
    kept = bundle_filter.prune_unreferenced(entries, lambda src: links.get(src, set()))
    assert [e[0] for e in kept] == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libxcb-cursor.so.0",
        "libxcb-util.so.1",
        "libpython3.11.so.1.0",
    ]
