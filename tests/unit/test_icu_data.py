"""The frozen bundle's trimmed ICU data (installer/icu_data.py): which items stay, and a library
built from the venv's own ICU that ICU itself then reads (installer/icu_check.py, in a child
process: this one already has Qt's ICU loaded under the same names)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest
from installer import icu_data
from installer.icu_check import GERMAN
from installer.stamp import REPO

QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"
DATA_LIBRARIES = sorted(QT_LIB.glob("libicudata.so.*"))

needs_tools = pytest.mark.skipif(
    bool(icu_data.missing_tools()) and not os.environ.get("CI"),
    reason="icupkg (icu-devtools) or binutils missing; .ci/run installs them",
)


@pytest.mark.parametrize(
    "item",
    [
        "root.res",
        "ru.res",
        "ru_KZ.res",
        "uk_UA.res",
        "be_BY.res",
        "en_US_POSIX.res",
        "res_index.res",
        "pool.res",
        "supplementalData.res",
        "likelySubtags.res",
        "zoneinfo64.res",
        "plurals.res",
        "cnvalias.icu",
        "nfkc.nrm",
        "uts46.nrm",
        "unames.icu",
        "rfc3491.spp",
        "coll/ucadata.icu",
        "coll/root.res",
        "coll/ru.res",
        "coll/res_index.res",
        "lang/be.res",
        "lang/pool.res",
        "zone/uk.res",
        "unit/en_GB.res",
        "brkitr/line.brk",
        "brkitr/cjdict.dict",  # the root break rules name it; icupkg refuses to drop it
        "brkitr/ru.res",
    ],
)
def test_keeps_what_the_interface_languages_and_the_root_need(item: str) -> None:
    assert icu_data.keep_item(item)


@pytest.mark.parametrize(
    "item",
    [
        "de.res",
        "de_AT.res",
        "zh_Hant_HK.res",
        "yue_Hans.res",
        "coll/zh.res",
        "coll/de_.res",  # ICU's own odd names for German phonebook collation
        "lang/fr.res",
        "curr/ja.res",
        "rbnf/de.res",
        "brkitr/ja.res",
        "ibm-866_P100-1995.cnv",
        "gb18030.cnv",
        "translit/root.res",
        "translit/el.res",
    ],
)
def test_drops_other_locales_legacy_encodings_and_transliteration(item: str) -> None:
    assert not icu_data.keep_item(item)


def test_the_language_list_is_honoured() -> None:
    assert icu_data.keep_item("coll/de.res", ["de"])
    assert not icu_data.keep_item("coll/ru.res", ["de"])


@needs_tools
@pytest.mark.skipif(not DATA_LIBRARIES, reason="this PySide6 links no ICU of its own")
def test_a_trimmed_library_is_a_quarter_of_the_size_and_icu_reads_it(tmp_path: Path) -> None:
    source = DATA_LIBRARIES[-1]
    symbol = icu_data.data_symbol(source)
    assert symbol.package.startswith("icudt") and symbol.size > 20_000_000
    with source.open("rb") as library:
        library.seek(symbol.offset + 2)
        assert library.read(2) == b"\xda\x27"  # ICU's data header magic

    trimmed = icu_data.trimmed_library(source, tmp_path / "work")
    assert trimmed.name == source.name
    assert trimmed.stat().st_size < source.stat().st_size / 3
    assert icu_data.data_symbol(trimmed).name == symbol.name
    for other in ("libicuuc", "libicui18n"):
        shutil.copy2(next(QT_LIB.glob(f"{other}.so.*")), trimmed.parent)

    done = subprocess.run(
        [sys.executable, "-m", "installer.icu_check", str(trimmed.parent)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    answer = json.loads(done.stdout)
    assert answer["german"] == GERMAN and answer["trimmed"] is True and answer["problems"] == []


@needs_tools
def test_a_library_that_is_not_icu_data_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not an ICU data library"):
        icu_data.trimmed_library(QT_LIB / "libQt6Core.so.6", tmp_path)
    impostor = tmp_path / "libicudata.so.73"
    shutil.copy2(QT_LIB / "libQt6Core.so.6", impostor)
    with pytest.raises(ValueError, match="no icudtNN_dat symbol"):
        icu_data.trimmed_library(impostor, tmp_path / "work")


def test_the_bundle_swaps_in_the_trimmed_library_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = tmp_path / "lib" / "libicudata.so.73"
    monkeypatch.setattr(icu_data, "missing_tools", lambda: [])
    monkeypatch.setattr(icu_data, "trimmed_library", lambda source, work: built)
    built.parent.mkdir()
    built.write_bytes(b"x")
    entries = [
        ("PySide6/Qt/lib/libicudata.so.73", str(tmp_path / "full"), "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/x/libicuuc.so.73", "BINARY"),
    ]
    (tmp_path / "full").write_bytes(b"xx")
    swapped = icu_data.swap_in_trimmed(entries, tmp_path / "work")
    assert swapped == [("PySide6/Qt/lib/libicudata.so.73", str(built), "BINARY"), entries[1]]


def test_without_icupkg_the_whole_library_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(icu_data, "missing_tools", lambda: ["icupkg"])
    entries = [("PySide6/Qt/lib/libicudata.so.73", "/x/libicudata.so.73", "BINARY")]
    assert icu_data.swap_in_trimmed(entries, tmp_path) == entries
    assert "ICU data kept whole" in capsys.readouterr().out
