"""Documents and profiles that broke the packet or the vault (issue 12): file names in a legacy
encoding, a step note typed on a legacy terminal, forty passports in one profile, and a
49,999,999 × 1 image under the pixel cap. Each now works, or is left out with a reason — never
"a bug"."""

from __future__ import annotations

import io
import json
import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.conftest import CliResult, pw
from tests.unit.test_packet_support import flat, pdftotext
from waystation.vault import profile_json
from waystation.vault.connection import Vault

PASS = "hostile documents pass"
Cli = Callable[..., CliResult]
CP1251_NAME = os.fsdecode("скан паспорта.pdf".encode("cp1251"))
LATIN1_NAME = os.fsdecode("déjà-vu.pdf".encode("latin-1"))


def tiny_pdf() -> bytes:
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj" % number + body + b"endobj\n"
    xref = len(out)
    out += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


@pytest.fixture
def vault(tmp_path: Path, sample_profile: dict[str, Any]) -> Path:
    path = tmp_path / "client.vault"
    with Vault.create(path, PASS) as opened:
        opened.profile.replace(profile_json.from_document(sample_profile))
    return path


def test_document_names_in_a_legacy_encoding_are_kept_readable(cli: Cli, tmp_path: Path, vault: Path) -> None:
    for name, kind in ((CP1251_NAME, "passport"), (LATIN1_NAME, "health_insurance")):
        (tmp_path / name).write_bytes(tiny_pdf())
        added = cli("doc", "add", str(vault), name, "--kind", kind, "--passphrase-stdin", stdin=pw(PASS))
        assert added.code == 0, added.err
    rows = json.loads(cli("doc", "list", str(vault), "--json", "--passphrase-stdin", stdin=pw(PASS)).out)
    assert [r["original_name"] for r in rows] == ["скан паспорта.pdf", "déjà-vu.pdf"]
    out = tmp_path / "packet.pdf"
    built = cli(
        "packet",
        str(vault),
        "--country",
        "GE",
        "--track",
        "residence",
        "--part",
        "personal",  # the applicant's part names the documents the vault holds
        "--out",
        str(out),
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert built.code == 0, built.err
    text = flat(pdftotext(out.read_bytes()))
    assert "скан паспорта.pdf" in text and "déjà-vu.pdf" in text


@pytest.mark.slow
def test_a_title_and_a_note_from_a_legacy_terminal_are_stored(cli: Cli, tmp_path: Path, vault: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(tiny_pdf())
    title = os.fsdecode("Паспорт".encode("cp1251"))
    added = cli(
        "doc",
        "add",
        str(vault),
        str(scan),
        "--kind",
        "passport",
        "--title",
        title,
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert added.code == 0, added.err
    with Vault.open(vault, PASS) as opened:
        assert [d.title for d in opened.documents.list()] == ["Паспорт"]
        opened.progress.set("ge.residence.entry_insurance", "done", note=os.fsdecode(b"\xe9t\xe9 \xff"))
        assert opened.progress.all()["ge.residence.entry_insurance"].note == "été ÿ"


def test_forty_passports_make_a_packet(
    cli: Cli, tmp_path: Path, vault: Path, sample_profile: dict[str, Any]
) -> None:
    numbers = [f"75{i:07d}" for i in range(40)]
    sample_profile["passports"] = [
        {
            "number": n,
            "kind": "international",
            "issued": "2019-05-20",
            "expires": "2029-05-20",
            "authority": "МВД 54001",
        }
        for n in numbers
    ]
    with Vault.open(vault, PASS) as opened:  # what `vault import-json` stores (no process needed)
        opened.profile.replace(profile_json.from_document(sample_profile))
    out = tmp_path / "forty.pdf"
    built = cli(
        "packet",
        str(vault),
        "--country",
        "GE",
        "--track",
        "residence",
        "--out",
        str(out),
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert built.code == 0, built.err
    pdf = out.read_bytes()
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 10
    text = flat(pdftotext(pdf))
    for number in numbers:
        assert text.count(number) >= 2, number  # the office's data, and the applicant's checklist


def sliver_png(width: int, height: int = 1) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = (b"\x00" + b"\x80" * width) * height
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def test_a_49999999_by_1_image_is_left_out_with_its_reason(cli: Cli, tmp_path: Path, vault: Path) -> None:
    scan = tmp_path / "strip.png"
    scan.write_bytes(sliver_png(49_999_999))
    with Vault.open(vault, PASS) as opened:  # what `doc add` stores: it never decodes a picture
        opened.documents.add(scan.read_bytes(), kind="passport", original_name=scan.name)
    out = tmp_path / "packet.pdf"
    built = cli(
        "packet",
        str(vault),
        "--country",
        "GE",
        "--track",
        "residence",
        "--out",
        str(out),
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert built.code == 0, built.err
    assert "bug" not in built.err and "MemoryError" not in built.err
    assert "strip.png" in built.err and "too long and narrow to print (49999999 × 1 pixels)" in built.err
    assert "too long and narrow" in flat(pdftotext(out.read_bytes()))
