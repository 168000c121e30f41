"""Pages of a PDF scan on their way into a packet, and the packet's own object table.

A foreign page is cleaned *before* pypdf copies it: ``PdfWriter.add_page`` clones everything the
page refers to (annotations with their authors and comments, XMP packets with GPS positions,
JavaScript actions, links to the scan's other pages), so whatever is removed afterwards stays in
the file as objects that nothing refers to. The cleaning keeps only what draws the page (its
boxes, rotation, resources and content) and, inside the resources, drops every entry that can
carry authorship, history, scripts or links. ``drop_unreachable`` then removes from the finished
writer whatever became unreachable while pages were fitted and stamped.
"""

from __future__ import annotations

from pypdf import PageObject, PdfWriter, Transformation
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    RectangleObject,
    StreamObject,
)

from waystation.foreign_pdf import check_time

# What a page needs to be drawn; everything else on a page dictionary (annotations, actions,
# metadata, thumbnails, article beads, piece info, structure links) is left behind.
_PAGE_KEYS_KEPT = frozenset(
    {
        "/Type",
        "/Parent",  # the reader's page tree; add_page never copies it
        "/MediaBox",
        "/CropBox",
        "/BleedBox",
        "/TrimBox",
        "/ArtBox",
        "/Rotate",
        "/Resources",
        "/Contents",
        "/Group",
        "/UserUnit",
    }
)
# Entries anywhere under the resources and contents that carry metadata (XMP, piece info, OPI
# file paths, optional-content creator and user names), point outside the file (reference
# XObjects), or act (actions, scripts, links).
_HIDDEN_KEYS = frozenset(
    {
        "/Metadata",
        "/PieceInfo",
        "/LastModified",
        "/OPI",
        "/Ref",
        "/Usage",
        "/AA",
        "/A",
        "/JS",
        "/URI",
        "/Annots",
        "/Thumb",
    }
)
_DOCUMENT_TYPES = ("/Page", "/Pages", "/Catalog", "/Annot")  # never reached from a page's drawing
_BOX_KEYS = ("/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")
_JPEG_KEEP = {0xE0, 0xEE}  # APP0 (JFIF) and APP14 (Adobe colour transform) are needed to decode
MAX_OBJECTS = 200_000  # objects one page may draw on; a scan needs a few hundred at most
FOOTER_BAND = 19 * 72 / 25.4  # points kept free under a scan's content: the footer and caption


def add_clean_page(writer: PdfWriter, page: PageObject) -> PageObject:
    """Clean ``page`` (a page of a reader), add it to ``writer`` and fit it for the packet; the
    page as added. ValueError for a page that cannot be used."""
    clean_pdf_page(page)
    added = writer.add_page(page)
    fit_pdf_page(added)
    return added


def clean_pdf_page(page: DictionaryObject) -> None:
    """Keep only what draws ``page``; strip metadata, actions and links from everything it draws
    with, and EXIF and other application segments from the JPEG images among them."""
    for key in list(page):
        if key not in _PAGE_KEYS_KEPT:
            del page[key]
    _scrub([value for key, value in page.items() if key != "/Parent"])


def _scrub(roots: list[PdfObject]) -> None:
    stack = list(roots)
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        target = item.get_object() if isinstance(item, IndirectObject) else item
        if target is None or id(target) in seen:
            continue
        seen.add(id(target))
        if len(seen) > MAX_OBJECTS:
            raise ValueError("a page that draws on too many objects")
        if len(seen) % 256 == 0:
            check_time()
        if isinstance(target, DictionaryObject):
            for key in list(target):
                value = target.raw_get(key)  # indexing would resolve the reference
                if key in _HIDDEN_KEYS or _is_document_part(value):
                    del target[key]
                else:
                    stack.append(value)
            if isinstance(target, StreamObject) and _is_jpeg_image(target):
                StreamObject.set_data(target, strip_jpeg_metadata(target._data))
        elif isinstance(target, ArrayObject):
            stack.extend(target)


def _is_document_part(value: PdfObject) -> bool:
    """A reference from a page's resources to a page, the page tree, the catalog or an
    annotation: nothing a page draws with refers to those, and following it would copy them."""
    if not isinstance(value, IndirectObject):
        return False
    target = value.get_object()
    return isinstance(target, DictionaryObject) and target.get("/Type") in _DOCUMENT_TYPES


def _is_jpeg_image(item: StreamObject) -> bool:
    if item.get("/Subtype") != "/Image":
        return False
    filters = item.get("/Filter")
    if isinstance(filters, ArrayObject):
        return len(filters) == 1 and filters[0] == "/DCTDecode"
    return filters == "/DCTDecode"


def fit_pdf_page(page: PageObject) -> None:
    """Turn a page upright and shrink it a little so the footer fits below its content."""
    page.transfer_rotation_to_content()
    box = page.mediabox
    for key in _BOX_KEYS:
        if key in page:
            del page[NameObject(key)]
    left, bottom = float(box.left), float(box.bottom)
    width, height = float(box.width), float(box.height)
    if width <= 0 or height <= 0:
        raise ValueError("a page without size")
    if height > FOOTER_BAND * 2:  # a tiny page keeps its size; the footer overlaps it
        scale = (height - FOOTER_BAND) / height
        tx = left * (1 - scale) + (width - width * scale) / 2
        ty = bottom * (1 - scale) + FOOTER_BAND
        page.add_transformation(Transformation().scale(scale, scale).translate(tx, ty))
    page.mediabox = RectangleObject((left, bottom, left + width, bottom + height))
    page.get_contents()  # a content stream that cannot be read fails here, not in the packet


def drop_unreachable(writer: PdfWriter) -> int:
    """Remove the objects nothing in the document refers to (content streams replaced while a page
    was fitted or stamped); how many were removed.

    pypdf's own ``compress_identical_objects`` looks one reference deep, so chains and cycles of
    unreferenced objects would survive it; this follows every reference from the catalog and the
    document information instead (it reads the writer's object table, pypdf's internal list).
    """
    objects = writer._objects
    reachable: set[int] = set()
    stack: list[object] = [writer.root_object.indirect_reference]
    info = writer._info
    if info is not None:
        stack.append(info.indirect_reference)
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.pdf is not writer or item.idnum in reachable or not 0 < item.idnum <= len(objects):
                continue
            reachable.add(item.idnum)
            stack.append(objects[item.idnum - 1])
        elif isinstance(item, DictionaryObject):
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    removed = 0
    for index, obj in enumerate(objects):
        if obj is not None and index + 1 not in reachable:
            objects[index] = None
            removed += 1
    return removed


def strip_jpeg_metadata(data: bytes) -> bytes:
    """The JPEG without its EXIF, XMP, IPTC, ICC and comment segments (the image data is left
    exactly as it was). Anything that does not parse as a JPEG is returned unchanged."""
    if not data.startswith(b"\xff\xd8"):
        return data
    out = bytearray(b"\xff\xd8")
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return data
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[position:]
            return bytes(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += data[position : position + 2]
            position += 2
            continue
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        end = position + 2 + length
        if length < 2 or end > len(data):
            return data
        is_app = 0xE0 <= marker <= 0xEF
        if not ((is_app and marker not in _JPEG_KEEP) or marker == 0xFE):
            out += data[position:end]
        position = end
    return data
