"""Opening a form the person brought: a file of bounded size that must be a PDF, decrypted with
its password when it has one, with a fillable AcroForm (an XFA-only form is refused, saying what
to do instead). Every problem is a typed error with one clear message.

Reading and filling run inside ``form_limits()``: the limits every foreign PDF gets
(``waystation.foreign_pdf``: objects, stream sizes, array and dictionary sizes, the page tree,
a time budget), with refusals turned into the form's own messages.

PDF readers complain about defects of foreign files through the ``pypdf`` logger; those
complaints would reach standard error as stray lines, so they are kept at error level here — the
person gets one clear message instead, or none when the file is usable.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError
from pypdf.generic import DictionaryObject

from waystation.errors import InvalidInput, StorageFailure, WrongPassphrase
from waystation.foreign_pdf import MAX_OBJECTS, MAX_STREAM_BYTES, PdfRefused, limited
from waystation.i18n import _
from waystation.vault.document_files import read_document_file
from waystation.vault.file_kind import looks_like

MAX_FORM_BYTES = 64 * 1024 * 1024  # official forms are a few MB; scanned-in ones a few tens
MAX_PAGES = 500
HEADER_WINDOW = 1024  # the PDF header may follow some junk, as readers allow

logging.getLogger("pypdf").setLevel(logging.ERROR)


class FormPasswordNeeded(WrongPassphrase):
    """The form is encrypted with a password that must be typed to open it."""

    def __init__(self) -> None:
        super().__init__(_("The form is protected by a password; give its password to open it."))


class WrongFormPassword(WrongPassphrase):
    def __init__(self) -> None:
        super().__init__(_("Wrong password for the form; nothing was written."))


def read_form_file(path: Path, limit: int = MAX_FORM_BYTES) -> bytes:
    """The bytes of the form at ``path`` (a regular file, at most ``limit`` bytes)."""
    if not path.exists():
        raise InvalidInput(_("There is no file at {path}.").format(path=path))
    try:
        return read_document_file(path, limit)
    except InvalidInput as exc:
        raise InvalidInput(_("{name}: {problem}").format(name=path, problem=exc.message)) from None
    except StorageFailure as exc:
        raise StorageFailure(_("{name}: {problem}").format(name=path, problem=exc.message)) from None


def damaged() -> InvalidInput:
    return InvalidInput(
        _("The form is damaged or is not a PDF Waystation can read; ask the office for a fresh copy.")
    )


def too_big_inside() -> InvalidInput:
    return InvalidInput(
        _(
            "The form holds an object too large to open safely (over {limit} MB once unpacked); "
            "Waystation will not read it."
        ).format(limit=MAX_STREAM_BYTES // (1024 * 1024))
    )


@contextmanager
def form_limits() -> Iterator[None]:
    """Run the block (reading or filling a form) with the limits of every foreign PDF; a refusal
    comes out as InvalidInput with the form's own words, other typed errors pass through."""
    try:
        with limited():
            yield
    except PdfRefused as refusal:
        if refusal.reason in ("objects", "limits"):
            raise too_big_inside() from None
        if refusal.reason == "time":
            raise InvalidInput(
                _("Reading the form took too long and was stopped; ask the office for a simpler copy.")
            ) from None
        raise damaged() from None


def check_is_pdf(data: bytes) -> None:
    if len(data) > MAX_FORM_BYTES:
        raise InvalidInput(
            _("The form is larger than {limit} MB; Waystation does not open forms that large.").format(
                limit=MAX_FORM_BYTES // (1024 * 1024)
            )
        )
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        kind = looks_like(data[:64])
        if kind is not None:
            raise InvalidInput(_("This is not a PDF form (it looks like {kind}).").format(kind=kind))
        raise InvalidInput(_("This is not a PDF form."))


def open_pdf(data: bytes, password: str | None = None) -> PdfReader:
    """A reader on the form's bytes, decrypted. Raises FormPasswordNeeded (no password given for
    a protected form), WrongFormPassword, or InvalidInput (not a PDF, damaged, too large)."""
    check_is_pdf(data)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if sum(len(table) for table in reader.xref.values()) + len(reader.xref_objStm) > MAX_OBJECTS:
            raise too_big_inside()
        if reader.is_encrypted:
            _decrypt(reader, password)
        pages = len(reader.pages)
        root = reader.trailer["/Root"].get_object()
    except (FormPasswordNeeded, WrongFormPassword, InvalidInput):
        raise
    except LimitReachedError:
        raise too_big_inside() from None
    except (FileNotDecryptedError, NotImplementedError):
        raise InvalidInput(
            _(
                "The form is encrypted in a way Waystation cannot read; ask the office for an unprotected copy."
            )
        ) from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        raise damaged() from None
    except Exception:  # pypdf raises many kinds of errors on damaged files
        raise damaged() from None
    if not isinstance(root, DictionaryObject) or pages < 1:
        raise damaged()
    if pages > MAX_PAGES:
        raise InvalidInput(
            _("The form has {n} pages; Waystation fills forms of up to {limit} pages.").format(
                n=pages, limit=MAX_PAGES
            )
        )
    return reader


def _decrypt(reader: PdfReader, password: str | None) -> None:
    # Many official forms are encrypted with an empty user password (only editing is restricted).
    if reader.decrypt(""):
        return
    if not password:
        raise FormPasswordNeeded()
    if not reader.decrypt(password):
        raise WrongFormPassword()


def xfa_refusal() -> InvalidInput:
    return InvalidInput(
        _(
            "This form is an XFA form (made with Adobe LiveCycle Designer): its fields exist only "
            "inside Adobe Reader, so Waystation cannot fill it. Ask the office for a fillable PDF "
            "that is not XFA-based, or print it and copy your details by hand from a document "
            "packet, which lists them in the office's language."
        )
    )


def acroform_of(reader: PdfReader) -> DictionaryObject:
    """The form's AcroForm dictionary; InvalidInput when the PDF has no fillable fields or only
    XFA ones."""
    try:
        root = cast(DictionaryObject, reader.trailer["/Root"].get_object())
        acroform = root.get("/AcroForm")
        acroform = acroform.get_object() if acroform is not None else None
        needs_rendering = bool(root.get("/NeedsRendering", False))
    except LimitReachedError:
        raise too_big_inside() from None
    except Exception:
        raise damaged() from None
    has_xfa = isinstance(acroform, DictionaryObject) and "/XFA" in acroform
    fields = acroform.get("/Fields") if isinstance(acroform, DictionaryObject) else None
    fields = fields.get_object() if fields is not None else None
    if needs_rendering or (has_xfa and not fields):
        raise xfa_refusal()
    if not isinstance(acroform, DictionaryObject) or not fields:
        raise InvalidInput(
            _(
                "This PDF has no fields to fill: it is not a fillable form. Print it and fill it by "
                "hand, or ask the office for the fillable version."
            )
        )
    return acroform
