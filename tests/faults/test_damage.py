"""Bit flips and truncations in every region of a vault file (issue 12, item 8): the header with
the salt, the rest of the first page, each page's IV and HMAC, later pages, the last byte. Opening
and checking never crashes, never reads wrong data and never rewrites the file.

What "detected" means, honestly: a change in the first page (the salt, or the encrypted header
after it) is indistinguishable from a wrong passphrase — the key derived from a changed salt is
simply another key — so it reads "Wrong passphrase, or the vault is damaged" (exit 3). A change
in any later page is reported as damage (exit 4) by ``vault check``, and any command that reads
the damaged page stops with exit 4; a command that never reads it prints the right data."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_PROFILE, pw
from tests.faults.support import one_clear_line, run_cli
from waystation.errors import VaultDamaged, WrongPassphrase
from waystation.vault import copies, profile_json
from waystation.vault.connection import PAGE_SIZE, Vault

PASS = "damage test passphrase"
RESERVE = 80  # SQLCipher 4: a 16-byte IV and a 64-byte HMAC at the end of every page


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("damage") / "template.vault"
    with Vault.create(path, PASS) as vault:
        vault.profile.replace(profile_json.from_document(SAMPLE_PROFILE))
        for i in range(12):
            vault.documents.add(bytes([i]) * 20_000 + b"%d" % i, kind="other", title=f"doc {i}")
    return path


def offsets(size: int, rng: random.Random, count: int) -> list[tuple[str, int]]:
    """Offsets in every region, then random ones over the whole file."""
    pages = size // PAGE_SIZE
    named = [
        ("salt", 0),
        ("salt", 15),
        ("first page", 16),
        ("first page", 1000),
        ("first page IV", PAGE_SIZE - RESERVE),
        ("first page HMAC", PAGE_SIZE - 1),
        ("second page", PAGE_SIZE),
        ("second page IV", 2 * PAGE_SIZE - RESERVE + 3),
        ("second page HMAC", 2 * PAGE_SIZE - 10),
        ("middle page", (pages // 2) * PAGE_SIZE + 2000),
        ("last page", size - PAGE_SIZE + 5),
        ("last byte", size - 1),
    ]
    named += [("random", rng.randrange(size)) for _ in range(count - len(named))]
    return named


def flipped(data: bytes, offset: int, bit: int) -> bytes:
    changed = bytearray(data)
    changed[offset] ^= 1 << bit
    return bytes(changed)


def judge(path: Path) -> str:
    """Open and check in this process: the kind of detection, or a failure."""
    try:
        with Vault.open(path, PASS) as vault:
            report = copies.check(vault)
    except WrongPassphrase:
        return "wrong passphrase or damaged"
    except VaultDamaged:
        return "damaged on open"
    assert not report.ok, "a changed byte went unnoticed"
    return "damaged on check"


@pytest.mark.slow
def test_bit_flips_in_every_region_are_detected(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = template.read_bytes()
    rng = random.Random(12_006)
    tally: dict[str, int] = {}
    target = tmp_path / "flipped.vault"
    spots = offsets(len(original), rng, 150)
    for region, offset in spots:
        damaged = flipped(original, offset, rng.randrange(8))
        target.write_bytes(damaged)
        outcome = judge(target)
        if offset < PAGE_SIZE:
            assert outcome == "wrong passphrase or damaged", (region, offset)
        else:
            assert outcome in ("damaged on open", "damaged on check"), (region, offset)
        assert target.read_bytes() == damaged, f"the file was rewritten ({region}, {offset})"
        tally[outcome] = tally.get(outcome, 0) + 1
    with capsys.disabled():
        print(
            f"\nbit flips × {len(spots)}: "
            + ", ".join(f"{k} {v}" for k, v in sorted(tally.items()))
            + "; undetected 0"
        )
    assert sum(tally.values()) == len(spots)


def test_swapped_and_zeroed_pages_are_detected(template: Path, tmp_path: Path) -> None:
    """Every page's HMAC covers its number: a page moved elsewhere is damage, as is a blank one."""
    original = bytearray(template.read_bytes())
    target = tmp_path / "moved.vault"
    third, seventh = slice(2 * PAGE_SIZE, 3 * PAGE_SIZE), slice(6 * PAGE_SIZE, 7 * PAGE_SIZE)
    swapped = bytearray(original)
    swapped[third], swapped[seventh] = original[seventh], original[third]
    target.write_bytes(bytes(swapped))
    assert judge(target) in ("damaged on open", "damaged on check")
    zeroed = bytearray(original)
    zeroed[4 * PAGE_SIZE : 5 * PAGE_SIZE] = bytes(PAGE_SIZE)
    target.write_bytes(bytes(zeroed))
    assert judge(target) in ("damaged on open", "damaged on check")


def expected_outputs(template: Path, home: Path) -> dict[str, str]:
    outputs = {}
    for name, args in READS.items():
        result = run_cli(home, *args(template), "--passphrase-stdin", stdin=pw(PASS))
        assert result.code == 0, result.err
        outputs[name] = result.out
    return outputs


READS: dict[str, Callable[[Path], list[str]]] = {
    "doc list --json": lambda v: ["doc", "list", str(v), "--json"],
    "export-json -": lambda v: ["vault", "export-json", str(v), "-"],
}


@pytest.mark.parametrize("region", ["salt", "first page HMAC", "second page", "middle page", "last byte"])
def test_the_command_line_on_a_flipped_vault(template: Path, tmp_path: Path, region: str) -> None:
    home = tmp_path / "home"
    original = template.read_bytes()
    expected = expected_outputs(template, home)
    offset = dict(offsets(len(original), random.Random(0), 12))[region]
    target = tmp_path / "flipped.vault"
    target.write_bytes(flipped(original, offset, 4))
    checked = run_cli(home, "vault", "check", str(target), "--passphrase-stdin", stdin=pw(PASS))
    assert checked.code == (3 if offset < PAGE_SIZE else 4), checked.err
    assert one_clear_line(checked), checked.err
    for name, args in READS.items():
        read = run_cli(home, *args(target), "--passphrase-stdin", stdin=pw(PASS))
        assert read.code in (0, 3, 4), (name, read.err)
        if read.code == 0:
            assert read.out == expected[name], f"{name} read wrong data from a damaged vault"
        else:
            assert one_clear_line(read), read.err
    assert (
        hashlib.sha256(target.read_bytes()).hexdigest()
        == hashlib.sha256(flipped(original, offset, 4)).hexdigest()
    )


def truncation_sizes(size: int) -> list[int]:
    return [
        0,
        1,
        16,
        100,
        PAGE_SIZE - 1,
        PAGE_SIZE,
        PAGE_SIZE + 1,
        2 * PAGE_SIZE,
        (size // PAGE_SIZE // 2) * PAGE_SIZE,
        size - PAGE_SIZE,
        size - 1,
    ]


def test_truncations_are_refused_as_damage(
    template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = template.read_bytes()
    home = tmp_path / "home"
    target = tmp_path / "cut.vault"
    sizes = truncation_sizes(len(original))
    for size in sizes:
        target.write_bytes(original[:size])
        result = run_cli(home, "vault", "check", str(target), "--passphrase-stdin", stdin=pw(PASS))
        assert result.code == 4, (size, result.err)
        assert one_clear_line(result), (size, result.err)
        assert target.read_bytes() == original[:size], f"the file was changed (cut at {size})"
    with capsys.disabled():
        print(f"\ntruncations × {len(sizes)}: exit 4 every time; rewritten 0")


def test_a_damaged_vault_is_not_backed_up(template: Path, tmp_path: Path) -> None:
    """A backup reads every page: one with damage is refused, so the damage is not copied on."""
    original = template.read_bytes()
    target = tmp_path / "flipped.vault"
    target.write_bytes(flipped(original, len(original) - PAGE_SIZE + 5, 1))
    home = tmp_path / "home"
    stick = tmp_path / "stick"
    stick.mkdir()
    result = run_cli(
        home, "vault", "backup", str(target), str(stick / "copy.vault"), "--passphrase-stdin", stdin=pw(PASS)
    )
    assert result.code in (1, 4) and one_clear_line(result), result.err
    assert list(stick.iterdir()) == []
