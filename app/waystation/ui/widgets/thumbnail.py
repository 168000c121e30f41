"""Pictures of stored documents, made in memory only: never a thumbnail cache, never a temporary
file. Images are decoded straight from the vault's bytes at the size needed; PDFs show a generic
icon and their page count, read within the limits for foreign PDFs (foreign_pdf.py). Decoding
(``thumbnail_image``, ``describe``) is safe on a worker thread; turning the result into a pixmap
(``thumbnail_from_image``) happens on the UI thread.

Every image is hostile until its header says otherwise: its size is read first, and an image of
more than ``MAX_PIXELS`` pixels (a decompression bomb) or of a shape no document has is never
decoded; Qt's allocation limit (``ALLOCATION_LIMIT_MB``) backs that up inside the decoders, and
Qt's PNG reader caps text chunks by itself."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QPainter, QPixmap

from waystation.foreign_pdf import PdfRefused, page_count
from waystation.i18n import _, ngettext
from waystation.ui.icons import render
from waystation.vault.filetypes import is_image

PDF = "application/pdf"
MAX_PIXELS = 50_000_000  # as for packets (packets/scans.py)
MAX_ASPECT = 100  # long side / short side, as for packets
ALLOCATION_LIMIT_MB = 256  # what Qt may allocate for one decoded image: 50 MP at 4 bytes, and some


def _reader(data: bytes) -> tuple[QImageReader, QBuffer]:
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    return reader, buffer


def image_size(data: bytes) -> QSize | None:
    """The pixel size from the image's header, without decoding it."""
    reader, buffer = _reader(data)
    size = reader.size()
    buffer.close()
    return size if size.isValid() else None


def safe_to_decode(size: QSize) -> bool:
    """An image of this size (from its header) may be decoded: known, at most MAX_PIXELS pixels,
    and not a sliver (a 49,999,999 × 1 strip would scale to nothing)."""
    width, height = size.width(), size.height()
    if not size.isValid() or width < 1 or height < 1:
        return False
    return width * height <= MAX_PIXELS and max(width, height) <= MAX_ASPECT * min(width, height)


def decode_image(data: bytes, fit: QSize | None = None) -> QImage | None:
    """The image in ``data`` (turned upright per its EXIF orientation), scaled down to fit ``fit``
    while it is decoded (JPEG decodes at the smaller size directly); None if Qt cannot read it
    or it is not safe to decode."""
    reader, buffer = _reader(data)
    try:
        size = reader.size()
        if not safe_to_decode(size):
            return None
        if fit is not None and (size.width() > fit.width() or size.height() > fit.height()):
            scaled = size.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio)
            reader.setScaledSize(QSize(max(1, scaled.width()), max(1, scaled.height())))
        image = reader.read()
    finally:
        buffer.close()
    return None if image.isNull() else image


def pdf_page_count(data: bytes) -> int | None:
    """How many pages a PDF has; None when it cannot be read (damaged, encrypted, or over one of
    the limits for foreign PDFs: pages, objects, stream sizes, time)."""
    try:
        return page_count(data)
    except PdfRefused:
        return None


def screen_ratio() -> float:
    """Device pixels per logical pixel (read on the UI thread, handed to workers)."""
    app = QGuiApplication.instance()
    return app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0


def thumbnail_image(data: bytes, mime: str, size: int, ratio: float = 1.0) -> QImage | None:
    """The image in ``data`` fitted into ``size``×``size`` logical pixels at ``ratio``; None for
    what is not an image Qt can read. Safe on a worker thread (a QImage, never a QPixmap)."""
    if not is_image(mime):
        return None
    pixels = round(size * ratio)  # sharp on high-DPI screens
    image = decode_image(data, QSize(pixels, pixels))
    if image is not None:
        image.setDevicePixelRatio(ratio)
    return image


def thumbnail_from_image(image: QImage | None, mime: str, size: int) -> QPixmap:
    """On the UI thread: ``image`` (from ``thumbnail_image``), or an icon for the type, centred on
    a transparent ``size``×``size`` square (so a list of portrait and landscape scans stays aligned)."""
    if image is not None:
        if max(image.width(), image.height()) / image.devicePixelRatio() > size + 0.5:
            image = image.scaled(
                round(size * image.devicePixelRatio()),
                round(size * image.devicePixelRatio()),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        picture = QPixmap.fromImage(image)
    else:
        picture = render("image" if is_image(mime) else "pdf" if mime == PDF else "file", size)
    return _centred(picture, size)


def thumbnail(data: bytes, mime: str, size: int) -> QPixmap:
    """A picture of a document centred on a transparent ``size``×``size`` square: the image
    itself, or an icon for its type (decoded here: on the UI thread only for small work)."""
    return thumbnail_from_image(thumbnail_image(data, mime, size, screen_ratio()), mime, size)


def _centred(picture: QPixmap, size: int) -> QPixmap:
    ratio = picture.devicePixelRatio()
    square = QPixmap(round(size * ratio), round(size * ratio))
    square.setDevicePixelRatio(ratio)
    square.fill(Qt.GlobalColor.transparent)
    painter = QPainter(square)
    width, height = picture.width() / ratio, picture.height() / ratio
    painter.drawPixmap(round((size - width) / 2), round((size - height) / 2), picture)
    painter.end()
    return square


def describe(data: bytes, mime: str) -> str:
    """What the document is, e.g. "PDF, 2 pages" or "Image, 900 × 620 pixels"."""
    if mime == PDF:
        pages = pdf_page_count(data)
        if pages is None:
            return _("PDF (its pages cannot be counted)")
        return ngettext("PDF, {n} page", "PDF, {n} pages", pages).format(n=pages)
    if is_image(mime):
        size = image_size(data)
        if size is None:
            return _("Image that cannot be shown here ({type})").format(type=mime)
        return _("Image, {width} × {height} pixels").format(width=size.width(), height=size.height())
    return _("File of type {type}").format(type=mime)
