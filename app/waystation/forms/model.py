"""What Waystation knows about a form: its fields as plain typed values (no PDF objects)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FieldKind = Literal["text", "checkbox", "radio", "choice", "signature", "button"]

Rect = tuple[float, float, float, float]  # left, bottom, right, top in the page's user space

# Where a field stands in the form, from the headings above it: whose details it asks for.
Section = Literal["", "applicant", "spouse", "child", "parent", "other_person"]


@dataclass(frozen=True)
class Widget:
    """One place on a page where a field shows. ``state`` is the on-state of a checkbox or
    radio widget (its export name, without the slash); ``label`` the text printed next to it."""

    page: int  # 0-based
    rect: Rect
    state: str | None = None
    label: str = ""
    hidden: bool = False


@dataclass(frozen=True)
class Option:
    """A choice of a choice field: the value stored (``export``) and the text shown."""

    export: str
    shown: str


@dataclass(frozen=True)
class FormField:
    name: str  # fully qualified ("applicant.name"), unique in the form
    kind: FieldKind
    label: str = ""  # the printed text nearest to it, if one was found
    tooltip: str = ""  # the form's own description of the field (/TU)
    max_length: int | None = None
    comb: bool = False
    multiline: bool = False
    options: tuple[Option, ...] = ()
    states: tuple[str, ...] = ()  # on-states of a checkbox or radio group
    widgets: tuple[Widget, ...] = ()
    value: str = ""
    read_only: bool = False
    required: bool = False
    editable: bool = False  # a combo box that also takes typed text
    multi_select: bool = False
    date_hint: str | None = None  # a date format the form itself declares, e.g. "DD.MM.YYYY"
    section: Section = ""
    section_index: int = 0  # 1 for the first child block, 2 for the second...
    context: str = ""  # the heading above it, when another field has the same label

    @property
    def fillable(self) -> bool:
        return self.kind in ("text", "checkbox", "radio", "choice") and not self.read_only

    @property
    def page(self) -> int:
        return self.widgets[0].page if self.widgets else 0

    @property
    def display_label(self) -> str:
        """What to call the field for a person: its printed label, its description, its name."""
        name = self.label or self.tooltip or self.name
        return f"{name} ({self.context})" if self.context else name


@dataclass(frozen=True)
class PageBox:
    """A page's visible area (the crop box) and its rotation, to place fields on its picture."""

    left: float
    bottom: float
    width: float
    height: float
    rotation: int = 0


@dataclass(frozen=True)
class FormInfo:
    fields: tuple[FormField, ...]
    fingerprint: str
    pages: tuple[PageBox, ...]
    language: str | None = None  # the form's language (declared, or guessed from its labels)
    title: str = ""
    hybrid_xfa: bool = False  # an AcroForm that also carries XFA (dropped when filling)
    encrypted: bool = False

    def field(self, name: str) -> FormField | None:
        for item in self.fields:
            if item.name == name:
                return item
        return None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.fields)
