"""The translation pipeline (``make i18n``): extract → update → compile, and the checks the test
suite runs on the catalogs.

The template is deterministic (no creation date, no source line numbers, sorted), so it changes only
when a user-facing string changes, and a test can insist that it is current.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
LOCALES = REPO / "locales"
TEMPLATE = LOCALES / "waystation.pot"
SOURCE_DIR = REPO / "app" / "waystation"
DOMAIN = "waystation"
LANGUAGES = ("ru", "uk", "be")
KEYWORDS = {"_": None, "ngettext": (1, 2)}
HEADER = "# Waystation interface messages.\n# This file is distributed under the same license as Waystation."
VOLATILE_HEADERS = (b'"POT-Creation-Date:', b'"Generated-By:', b'"PO-Revision-Date:')
PLACEHOLDER = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*(?:![rsa])?(?::[^{}]*)?\}")
HTML = re.compile(r"<[a-zA-Z/][^>]*>")


def po_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    catalog = Catalog(project="Waystation", domain=DOMAIN, fuzzy=False, creation_date=None)
    catalog.header_comment = HEADER
    method_map = [("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE_DIR),
        method_map,
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        catalog.add(
            message, None, [(f"app/waystation/{filename}", lineno)], auto_comments=comments, context=context
        )
    return catalog


def template_text(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, omit_header=False, no_location=True, sort_output=True, width=100)
    return _stable(buffer.getvalue())


def _stable(text: bytes) -> bytes:
    """Drop the header lines that change with the date or the tool version."""
    return b"\n".join(line for line in text.split(b"\n") if not line.startswith(VOLATILE_HEADERS))


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def update(language: str, template: Catalog) -> Catalog:
    path = po_path(language)
    if path.exists():
        catalog = read_catalog(path, language)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(
            locale=language, domain=DOMAIN, project="Waystation", creation_date=None, fuzzy=False
        )
        catalog.header_comment = HEADER
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()
    buffer = io.BytesIO()
    write_po(buffer, catalog, no_location=True, sort_output=True, width=100, include_previous=False)
    path.write_bytes(_stable(buffer.getvalue()))
    return catalog


def compile_mo(language: str) -> Path:
    catalog = read_catalog(po_path(language), language)
    target = po_path(language).with_suffix(".mo")
    with target.open("wb") as handle:
        write_mo(handle, catalog, use_fuzzy=False)
    return target


# -- checks (run by the test suite) ---------------------------------------------------------


def _texts(message: Message) -> tuple[list[str], list[str]]:
    ids = list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]
    strings = list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]
    return [str(i) for i in ids], [str(s) for s in strings]


def untranslated(catalog: Catalog) -> list[str]:
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids, strings = _texts(message)
        if message.fuzzy or not all(strings):
            problems.append(ids[0])
    return problems


def placeholder_mismatches(catalog: Catalog) -> list[str]:
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids, strings = _texts(message)
        expected = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        for text in strings:
            found = set(PLACEHOLDER.findall(text))
            # a plural form may leave out {n} ("один день"), but never invent or rename one
            if not found <= expected or (len(strings) == 1 and found != expected):
                problems.append(f"{ids[0]!r} -> {text!r}")
    return problems


def html_in_translations(catalog: Catalog) -> list[str]:
    return [text for message in catalog if message.id for text in _texts(message)[1] if HTML.search(text)]


def main(argv: Iterable[str]) -> int:
    """``extract``, ``update`` and/or ``compile`` (all three by default), for every language or
    the languages named (``compile ru`` is what `make run` does for a stale catalog)."""
    words = list(argv) or ["extract", "update", "compile"]
    commands = [w for w in words if w not in LANGUAGES]
    languages = [w for w in words if w in LANGUAGES] or list(LANGUAGES)
    if "extract" in commands:
        template = extract()
        TEMPLATE.write_bytes(template_text(template))
        print(f"{TEMPLATE.relative_to(REPO)}: {len(template)} messages")
    for language in languages:
        if "update" in commands:
            catalog = update(language, read_catalog(TEMPLATE))
            print(f"{po_path(language).relative_to(REPO)}: {len(untranslated(catalog))} to translate")
        if "compile" in commands and po_path(language).exists():
            compile_mo(language)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
