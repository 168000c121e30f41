"""A vault begins with its random salt, which may look like any other kind of file: a vault
whose salt began with "BM" (one in 65,536) was refused as "a BMP image" and could not be opened
(found by the full-disk fault test). The names of other file kinds now need four bytes or more,
and Vault.open gives them only to a file that does not open."""

from __future__ import annotations

import gzip
import io
import random
from pathlib import Path

import pytest
from PIL import Image

from waystation.errors import NotAVault
from waystation.vault import connection
from waystation.vault.connection import Vault
from waystation.vault.file_kind import HEADER_BYTES, looks_like
from waystation.vault.wipe import wipe

PASS = "salt test passphrase"


def test_random_salts_are_named_as_no_other_kind_of_file() -> None:
    rng = random.Random(20261129)
    named = [h for h in (rng.randbytes(HEADER_BYTES) for _ in range(200_000)) if looks_like(h)]
    # with two-byte signatures (BMP "BM", gzip 1F 8B) about six of these were named
    assert named == []


def test_salts_that_begin_like_a_bmp_a_gzip_or_a_jpeg_are_not_named() -> None:
    rng = random.Random(7)
    for prefix in (b"BM", b"\x1f\x8b", b"\xff\xd8\xff\x00"):
        for _ in range(200):
            assert looks_like(prefix + rng.randbytes(HEADER_BYTES - len(prefix))) is None


@pytest.mark.parametrize("kind", ["BMP", "JPEG"])
def test_real_pictures_are_still_named(kind: str) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, kind)
    assert looks_like(buffer.getvalue()[:HEADER_BYTES]) == f"a {kind} image"


def test_a_real_gzip_file_is_still_named() -> None:
    assert looks_like(gzip.compress(b"profile")[:HEADER_BYTES]) == "a compressed (gzip) file"


def test_a_vault_whose_salt_looks_like_another_file_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "salted.vault"
    Vault.create(path, PASS).close()
    monkeypatch.setattr(connection, "looks_like", lambda header: "a BMP image")
    with Vault.open(path, PASS) as vault:
        assert vault.schema_version() >= 1
    with pytest.raises(NotAVault, match=r"it looks like a BMP image"):  # the file does not open
        Vault.open(path, "another passphrase")


def test_a_vault_whose_salt_begins_with_bm_can_be_wiped(tmp_path: Path) -> None:
    path = tmp_path / "bm.vault"
    path.write_bytes(b"BM" + random.Random(3).randbytes(4096 * 3 - 2))
    report = wipe(path)
    assert not path.exists() and report.removed[0] == path
