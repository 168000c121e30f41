"""``waystation doc add … --passport NUMBER``: a scan linked to a passport of the profile, shown by
``doc list`` (text and JSON); a number the profile does not hold, or a link on a scan that is not a
passport, is exit 2 with one line and nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import pw
from tests.e2e.test_cli_vault import PASS, Cli, create, fingerprint, one_line_error


def vault_with_profile(cli: Cli, tmp_path: Path, profile_file: Path) -> Path:
    vault = tmp_path / "maria.vault"
    create(cli, vault)
    imported = cli(
        "vault", "import-json", str(vault), str(profile_file), "--passphrase-stdin", stdin=pw(PASS)
    )
    assert imported.code == 0, imported.err
    return vault


def test_doc_add_links_a_scan_to_a_passport_and_list_shows_it(
    cli: Cli, tmp_path: Path, profile_file: Path
) -> None:
    vault = vault_with_profile(cli, tmp_path, profile_file)
    scan = tmp_path / "pasport.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0" + b"jpeg" * 100)
    args = ("doc", "add", str(vault), str(scan), "--kind", "passport", "--passphrase-stdin")
    added = cli(*args, "--passport", "75 123 4567", stdin=pw(PASS))
    assert added.code == 0, added.err
    plain = cli(*args, stdin=pw(PASS))  # without --passport, as before: not linked
    assert plain.code == 0, plain.err
    rows = json.loads(cli("doc", "list", str(vault), "--json", "--passphrase-stdin", stdin=pw(PASS)).out)
    assert [row["passport_number"] for row in rows] == ["751234567", None]
    assert [row["expires"] for row in rows] == ["2029-05-20", None], (
        "a linked scan takes its passport's dates"
    )
    assert {"id", "kind", "title", "expires", "sha256"} <= set(rows[0])  # the old keys all stay
    text = cli("doc", "list", str(vault), "--passphrase-stdin", stdin=pw(PASS)).out.splitlines()
    assert "(passport 751234567)" in text[0] and "passport 7" not in text[1]


def test_doc_add_refuses_a_passport_the_profile_does_not_have(
    cli: Cli, tmp_path: Path, profile_file: Path
) -> None:
    vault = vault_with_profile(cli, tmp_path, profile_file)
    before = fingerprint(vault)
    scan = tmp_path / "scan.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0" + b"jpeg" * 100)
    unknown = cli(
        "doc",
        "add",
        str(vault),
        str(scan),
        "--kind",
        "passport",
        "--passport",
        "000",
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert unknown.code == 2 and "no passport with the number 000" in one_line_error(unknown)
    not_a_passport = cli(
        "doc",
        "add",
        str(vault),
        str(scan),
        "--kind",
        "diploma",
        "--passport",
        "751234567",
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert not_a_passport.code == 2 and "Only a scan of a passport" in one_line_error(not_a_passport)
    assert fingerprint(vault) == before


def test_doc_add_refuses_a_fifo_at_once(cli: Cli, tmp_path: Path, profile_file: Path) -> None:
    import os

    vault = vault_with_profile(cli, tmp_path, profile_file)
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    result = cli(
        "doc",
        "add",
        str(vault),
        str(fifo),
        "--kind",
        "other",
        "--passphrase-stdin",
        stdin=pw(PASS),
        timeout=60,
    )
    assert result.code == 2 and "not an ordinary file" in one_line_error(result)
