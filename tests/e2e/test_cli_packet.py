"""``waystation packet`` through a real subprocess and a real vault: the PDF read back, the
password from the second line of standard input, exit codes and one-line errors."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import SAMPLE_PROFILE, CliResult, cli_env, one_line_error, pw
from tests.e2e.test_vault_processes import read_only
from tests.unit.test_packet_scans import png_header_only
from tests.unit.test_packet_support import camera_jpeg, flat, metadata_marks, pdftotext
from waystation.content.loader import load_library
from waystation.packets.from_vault import packet_packs

PASS = "packet 'pass' фраза"
PACKET_ARGS = ("--country", "GE", "--track", "residence", "--passphrase-stdin", "--out")


class Setup:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = cli_env(folder / "home")
        self.vault = folder / "maria.vault"

    def run(self, *args: str, stdin: str = "", env: dict[str, str] | None = None) -> CliResult:
        proc = subprocess.run(
            [sys.executable, "-m", "waystation", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env={**self.env, **(env or {})},
            cwd=self.folder,
            timeout=120,
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    def packet(self, out: Path, *extra: str, stdin: str | None = None, **kwargs: object) -> CliResult:
        args = ["packet", str(self.vault), "--country", "GE", "--track", "residence", "--out", str(out)]
        return self.run(
            *args, *extra, "--passphrase-stdin", stdin=pw(PASS) if stdin is None else stdin, **kwargs
        )  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    """One vault for the module: the sample profile, a phone photo of the passport with camera
    metadata, and a scan too large to open."""
    made = Setup(tmp_path_factory.mktemp("packet-cli"))
    profile = made.folder / "profile.json"
    profile.write_text(json.dumps(SAMPLE_PROFILE, ensure_ascii=False), encoding="utf-8")
    photo = made.folder / "passport.jpg"
    photo.write_bytes(camera_jpeg(900, 1200))
    bomb = made.folder / "huge.png"
    bomb.write_bytes(png_header_only(40000, 40000))
    steps = [
        ("vault", "create", str(made.vault)),
        ("vault", "import-json", str(made.vault), str(profile)),
        ("doc", "add", str(made.vault), str(photo), "--kind", "passport", "--title", "Разворот"),
        ("doc", "add", str(made.vault), str(bomb), "--kind", "passport", "--title", "huge"),
    ]
    for step in steps:
        result = made.run(*step, "--passphrase-stdin", stdin=pw(PASS))
        assert result.code == 0, result.err
    return made


def test_packet_is_written_and_reads_back(setup: Setup, tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    result = setup.packet(out, "--lang", "ru")
    assert result.code == 0, result.err
    assert "Packet written" in result.out or "Пакет" in result.out
    warnings = result.err.strip().splitlines()
    assert len(warnings) == 1 and "huge" in warnings[0], (
        "the huge scan is named, no progress bar off a terminal"
    )
    pdf = out.read_bytes()
    text = flat(pdftotext(pdf))
    for expected in (
        "Иванова Мария Сергеевна",
        "IVANOVA MARIIA",
        "გვარი",
        "Фамилия",
        "МВД 54001",
        "Разворот",
    ):
        assert expected in text, expected
    for mark in metadata_marks():
        assert mark not in pdf, mark
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert f"{pages} / {pages}" in text


def test_encrypt_takes_the_password_from_the_second_line(setup: Setup, tmp_path: Path) -> None:
    out = tmp_path / "locked.pdf"
    result = setup.packet(out, "--encrypt", stdin=pw(PASS, "пароль для PDF"))
    assert result.code == 0, result.err
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)
    assert reader.decrypt(PASS) == 0 and reader.decrypt("пароль для PDF") != 0
    assert "IVANOVA MARIIA" in flat(pdftotext(out.read_bytes(), password="пароль для PDF"))
    missing = setup.packet(tmp_path / "nothing.pdf", "--encrypt")
    assert missing.code == 2 and "ended" in one_line_error(missing)
    assert not (tmp_path / "nothing.pdf").exists()


def test_unknown_country_or_track_names_what_exists(setup: Setup, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    base = ["packet", str(setup.vault), "--out", str(out), "--passphrase-stdin"]
    country = setup.run(*base, "--country", "XX", "--track", "residence")
    assert country.code == 2
    with_packets = ", ".join(pack.country for pack in packet_packs(load_library()))
    assert "XX" in one_line_error(country) and f"packets exist for: {with_packets}." in country.err
    assert {"AM", "DE", "GE", "IL", "KZ", "RS", "TR"} <= set(with_packets.split(", "))
    track = setup.run(*base, "--country", "IL", "--track", "residence")
    assert track.code == 2 and "packets exist for: counselling" in one_line_error(track)
    language = setup.run(*base, "--country", "GE", "--track", "residence", "--lang", "fr")
    assert language.code == 2 and "fr" in one_line_error(language)
    assert not out.exists()


def test_an_existing_file_needs_force(setup: Setup, tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    out.write_bytes(b"keep me")
    refused = setup.packet(out)
    assert refused.code == 2 and "--force" in one_line_error(refused)
    assert out.read_bytes() == b"keep me"
    forced = setup.packet(out, "--force")
    assert forced.code == 0, forced.err
    assert out.read_bytes().startswith(b"%PDF")


def test_an_unwritable_folder_fails_cleanly(setup: Setup, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only(folder):
        result = setup.packet(folder / "packet.pdf")
    assert result.code == 1
    assert "permission denied" in result.err and "Traceback" not in result.err
    assert list(folder.iterdir()) == []


def test_wrong_passphrase_writes_nothing(setup: Setup, tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    result = setup.packet(out, stdin=pw("not the passphrase"))
    assert result.code == 3 and not out.exists()


def test_document_information_is_neutral_in_tbilisi_time(setup: Setup, tmp_path: Path) -> None:
    out = tmp_path / "packet.pdf"
    result = setup.packet(out, env={"TZ": "Asia/Tbilisi"})
    assert result.code == 0, result.err
    pdf = out.read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    assert dict(reader.metadata or {}) == {"/Producer": "Waystation", "/Creator": "Waystation"}
    for leak in (b"+04'00'", b"/CreationDate", b"/ModDate", b"IVANOVA", "Иванова".encode("utf-16-be")):
        assert leak not in pdf, leak


def test_progress_bar_only_on_a_terminal(setup: Setup, tmp_path: Path) -> None:
    parent, child = pty.openpty()
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "waystation",
                "packet",
                str(setup.vault),
                *PACKET_ARGS,
                str(tmp_path / "p.pdf"),
            ],
            input=pw(PASS).encode(),
            stdout=subprocess.PIPE,
            stderr=child,
            env=setup.env,
            cwd=setup.folder,
            timeout=120,
        )
        os.close(child)
        child = -1
        shown = b""
        while True:
            try:
                chunk = os.read(parent, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if child != -1:
            os.close(child)
        os.close(parent)
    assert proc.returncode == 0
    assert b"\r[" in shown and b"#" in shown and b"Preparing scans" in shown


@pytest.mark.parametrize(
    ("part", "present", "absent"),
    [
        (
            "office",
            ["განმცხადებლის ხელმოწერა", "Разворот", "A summary of the applicant"],
            ["For you", "missing"],
        ),
        (
            "personal",
            ["For you, not for the office", "Documents checklist", "Steps"],
            ["განმცხადებლის ხელმოწერა"],
        ),
        ("both", ["განმცხადებლის ხელმოწერა", "For you, not for the office"], []),
    ],
)
def test_part_chooses_what_goes_in(
    setup: Setup, tmp_path: Path, part: str, present: list[str], absent: list[str]
) -> None:
    out = tmp_path / f"{part}.pdf"
    result = setup.packet(out, "--lang", "en", "--part", part)
    assert result.code == 0, result.err
    text = flat(pdftotext(out.read_bytes()))
    for expected in present:
        assert expected in text, expected
    for unexpected in absent:
        assert unexpected not in text, unexpected
    assert ("huge" in result.err) == (part != "personal"), "scans are only read for the office's part"


def test_an_unknown_part_is_a_usage_error(setup: Setup, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    result = setup.packet(out, "--part", "cover", stdin="")
    assert result.code == 2 and "--part" in one_line_error(result) and "office" in result.err
    assert not out.exists()


def test_empty_fields_the_office_needs_are_named_and_the_packet_is_made(tmp_path: Path) -> None:
    made = Setup(tmp_path)
    sparse = json.loads(json.dumps(SAMPLE_PROFILE))
    del sparse["person"]["date_of_birth"], sparse["person"]["sex"]
    sparse["passports"][0]["authority"] = ""
    profile = tmp_path / "sparse.json"
    profile.write_text(json.dumps(sparse, ensure_ascii=False), encoding="utf-8")
    for step in (
        ("vault", "create", str(made.vault)),
        ("vault", "import-json", str(made.vault), str(profile)),
    ):
        assert made.run(*step, "--passphrase-stdin", stdin=pw(PASS)).code == 0
    out = tmp_path / "packet.pdf"
    result = made.packet(out)
    assert result.code == 0, result.err
    note = one_line_error(result)
    for path in ("person.date_of_birth", "person.sex", "passports[0].authority", "Date of birth"):
        assert path in note, path
    assert "person.given_names" not in note
    personal = made.packet(tmp_path / "personal.pdf", "--part", "personal")
    assert personal.code == 0 and personal.err == "", "the applicant's part needs no note"
