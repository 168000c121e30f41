"""The vault and doc commands through a real subprocess: exit codes, one-line errors, no traceback."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import CliResult, one_line_error, pw

PASS = "  spaces stay 'part' of it  "
Cli = Callable[..., CliResult]


def create(cli: Cli, path: Path) -> None:
    result = cli("vault", "create", str(path), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 0, result.err


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.code == 0 and result.out.startswith("waystation ")


def test_full_round_trip(
    cli: Cli, tmp_path: Path, profile_file: Path, sample_profile: dict[str, object]
) -> None:
    vault = tmp_path / "maria.vault"
    create(cli, vault)
    assert (
        cli(
            "vault",
            "import-json",
            str(vault),
            str(profile_file),
            "--passphrase-stdin",
            stdin=pw(PASS),
        ).code
        == 0
    )
    scan = tmp_path / "scan.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0" + b"jpeg" * 1000)
    added = cli(
        "doc",
        "add",
        str(vault),
        str(scan),
        "--kind",
        "passport",
        "--title",
        "Загранпаспорт",
        "--issued",
        "2019-05-20",
        "--expires",
        "2029-05-20",
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert added.code == 0, added.err
    listed = cli("doc", "list", str(vault), "--json", "--passphrase-stdin", stdin=pw(PASS))
    rows = json.loads(listed.out)
    assert rows[0]["kind"] == "passport" and rows[0]["mime_type"] == "image/jpeg"
    assert rows[0]["sha256"] == hashlib.sha256(scan.read_bytes()).hexdigest()
    out = tmp_path / "out.json"
    assert cli("vault", "export-json", str(vault), str(out), "--passphrase-stdin", stdin=pw(PASS)).code == 0
    assert json.loads(out.read_text("utf-8")) == sample_profile
    checked = cli("vault", "check", str(vault), "--passphrase-stdin", stdin=pw(PASS))
    assert checked.code == 0 and "intact" in checked.out and "1 document" in checked.out


def test_wrong_passphrase_exit_3_and_untouched(cli: Cli, tmp_path: Path) -> None:
    vault = tmp_path / "a.vault"
    create(cli, vault)
    before = fingerprint(vault)
    result = cli("vault", "check", str(vault), "--passphrase-stdin", stdin=pw(PASS.strip()))
    assert result.code == 3
    assert "Wrong passphrase" in one_line_error(result)
    assert fingerprint(vault) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("a.vault")) == ["a.vault"]


def test_not_a_vault_exit_codes(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.vault"
    empty.write_bytes(b"")
    random_bytes = tmp_path / "random.vault"
    random_bytes.write_bytes(bytes(range(256)) * 48)
    truncated = tmp_path / "trunc.vault"
    truncated.write_bytes(b"\x01" * 5000)
    for path, codes in ((empty, {4}), (random_bytes, {3, 4}), (truncated, {4})):
        content = path.read_bytes()
        result = cli("vault", "check", str(path), "--passphrase-stdin", stdin=pw(PASS))
        assert result.code in codes, (path, result)
        one_line_error(result)
        assert path.read_bytes() == content


def test_missing_vault(cli: Cli, tmp_path: Path) -> None:
    result = cli("vault", "check", str(tmp_path / "nope.vault"), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 2
    assert "no vault" in one_line_error(result)
    assert not (tmp_path / "nope.vault").exists()


def test_create_refuses_existing(cli: Cli, tmp_path: Path) -> None:
    existing = tmp_path / "keep.vault"
    existing.write_bytes(b"do not touch")
    result = cli("vault", "create", str(existing), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 2 and "already exists" in one_line_error(result)
    assert existing.read_bytes() == b"do not touch"


def test_invalid_profile_changes_nothing(cli: Cli, tmp_path: Path, sample_profile: dict[str, object]) -> None:
    vault = tmp_path / "a.vault"
    create(cli, vault)
    before = fingerprint(vault)
    bad = tmp_path / "bad.json"
    sample_profile["person"]["date_of_birth"] = "not yet"  # type: ignore[index]
    bad.write_text(json.dumps(sample_profile), encoding="utf-8")
    result = cli("vault", "import-json", str(vault), str(bad), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 2
    assert "person.date_of_birth: not a date" in one_line_error(result)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    result = cli("vault", "import-json", str(vault), str(broken), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 2 and "not valid JSON" in one_line_error(result)
    assert fingerprint(vault) == before


def test_passwd(cli: Cli, tmp_path: Path) -> None:
    vault = tmp_path / "a.vault"
    create(cli, vault)
    assert cli("vault", "passwd", str(vault), "--passphrase-stdin", stdin=pw(PASS, "новый 🔑")).code == 0
    assert cli("vault", "check", str(vault), "--passphrase-stdin", stdin=pw(PASS)).code == 3
    assert cli("vault", "check", str(vault), "--passphrase-stdin", stdin=pw("новый 🔑")).code == 0


def test_backup(cli: Cli, tmp_path: Path) -> None:
    vault = tmp_path / "a.vault"
    create(cli, vault)
    usb = tmp_path / "usb"
    usb.mkdir()
    result = cli("vault", "backup", str(vault), str(usb / "copy.vault"), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 0, result.err
    assert cli("vault", "check", str(usb / "copy.vault"), "--passphrase-stdin", stdin=pw(PASS)).code == 0
    again = cli("vault", "backup", str(vault), str(usb / "copy.vault"), "--passphrase-stdin", stdin=pw(PASS))
    assert again.code == 2 and "already exists" in one_line_error(again)


def test_export_refuses_to_overwrite(cli: Cli, tmp_path: Path) -> None:
    vault = tmp_path / "a.vault"
    create(cli, vault)
    out = tmp_path / "exists.json"
    out.write_text("keep", encoding="utf-8")
    result = cli("vault", "export-json", str(vault), str(out), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 2 and out.read_text("utf-8") == "keep"
    forced = cli(
        "vault",
        "export-json",
        str(vault),
        str(out),
        "--force",
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert forced.code == 0 and json.loads(out.read_text("utf-8"))["format"] == "waystation-profile/2"


def test_bad_usage_is_exit_2_one_line(cli: Cli, tmp_path: Path) -> None:
    for args in (
        ("bogus",),
        ("doc", "add", "v", "f", "--kind", "passport", "--expires", "20290520"),
        ("vault",),
    ):
        result = cli(*args)
        assert result.code == 2, args
        one_line_error(result)


def test_doc_add_bad_kind_and_missing_file(cli: Cli, tmp_path: Path) -> None:
    vault = tmp_path / "a.vault"
    create(cli, vault)
    before = fingerprint(vault)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4")
    bad_kind = cli(
        "doc",
        "add",
        str(vault),
        str(scan),
        "--kind",
        "selfie",
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert bad_kind.code == 2 and "Unknown document kind" in one_line_error(bad_kind)
    missing = cli(
        "doc",
        "add",
        str(vault),
        str(tmp_path / "no.pdf"),
        "--kind",
        "other",
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert missing.code == 2 and "no file" in one_line_error(missing)
    assert fingerprint(vault) == before


def test_no_terminal_and_no_stdin_flag(cli: Cli, tmp_path: Path) -> None:
    result = cli("vault", "create", str(tmp_path / "a.vault"))
    assert result.code == 2 and "--passphrase-stdin" in one_line_error(result)
    assert not (tmp_path / "a.vault").exists()


def test_stdin_ends_too_early(cli: Cli, tmp_path: Path) -> None:
    vault = tmp_path / "a.vault"
    create(cli, vault)
    result = cli("vault", "passwd", str(vault), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 2 and "Standard input ended" in one_line_error(result)
    assert cli("vault", "check", str(vault), "--passphrase-stdin", stdin=pw(PASS)).code == 0


def test_crlf_line_endings_are_removed(cli: Cli, tmp_path: Path) -> None:
    vault = tmp_path / "a.vault"
    assert cli("vault", "create", str(vault), "--passphrase-stdin", stdin="windows pass\r\n").code == 0
    assert cli("vault", "check", str(vault), "--passphrase-stdin", stdin="windows pass\n").code == 0


def test_flipped_bit_is_reported_by_check_with_exit_4(cli: Cli, tmp_path: Path) -> None:
    vault = tmp_path / "a.vault"
    create(cli, vault)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 200)
    assert (
        cli("doc", "add", str(vault), str(scan), "--kind", "other", "--passphrase-stdin", stdin=pw(PASS)).code
        == 0
    )
    data = bytearray(vault.read_bytes())
    data[3 * 4096 + 100] ^= 0x01
    vault.write_bytes(bytes(data))
    before = fingerprint(vault)
    result = cli("vault", "check", str(vault), "--passphrase-stdin", stdin=pw(PASS))
    assert result.code == 4, result
    assert "damaged" in one_line_error(result) or "integrity" in result.err
    assert fingerprint(vault) == before
