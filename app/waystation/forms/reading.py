"""``read_form``: a form's fields with their labels, sections, date hints, language and
fingerprint, from the bytes of the PDF (and its password, when it has one)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, cast

from pypdf import PdfReader
from pypdf.errors import LimitReachedError
from pypdf.generic import ArrayObject, DictionaryObject

from waystation.errors import InvalidInput
from waystation.forms import dates, known_labels
from waystation.forms.fields import (
    COMB,
    EDIT,
    HIDDEN,
    MULTI_SELECT,
    MULTILINE,
    NO_VIEW,
    PASSWORD,
    READ_ONLY,
    REQUIRED,
    RawField,
    annotation_flags,
    max_length_of,
    on_states,
    options_of,
    scripts_of,
    text_of,
    walk_fields,
)
from waystation.forms.fingerprint import fingerprint
from waystation.forms.labels import clean_label, page_segments
from waystation.forms.layout import label_fields
from waystation.forms.model import FormField, FormInfo, PageBox, Rect, Widget
from waystation.forms.source import acroform_of, damaged, form_limits, open_pdf, too_big_inside


@dataclass
class OpenedForm:
    """A form read from ``data``: what Waystation knows about it (``info``) and the parsed file
    and raw fields (to fill it)."""

    data: bytes = field(repr=False)
    password: str | None = field(repr=False)
    reader: PdfReader = field(repr=False)
    raw: list[RawField] = field(repr=False)
    info: FormInfo


def read_form(data: bytes, password: str | None = None, *, labels: bool = True) -> OpenedForm:
    """Raises the errors of ``source.open_pdf`` and InvalidInput for a form without fields, an
    XFA-only form, or one over the limits (``source.form_limits``)."""
    with form_limits():
        return _read_form(data, password, labels=labels)


def _read_form(data: bytes, password: str | None, *, labels: bool) -> OpenedForm:
    reader = open_pdf(data, password)
    acroform = acroform_of(reader)
    try:
        raw = walk_fields(acroform, reader.pages)
        _check_contents(reader)
        pages = tuple(_page_box(page) for page in reader.pages)
        basic = [_basic_field(item) for item in raw]
        language = _declared_language(reader)
        title = _title(reader)
    except InvalidInput:
        raise
    except LimitReachedError:
        raise too_big_inside() from None
    except Exception:  # pypdf raises many kinds of errors on damaged files
        raise damaged() from None
    if not basic:
        raise InvalidInput(_no_fields())
    if labels:
        basic = _with_labels(basic, data, password)
    texts = [item.label for item in basic] + [item.tooltip for item in basic]
    language = language or known_labels.guess_language([t for t in texts if t])
    info = FormInfo(
        fields=tuple(_with_date_hint(item, raw_item) for item, raw_item in zip(basic, raw, strict=True)),
        fingerprint=fingerprint(basic),
        pages=pages,
        language=language,
        title=title,
        hybrid_xfa="/XFA" in acroform,
        encrypted=reader.is_encrypted,
    )
    return OpenedForm(data, password, reader, raw, info)


def _check_contents(reader: PdfReader) -> None:
    """Unpack each page's drawing once, under pypdf's size limits, so a page that would unpack
    into gigabytes is refused here with a clear message (LimitReachedError), not met later by
    PDFium while it reads the labels or draws the page."""
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            contents.get_data()


def _no_fields() -> str:
    from waystation.i18n import _

    return _("This PDF has no fields to fill: it is not a fillable form.")


def _page_box(page: Any) -> PageBox:
    box = page.cropbox
    rotation = int(page.get("/Rotate", 0) or 0) % 360
    return PageBox(float(box.left), float(box.bottom), float(box.width), float(box.height), rotation)


def _rect(annotation: DictionaryObject) -> Rect:
    value = annotation.get("/Rect")
    value = value.get_object() if value is not None else None
    if not isinstance(value, ArrayObject) or len(value) != 4:
        return (0.0, 0.0, 0.0, 0.0)
    x0, y0, x1, y1 = (float(v) for v in value)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _basic_field(raw: RawField) -> FormField:
    kind = raw.kind
    flags = raw.flags
    widgets = []
    states: list[str] = []
    for widget in raw.widgets:
        on = on_states(widget.annotation) if kind in ("checkbox", "radio") else []
        for state in on:
            if state not in states:
                states.append(state)
        hidden = bool(annotation_flags(widget.annotation) & (HIDDEN | NO_VIEW))
        widgets.append(Widget(widget.page, _rect(widget.annotation), on[0] if on else None, "", hidden))
    max_length = max_length_of(raw) if kind == "text" else None
    tooltip = raw.get("/TU")
    return FormField(
        name=raw.name,
        kind=kind,
        tooltip=clean_label(text_of(tooltip)) if tooltip is not None else "",
        max_length=max_length,
        comb=kind == "text" and bool(flags & COMB) and max_length is not None,
        multiline=kind == "text" and bool(flags & MULTILINE),
        options=options_of(raw) if kind == "choice" else (),
        states=tuple(states),
        widgets=tuple(widgets),
        value="" if kind == "text" and flags & PASSWORD else text_of(raw.get("/V"))[:2000],
        read_only=bool(flags & READ_ONLY),
        required=bool(flags & REQUIRED),
        editable=kind == "choice" and bool(flags & EDIT),
        multi_select=kind == "choice" and bool(flags & MULTI_SELECT),
    )


def _with_date_hint(item: FormField, raw: RawField) -> FormField:
    hint = None
    if item.kind == "text":
        hint = next((found for s in scripts_of(raw) if (found := dates.from_script(s))), None)
        hint = hint or dates.from_label(f"{item.label} {item.tooltip}")
    return replace(item, date_hint=hint) if hint else item


def _declared_language(reader: PdfReader) -> str | None:
    root = cast(DictionaryObject, reader.trailer["/Root"].get_object())
    declared = root.get("/Lang")
    if declared is None:
        return None
    code = str(declared.get_object()).split("-")[0].split("_")[0].lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def _title(reader: PdfReader) -> str:
    try:
        metadata = reader.metadata
        title = metadata.title if metadata is not None else None
    except Exception:  # an unreadable information dictionary just has no title
        return ""
    text = " ".join(str(title).split())[:200] if title else ""
    return "" if text.lower() in ("untitled", "untitled document") else text


# -- labels and sections -----------------------------------------------------------------------


def _with_labels(fields: list[FormField], data: bytes, password: str | None) -> list[FormField]:
    shown = {widget.page for item in fields for widget in item.widgets if widget.page >= 0}
    if not shown:
        return fields
    return label_fields(fields, page_segments(data, password, range(max(shown) + 1)))
