"""What a filled form must not carry: the form's scripts and the traces of who made or filled it.

Scripts go (document scripts, open actions, page and field actions, calculation orders): they
were never run here and must not run in the viewer either, where a format or calculation script
could rewrite the values written. The XMP metadata, page-level metadata and piece information
go, the document information names the producer only (no title, author or dates with a time
zone), usage-rights signatures that filling invalidates go, and so does an XFA copy of the form
that would show stale values in Adobe Reader. Objects left unreferenced are dropped.
"""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from waystation.packets.pdf_pages import drop_unreachable
from waystation.packets.stamping import PRODUCER

_CATALOG_KEYS = ("/AA", "/Metadata", "/PieceInfo", "/Perms", "/NeedsRendering", "/SpiderInfo", "/Legal")
_PAGE_KEYS = ("/AA", "/Metadata", "/PieceInfo", "/Thumb")
_ACROFORM_KEYS = ("/XFA", "/CO", "/NeedAppearances")
MAX_ANNOTATIONS = 20_000


def clean_document(writer: PdfWriter) -> None:
    root = writer.root_object
    for key in _CATALOG_KEYS:
        root.pop(NameObject(key), None)
    opening = root.get("/OpenAction")
    if isinstance(opening, IndirectObject):
        opening = opening.get_object()
    if isinstance(opening, DictionaryObject):  # an action (a destination is an array: kept)
        del root[NameObject("/OpenAction")]
    names = root.get("/Names")
    names = names.get_object() if names is not None else None
    if isinstance(names, DictionaryObject):
        names.pop(NameObject("/JavaScript"), None)
    acroform = root.get("/AcroForm")
    acroform = acroform.get_object() if acroform is not None else None
    if isinstance(acroform, DictionaryObject):
        for key in _ACROFORM_KEYS:
            acroform.pop(NameObject(key), None)
        _clean_fields(acroform)
    for page in writer.pages:
        for key in _PAGE_KEYS:
            page.pop(NameObject(key), None)
        annotations = page.get("/Annots")
        annotations = annotations.get_object() if annotations is not None else None
        if isinstance(annotations, ArrayObject):
            for item in list(annotations)[:MAX_ANNOTATIONS]:
                annotation = item.get_object()
                if isinstance(annotation, DictionaryObject):
                    _clean_actions(annotation)
    writer.metadata = {"/Producer": PRODUCER, "/Creator": PRODUCER}  # the form's title, author, dates go
    drop_unreachable(writer)


def _clean_actions(holder: DictionaryObject) -> None:
    holder.pop(NameObject("/AA"), None)
    action = holder.get("/A")
    action = action.get_object() if action is not None else None
    if isinstance(action, DictionaryObject) and action.get("/S") in (
        "/JavaScript",
        "/Launch",
        "/ImportData",
        "/SubmitForm",
        "/ResetForm",
    ):
        del holder[NameObject("/A")]


def _clean_fields(acroform: DictionaryObject) -> None:
    """Scripts on the field tree's inner nodes (terminal fields and widgets are reached from
    the pages as annotations, or here)."""
    top = acroform.get("/Fields")
    top = top.get_object() if top is not None else None
    if not isinstance(top, ArrayObject):
        return
    stack = list(top)
    seen: set[int] = set()
    while stack and len(seen) < MAX_ANNOTATIONS:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
        node = item.get_object()
        if not isinstance(node, DictionaryObject):
            continue
        _clean_actions(node)
        kids = node.get("/Kids")
        kids = kids.get_object() if kids is not None else None
        if isinstance(kids, ArrayObject):
            stack.extend(kids)
