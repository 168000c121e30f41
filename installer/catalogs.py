"""Compiled translations for the bundle: each ``locales/<lang>/LC_MESSAGES/waystation.po`` turned
into a ``.mo`` in a staging folder (never in locales/ itself), fuzzy entries left out as the app
does when it compiles in memory. The bundle carries only the .mo files."""

from __future__ import annotations

import shutil
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "waystation"


def compile_catalogs(source: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    for po in sorted(source.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        language = po.parent.parent.name
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=language, domain=DOMAIN)
        out = target / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
    return target
