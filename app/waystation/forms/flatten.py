"""Flattening: each widget's current appearance drawn into its page, then the widgets and the
field structure removed, so what was filled in stays on the page in every viewer and printer
and nothing can be changed by typing into it.

The page's own content is wrapped in ``q … Q`` first, so a graphics state it leaves behind cannot
move or recolour what is drawn on top. Each appearance is placed the way the PDF format says a
viewer places it (the appearance's box, through its matrix, fitted to the widget's rectangle).
Hidden widgets are left out, as a printer would.
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    StreamObject,
)

from waystation.forms.fields import HIDDEN, NO_VIEW, annotation_flags

Matrix = tuple[float, float, float, float, float, float]


def flatten(writer: PdfWriter) -> int:
    """Draw every form widget into its page and remove the form; how many widgets were drawn."""
    drawn = 0
    counter = 0
    for page in writer.pages:
        annotations = page.get("/Annots")
        annotations = annotations.get_object() if annotations is not None else None
        if not isinstance(annotations, ArrayObject):
            continue
        commands: list[str] = []
        kept = ArrayObject()
        for item in annotations:
            annotation = item.get_object()
            if not isinstance(annotation, DictionaryObject) or annotation.get("/Subtype") != "/Widget":
                kept.append(item)
                continue
            if annotation_flags(annotation) & (HIDDEN | NO_VIEW):
                continue
            appearance = _normal_appearance(annotation)
            rect = _rect(annotation)
            if appearance is None or rect is None:
                continue
            placement = _placement(appearance, rect)
            if placement is None:
                continue
            counter += 1
            name = f"/WsFlat{counter}"
            resources = _resources(page, writer)
            xobjects = resources.get("/XObject")
            xobjects = xobjects.get_object() if xobjects is not None else None
            if not isinstance(xobjects, DictionaryObject):
                xobjects = DictionaryObject()
                resources[NameObject("/XObject")] = xobjects
            xobjects[NameObject(name)] = appearance.indirect_reference or writer._add_object(appearance)
            a, b, c, d, e, f = placement
            commands.append(f"q {a:.6f} {b:.6f} {c:.6f} {d:.6f} {e:.4f} {f:.4f} cm {name} Do Q")
            drawn += 1
        if commands:
            _append_content(writer, page, "\n".join(commands))
        if kept:
            page[NameObject("/Annots")] = kept
        else:
            page.pop(NameObject("/Annots"), None)
    writer.root_object.pop(NameObject("/AcroForm"), None)
    return drawn


def _normal_appearance(annotation: DictionaryObject) -> StreamObject | None:
    appearances = annotation.get("/AP")
    appearances = appearances.get_object() if appearances is not None else None
    if not isinstance(appearances, DictionaryObject):
        return None
    normal = appearances.get("/N")
    normal = normal.get_object() if normal is not None else None
    if isinstance(normal, StreamObject):
        return normal
    if isinstance(normal, DictionaryObject):
        state = annotation.get("/AS")
        chosen = normal.get(str(state)) if state is not None else None
        chosen = chosen.get_object() if chosen is not None else None
        return chosen if isinstance(chosen, StreamObject) else None
    return None


def _rect(annotation: DictionaryObject) -> tuple[float, float, float, float] | None:
    value = annotation.get("/Rect")
    value = value.get_object() if value is not None else None
    if not isinstance(value, ArrayObject) or len(value) != 4:
        return None
    x0, y0, x1, y1 = (float(v) for v in value)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _numbers(value: object, count: int) -> list[float] | None:
    value = value.get_object() if isinstance(value, IndirectObject) else value
    if not isinstance(value, ArrayObject) or len(value) != count:
        return None
    try:
        return [float(v) for v in value]
    except (TypeError, ValueError):
        return None


def _placement(appearance: StreamObject, rect: tuple[float, float, float, float]) -> Matrix | None:
    """The matrix that fits the appearance's transformed box onto ``rect`` (PDF 32000-1,
    12.5.5); the appearance's own matrix is applied by the viewer's Do."""
    box = _numbers(appearance.get("/BBox"), 4)
    if box is None:
        return None
    matrix = _numbers(appearance.get("/Matrix"), 6) or [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    a, b, c, d, e, f = matrix
    corners = [(x * a + y * c + e, x * b + y * d + f) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    if width <= 0 or height <= 0:
        return None
    sx = (rect[2] - rect[0]) / width
    sy = (rect[3] - rect[1]) / height
    return (sx, 0.0, 0.0, sy, rect[0] - min(xs) * sx, rect[1] - min(ys) * sy)


def _resources(page: DictionaryObject, writer: PdfWriter) -> DictionaryObject:
    """The page's resources, made its own when it inherits them from the page tree."""
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    if isinstance(resources, DictionaryObject):
        return resources
    own = DictionaryObject()
    parent = page.get("/Parent")
    for _level in range(32):
        parent = parent.get_object() if parent is not None else None
        if not isinstance(parent, DictionaryObject):
            break
        inherited = parent.get("/Resources")
        inherited = inherited.get_object() if inherited is not None else None
        if isinstance(inherited, DictionaryObject):
            own.update(inherited)
            break
        parent = parent.get("/Parent")
    page[NameObject("/Resources")] = own
    return own


def _append_content(writer: PdfWriter, page: DictionaryObject, commands: str) -> None:
    contents = page.get("/Contents")
    existing = contents.get_object() if contents is not None else None
    if isinstance(existing, ArrayObject):
        parts = list(existing)
    elif contents is not None:
        parts = [contents]
    else:
        parts = []
    before, after = DecodedStreamObject(), DecodedStreamObject()
    before.set_data(b"q\n")
    after.set_data(f"\nQ\n{commands}\n".encode("ascii"))
    page[NameObject("/Contents")] = ArrayObject(
        [writer._add_object(before), *parts, writer._add_object(after.flate_encode())]
    )
