"""Reading official forms: fields with their kinds, labels, lengths, choices and states; the
fingerprint (structure, not bytes); and every bad input refused with one clear message — not a
PDF, damaged, protected by a password, XFA-only, no fields, thousands of fields, an object that
unpacks into too much."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)
from reportlab.pdfgen.canvas import Canvas

from tests.forms_support import german_form, simple_form
from waystation.errors import InvalidInput, WrongPassphrase
from waystation.foreign_pdf import MAX_OBJECTS
from waystation.forms.fields import MAX_FIELDS
from waystation.forms.reading import read_form
from waystation.forms.source import MAX_FORM_BYTES, FormPasswordNeeded, WrongFormPassword, read_form_file

FORM_PASSWORD = "stamp office 9"


def encrypted(data: bytes, user: str, owner: str = "owner secret") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def resaved(data: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Title": "Saved again"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_every_kind_of_field_is_read_with_its_label_and_limits() -> None:
    info = read_form(simple_form()).info
    fields = {item.name: item for item in info.fields}
    assert [item.name for item in info.fields] == [
        "surname",
        "given",
        "dob",
        "passport",
        "pob",
        "address",
        "female",
        "male",
        "marital",
        "nationality",
        "purpose",
    ]
    assert (fields["surname"].kind, fields["surname"].label, fields["surname"].max_length) == (
        "text",
        "Surname",
        40,
    )
    assert fields["passport"].comb and fields["passport"].max_length == 9
    assert fields["address"].multiline
    assert fields["dob"].date_hint == "DD.MM.YYYY"  # printed in its label
    assert (fields["female"].kind, fields["female"].label, fields["female"].states) == (
        "checkbox",
        "female",
        ("Yes",),
    )
    assert fields["marital"].kind == "radio" and fields["marital"].states == ("single", "married")
    assert fields["marital"].label == "Marital status"
    assert [w.label for w in fields["marital"].widgets] == ["single", "married"]
    assert fields["nationality"].kind == "choice" and [o.shown for o in fields["nationality"].options][
        1:
    ] == [
        "Germany",
        "Russia",
        "Georgia",
    ]
    assert not fields["nationality"].multi_select
    assert info.language == "en" and info.title == "Test form" and len(info.pages) == 1


def test_the_german_form_is_read_with_its_sections() -> None:
    info = read_form(german_form()).info
    assert info.language == "de" and len(info.pages) == 2 and len(info.fields) == 45
    fields = {item.name: item for item in info.fields}
    assert fields["Textfeld 1"].label == "Familienname"
    assert fields["Textfeld 23"].label == "Familienname" and fields["Textfeld 23"].section == "spouse"
    assert (fields["Textfeld 31"].section, fields["Textfeld 31"].section_index) == ("child", 2)
    assert fields["Textfeld 31"].display_label == "Vorname (Kind 2)"
    assert fields["Textfeld 36"].section == "other_person"
    assert fields["Textfeld 38"].section == ""  # "8. Erklärung" ended the employer's section
    assert fields["Kontrollkästchen 2"].label == "weiblich"
    assert fields["Optionsfeld 1"].label == "Familienstand"


def test_the_fingerprint_follows_the_fields_not_the_bytes() -> None:
    form = simple_form()
    first = read_form(form).info.fingerprint
    again = resaved(form)
    assert again != form
    assert read_form(again).info.fingerprint == first
    assert read_form(encrypted(form, "")).info.fingerprint == first
    assert read_form(simple_form(surname_max=30)).info.fingerprint != first  # another edition
    assert read_form(german_form()).info.fingerprint != first


def test_a_file_that_is_not_a_pdf_is_named_for_what_it_is(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not a PDF form \\(it looks like a JPEG image\\)"):
        read_form(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    with pytest.raises(InvalidInput, match="not a PDF form"):
        read_form(b"name,date\nIvanova,1990-04-12\n")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(InvalidInput, match="empty"):
        read_form_file(empty)
    with pytest.raises(InvalidInput, match="There is no file"):
        read_form_file(tmp_path / "missing.pdf")


def test_a_damaged_form_is_refused_clearly() -> None:
    form = simple_form()
    for broken in (
        form[: len(form) // 3],
        b"%PDF-1.7\n" + b"\x00garbage" * 200,
        form.replace(b"/AcroForm", b"/AcroFxrm"),
    ):
        with pytest.raises(InvalidInput) as caught:
            read_form(broken)
        assert any(words in caught.value.message for words in ("damaged", "no fields to fill")), (
            caught.value.message
        )


def test_a_pdf_without_fields_says_it_is_not_fillable() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, "Just a letter")
    canvas.save()
    with pytest.raises(InvalidInput, match="no fields to fill"):
        read_form(buffer.getvalue())


def _with_xfa(data: bytes, *, keep_fields: bool) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    acroform = writer.root_object["/AcroForm"].get_object()
    packet = DecodedStreamObject()
    packet.set_data(b"<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'><template/></xdp:xdp>")
    acroform[NameObject("/XFA")] = ArrayObject([TextStringObject("template"), writer._add_object(packet)])
    if not keep_fields:
        acroform[NameObject("/Fields")] = ArrayObject()
        writer.root_object[NameObject("/NeedsRendering")] = NameObject("/true")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_xfa_only_form_is_refused_with_what_to_do_instead() -> None:
    with pytest.raises(InvalidInput) as caught:
        read_form(_with_xfa(simple_form(), keep_fields=False))
    assert "XFA" in caught.value.message and "Ask the office" in caught.value.message


def test_a_hybrid_form_is_read_from_its_ordinary_fields() -> None:
    info = read_form(_with_xfa(simple_form(), keep_fields=True)).info
    assert info.hybrid_xfa and len(info.fields) == 11


def test_a_protected_form_asks_for_its_password() -> None:
    form = encrypted(simple_form(), FORM_PASSWORD)
    with pytest.raises(FormPasswordNeeded):
        read_form(form)
    with pytest.raises(WrongFormPassword) as caught:
        read_form(form, "not it")
    assert isinstance(caught.value, WrongPassphrase) and caught.value.exit_code == 3
    opened = read_form(form, FORM_PASSWORD)
    assert opened.info.encrypted and opened.info.fields[0].label == "Surname"  # labels read with the password


def test_a_form_locked_for_editing_only_opens_without_a_password() -> None:
    info = read_form(encrypted(simple_form(), "")).info
    assert info.encrypted and len(info.fields) == 11


def _many_fields(count: int) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for index in range(count):
        if index and index % 500 == 0:
            canvas.showPage()
        x, y = 20 + (index % 20) * 28, 20 + (index % 500) // 20 * 30
        canvas.acroForm.textfield(name=f"f{index}", x=x, y=y, width=25, height=12, maxlen=None, borderWidth=0)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_thousands_of_fields_are_refused_before_they_are_read() -> None:
    with pytest.raises(InvalidInput, match=f"more than {MAX_FIELDS} fields"):
        read_form(_many_fields(MAX_FIELDS + 300), labels=False)


def test_a_page_that_unpacks_into_too_much_is_refused() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(simple_form())))
    bomb = StreamObject()
    bomb._data = zlib.compress(b" " * 80_000_000, 9)
    bomb[NameObject("/Filter")] = NameObject("/FlateDecode")
    page = writer.pages[0]
    page[NameObject("/Contents")] = ArrayObject(
        [page["/Contents"].indirect_reference, writer._add_object(bomb)]
    )
    out = io.BytesIO()
    writer.write(out)
    assert len(out.getvalue()) < 1_000_000
    with pytest.raises(InvalidInput, match="too large to open safely"):
        read_form(out.getvalue())


def test_the_limits_of_every_foreign_pdf_hold_for_forms_too() -> None:
    """A stream that unpacks to 70 MB passed pypdf's own default (75 MB) but not the limit every
    foreign PDF gets (foreign_pdf.MAX_STREAM_BYTES), and neither do more objects than it allows."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(simple_form())))
    bomb = StreamObject()
    bomb._data = zlib.compress(b" " * 70_000_000, 9)
    bomb[NameObject("/Filter")] = NameObject("/FlateDecode")
    page = writer.pages[0]
    page[NameObject("/Contents")] = ArrayObject(
        [page["/Contents"].indirect_reference, writer._add_object(bomb)]
    )
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(InvalidInput, match="too large to open safely"):
        read_form(out.getvalue())

    crowded = PdfWriter(clone_from=PdfReader(io.BytesIO(simple_form())))
    for number in range(MAX_OBJECTS + 1):
        crowded._add_object(NumberObject(number))
    out = io.BytesIO()
    crowded.write(out)
    with pytest.raises(InvalidInput, match="too large to open safely"):
        read_form(out.getvalue())


def test_a_form_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(MAX_FORM_BYTES + 1)  # sparse: nothing is really written
    with pytest.raises(InvalidInput, match="larger than"):
        read_form_file(huge)


def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "form.pdf"
    import os

    os.mkfifo(fifo)
    with pytest.raises(InvalidInput, match="not an ordinary file"):
        read_form_file(fifo)


def test_the_forms_core_never_imports_qt() -> None:
    code = textwrap.dedent(
        """
        import sys, importlib, pkgutil, waystation.forms
        for info in pkgutil.walk_packages(waystation.forms.__path__, "waystation.forms."):
            importlib.import_module(info.name)
        import waystation.cli.form_commands
        print(",".join(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
