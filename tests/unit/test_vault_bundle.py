"""Bundles of vaults (helpdesk/vault_bundle.py): a family's vaults as one file. They unpack all
or nothing, never over a file, checked against their hashes; and a hostile archive — path
traversal, an absolute path, a link, a decompression bomb, an encrypted or oversized member, the
same name twice, a member that is not a vault — is refused before anything is written."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import warnings
import zipfile
from pathlib import Path

import pytest

from waystation.errors import InvalidInput, VaultDamaged, VaultInUse
from waystation.helpdesk import vault_bundle
from waystation.helpdesk.vault_bundle import MANIFEST, contents, pack, unpack
from waystation.vault.connection import Vault
from waystation.vault.models import Person, Profile

PASS = "orchard lantern velvet quarry 42"


def family(folder: Path) -> list[Path]:
    paths = []
    for name in ("mother", "son"):
        path = folder / f"{name}.vault"
        with Vault.create(path, PASS) as vault:
            vault.profile.replace(Profile(person=Person(family_name=name.title())))
        paths.append(path)
    return paths


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_pack_then_unpack_gives_the_same_vaults(tmp_path: Path) -> None:
    vaults = family(tmp_path)
    out = tmp_path / "family.wsvaults"
    packed = pack(vaults, out)
    assert [v.name for v in packed] == ["mother.vault", "son.vault"]
    with zipfile.ZipFile(out) as archive:
        assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist())
    assert contents(out) == packed
    home = tmp_path / "home"
    home.mkdir()
    placed = unpack(out, home)
    assert placed == [home / "mother.vault", home / "son.vault"]
    for original, copy in zip(vaults, placed, strict=True):
        assert copy.read_bytes() == original.read_bytes()
    with Vault.open(home / "son.vault", PASS) as vault:
        assert vault.profile.load().person.family_name == "Son"
    assert listing(home) == ["mother.vault", "son.vault"]  # no temporary left


def test_unpacking_never_overwrites_and_writes_nothing_then(tmp_path: Path) -> None:
    out = tmp_path / "family.wsvaults"
    pack(family(tmp_path), out)
    home = tmp_path / "home"
    home.mkdir()
    (home / "son.vault").write_bytes(b"the son's other vault")
    with pytest.raises(InvalidInput, match="already exist"):
        unpack(out, home)
    assert listing(home) == ["son.vault"] and (home / "son.vault").read_bytes() == b"the son's other vault"
    with pytest.raises(InvalidInput, match="already exists"):
        pack([tmp_path / "mother.vault"], out)


def test_packing_refuses_what_is_not_a_closed_vault(tmp_path: Path) -> None:
    mother, son = family(tmp_path)
    out = tmp_path / "family.wsvaults"
    with pytest.raises(InvalidInput):
        pack([], out)
    picture = tmp_path / "photo.vault"
    picture.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 5000)
    with pytest.raises(VaultDamaged, match="JPEG"):
        pack([mother, picture], out)
    son.with_name("son.vault-journal").write_bytes(b"\0" * 512)
    with pytest.raises(InvalidInput, match="not closed properly"):
        pack([mother, son], out)
    son.with_name("son.vault-journal").unlink()
    other = tmp_path / "x"
    other.mkdir()
    (other / "son.vault").write_bytes(son.read_bytes())
    with pytest.raises(InvalidInput, match="same file name"):
        pack([son, other / "son.vault"], out)
    assert not out.exists() and not any(p.name.startswith(".family") for p in tmp_path.iterdir())


@pytest.mark.slow
def test_a_vault_open_in_another_program_is_not_packed(tmp_path: Path) -> None:
    import subprocess
    import sys

    mother, _son = family(tmp_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from waystation.vault.connection import Vault; "
            f"v = Vault.open(sys.argv[1], {PASS!r}); print('open', flush=True); sys.stdin.read()",
            str(mother),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(VaultInUse):
            pack([mother], tmp_path / "x.wsvaults")
    finally:
        holder.communicate("", timeout=30)


# -- hostile bundles -----------------------------------------------------------------------------


def entry(name: str, data: bytes) -> dict[str, object]:
    return {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def vault_bytes() -> bytes:
    return b"\x13\x37" * 8 + os.urandom(4096 * 3 - 16)


def hostile(
    members: list[tuple[zipfile.ZipInfo | str, bytes]],
    manifest: list[dict[str, object]] | None,
    compression: int = zipfile.ZIP_STORED,
) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", compression) as archive:
        warnings.simplefilter("ignore")  # "Duplicate name": the point of one of them
        for info, data in members:
            archive.writestr(info, data)
        if manifest is not None:
            archive.writestr(MANIFEST, json.dumps({"format": vault_bundle.FORMAT, "vaults": manifest}))
    return buffer.getvalue()


def link(name: str, target: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


GOOD = vault_bytes()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            hostile([("vaults/../../escaped.vault", GOOD)], [entry("../../escaped.vault", GOOD)]),
            "outside the bundle",
        ),
        (hostile([("/tmp/escaped.vault", GOOD)], []), "absolute path"),
        (hostile([("C:/escaped.vault", GOOD)], []), "absolute path"),
        (hostile([(link("vaults/a.vault", "/etc/passwd"), b"/etc/passwd")], []), "a link"),
        (hostile([("vaults/", b"")], []), "not a plain file"),
        (hostile([("vaults/a.vault", b"\0" * 30_000_000)], [], zipfile.ZIP_DEFLATED), "compressed"),
        (hostile([("notes.txt", b"x")], []), "may not hold"),
        (hostile([("vaults/.hidden.vault", GOOD)], []), "may not hold"),
        (hostile([("vaults/a.vault", GOOD), ("vaults/a.vault", GOOD)], [entry("a.vault", GOOD)]), "twice"),
        (hostile([("vaults/a.vault", GOOD)], None), "no manifest"),
        (hostile([("vaults/a.vault", GOOD)], [entry("b.vault", GOOD)]), "does not match"),
        (
            hostile([("vaults/a.vault", GOOD), ("vaults/b.vault", GOOD)], [entry("a.vault", GOOD)]),
            "does not match",
        ),
        (hostile([("vaults/a.vault", GOOD)], [{**entry("a.vault", GOOD), "sha256": "0" * 64}]), "hash"),
        (
            hostile(
                [("vaults/a.vault", b"SQLite format 3\0" + b"\0" * 4080)],
                [entry("a.vault", b"SQLite format 3\0" + b"\0" * 4080)],
            ),
            "not a vault",
        ),
        (hostile([(f"vaults/v{i}.vault", b"") for i in range(40)], []), "too many"),
        (b"this is not a zip archive at all", "not a readable archive"),
    ],
    ids=[
        "traversal",
        "absolute",
        "drive",
        "link",
        "folder",
        "bomb",
        "stray-file",
        "hidden-name",
        "twice",
        "no-manifest",
        "wrong-name",
        "unlisted",
        "hash",
        "plain-sqlite",
        "too-many",
        "not-zip",
    ],
)
def test_hostile_bundles_are_refused_before_anything_is_written(
    tmp_path: Path, data: bytes, expected: str
) -> None:
    bundle = tmp_path / "hostile.wsvaults"
    bundle.write_bytes(data)
    home = tmp_path / "home"
    home.mkdir()
    with pytest.raises(VaultDamaged, match=expected) as refused:
        unpack(bundle, home)
    assert refused.value.exit_code == 4
    assert listing(home) == []
    assert not (tmp_path / "escaped.vault").exists() and not Path("/tmp/escaped.vault").exists()


def test_a_bomb_is_refused_without_inflating(tmp_path: Path) -> None:
    data = hostile([("vaults/a.vault", b"\0" * 50_000_000)], [], zipfile.ZIP_DEFLATED)
    assert len(data) < 200_000
    bundle = tmp_path / "bomb.wsvaults"
    bundle.write_bytes(data)
    with pytest.raises(VaultDamaged, match="compressed"):
        contents(bundle)


def test_an_oversized_member_is_refused_by_its_declared_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vault_bundle, "MAX_VAULT_BYTES", 4096)
    bundle = tmp_path / "big.wsvaults"
    bundle.write_bytes(hostile([("vaults/a.vault", GOOD)], [entry("a.vault", GOOD)]))
    with pytest.raises(VaultDamaged, match="too large"):
        contents(bundle)


def test_a_fifo_or_a_folder_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.wsvaults"
    os.mkfifo(fifo)
    with pytest.raises(InvalidInput, match="not a file"):
        contents(fifo)
    with pytest.raises(InvalidInput, match="not a file"):
        contents(tmp_path)
    with pytest.raises(InvalidInput, match="no file"):
        contents(tmp_path / "missing.wsvaults")
