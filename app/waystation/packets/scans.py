"""Scans for a packet: images re-encoded so nothing but pixels reaches the PDF, PDFs checked.

Images are decoded and encoded again as a fresh JPEG in memory: EXIF (camera, GPS, time), XMP,
ICC and comment chunks stay behind. The EXIF orientation is applied first, so a phone photo still
prints upright. Pixels are capped (``MAX_PIXELS``) before anything is decoded, against
decompression bombs, and so is the shape (``MAX_ASPECT``): a 49,999,999 × 1 image passes the pixel
cap, but shrinking it to a printable size would need gigabytes (the resampling weights grow with
the scale) and print a line one pixel high. The printed size is capped (``MAX_SIDE``), which also
keeps packets small and fast to build; large images are first reduced by whole factors, so
shrinking never needs more memory than the image itself. Nothing is written to disk.

PDFs from the vault are parsed here, within limits (foreign_pdf.py: pages, objects, stream sizes,
time), to count their pages, and each page is tried once on a scratch copy exactly as the packet
will take it (cleaned first, see pdf_pages.py).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError
from pypdf import PdfWriter

from waystation.foreign_pdf import PdfRefused, check_time, limited, open_limited
from waystation.i18n import _
from waystation.packets.pdf_pages import add_clean_page
from waystation.vault.filetypes import sniff_mime
from waystation.vault.models import DocumentInfo

MAX_PIXELS = 50_000_000
MAX_SIDE = 2000  # pixels on the long side: about 170 dpi on A4, plenty for a document scan
MAX_ASPECT = 100  # long side / short side: a till receipt is 1:5; a 1:100 strip is no document
JPEG_QUALITY = 85

_IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/tiff", "image/bmp", "image/webp")


class ScanRefused(Exception):
    """A scan that cannot go into the packet; ``reason`` is a translated phrase."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PreparedImage:
    document: DocumentInfo
    jpeg: bytes
    width: int
    height: int


@dataclass(frozen=True)
class PreparedPdf:
    document: DocumentInfo
    data: bytes
    pages: int


@dataclass(frozen=True)
class SkippedScan:
    document: DocumentInfo
    reason: str


Prepared = PreparedImage | PreparedPdf | SkippedScan


@dataclass(frozen=True)
class OpenedImage:
    """An image whose header was read and whose size was checked; not decoded yet."""

    document: DocumentInfo
    image: Image.Image


def open_scan(document: DocumentInfo, data: bytes) -> Prepared | OpenedImage:
    """The quick first half, on the calling thread: recognise the document, count a PDF's pages,
    read an image's header and refuse it if it is too large to decode."""
    mime = sniff_mime(data)
    try:
        if mime == "application/pdf":
            return PreparedPdf(document, data, count_pdf_pages(data))
        if mime in _IMAGE_TYPES:
            return OpenedImage(document, open_image(data))
        if mime == "image/heic":
            raise ScanRefused(_("HEIC photos cannot be read yet; add it as JPEG or PDF"))
        raise ScanRefused(_("it is neither an image nor a PDF"))
    except ScanRefused as refused:
        return SkippedScan(document, refused.reason)


def finish_scan(opened: OpenedImage) -> PreparedImage | SkippedScan:
    """The slow second half, safe on a worker thread: decode and re-encode the image."""
    try:
        jpeg, width, height = encode_clean(opened.image)
    except ScanRefused as refused:
        return SkippedScan(opened.document, refused.reason)
    return PreparedImage(opened.document, jpeg, width, height)


def prepare_scan(document: DocumentInfo, data: bytes) -> Prepared:
    """The document ready for the packet, or why it was skipped."""
    first = open_scan(document, data)
    return finish_scan(first) if isinstance(first, OpenedImage) else first


def fitted_size(width: int, height: int, longest: int) -> tuple[int, int]:
    scale = min(1.0, longest / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def reencode_image(data: bytes) -> tuple[bytes, int, int]:
    """A clean JPEG of the image in ``data``: (jpeg, width, height). Raises ScanRefused."""
    return encode_clean(open_image(data))


def open_image(data: bytes) -> Image.Image:
    """The image in ``data`` with only its header read; ScanRefused when it is unreadable or
    has more than MAX_PIXELS pixels (nothing has been decoded by then)."""
    image = _open(data)
    width, height = image.size
    if (
        width * height > MAX_PIXELS
        or width < 1
        or height < 1
        or max(width, height) > MAX_ASPECT * min(width, height)
    ):
        image.close()
        if width < 1 or height < 1:
            raise ScanRefused(_("the image is empty"))
        if width * height > MAX_PIXELS:
            raise ScanRefused(_too_large(width, height))
        raise ScanRefused(
            _("the image is too long and narrow to print ({width} × {height} pixels)").format(
                width=width, height=height
            )
        )
    return image


def encode_clean(image: Image.Image) -> tuple[bytes, int, int]:
    """Decode ``image`` (closing it) and encode it again as a JPEG with nothing but pixels:
    upright, flattened to RGB or grey, in sRGB, at most MAX_SIDE pixels on its long side."""
    try:
        if image.format == "JPEG":
            # decode at 1/2, 1/4 or 1/8 scale straight away when that is still big enough
            image.draft("L" if image.mode == "L" else "RGB", fitted_size(*image.size, MAX_SIDE))
        image.load()
        icc = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image)
        flat = _to_srgb(_flatten(upright), icc)
        if max(flat.size) > MAX_SIDE:
            # reducing_gap: reduce by a whole factor first (cheap), then resample the rest
            flat = flat.resize(fitted_size(*flat.size, MAX_SIDE), Image.Resampling.LANCZOS, reducing_gap=3.0)
        flat.info = {}  # no EXIF, XMP, ICC or comment may be carried into the new file
        out = io.BytesIO()
        flat.save(out, "JPEG", quality=JPEG_QUALITY)
        return out.getvalue(), flat.width, flat.height
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ScanRefused(_("the image is damaged or cannot be read")) from None
    except MemoryError:
        raise ScanRefused(_("the image is too large to open safely")) from None
    finally:
        image.close()


def _too_large(width: int, height: int) -> str:
    return _("the image is too large ({width} × {height} pixels; the limit is {limit} megapixels)").format(
        width=width, height=height, limit=MAX_PIXELS // 1_000_000
    )


def _open(data: bytes) -> Image.Image:
    # Pillow warns about, then refuses, huge images while reading the header; both mean no.
    # catch_warnings changes process-wide state, so this runs on one thread only (open_scan).
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ScanRefused(_("the image is too large to open safely")) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise ScanRefused(_("the image is damaged or cannot be read")) from None


def _flatten(image: Image.Image) -> Image.Image:
    """RGB or greyscale, transparency laid on white."""
    if image.mode in ("L", "RGB"):
        return image
    if image.mode in ("1", "I;16", "I;16B", "I;16L", "I", "F"):
        return image.convert("L")
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _to_srgb(image: Image.Image, icc: object) -> Image.Image:
    """Colours as the embedded profile meant them, in sRGB (the profile itself is dropped)."""
    if not isinstance(icc, bytes) or not icc or image.mode != "RGB":
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"))
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image
    return converted if isinstance(converted, Image.Image) else image


def count_pdf_pages(data: bytes) -> int:
    """How many pages the PDF has; ScanRefused when it is locked, damaged, over a limit (pages,
    objects, stream sizes, time: foreign_pdf.py), or has a page that could not be merged (each
    page is tried here, on a scratch copy, so that the packet itself never fails half-way)."""
    try:
        with limited():
            reader = open_limited(data)
            scratch = PdfWriter()
            for page in reader.pages:
                check_time()
                add_clean_page(scratch, page)
            return len(reader.pages)
    except PdfRefused as refused:
        raise ScanRefused(refused.phrase()) from None
