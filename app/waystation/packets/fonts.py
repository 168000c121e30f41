"""The fonts of a packet, and turning untrusted text into ReportLab paragraph markup.

Noto Sans covers Latin (with every diacritic we need), Cyrillic and Greek; Georgian, Armenian,
Hebrew and Thai letters come from their own Noto fonts (resources/fonts/, OFL). ReportLab does no
complex shaping: Thai vowel and tone marks are placed by the font's default advances, which keeps
the text readable and extractable but less polished than a shaping engine would. A text is cut into runs by
script, and each run that is not in the paragraph's base font is wrapped in ``<font name=...>``.
Digits, spaces and punctuation stay in the surrounding run when its font has them (the script
fonts lack digits), otherwise they fall back to Noto Sans.

Everything else that reaches ReportLab's mini-markup is escaped first, so a name such as
``<font name="Helvetica">`` is printed as typed and can neither change the layout nor pull in a
standard-14 font.

Hebrew is right-to-left: ReportLab draws glyphs left to right, so each line is put into display
order with python-bidi before drawing. Reordering must happen per printed line, so right-to-left
text that may wrap is broken into lines here (in logical order) and each line is reordered.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

from bidi.algorithm import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from waystation.errors import StorageFailure
from waystation.i18n import _
from waystation.resources_path import resource

BASE = "WsSans"
BASE_BOLD = "WsSans-Bold"

# registered name -> file in resources/fonts/
FONT_FILES: dict[str, str] = {
    BASE: "NotoSans-Regular.ttf",
    BASE_BOLD: "NotoSans-Bold.ttf",
    "WsGeorgian": "NotoSansGeorgian-Regular.ttf",
    "WsGeorgian-Bold": "NotoSansGeorgian-Bold.ttf",
    "WsArmenian": "NotoSansArmenian-Regular.ttf",
    "WsArmenian-Bold": "NotoSansArmenian-Bold.ttf",
    "WsHebrew": "NotoSansHebrew-Regular.ttf",
    "WsHebrew-Bold": "NotoSansHebrew-Bold.ttf",
    "WsThai": "NotoSansThai-Regular.ttf",
    "WsThai-Bold": "NotoSansThai-Bold.ttf",
}

# script -> (regular font, bold font); code point ranges of the letters each script font draws
_SCRIPT_FONTS: dict[str, tuple[str, str]] = {
    "georgian": ("WsGeorgian", "WsGeorgian-Bold"),
    "armenian": ("WsArmenian", "WsArmenian-Bold"),
    "hebrew": ("WsHebrew", "WsHebrew-Bold"),
    "thai": ("WsThai", "WsThai-Bold"),
}
_SCRIPT_RANGES: tuple[tuple[str, int, int], ...] = (
    ("armenian", 0x0530, 0x058F),
    ("hebrew", 0x0590, 0x05FF),
    ("thai", 0x0E00, 0x0E7F),
    ("georgian", 0x10A0, 0x10FF),
    ("georgian", 0x1C90, 0x1CBF),
    ("georgian", 0x2D00, 0x2D2F),
    ("armenian", 0xFB13, 0xFB17),
    ("hebrew", 0xFB1D, 0xFB4F),
)

_lock = threading.Lock()
_glyphs: dict[str, frozenset[int]] = {}


def register_fonts() -> None:
    """Register the packet fonts with ReportLab once per process (safe from any thread)."""
    with _lock:
        if _glyphs:
            return
        found: dict[str, frozenset[int]] = {}
        for name, file in FONT_FILES.items():
            path = resource("fonts", file)
            try:
                font = TTFont(name, str(path))
            except OSError:
                raise StorageFailure(
                    _("The packet font {file} is missing from this installation.").format(file=file)
                ) from None
            pdfmetrics.registerFont(font)
            found[name] = frozenset(font.face.charToGlyph)
        _glyphs.update(found)


def has_glyph(font: str, char: str) -> bool:
    register_fonts()
    return ord(char) in _glyphs[font]


def uncovered(text: str) -> set[str]:
    """The printable characters of ``text`` that no packet font can draw (they would come out as
    empty boxes): each is looked up in its script's font, or in Noto Sans."""
    register_fonts()
    missing = set()
    for char in text:
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
            continue
        script = script_of(char)
        font = _SCRIPT_FONTS[script][0] if script else BASE
        if ord(char) not in _glyphs[font] and ord(char) not in _glyphs[BASE]:
            missing.add(char)
    return missing


def script_of(char: str) -> str | None:
    """ "georgian", "armenian" or "hebrew" for a letter (or mark) of those scripts, else None."""
    point = ord(char)
    for script, low, high in _SCRIPT_RANGES:
        if low <= point <= high:
            return script
    return None


def is_rtl(text: str) -> bool:
    """Whether ``text`` has any right-to-left letter (and so needs reordering)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def reads_right_to_left(text: str) -> bool:
    """Whether the first strong letter of ``text`` is right-to-left: its paragraph direction,
    which decides the alignment."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_OTHER_SCRIPTS = re.compile(
    "[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for _s, low, high in _SCRIPT_RANGES) + "]"
)


def clean(text: str) -> str:
    """Untrusted text without control characters (a NUL in a name must not break the PDF);
    tabs become spaces, line breaks stay."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\t", " "))


@dataclass(frozen=True)
class Run:
    font: str
    text: str


def runs(text: str, *, bold: bool = False) -> list[Run]:
    """``text`` cut into runs that one font can draw each."""
    register_fonts()
    base = BASE_BOLD if bold else BASE
    if not _OTHER_SCRIPTS.search(text):
        return [Run(base, text)] if text else []  # the common case: Latin and Cyrillic only
    found: list[Run] = []
    current: str | None = None
    chunk: list[str] = []
    for char in text:
        font = _font_for(char, current, base, bold)
        if font != current and chunk:
            assert current is not None
            found.append(Run(current, "".join(chunk)))
            chunk = []
        current = font
        chunk.append(char)
    if chunk and current is not None:
        found.append(Run(current, "".join(chunk)))
    return found


def _font_for(char: str, current: str | None, base: str, bold: bool) -> str:
    script = script_of(char)
    if script is not None:
        return _SCRIPT_FONTS[script][1 if bold else 0]
    is_letter = unicodedata.category(char)[0] in ("L", "M")
    if not is_letter and current is not None and ord(char) in _glyphs[current]:
        return current
    return base


def display_order(line: str) -> str:
    """One line in the order its glyphs are drawn, left to right. (python-bidi's classic
    algorithm, because it also mirrors brackets in right-to-left runs; its newer
    ``bidi.get_display`` does not.)"""
    return str(get_display(_without_unassigned(line))) if is_rtl(line) else line


def _without_unassigned(line: str) -> str:
    """Code points this Python's Unicode tables do not know (newer than them, or never assigned)
    have no bidirectional class, and python-bidi stops with an AssertionError on them; no font
    of ours draws them either, so they become U+FFFD (the replacement character)."""
    if all(unicodedata.bidirectional(char) for char in line):
        return line
    return "".join(char if unicodedata.bidirectional(char) else "\ufffd" for char in line)


def _markup_line(text: str, bold: bool) -> str:
    # Runs in the regular base font need no tag; every other run names its font, so bold text
    # is bold inside a regular paragraph too.
    visual = display_order(text)
    parts = []
    for run in runs(visual, bold=bold):
        escaped = escape(run.text)
        parts.append(escaped if run.font == BASE else f'<font name="{run.font}">{escaped}</font>')
    return "".join(parts)


def markup(text: str, *, bold: bool = False, width: float | None = None, size: float = 10) -> str:
    """Paragraph markup for untrusted ``text`` (base font: Noto Sans, bold if ``bold``).

    Right-to-left text is broken into lines that fit ``width`` points at ``size`` before being
    reordered, so give the width of the paragraph whenever the text may be Hebrew.
    """
    lines = clean(text).split("\n")
    if width is not None and is_rtl(text):
        lines = [piece for line in lines for piece in wrap(line, width, size, bold=bold)]
    return "<br/>".join(_markup_line(line, bold) for line in lines)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    return sum(float(pdfmetrics.stringWidth(run.text, run.font, size)) for run in runs(text, bold=bold))


def wrap(line: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """``line`` broken at spaces into pieces no wider than ``width`` (a single word that is
    wider stays whole), in logical order."""
    pieces: list[str] = []
    current = ""
    for word in _words(line):
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold=bold) > width:
            pieces.append(current)
            current = word
        else:
            current = candidate
    if current or not pieces:
        pieces.append(current)
    return pieces


def _words(line: str) -> Iterator[str]:
    yield from (word for word in line.split(" ") if word)
