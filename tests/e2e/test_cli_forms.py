"""``waystation form fields|map|fill|maps|import|export|forget`` through real subprocesses and a
real vault: JSON read back, the filled PDF read back, passwords in their order on standard input,
exit codes and one-line errors, nothing written when something is wrong, no trace left behind."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tests.conftest import PASSPHRASE, SAMPLE_PROFILE, CliResult, pw
from tests.forms_support import german_form, simple_form
from tests.unit.test_packet_support import flat, pdftotext

Cli = Callable[..., CliResult]
PDF_PASSWORD = "blue ferry 88"
FORM_PASSWORD = "office stamp 3"
CANARY = "Canarykova"


@pytest.fixture
def desk(tmp_path: Path, cli: Cli) -> Path:
    """A vault with the sample profile (its family name a canary), and the German form."""
    profile = json.loads(json.dumps(SAMPLE_PROFILE))
    profile["person"]["family_name_latin"] = CANARY.upper()
    profile["person"]["family_name"] = CANARY
    (tmp_path / "profile.json").write_text(json.dumps(profile, ensure_ascii=False), "utf-8")
    assert cli("vault", "create", "maria.vault", "--passphrase-stdin", stdin=pw(PASSPHRASE)).code == 0
    assert (
        cli(
            "vault", "import-json", "maria.vault", "profile.json", "--passphrase-stdin", stdin=pw(PASSPHRASE)
        ).code
        == 0
    )
    (tmp_path / "profile.json").unlink()
    (tmp_path / "antrag.pdf").write_bytes(german_form())
    (tmp_path / "simple.pdf").write_bytes(simple_form())
    return tmp_path


def one_line_error(result: CliResult, code: int) -> str:
    assert result.code == code, (result.code, result.out, result.err)
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1, result.err
    return result.err


def protected(data: bytes, password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password="office", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_fields_lists_every_field_as_text_and_json(desk: Path, cli: Cli) -> None:
    text = cli("form", "fields", "simple.pdf")
    assert text.code == 0 and "surname\ttext\tSurname\tmax 40" in text.out
    assert "marital\tradio\tMarital status\tstates: single, married" in text.out
    listed = cli("form", "fields", "antrag.pdf", "--json")
    data = json.loads(listed.out)
    assert data["format"] == "waystation-form-fields/1" and data["language"] == "de" and data["pages"] == 2
    first = data["fields"][0]
    assert (first["name"], first["type"], first["label"], first["page"]) == (
        "Textfeld 1",
        "text",
        "Familienname",
        1,
    )
    comb = next(f for f in data["fields"] if f["name"] == "Textfeld 16")
    assert comb["comb"] and comb["max_length"] == 9


def test_bad_forms_are_one_line_errors(desk: Path, cli: Cli) -> None:
    (desk / "photo.pdf").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    assert "it looks like a JPEG image" in one_line_error(cli("form", "fields", "photo.pdf"), 2)
    (desk / "broken.pdf").write_bytes(german_form()[:4000])
    assert "damaged" in one_line_error(cli("form", "fields", "broken.pdf"), 2)
    assert "There is no file" in one_line_error(cli("form", "fields", "missing.pdf"), 2)
    assert "see --help" in one_line_error(cli("form", "frobnicate", "x.pdf"), 2)


def test_a_protected_form_takes_its_password_and_a_wrong_one_writes_nothing(desk: Path, cli: Cli) -> None:
    (desk / "locked.pdf").write_bytes(protected(simple_form(), FORM_PASSWORD))
    opened = cli("form", "fields", "locked.pdf", "--passphrase-stdin", stdin=pw(FORM_PASSWORD))
    assert opened.code == 0 and "surname" in opened.out
    assert "Wrong password for the form" in one_line_error(
        cli("form", "fields", "locked.pdf", "--passphrase-stdin", stdin=pw("guess")), 3
    )
    assert cli("form", "map", "simple.pdf", "--out", "map.json").code == 0
    wrong = cli(
        "form",
        "fill",
        "maria.vault",
        "locked.pdf",
        "--map",
        "map.json",
        "--out",
        "out.pdf",
        "--passphrase-stdin",
        stdin=pw(PASSPHRASE, "guess"),
    )
    assert "Wrong password" in one_line_error(wrong, 3) and not (desk / "out.pdf").exists()
    right = cli(
        "form",
        "fill",
        "maria.vault",
        "locked.pdf",
        "--map",
        "map.json",
        "--out",
        "out.pdf",
        "--passphrase-stdin",
        stdin=pw(PASSPHRASE, FORM_PASSWORD),
    )
    assert right.code == 0, right.err
    assert not PdfReader(desk / "out.pdf").is_encrypted  # the office's password is not carried over


def test_map_then_fill_then_check(desk: Path, cli: Cli) -> None:
    mapped = cli("form", "map", "antrag.pdf", "--out", "antrag.map.json")
    assert mapped.code == 0 and "fields matched to the profile" in mapped.out
    mapping = json.loads((desk / "antrag.map.json").read_text("utf-8"))
    assert mapping["format"] == "waystation-form-map/1" and mapping["form"]["language"] == "de"
    assert CANARY.upper() not in (desk / "antrag.map.json").read_text("utf-8")
    assert "already exists" in one_line_error(cli("form", "map", "antrag.pdf", "--out", "antrag.map.json"), 2)
    filled = cli(
        "form",
        "fill",
        "maria.vault",
        "antrag.pdf",
        "--map",
        "antrag.map.json",
        "--out",
        "filled.pdf",
        "--passphrase-stdin",
        stdin=pw(PASSPHRASE),
    )
    assert filled.code == 0, filled.err
    assert "Filled form written to filled.pdf." in filled.out and "things to check" in filled.out
    assert "left empty; the profile has no “Spouse: Family name (Latin letters)”" in filled.out
    fields = PdfReader(desk / "filled.pdf").get_fields() or {}
    assert fields["Textfeld 1"]["/V"] == CANARY.upper() and fields["Textfeld 4"]["/V"] == "12.04.1990"
    assert fields["Kontrollkästchen 2"]["/V"] == "/Yes"  # weiblich
    text = flat(pdftotext((desk / "filled.pdf").read_bytes()))
    assert CANARY.upper() in text and "Rustaveli 1" in text and "Russland" in text


def test_fill_flattened_and_encrypted_as_json(desk: Path, cli: Cli) -> None:
    assert cli("form", "map", "simple.pdf", "--out", "map.json").code == 0
    result = cli(
        "form",
        "fill",
        "maria.vault",
        "simple.pdf",
        "--map",
        "map.json",
        "--out",
        "f.pdf",
        "--flatten",
        "--encrypt",
        "--json",
        "--passphrase-stdin",
        stdin=pw(PASSPHRASE, PDF_PASSWORD),
    )
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["format"] == "waystation-form-report/1" and report["flattened"] and report["encrypted"]
    assert {f["kind"] for f in report["findings"]} <= {
        "unknown",
        "empty",
        "by_hand",
        "date_format",
        "truncated",
    }
    reader = PdfReader(desk / "f.pdf")
    assert reader.is_encrypted and reader.trailer["/Encrypt"]["/R"] == 6
    assert reader.decrypt(PDF_PASSWORD)
    assert "/AcroForm" not in reader.trailer["/Root"]
    assert CANARY.upper() in flat(pdftotext((desk / "f.pdf").read_bytes(), PDF_PASSWORD))


def test_a_mapping_for_another_form_or_with_an_unknown_value_writes_nothing(desk: Path, cli: Cli) -> None:
    assert cli("form", "map", "simple.pdf", "--out", "simple.map.json").code == 0
    other = cli(
        "form",
        "fill",
        "maria.vault",
        "antrag.pdf",
        "--map",
        "simple.map.json",
        "--out",
        "x.pdf",
        "--passphrase-stdin",
        stdin=pw(PASSPHRASE),
    )
    assert "This mapping is for another form" in one_line_error(other, 2) and not (desk / "x.pdf").exists()
    mapping = json.loads((desk / "simple.map.json").read_text("utf-8"))
    mapping["fields"]["surname"] = {"value": "person.nickname"}
    (desk / "bad.map.json").write_text(json.dumps(mapping), "utf-8")
    bad = cli(
        "form",
        "fill",
        "maria.vault",
        "simple.pdf",
        "--map",
        "bad.map.json",
        "--out",
        "x.pdf",
        "--passphrase-stdin",
    )
    assert "fields.surname.value: person.nickname is not a profile value" in one_line_error(bad, 2)
    wrong = cli(
        "form",
        "fill",
        "maria.vault",
        "simple.pdf",
        "--map",
        "simple.map.json",
        "--out",
        "x.pdf",
        "--passphrase-stdin",
        stdin=pw("not the passphrase"),
    )
    one_line_error(wrong, 3)
    assert not (desk / "x.pdf").exists()


def test_mappings_kept_in_the_vault_are_listed_exported_imported_and_used(desk: Path, cli: Cli) -> None:
    assert cli("form", "map", "antrag.pdf", "--out", "antrag.map.json").code == 0
    assert cli("form", "map", "simple.pdf", "--out", "simple.map.json").code == 0
    for name in ("antrag.map.json", "simple.map.json"):
        kept = cli("form", "import", "maria.vault", name, "--passphrase-stdin", stdin=pw(PASSPHRASE))
        assert kept.code == 0 and "Kept 1 form mapping" in kept.out
    listed = json.loads(
        cli("form", "maps", "maria.vault", "--json", "--passphrase-stdin", stdin=pw(PASSPHRASE)).out
    )
    assert len(listed) == 2
    exported = cli(
        "form", "export", "maria.vault", "--out", "desk-set.json", "--passphrase-stdin", stdin=pw(PASSPHRASE)
    )
    assert exported.code == 0 and "Exported 2 form mappings" in exported.out
    assert cli("vault", "create", "client.vault", "--passphrase-stdin", stdin=pw(PASSPHRASE)).code == 0
    imported = cli(
        "form", "import", "client.vault", "desk-set.json", "--passphrase-stdin", stdin=pw(PASSPHRASE)
    )
    assert imported.code == 0 and "Kept 2 form mappings" in imported.out
    # with no --map, the vault's own mapping for this form is used
    used = cli(
        "form",
        "fill",
        "maria.vault",
        "antrag.pdf",
        "--out",
        "auto.pdf",
        "--passphrase-stdin",
        stdin=pw(PASSPHRASE),
    )
    assert used.code == 0, used.err
    assert (PdfReader(desk / "auto.pdf").get_fields() or {})["Textfeld 1"]["/V"] == CANARY.upper()
    fingerprint = next(m["fingerprint"] for m in listed if m["fields"] > 20)
    forgot = cli("form", "forget", "maria.vault", fingerprint, "--passphrase-stdin", stdin=pw(PASSPHRASE))
    assert forgot.code == 0
    again = cli(
        "form",
        "fill",
        "maria.vault",
        "antrag.pdf",
        "--out",
        "auto2.pdf",
        "--passphrase-stdin",
        stdin=pw(PASSPHRASE),
    )
    assert "keeps no mapping for this form" in one_line_error(again, 2)
    missing = cli("form", "forget", "maria.vault", fingerprint, "--passphrase-stdin", stdin=pw(PASSPHRASE))
    assert "keeps no mapping" in one_line_error(missing, 2)


def test_a_filled_copy_goes_into_the_vault_for_packets(desk: Path, cli: Cli) -> None:
    assert cli("form", "map", "antrag.pdf", "--out", "m.json").code == 0
    result = cli(
        "form",
        "fill",
        "maria.vault",
        "antrag.pdf",
        "--map",
        "m.json",
        "--out",
        "filled.pdf",
        "--add-to-vault",
        "--title",
        "Antrag Aufenthaltstitel",
        "--keep-map",
        "--passphrase-stdin",
        stdin=pw(PASSPHRASE),
    )
    assert result.code == 0 and "was added to your documents" in result.out, result.err
    documents = json.loads(
        cli("doc", "list", "maria.vault", "--json", "--passphrase-stdin", stdin=pw(PASSPHRASE)).out
    )
    [document] = [d for d in documents if d["title"] == "Antrag Aufenthaltstitel"]
    assert document["kind"] == "other" and document["mime_type"] == "application/pdf"
    maps = json.loads(
        cli("form", "maps", "maria.vault", "--json", "--passphrase-stdin", stdin=pw(PASSPHRASE)).out
    )
    assert len(maps) == 1
    packet = cli(
        "packet",
        "maria.vault",
        "--country",
        "GE",
        "--track",
        "residence",
        "--out",
        "packet.pdf",
        "--passphrase-stdin",
        stdin=pw(PASSPHRASE),
    )
    assert packet.code == 0, packet.err
    text = flat(pdftotext((desk / "packet.pdf").read_bytes()))
    assert "Antrag Aufenthaltstitel" in text  # the attachment's caption
    assert (
        "Antrag auf Erteilung eines Aufenthaltstitels" in text and "Datum der Einreise" in text
    )  # its pages
    lines = pdftotext((desk / "packet.pdf").read_bytes(), layout=True).splitlines()
    assert any(
        "Geburtsdatum (TT.MM.JJJJ)" in line and "12.04.1990" in line for line in lines
    )  # values drawn in


def test_filling_leaves_no_trace_outside_the_vault_and_the_files_asked_for(desk: Path, cli: Cli) -> None:
    assert cli("form", "map", "antrag.pdf", "--out", "m.json").code == 0
    result = cli(
        "form",
        "fill",
        "maria.vault",
        "antrag.pdf",
        "--map",
        "m.json",
        "--out",
        "filled.pdf",
        "--flatten",
        "--passphrase-stdin",
        stdin=pw(PASSPHRASE),
    )
    assert result.code == 0
    allowed = {desk / "filled.pdf", desk / "maria.vault"}
    for path in desk.rglob("*"):
        if path.is_file() and path not in allowed:
            data = path.read_bytes()
            assert CANARY.encode() not in data and CANARY.upper().encode() not in data, path


def test_names_from_the_form_cannot_reach_the_terminal_as_escape_sequences(desk: Path, cli: Cli) -> None:
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(simple_form())))
    first = writer.root_object["/AcroForm"]["/Fields"][0].get_object()
    first[NameObject("/T")] = TextStringObject("name\x1b]0;owned\x07\x1b[31m")
    first[NameObject("/TU")] = TextStringObject("tip\x1b[2J")
    with (desk / "hostile.pdf").open("wb") as handle:
        writer.write(handle)
    listed = cli("form", "fields", "hostile.pdf")
    assert listed.code == 0 and "\x1b" not in listed.out and "\x07" not in listed.out
    assert json.loads(cli("form", "fields", "hostile.pdf", "--json").out)["fields"][0]["name"].startswith(
        "name\x1b"
    )
