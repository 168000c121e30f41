"""Text that arrived with bytes no Unicode text can hold, made storable and readable.

A file name in a legacy encoding (a Windows-1251 "скан.pdf" copied from an old USB stick, a
Latin-1 "déjà-vu.pdf") is not valid UTF-8; Python hands it over with each bad byte smuggled in as
a lone surrogate (U+DC80…U+DCFF, PEP 383), and SQLite, PDFs and the screen all refuse those. Here
the smuggled bytes are decoded with the likelier of the two legacy encodings the people using
Waystation meet (Windows-1251 for Cyrillic, Windows-1252 for Latin with accents); any other
unpaired surrogate becomes U+FFFD (the replacement character). The rest of the text is kept as
it was.

The guess: Cyrillic words in Windows-1251 are runs of high bytes ("скан" is four in a row), while
accented Latin letters sit alone or in pairs between ASCII letters ("d\\xe9j\\xe0-vu"). Most
smuggled bytes in runs of three or more → Windows-1251, else Windows-1252. A wrong guess still
gives readable, storable text.
"""

from __future__ import annotations

import re

_SMUGGLED = re.compile("[\udc80-\udcff]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def has_broken_characters(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def readable(text: str) -> str:
    """``text`` with smuggled legacy bytes decoded and other unpaired surrogates replaced."""
    if not has_broken_characters(text):
        return text
    runs = [_bytes_of(match.group()) for match in _SMUGGLED.finditer(text)]
    encoding = _likely_encoding(runs)
    decoded = _SMUGGLED.sub(lambda m: _bytes_of(m.group()).decode(encoding, "replace"), text)
    return _SURROGATE.sub(REPLACEMENT, decoded)


def _bytes_of(smuggled: str) -> bytes:
    return bytes(ord(char) - 0xDC00 for char in smuggled)


def _likely_encoding(runs: list[bytes]) -> str:
    in_runs = sum(len(run) for run in runs if len(run) >= 3)
    alone = sum(len(run) for run in runs if len(run) < 3)
    return "cp1251" if in_runs > alone else "cp1252"
