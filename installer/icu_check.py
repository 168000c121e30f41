"""Does an ICU build work with its data library? python -m installer.icu_check LIBDIR

Loads ``LIBDIR``'s libicuuc and libicui18n (which find libicudata beside them) and asks ICU what Qt
may ask it for: language names in each interface language, Russian collation, NFKC normalisation
and UTF-8 conversion. Prints one JSON object; exits 1 if any answer is wrong. Run it in a process
of its own: a process that has already loaded Qt has ICU loaded under the same names.

``trimmed`` in the output says whether locales outside the interface languages were left out (a
German locale then falls back to the root instead of opening as German).
"""

from __future__ import annotations

import ctypes
import json
import re
import sys
from pathlib import Path
from typing import Any

_Status = ctypes.c_int
_StatusPtr = ctypes.POINTER(ctypes.c_int)
U_ZERO_ERROR = 0

# What ICU calls German in each interface language (CLDR).
GERMAN = {"en": "German", "ru": "немецкий", "uk": "німецька", "be": "нямецкая"}


class Icu:
    def __init__(self, folder: Path) -> None:
        found = sorted(folder.glob("libicuuc.so.*"))
        match = re.search(r"\.so\.(\d+)$", found[0].name) if found else None
        if match is None:
            raise FileNotFoundError(f"no libicuuc.so.NN in {folder}")
        self.version = match[1]
        self.common = ctypes.CDLL(str(found[0]))
        self.i18n = ctypes.CDLL(str(folder / f"libicui18n.so.{self.version}"))

    def function(self, library: ctypes.CDLL, name: str, result: Any, *arguments: Any) -> Any:
        function = getattr(library, f"{name}_{self.version}")
        function.restype = result
        function.argtypes = list(arguments)
        return function

    def error_name(self, status: int) -> str:
        name = self.function(self.common, "u_errorName", ctypes.c_char_p, ctypes.c_int)
        return str(name(status).decode())

    def language_name(self, language: str, in_language: str) -> tuple[str, int]:
        display = self.function(
            self.common,
            "uloc_getDisplayLanguage",
            ctypes.c_int32,
            ctypes.c_char_p,
            ctypes.c_char_p,
            ctypes.c_void_p,
            ctypes.c_int32,
            _StatusPtr,
        )
        buffer = (ctypes.c_uint16 * 128)()
        status = _Status(U_ZERO_ERROR)
        length = display(language.encode(), in_language.encode(), buffer, 128, ctypes.byref(status))
        return bytes(buffer)[: 2 * max(length, 0)].decode("utf-16-le"), status.value

    def actual_locale(self, locale: str) -> str:
        open_bundle = self.function(
            self.common, "ures_open", ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, _StatusPtr
        )
        by_type = self.function(
            self.common, "ures_getLocaleByType", ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int, _StatusPtr
        )
        close = self.function(self.common, "ures_close", None, ctypes.c_void_p)
        status = _Status(U_ZERO_ERROR)
        bundle = open_bundle(None, locale.encode(), ctypes.byref(status))
        if status.value > U_ZERO_ERROR:
            return f"error {self.error_name(status.value)}"
        try:
            status = _Status(U_ZERO_ERROR)
            actual = by_type(bundle, 1, ctypes.byref(status))  # ULOC_VALID_LOCALE
            return str(actual.decode()) if actual else ""
        finally:
            close(bundle)

    def russian_order(self, words: list[str]) -> tuple[list[str], str]:
        open_collator = self.function(self.i18n, "ucol_open", ctypes.c_void_p, ctypes.c_char_p, _StatusPtr)
        compare = self.function(
            self.i18n,
            "ucol_strcollUTF8",
            ctypes.c_int,
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_int32,
            ctypes.c_char_p,
            ctypes.c_int32,
            _StatusPtr,
        )
        close = self.function(self.i18n, "ucol_close", None, ctypes.c_void_p)
        status = _Status(U_ZERO_ERROR)
        collator = open_collator(b"ru", ctypes.byref(status))
        opened = self.error_name(status.value)
        if status.value > U_ZERO_ERROR:
            return [], opened
        try:
            ordered = list(words)
            for i in range(1, len(ordered)):  # insertion sort with ICU as the comparison
                j = i
                while j > 0:
                    a, b = ordered[j - 1].encode(), ordered[j].encode()
                    cmp_status = _Status(U_ZERO_ERROR)
                    if compare(collator, a, len(a), b, len(b), ctypes.byref(cmp_status)) <= 0:
                        break
                    ordered[j - 1], ordered[j] = ordered[j], ordered[j - 1]
                    j -= 1
            return ordered, opened
        finally:
            close(collator)

    def nfkc(self, text: str) -> str:
        instance = self.function(self.common, "unorm2_getNFKCInstance", ctypes.c_void_p, _StatusPtr)
        normalize = self.function(
            self.common,
            "unorm2_normalize",
            ctypes.c_int32,
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_int32,
            ctypes.c_void_p,
            ctypes.c_int32,
            _StatusPtr,
        )
        status = _Status(U_ZERO_ERROR)
        normalizer = instance(ctypes.byref(status))
        if status.value > U_ZERO_ERROR:
            return f"error {self.error_name(status.value)}"
        source = text.encode("utf-16-le")
        buffer = (ctypes.c_uint16 * 64)()
        length = normalize(normalizer, source, len(source) // 2, buffer, 64, ctypes.byref(status))
        if status.value > U_ZERO_ERROR:
            return f"error {self.error_name(status.value)}"
        return bytes(buffer)[: 2 * length].decode("utf-16-le")

    def converter_opens(self, name: str) -> bool:
        open_converter = self.function(self.common, "ucnv_open", ctypes.c_void_p, ctypes.c_char_p, _StatusPtr)
        close = self.function(self.common, "ucnv_close", None, ctypes.c_void_p)
        status = _Status(U_ZERO_ERROR)
        converter = open_converter(name.encode(), ctypes.byref(status))
        if converter:
            close(converter)
        return status.value <= U_ZERO_ERROR and bool(converter)


def check(folder: Path) -> dict[str, Any]:
    icu = Icu(folder)
    problems: list[str] = []
    names = {}
    for language, expected in GERMAN.items():
        name, status = icu.language_name("de", language)
        names[language] = name
        if name != expected or status > U_ZERO_ERROR:
            problems.append(
                f"German in {language}: {name!r} ({icu.error_name(status)}), expected {expected!r}"
            )
    words = ["яблоко", "ёж", "Ежевика", "арбуз", "жук"]
    ordered, opened = icu.russian_order(words)
    # ё is е at the first level: "ёж" is a shorter "еж…", so it comes before "Ежевика"
    if ordered != ["арбуз", "ёж", "Ежевика", "жук", "яблоко"]:
        problems.append(f"Russian collation ({opened}) ordered {ordered}")
    normalised = icu.nfkc("ﬁ①")
    if normalised != "fi1":
        problems.append(f"NFKC gave {normalised!r}")
    if not icu.converter_opens("UTF-8"):
        problems.append("the UTF-8 converter does not open")
    for language in GERMAN:
        actual = icu.actual_locale(language)
        if actual != language:
            problems.append(f"the {language} locale opened as {actual!r}")
    german_locale = icu.actual_locale("de")
    return {
        "icu": icu.version,
        "german": names,
        "russian_order": ordered,
        "trimmed": german_locale != "de",
        "problems": problems,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m installer.icu_check LIBDIR", file=sys.stderr)
        return 2
    result = check(Path(argv[0]))
    print(json.dumps(result, ensure_ascii=False))
    return 1 if result["problems"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
