"""What a file that is not a vault looks like, so the person hears "this is a JPEG image, not a
vault" rather than "the vault is damaged" when they picked the wrong file. Only the first bytes
are read; nothing here decodes the file."""

from __future__ import annotations

from collections.abc import Callable

from waystation.i18n import _

HEADER_BYTES = 64

# A vault begins with 16 random bytes (its salt), so a signature of two or three bytes would
# name one vault in 65,536 (or 16.7 million) "a BMP image" (or a gzip file, a JPEG): each test
# below looks at four bytes or more, and Vault.open gives these names only to a file that will
# not open (vault/connection.py).
_BMP_HEADER_SIZES = {12, 40, 52, 56, 64, 108, 124}  # BITMAPCOREHEADER … BITMAPV5HEADER


def _is_bmp(h: bytes) -> bool:
    return (
        h.startswith(b"BM")
        and h[6:10] == bytes(4)  # reserved
        and int.from_bytes(h[14:18], "little") in _BMP_HEADER_SIZES
    )


def _is_jpeg(h: bytes) -> bool:
    return h.startswith(b"\xff\xd8\xff") and len(h) > 3 and h[3] >= 0xC0  # a marker follows SOI


# (magic test, name): checked in order; the names are functions so the language can change.
_SIGNATURES: tuple[tuple[Callable[[bytes], bool], Callable[[], str]], ...] = (
    (_is_jpeg, lambda: _("a JPEG image")),
    (lambda h: h.startswith(b"\x89PNG\r\n\x1a\n"), lambda: _("a PNG image")),
    (lambda h: h.startswith((b"GIF87a", b"GIF89a")), lambda: _("a GIF image")),
    (lambda h: h[:4] == b"RIFF" and h[8:12] == b"WEBP", lambda: _("a WebP image")),
    (
        lambda h: h[4:8] == b"ftyp" and h[8:12] in (b"heic", b"heix", b"mif1", b"msf1"),
        lambda: _("a HEIC photo"),
    ),
    (lambda h: h[4:8] == b"ftyp", lambda: _("a video or audio file")),
    (lambda h: h.startswith((b"II*\x00", b"MM\x00*")), lambda: _("a TIFF image")),
    (_is_bmp, lambda: _("a BMP image")),
    (lambda h: h.lstrip().startswith(b"%PDF"), lambda: _("a PDF document")),
    (lambda h: h.startswith(b"PK\x03\x04"), lambda: _("a ZIP archive or an office document")),
    (lambda h: h.startswith(b"\x1f\x8b\x08") and h[3:4] < b"\x20", lambda: _("a compressed (gzip) file")),
    (lambda h: h.startswith(b"7z\xbc\xaf\x27\x1c"), lambda: _("a 7-Zip archive")),
    (lambda h: h.startswith(b"Rar!\x1a\x07"), lambda: _("a RAR archive")),
    (lambda h: h.startswith(b"\xd0\xcf\x11\xe0"), lambda: _("an old Microsoft Office document")),
    (lambda h: h.startswith(b"{\\rtf"), lambda: _("a text document (RTF)")),
)


def looks_like(header: bytes) -> str | None:
    """A short description of what ``header`` (a file's first bytes) belongs to, or None."""
    for test, name in _SIGNATURES:
        if test(header):
            return name()
    if _is_text(header):
        stripped = header.lstrip(b"\xef\xbb\xbf \t\r\n")
        if stripped.startswith((b"{", b"[")):
            return _("a JSON file (perhaps a profile export)")
        if stripped.startswith(b"-----BEGIN"):
            return _("a key or certificate file")
        return _("a text file")
    return None


def _is_text(header: bytes) -> bool:
    if not header or b"\x00" in header:
        return False
    try:
        header.decode("utf-8")
    except UnicodeDecodeError:
        # The header may end inside a multi-byte character.
        try:
            header[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True
