"""Qt's ICU data, cut down to what Waystation can ask of it (Linux builds).

QtCore links ICU, and PySide6 ships ICU's whole data library (``libicudata.so.NN``, 31 MB: every
locale of the world, every legacy character set, transliteration). Qt asks ICU for collation,
locale-aware case mapping, time-zone names and legacy encodings; Waystation's interface speaks
four languages, keeps its text in Unicode and never asks Qt for a legacy encoding. The bundle
therefore carries a rebuilt data library with:

- every item that belongs to no locale (Unicode properties, normalisation, collation root,
  break rules, time-zone rules, plural rules, character names, encoding names…);
- locale data only for the root locale and the interface languages (``INTERFACE_LANGUAGES``);
  any other locale falls back to the root, as ICU does for a locale it does not know;
- no legacy-encoding tables (``*.cnv``) and no transliteration rules.

The break-iteration dictionaries stay: ICU's packaging tool refuses to drop them while the root
break rules name them. Built with ``icupkg`` (Debian: icu-devtools) and the GNU assembler and
linker (binutils, which PyInstaller needs on Linux anyway); where ``icupkg`` is missing the full
library stays and the build says so. ``installer/icu_check.py`` proves a data library works.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

INTERFACE_LANGUAGES = ("en", "ru", "uk", "be")

DATA_LIBRARY = re.compile(r"(^|/)libicudata\.so\.(\d+)$")
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
_ALWAYS = {"root", "res_index", "pool"}
_DROPPED_TREES = {"translit"}
_DROPPED_KINDS = {"cnv"}


def keep_item(item: str, languages: Iterable[str] = INTERFACE_LANGUAGES) -> bool:
    """Whether the data item ``item`` ("coll/ru.res", "ibm-866_P100-1995.cnv", …) is kept."""
    tree, _slash, name = item.rpartition("/")
    stem, _dot, kind = name.rpartition(".")
    if tree in _DROPPED_TREES or kind in _DROPPED_KINDS:
        return False
    if kind != "res" or stem in _ALWAYS or not _LOCALE.match(stem):
        return True
    return stem.split("_")[0] in set(languages)


@dataclass(frozen=True)
class DataSymbol:
    name: str  # "icudt73_dat"
    offset: int  # where its bytes start in the file
    size: int

    @property
    def package(self) -> str:
        """The package name ICU looks for: "icudt73l" (l: little-endian)."""
        return self.name.removesuffix("_dat") + ("l" if sys.byteorder == "little" else "b")


def _readelf_match(library: Path, flag: str, pattern: str, missing: str) -> re.Match[str]:
    table = subprocess.run(
        ["readelf", flag, "-W", str(library)], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(pattern, table, re.MULTILINE)
    if found is None:
        raise ValueError(f"{library.name}: {missing}")
    return found


def data_symbol(library: Path) -> DataSymbol:
    """The ``icudtNN_dat`` object inside an ICU data library, from its ELF tables."""
    symbol = _readelf_match(
        library,
        "-s",
        r":\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)$",
        "no icudtNN_dat symbol",
    )
    address, size, index, name = int(symbol[1], 16), int(symbol[2], 0), symbol[3], symbol[4]
    section = _readelf_match(
        library,
        "-S",
        rf"^\s*\[\s*{index}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s",
        f"section {index} not found",
    )
    return DataSymbol(name, int(section[2], 16) + address - int(section[1], 16), size)


def missing_tools() -> list[str]:
    return [tool for tool in ("icupkg", "readelf", "as", "ld") if shutil.which(tool) is None]


def trimmed_library(source: Path, work: Path, languages: Iterable[str] = INTERFACE_LANGUAGES) -> Path:
    """Build ``work/lib/<source's name>``: the same library with the trimmed data. Returns its path."""
    match = DATA_LIBRARY.search(source.name)
    if match is None:
        raise ValueError(f"{source.name} is not an ICU data library")
    symbol = data_symbol(source)
    package_dir, trimmed_dir, lib_dir = work / "full", work / "trimmed", work / "lib"
    for folder in (package_dir, trimmed_dir, lib_dir):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    full = package_dir / f"{symbol.package}.dat"
    with source.open("rb") as library:
        library.seek(symbol.offset)
        full.write_bytes(library.read(symbol.size))
    items = subprocess.run(
        ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
    ).stdout.split()
    wanted = list(languages)
    dropped = work / "dropped.txt"
    dropped.write_text(
        "".join(f"{item}\n" for item in items if not keep_item(item, wanted)), encoding="utf-8"
    )
    trimmed = trimmed_dir / full.name
    subprocess.run(["icupkg", "-r", str(dropped), str(full), str(trimmed)], capture_output=True, check=True)
    assembly = work / "data.s"
    assembly.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol.name}\n"
        f"\t.type {symbol.name}, @object\n"
        "\t.balign 16\n"
        f"{symbol.name}:\n"
        f'\t.incbin "{trimmed}"\n'
        f"\t.size {symbol.name}, . - {symbol.name}\n"
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="utf-8",
    )
    subprocess.run(["as", "-o", str(work / "data.o"), str(assembly)], capture_output=True, check=True)
    output = lib_dir / source.name
    subprocess.run(
        ["ld", "-shared", "-soname", source.name, "-o", str(output), str(work / "data.o")],
        capture_output=True,
        check=True,
    )
    return output


def swap_in_trimmed(entries: list[tuple[str, str, str]], work: Path) -> list[tuple[str, str, str]]:
    """PyInstaller's binaries with ICU's data library replaced by a trimmed build of it."""
    result = []
    for dest, src, kind in entries:
        if DATA_LIBRARY.search(dest.replace("\\", "/")):
            missing = missing_tools()
            if missing:
                print(
                    f"ICU data kept whole (+24 MB): {', '.join(missing)} not found (Debian: icu-devtools, binutils)"
                )
            else:
                trimmed = trimmed_library(Path(src), work)
                print(
                    f"ICU data: {Path(src).stat().st_size / 1e6:.1f} MB → {trimmed.stat().st_size / 1e6:.1f} MB"
                )
                src = str(trimmed)
        result.append((dest, src, kind))
    return result
