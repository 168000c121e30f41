"""The slow parts of filling an official form, as work for a ``PageTask`` (packet_tasks.py): reading
the form (PDF parsing, and PDFium for the labels), drawing one of its pages, filling it, and
keeping a flattened copy among the person's documents. Each runs on a worker thread; PDFium is
only ever called under the app's PDFium lock (packet_preview.PDFIUM)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtGui import QImage

from waystation.errors import WaystationError
from waystation.forms.fill import FillResult, fill_form
from waystation.forms.library import kept_for
from waystation.forms.mapping import FormMap
from waystation.forms.propose import propose
from waystation.forms.reading import OpenedForm, read_form
from waystation.forms.source import FormPasswordNeeded, read_form_file
from waystation.ui.pages.packet_preview import PDFIUM, rendered_picture
from waystation.ui.pages.packet_tasks import Cancelled, Report, Work
from waystation.vault.connection import Vault
from waystation.vault.models import DocumentInfo, Profile


@dataclass(frozen=True)
class NeedsPassword:
    """The form cannot be read without its password; ``data`` is kept for the second try."""

    data: bytes = field(repr=False)
    name: str


@dataclass(frozen=True)
class Loaded:
    opened: OpenedForm
    mapping: FormMap
    kept: bool  # the mapping is the one the vault keeps (else it was proposed just now)
    profile: Profile
    name: str


def read_work(
    vault: Vault,
    name: str,
    *,
    path: Path | None = None,
    data: bytes | None = None,
    password: str | None = None,
) -> Work:
    """Read the form at ``path`` (or its bytes), with its mapping: the one the vault keeps for
    it, else one proposed from its labels."""

    def work(report: Report, cancelled: Cancelled) -> NeedsPassword | Loaded | None:
        content = data if data is not None else read_form_file(path) if path is not None else b""
        if cancelled():
            return None
        try:
            with PDFIUM:
                opened = read_form(content, password)
        except FormPasswordNeeded:
            return NeedsPassword(content, name)
        if cancelled():
            return None
        mapping = kept_for(vault, opened.info.fingerprint)
        kept = mapping is not None
        if mapping is None:
            mapping = propose(opened.info).mapping
        return Loaded(opened, mapping, kept, vault.profile.load(), name)

    return work


def page_picture(pdf: bytes, password: str | None, index: int, width: int) -> QImage:
    """Page ``index`` of the PDF with its fields drawn, ``width`` pixels wide. PDFium's form
    support draws the fields; this PDFium has no JavaScript engine, and none is given to it."""
    import pypdfium2 as pdfium

    with PDFIUM:
        document = pdfium.PdfDocument(pdf, password=password or None)
        try:
            document.init_forms()
            page = document[index]
            try:
                scale = width / (page.get_width() or 1.0)
                picture = rendered_picture(page.render(scale=scale, may_draw_forms=True))
            finally:
                page.close()
        finally:
            document.close()
    pixels_wide, pixels_high = picture.size
    return QImage(
        picture.tobytes(), pixels_wide, pixels_high, 3 * pixels_wide, QImage.Format.Format_RGB888
    ).copy()


def draw_work(pdf: bytes, password: str | None, index: int, width: int) -> Work:
    def work(report: Report, cancelled: Cancelled) -> tuple[int, QImage] | None:
        if cancelled():
            return None
        return index, page_picture(pdf, password, index, width)

    return work


def fill_work(
    opened: OpenedForm, mapping: FormMap, profile: Profile, today: date, flatten: bool, password: str | None
) -> Work:
    def work(report: Report, cancelled: Cancelled) -> FillResult:
        def check() -> None:
            if cancelled():
                raise _Stopped()

        try:
            return fill_form(
                opened, mapping, profile, today=today, flatten_fields=flatten, password=password, check=check
            )
        except _Stopped:
            return None  # type: ignore[return-value]

    return work


class _Stopped(WaystationError):
    """The person cancelled the fill; a typed error, so the PDF limits around the fill let it
    through as it is instead of reading it as a damaged file."""

    def __init__(self) -> None:
        super().__init__("stopped")


def keep_copy_work(
    vault: Vault,
    opened: OpenedForm,
    mapping: FormMap,
    profile: Profile,
    today: date,
    kind: str,
    title: str,
    name: str,
) -> Work:
    """A flattened, unencrypted copy into the vault's documents (a packet takes it as one of its
    documents; a packet drops form fields, so the copy is flattened)."""

    def work(report: Report, cancelled: Cancelled) -> DocumentInfo:
        flat = fill_form(opened, mapping, profile, today=today, flatten_fields=True)
        return vault.documents.add(flat.pdf, kind=kind, title=title, original_name=name, added=today)

    return work
