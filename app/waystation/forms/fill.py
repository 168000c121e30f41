"""Filling a form: the values a mapping takes from the profile written into a copy of the PDF,
each text field given an appearance drawn with embedded font subsets, then optionally flattened,
always cleaned (no scripts, neutral metadata), optionally encrypted (AES-256), as bytes. Nothing
touches the disk here; ``write_filled`` writes the result atomically.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import cast

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import LimitReachedError, PyPdfError
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

from waystation.errors import WaystationError
from waystation.forms.appearance import Box, Colour, draw_boxes
from waystation.forms.cleaning import clean_document
from waystation.forms.fields import RawField, RawWidget, on_states, walk_fields
from waystation.forms.flatten import flatten
from waystation.forms.mapping import FormMap
from waystation.forms.model import FormField
from waystation.forms.reading import OpenedForm
from waystation.forms.report import CheckReport, Finding
from waystation.forms.source import damaged, form_limits, too_big_inside
from waystation.forms.values import OFF, Planned, check_mapping, plan
from waystation.packets.output import write_new_pdf
from waystation.packets.password import check_pdf_password
from waystation.vault.models import Profile

_FONT_SIZE = re.compile(r"([\d.]+)\s+Tf")
_GREY = re.compile(r"([\d.]+)\s+g\b")
_RGB = re.compile(r"([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+rg\b")


@dataclass(frozen=True)
class FillResult:
    pdf: bytes = field(repr=False)
    report: CheckReport
    flattened: bool = False
    encrypted: bool = False


@dataclass
class _Target:
    """A widget that gets a drawn appearance: for a text or choice field (``state`` None), or
    the missing "on" look of a button (``state``)."""

    raw: RawField
    widget: RawWidget
    item: FormField
    state: str | None = None


def fill_form(
    opened: OpenedForm,
    mapping: FormMap,
    profile: Profile,
    *,
    today: date,
    flatten_fields: bool = False,
    password: str | None = None,
    check: Callable[[], None] | None = None,
) -> FillResult:
    """The filled form. InvalidInput when the mapping is for another form or asks a field for
    what it cannot take, or when the PDF password cannot be used."""
    check_mapping(opened.info, mapping)
    if password is not None:
        check_pdf_password(password)
    planned, report = plan(opened.info, mapping, profile, today)
    try:
        with form_limits():
            pdf, overflow = _write(opened, planned, flatten_fields, password, check or (lambda: None))
    except WaystationError:
        raise
    except LimitReachedError:
        raise too_big_inside() from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        raise damaged() from None
    extra = tuple(
        Finding("overflow", item.name, item.display_label)
        for item in opened.info.fields
        if item.name in overflow
    )
    report = replace(report, findings=report.findings + extra)
    return FillResult(pdf, report, flattened=flatten_fields, encrypted=password is not None)


def write_filled(result: FillResult, path: Path, *, force: bool = False) -> None:
    """Under a temporary name in the target folder first, renamed when complete; readable by its
    owner only; an existing file is replaced only with ``force``."""
    write_new_pdf(path, result.pdf, force=force)


def _write(
    opened: OpenedForm,
    planned: list[Planned],
    flatten_fields: bool,
    password: str | None,
    check: Callable[[], None],
) -> tuple[bytes, set[str]]:
    writer = PdfWriter(clone_from=opened.reader)
    acroform = cast(DictionaryObject, writer.root_object["/AcroForm"].get_object())
    raws = {raw.name: raw for raw in walk_fields(acroform, writer.pages)}
    by_name = {entry.field.name: entry for entry in planned}
    targets: list[_Target] = []
    for item in opened.info.fields:
        check()
        raw = raws.get(item.name)
        if raw is None:
            continue
        entry = by_name.get(item.name)
        if item.kind in ("checkbox", "radio"):
            if entry is not None and entry.state is not None:
                targets += _set_state(raw, item, entry.state)
            continue
        if item.kind not in ("text", "choice"):
            continue
        if entry is not None and entry.text is not None:
            _set_value(raw, item, entry.text)
            if entry.text or item.value:
                targets += [_Target(raw, widget, replace(item, value=entry.text)) for widget in raw.widgets]
        elif item.value:  # a value the form already held: drawn too, as viewers are no longer asked to
            targets += [_Target(raw, widget, item) for widget in raw.widgets]
    overflow = _attach(writer, acroform, targets)
    check()
    if flatten_fields:
        flatten(writer)
    clean_document(writer)
    if password is not None:
        writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), overflow


def _set_value(raw: RawField, item: FormField, text: str) -> None:
    raw.node[NameObject("/V")] = TextStringObject(text)
    if item.kind == "choice":
        exports = [option.export for option in item.options]
        if text in exports:
            raw.node[NameObject("/I")] = ArrayObject([NumberObject(exports.index(text))])
        else:
            raw.node.pop(NameObject("/I"), None)


def _set_state(raw: RawField, item: FormField, state: str) -> list[_Target]:
    raw.node[NameObject("/V")] = NameObject(f"/{state}")
    missing = []
    for widget in raw.widgets:
        own = on_states(widget.annotation)
        if state == OFF or (own and state not in own):
            widget.annotation[NameObject("/AS")] = NameObject("/Off")
            continue
        widget.annotation[NameObject("/AS")] = NameObject(f"/{state}")
        if state not in own:
            missing.append(_Target(raw, widget, item, state))
    return missing


def _attach(writer: PdfWriter, acroform: DictionaryObject, targets: list[_Target]) -> set[str]:
    """Draw every target's appearance and give it to its widget; the fields that overflowed."""
    if not targets:
        return set()
    boxes = [_box(target, acroform) for target in targets]
    drawn = draw_boxes([box for box, _matrix in boxes])
    pages = PdfReader(io.BytesIO(drawn.pdf)).pages
    overflow = set()
    for target, (box, matrix), page, spilled in zip(targets, boxes, pages, drawn.overflow, strict=True):
        stream = _xobject(writer, page, box, matrix)
        annotation = target.widget.annotation
        if target.state is None:
            annotation[NameObject("/AP")] = DictionaryObject({NameObject("/N"): stream})
        else:
            _add_state_look(annotation, target.state, stream)
        if spilled:
            overflow.add(target.item.name)
    return overflow


def _add_state_look(annotation: DictionaryObject, state: str, stream: IndirectObject) -> None:
    looks = annotation.get("/AP")
    looks = looks.get_object() if looks is not None else None
    if not isinstance(looks, DictionaryObject):
        looks = DictionaryObject()
        annotation[NameObject("/AP")] = looks
    normal = looks.get("/N")
    normal = normal.get_object() if normal is not None else None
    if not isinstance(normal, DictionaryObject) or "/Filter" in normal or "/BBox" in normal:
        normal = DictionaryObject()
        looks[NameObject("/N")] = normal
    normal[NameObject(f"/{state}")] = stream
    looks.pop(NameObject("/D"), None)  # a "down" look without the new state would show nothing


def _xobject(writer: PdfWriter, page: PageObject, box: Box, matrix: list[float] | None) -> IndirectObject:
    stream = DecodedStreamObject()
    contents = page.get_contents()
    stream.set_data(contents.get_data() if contents is not None else b"")
    stream[NameObject("/Type")] = NameObject("/XObject")
    stream[NameObject("/Subtype")] = NameObject("/Form")
    stream[NameObject("/BBox")] = ArrayObject(
        [FloatObject(0), FloatObject(0), FloatObject(box.width), FloatObject(box.height)]
    )
    if matrix is not None:
        stream[NameObject("/Matrix")] = ArrayObject([FloatObject(v) for v in matrix])
    resources = page.get("/Resources")
    if resources is not None:
        stream[NameObject("/Resources")] = _cloned(resources, writer)
    return writer._add_object(stream.flate_encode())


def _cloned(value: PdfObject, writer: PdfWriter) -> PdfObject:
    copy = value.clone(writer)
    reference = getattr(copy, "indirect_reference", None)
    return reference if isinstance(reference, IndirectObject) and reference.pdf is writer else copy


# -- a widget's look: size, rotation, colours, font size, alignment ------------------------------


def _box(target: _Target, acroform: DictionaryObject) -> tuple[Box, list[float] | None]:
    annotation = target.widget.annotation
    x0, y0, x1, y1 = _rect(annotation)
    width, height = x1 - x0, y1 - y0
    looks = _dict(annotation.get("/MK"))
    rotation = int(_number(looks.get("/R"), 0)) % 360 if looks is not None else 0
    if rotation in (90, 270):
        width, height = height, width
    matrix = _rotation_matrix(rotation, width, height)
    appearance = str(annotation.get("/DA") or target.raw.get("/DA") or acroform.get("/DA") or "")
    border = _colour(looks.get("/BC")) if looks is not None else None
    item = target.item
    base = Box(
        width=max(width, 1.0),
        height=max(height, 1.0),
        size=_font_size(appearance),
        colour=_text_colour(appearance),
        align=int(_number(target.raw.get("/Q", acroform.get("/Q")), 0)) % 3,
        background=_colour(looks.get("/BG")) if looks is not None else None,
        border=border,
        border_width=_border_width(annotation) if border is not None else 0.0,
    )
    if target.state is not None:
        return replace(
            base, background=None, border=None, mark="dot" if item.kind == "radio" else "check"
        ), matrix
    if item.kind == "choice":
        shown = next((o.shown for o in item.options if o.export == item.value), item.value)
        if not (int(_number(target.raw.get("/Ff"), 0)) & (1 << 17)):  # a list box, not a combo box
            choices = tuple(o.shown for o in item.options)
            chosen = next((i for i, o in enumerate(item.options) if o.export == item.value), -1)
            return replace(base, choices=choices, chosen=chosen), matrix
        return replace(base, text=shown), matrix
    comb = item.max_length if item.comb and item.max_length else 0
    return replace(base, text=item.value, multiline=item.multiline, comb=comb), matrix


def _rotation_matrix(rotation: int, width: float, height: float) -> list[float] | None:
    """For a widget turned by /MK /R: its appearance is drawn upright in a ``width`` × ``height``
    box and turned onto the page."""
    if rotation == 90:
        return [0, 1, -1, 0, height, 0]
    if rotation == 180:
        return [-1, 0, 0, -1, width, height]
    if rotation == 270:
        return [0, -1, 1, 0, 0, width]
    return None


def _dict(value: object) -> DictionaryObject | None:
    value = value.get_object() if isinstance(value, IndirectObject) else value
    return value if isinstance(value, DictionaryObject) else None


def _number(value: object, default: float) -> float:
    value = value.get_object() if isinstance(value, IndirectObject) else value
    try:
        return float(value) if value is not None else default  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _rect(annotation: DictionaryObject) -> tuple[float, float, float, float]:
    value = annotation.get("/Rect")
    value = value.get_object() if value is not None else None
    if not isinstance(value, ArrayObject) or len(value) != 4:
        return (0.0, 0.0, 1.0, 1.0)
    x0, y0, x1, y1 = (float(v) for v in value)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _colour(value: object) -> Colour | None:
    value = value.get_object() if isinstance(value, IndirectObject) else value
    if not isinstance(value, ArrayObject):
        return None
    try:
        parts = [min(1.0, max(0.0, float(v))) for v in value]
    except (TypeError, ValueError):
        return None
    if len(parts) == 1:
        return (parts[0], parts[0], parts[0])
    if len(parts) == 3:
        return (parts[0], parts[1], parts[2])
    if len(parts) == 4:
        c, m, y, k = parts
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def _border_width(annotation: DictionaryObject) -> float:
    style = _dict(annotation.get("/BS"))
    if style is not None and "/W" in style:
        return max(0.0, min(_number(style.get("/W"), 1.0), 6.0))
    return 1.0


def _font_size(appearance: str) -> float:
    match = _FONT_SIZE.search(appearance)
    size = float(match.group(1)) if match else 0.0
    return size if 0 < size <= 72 else 0.0


def _text_colour(appearance: str) -> Colour:
    if match := _RGB.search(appearance):
        return (float(match.group(1)), float(match.group(2)), float(match.group(3)))
    if match := _GREY.search(appearance):
        grey = float(match.group(1))
        return (grey, grey, grey)
    return (0.0, 0.0, 0.0)
