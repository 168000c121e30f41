"""Walking a form's AcroForm field tree, with limits, into terminal fields and their widgets.

The same walk serves reading (a PdfReader's objects) and filling (a PdfWriter's clone): a field
is found by its fully qualified name either way. Attributes the PDF format lets a field inherit
from its parents (type, flags, value, default appearance, alignment, maximum length) are
inherited. A tree that loops, nests too deep, or holds more fields or widgets than the limits is
refused with a clear message rather than read without end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    PdfObject,
    StreamObject,
)

from waystation.errors import InvalidInput
from waystation.forms.model import FieldKind, Option
from waystation.i18n import _

MAX_FIELDS = 2000
MAX_WIDGETS = 5000
MAX_DEPTH = 24
MAX_OPTIONS = 2000
MAX_SCRIPT_CHARS = 64 * 1024
INHERITED = ("/FT", "/Ff", "/V", "/DV", "/DA", "/Q", "/MaxLen")

# field flags (PDF 32000-1, tables 221, 226, 228, 230), as bit values
READ_ONLY = 1 << 0
REQUIRED = 1 << 1
MULTILINE = 1 << 12
PASSWORD = 1 << 13
RADIO = 1 << 15
PUSHBUTTON = 1 << 16
COMBO = 1 << 17
EDIT = 1 << 18
MULTI_SELECT = 1 << 21
COMB = 1 << 24
# annotation flags
HIDDEN = 1 << 1
NO_VIEW = 1 << 5


@dataclass
class RawWidget:
    annotation: DictionaryObject
    page: int  # -1 when no page shows it


@dataclass
class RawField:
    """A terminal field as found in the PDF: its dictionary, its widgets and what it inherits."""

    name: str
    node: DictionaryObject
    widgets: list[RawWidget]
    inherited: dict[str, PdfObject] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        if key in self.node:
            return self.node[key]
        return self.inherited.get(key, default)

    @property
    def flags(self) -> int:
        try:
            return int(self.get("/Ff", 0))
        except (TypeError, ValueError):
            return 0

    @property
    def kind(self) -> FieldKind:
        kind = str(self.get("/FT", ""))
        flags = self.flags
        if kind == "/Tx":
            return "text"
        if kind == "/Ch":
            return "choice"
        if kind == "/Sig":
            return "signature"
        if kind == "/Btn":
            if flags & PUSHBUTTON:
                return "button"
            return "radio" if flags & RADIO else "checkbox"
        return "button"  # a field without a type cannot be filled; shown as a button


def _too_many(what: str, limit: int) -> InvalidInput:
    if what == "fields":
        message = _(
            "The form has more than {limit} fields; Waystation fills forms with up to {limit} fields."
        )
    else:
        message = _(
            "The form's field structure is too large or loops ({limit}); Waystation will not read it."
        )
    return InvalidInput(message.format(limit=limit))


def page_of_annotations(pages: Any) -> dict[int, int]:
    """Which page shows each annotation (keyed by the annotation's object number)."""
    found: dict[int, int] = {}
    for index, page in enumerate(pages):
        annotations = page.get("/Annots")
        annotations = annotations.get_object() if annotations is not None else None
        if not isinstance(annotations, ArrayObject):
            continue
        for item in annotations:
            if isinstance(item, IndirectObject):
                found.setdefault(item.idnum, index)
    return found


def walk_fields(acroform: DictionaryObject, pages: Any) -> list[RawField]:
    """Every terminal field of the form, in the order of the tree."""
    where = page_of_annotations(pages)
    top = acroform.get("/Fields")
    top = top.get_object() if top is not None else None
    if not isinstance(top, ArrayObject):
        return []
    found: list[RawField] = []
    seen: set[int] = set()
    widgets = 0
    stack: list[tuple[PdfObject, str, dict[str, PdfObject], int]] = [
        (item, "", {}, 0) for item in reversed(top)
    ]
    while stack:
        reference, parent_name, inherited, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _too_many("depth", MAX_DEPTH)
        node = _resolve(reference, seen)
        if node is None:
            continue
        if len(seen) > MAX_FIELDS + MAX_WIDGETS:
            raise _too_many("nodes", MAX_FIELDS + MAX_WIDGETS)
        partial = node.get("/T")
        name = parent_name if partial is None else _join(parent_name, str(partial))
        here = dict(inherited)
        for key in INHERITED:
            if key in node:
                here[key] = node[key]
        kids = node.get("/Kids")
        kids = kids.get_object() if kids is not None else None
        child_fields = []
        child_widgets = []
        if isinstance(kids, ArrayObject):
            for kid in kids:
                target = kid.get_object() if isinstance(kid, IndirectObject) else kid
                if isinstance(target, DictionaryObject) and "/T" in target:
                    child_fields.append(kid)
                else:
                    child_widgets.append(kid)
        if child_fields:
            stack.extend((kid, name, here, depth + 1) for kid in reversed(child_fields))
        if not name or (child_fields and not child_widgets):
            continue
        raw = RawField(name, node, [], {k: v for k, v in here.items() if k not in node})
        for kid in child_widgets:
            annotation = _resolve(kid, seen)
            if annotation is not None:
                raw.widgets.append(RawWidget(annotation, _page(kid, where)))
        if not child_widgets and node.get("/Subtype") == "/Widget":
            raw.widgets.append(RawWidget(node, _page(reference, where)))
        widgets += len(raw.widgets)
        found.append(raw)
        if len(found) > MAX_FIELDS:
            raise _too_many("fields", MAX_FIELDS)
        if widgets > MAX_WIDGETS:
            raise _too_many("widgets", MAX_WIDGETS)
    return _unique(found)


def _unique(found: list[RawField]) -> list[RawField]:
    """Two terminal fields of the same name are one field in a PDF viewer; keep the first and
    give the other's widgets to it."""
    by_name: dict[str, RawField] = {}
    for raw in found:
        if raw.name in by_name:
            by_name[raw.name].widgets.extend(raw.widgets)
        else:
            by_name[raw.name] = raw
    return list(by_name.values())


def _join(parent: str, partial: str) -> str:
    return f"{parent}.{partial}" if parent else partial


def _resolve(reference: PdfObject, seen: set[int]) -> DictionaryObject | None:
    if isinstance(reference, IndirectObject):
        if reference.idnum in seen:
            return None  # a loop, or a field listed twice
        seen.add(reference.idnum)
    target = reference.get_object() if reference is not None else None
    return target if isinstance(target, DictionaryObject) else None


def _page(reference: PdfObject, where: dict[int, int]) -> int:
    if isinstance(reference, IndirectObject):
        return where.get(reference.idnum, -1)
    return -1


# -- reading attributes ------------------------------------------------------------------------


def text_of(value: Any) -> str:
    """A field value or option as text: strings as they are, names without their slash, arrays
    joined."""
    value = value.get_object() if isinstance(value, IndirectObject) else value
    if value is None:
        return ""
    if isinstance(value, NameObject):
        return str(value)[1:]
    if isinstance(value, ArrayObject):
        return ", ".join(text_of(item) for item in value)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)


def options_of(raw: RawField) -> tuple[Option, ...]:
    options = raw.get("/Opt")
    options = options.get_object() if options is not None else None
    if not isinstance(options, ArrayObject):
        return ()
    if len(options) > MAX_OPTIONS:
        raise InvalidInput(
            _(
                "The form's field {name} offers more than {limit} choices; Waystation will not read it."
            ).format(name=raw.name, limit=MAX_OPTIONS)
        )
    found = []
    for item in options:
        item = item.get_object() if isinstance(item, IndirectObject) else item
        if isinstance(item, ArrayObject) and len(item) >= 2:
            found.append(Option(text_of(item[0]), text_of(item[1])))
        else:
            found.append(Option(text_of(item), text_of(item)))
    return tuple(found)


def on_states(annotation: DictionaryObject) -> list[str]:
    """The names of a button widget's "on" appearances (everything but Off)."""
    appearances = annotation.get("/AP")
    appearances = appearances.get_object() if appearances is not None else None
    if not isinstance(appearances, DictionaryObject):
        return []
    normal = appearances.get("/N")
    normal = normal.get_object() if normal is not None else None
    if not isinstance(normal, DictionaryObject) or isinstance(normal, StreamObject):
        return []
    return [str(key)[1:] for key in normal if key != "/Off"]


def max_length_of(raw: RawField) -> int | None:
    value = raw.get("/MaxLen")
    try:
        length = int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
    return length if length is not None and length > 0 else None


def scripts_of(raw: RawField) -> list[str]:
    """The text of the field's format and keystroke scripts (read, never run), to learn the
    date format a field expects."""
    found = []
    for holder in [raw.node, *(widget.annotation for widget in raw.widgets)]:
        actions = holder.get("/AA")
        actions = actions.get_object() if actions is not None else None
        if not isinstance(actions, DictionaryObject):
            continue
        for key in ("/F", "/K"):
            action = actions.get(key)
            action = action.get_object() if action is not None else None
            if isinstance(action, DictionaryObject):
                found.append(_script_text(action.get("/JS")))
    return [text for text in found if text]


def _script_text(script: Any) -> str:
    script = script.get_object() if isinstance(script, IndirectObject) else script
    if isinstance(script, StreamObject):
        try:
            data = script.get_data()
        except Exception:  # a damaged or oversized script is simply not read
            return ""
        return data[:MAX_SCRIPT_CHARS].decode("latin-1", errors="replace")
    return str(script)[:MAX_SCRIPT_CHARS] if script is not None else ""


def annotation_flags(annotation: DictionaryObject) -> int:
    try:
        return int(annotation.get("/F", 0))
    except (TypeError, ValueError):
        return 0
