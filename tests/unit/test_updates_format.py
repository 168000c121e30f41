"""The bundle's formats (issue 17): minisign keys and signatures, the manifest, the canonical ZIP
container and what it refuses (path traversal, absolute paths, links, decompression bombs)."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from pathlib import Path

import pytest

from tests.updates_support import KEY_PASSWORD, make_bundle, make_key, tiny_guide, version
from waystation.updates import minisign
from waystation.updates.container import (
    MANIFEST,
    SIGNATURE,
    BundleFiles,
    ContainerError,
    bundle_bytes,
    read_bundle,
)
from waystation.updates.keys import fingerprint, said_owner
from waystation.updates.manifest import ManifestError, manifest_bytes, parse_manifest
from waystation.updates.versions import app_is_at_least, parse_bundle_version


def test_secret_key_round_trip_and_wrong_password(tmp_path: Path) -> None:
    key = make_key(tmp_path)
    locked = minisign.parse_secret_key(key.keyfile.read_text("ascii"))
    assert locked.encrypted
    assert locked.unlock(KEY_PASSWORD).seed == key.secret.seed
    with pytest.raises(minisign.WrongKeyPassword):
        locked.unlock("not the password")
    plain = minisign.parse_secret_key(minisign.secret_key_text(key.secret, None))
    assert not plain.encrypted and plain.unlock(None).seed == key.secret.seed


def test_key_files_asking_for_too_much_work_are_refused(tmp_path: Path) -> None:
    key = make_key(tmp_path)
    locked = minisign.parse_secret_key(key.keyfile.read_text("ascii"))
    greedy = minisign.LockedSecretKey(
        True, locked.salt, minisign.OPSLIMIT_SENSITIVE * 4, locked.memlimit, locked.body
    )
    with pytest.raises(minisign.MinisignError, match="more work"):
        greedy.unlock(KEY_PASSWORD)


def test_signature_round_trip_and_tampering(tmp_path: Path) -> None:
    key = make_key(tmp_path)
    signature = minisign.sign(b"message", key.secret, "timestamp:1\tfile:m\thashed")
    parsed = minisign.parse_signature(signature.file_text())
    assert parsed == signature
    minisign.verify(b"message", parsed, key.public)
    with pytest.raises(minisign.BadSignature):
        minisign.verify(b"messagf", parsed, key.public)
    forged_comment = minisign.Signature(
        parsed.algorithm,
        parsed.key_id,
        parsed.signature,
        "timestamp:2\tfile:m\thashed",
        parsed.global_signature,
    )
    with pytest.raises(minisign.BadSignature):
        minisign.verify(b"message", forged_comment, key.public)
    other = make_key(tmp_path, stem="other")
    with pytest.raises(minisign.BadSignature):
        minisign.verify(b"message", parsed, other.public)


def test_non_canonical_base64_is_refused(tmp_path: Path) -> None:
    """The last character of a base64 line has spare bits; setting them must not pass."""
    key = make_key(tmp_path)
    lines = minisign.sign(b"m", key.secret, "c").file_text().splitlines()
    last = lines[3]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    trimmed = last.rstrip("=")
    tweaked = trimmed[:-1] + alphabet[alphabet.index(trimmed[-1]) ^ 1] + last[len(trimmed) :]
    with pytest.raises(minisign.MinisignError):
        minisign.parse_signature("\n".join([*lines[:3], tweaked]) + "\n")


def test_public_key_comment_names_its_owner(tmp_path: Path) -> None:
    key = make_key(tmp_path, name="Relocation Desk Tbilisi")
    public = minisign.parse_public_key(key.pubfile.read_text("utf-8"))
    assert public.key == key.public.key and said_owner(public) == "Relocation Desk Tbilisi"
    default = minisign.parse_public_key(key.public.file_text())
    assert said_owner(default) == ""
    shown = fingerprint(public)
    assert len(shown.split()) == 10 and all(len(part) == 4 for part in shown.split())


def test_versions() -> None:
    assert parse_bundle_version("2026.03.14.1") == version("2026.03.14.1")
    assert version("2026.03.14.2") > version("2026.03.14.1") > version("2026.03.13.9")
    assert version("2026.03.14.10") > version("2026.03.14.9")
    for bad in ("2026.02.30.1", "2026.3.14.1", "2026.03.14.0", "2026.03.14", "20260314.1", "x"):
        assert parse_bundle_version(bad) is None
    assert app_is_at_least("0.1.0", "0.1.0") and app_is_at_least("0.10.0", "0.9.1")
    assert not app_is_at_least("0.1.0", "0.2.0")


def _files() -> BundleFiles:
    data = tiny_guide().encode("utf-8")
    manifest = manifest_bytes(version("2026.11.29.1"), "0.1.0", "0123456789ABCDEF", [("PT", data)])
    return BundleFiles(manifest, b"signature\n", {"guides/pt.yaml": data})


def test_manifest_is_deterministic_and_strict() -> None:
    data = tiny_guide().encode("utf-8")
    first = manifest_bytes(version("2026.11.29.1"), "0.1.0", "0123456789ABCDEF", [("PT", data)])
    assert first == manifest_bytes(version("2026.11.29.1"), "0.1.0", "0123456789ABCDEF", [("PT", data)])
    manifest = parse_manifest(first)
    assert manifest.guides[0].file == "guides/pt.yaml" and str(manifest.version) == "2026.11.29.1"
    raw = json.loads(first)
    changes: tuple[dict[str, object], ...] = (
        {"version": "2026.13.01.1"},
        {"signer": "abc"},
        {"extra": 1},
        {"guides": []},
        {"guides": [{**raw["guides"][0], "file": "../pt.yaml"}]},
        {"guides": [raw["guides"][0], raw["guides"][0]]},
    )
    for change in changes:
        with pytest.raises(ManifestError):
            parse_manifest(json.dumps({**raw, **change}).encode())
    with pytest.raises(ManifestError) as newer:
        parse_manifest(json.dumps({**raw, "format": "waystation-guide-bundle/2"}).encode())
    assert newer.value.newer


def test_container_round_trip_is_canonical() -> None:
    files = _files()
    data = bundle_bytes(files)
    assert bundle_bytes(files) == data
    read = read_bundle(data)
    assert read.manifest == files.manifest and dict(read.guides) == dict(files.guides)


def _zip(members: list[tuple[zipfile.ZipInfo | str, bytes]], compression: int = zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for info, data in members:
            archive.writestr(info, data)
    return buffer.getvalue()


def _link(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (("../../etc/evil.yaml", b"x"), "outside the bundle"),
        (("guides/../../evil.yaml", b"x"), "outside the bundle"),
        (("/etc/evil.yaml", b"x"), "absolute path"),
        (("C:/evil.yaml", b"x"), "absolute path"),
        (_link("guides/ge.yaml", "/etc/passwd"), "a link"),
        (("guides/", b""), "not a plain file"),
        (("notes.txt", b"x"), "may not hold"),
    ],
)
def test_hostile_members_are_refused(extra: tuple[zipfile.ZipInfo | str, bytes], expected: str) -> None:
    files = _files()
    data = _zip([(MANIFEST, files.manifest), (SIGNATURE, files.signature), extra])
    with pytest.raises(ContainerError, match=expected):
        read_bundle(data)


def test_decompression_bomb_is_refused_without_inflating() -> None:
    files = _files()
    bomb = _zip(
        [(MANIFEST, files.manifest), (SIGNATURE, files.signature), ("guides/pt.yaml", b"\0" * 50_000_000)],
        zipfile.ZIP_DEFLATED,
    )
    assert len(bomb) < 200_000
    with pytest.raises(ContainerError, match="compressed"):
        read_bundle(bomb)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data + b"trailing",
        lambda data: b"prefix" + data,
        lambda data: data[:-22] + data[-22:-2] + b"\x01\x00" + b"!",  # an archive comment
        lambda data: data[: len(data) // 2],
        lambda data: b"not a zip at all",
        lambda data: b"",
    ],
)
def test_anything_but_the_canonical_form_is_refused(damage: object) -> None:
    data = bundle_bytes(_files())
    assert callable(damage)
    with pytest.raises(ContainerError):
        read_bundle(damage(data))


def test_a_real_bundle_reads_back(tmp_path: Path) -> None:
    key = make_key(tmp_path)
    path = make_bundle(key, {"PT": tiny_guide()}, tmp_path / "b.wsbundle")
    files = read_bundle(path.read_bytes())
    signature = minisign.parse_signature(files.signature.decode())
    minisign.verify(files.manifest, signature, key.public)
    assert signature.untrusted_comment == minisign.DEFAULT_SIGNATURE_COMMENT
