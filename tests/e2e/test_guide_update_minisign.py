"""Interoperability with Debian's ``minisign`` tool (issue 17): a bundle signed by Waystation
verifies with ``minisign -V``; a bundle whose manifest was signed by ``minisign -S`` installs in
Waystation; keys made by either work in the other. Also the maintainer commands' own contract:
``content keygen`` (0600, password-protected) and ``content sign`` with a password from the
terminal or ``--passphrase-stdin``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, pw
from tests.updates_support import KEY_PASSWORD, make_key, real_guide, tiny_guide, write_guides
from waystation.updates.container import read_bundle
from waystation.updates.keys import fingerprint
from waystation.updates.minisign import parse_public_key

Cli = Callable[..., CliResult]
MINISIGN = shutil.which("minisign")
TOOL_PASSWORD = "tool password ünïcode"

needs_minisign = pytest.mark.skipif(
    MINISIGN is None and not os.environ.get("CI"),
    reason="the minisign tool is not installed (apt-get install minisign; .ci/run installs it)",
)


def minisign(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    assert MINISIGN is not None, "minisign must be installed in CI (.ci/run)"
    return subprocess.run([MINISIGN, *args], input=stdin, capture_output=True, text=True, timeout=120)


def unpack(bundle: Path, into: Path) -> Path:
    files = read_bundle(bundle.read_bytes())
    into.mkdir()
    (into / "manifest.json").write_bytes(files.manifest)
    (into / "manifest.json.minisig").write_bytes(files.signature)
    for name, data in files.guides.items():
        (into / name).parent.mkdir(exist_ok=True)
        (into / name).write_bytes(data)
    return into


@needs_minisign
def test_waystation_bundle_verifies_with_minisign(cli: Cli, tmp_path: Path) -> None:
    key = make_key(tmp_path / "keys")
    guides = write_guides(tmp_path / "guides", {"PT": tiny_guide(), "TH": real_guide("TH")})
    bundle = tmp_path / "b.wsbundle"
    signed = cli(
        "content", "sign", *map(str, guides), "--version", "2026.11.29.1", "--key", str(key.keyfile),
        "--out", str(bundle), "--passphrase-stdin", stdin=pw(KEY_PASSWORD),
    )  # fmt: skip
    assert signed.code == 0, signed.err
    folder = unpack(bundle, tmp_path / "unpacked")
    checked = minisign("-V", "-p", str(key.pubfile), "-m", str(folder / "manifest.json"))
    assert checked.returncode == 0, checked.stderr
    assert "Signature and comment signature verified" in checked.stdout + checked.stderr
    manifest = json.loads((folder / "manifest.json").read_text("ascii"))
    for guide in manifest["guides"]:
        assert hashlib.sha256((folder / guide["file"]).read_bytes()).hexdigest() == guide["sha256"]
    (folder / "manifest.json").write_bytes(
        (folder / "manifest.json").read_bytes().replace(b"0.1.0", b"0.1.1")
    )
    assert minisign("-V", "-p", str(key.pubfile), "-m", str(folder / "manifest.json")).returncode != 0


@needs_minisign
@pytest.mark.slow  # the real minisign tool, many processes: make test-slow and CI
def test_bundle_signed_with_the_minisign_tool_installs(cli: Cli, tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.mkdir()
    made = minisign(
        "-G",
        "-p",
        str(keys / "tool.pub"),
        "-s",
        str(keys / "tool.key"),
        stdin=pw(TOOL_PASSWORD, TOOL_PASSWORD),
    )
    assert made.returncode == 0, made.stderr
    guides = [str(p) for p in write_guides(tmp_path / "guides", {"PT": tiny_guide(), "TH": real_guide("TH")})]
    manifest = tmp_path / "manifest.json"
    written = cli(
        "content", "manifest", *guides, "--version", "2026.11.29.3", "--signer", str(keys / "tool.pub"),
        "--out", str(manifest),
    )  # fmt: skip
    assert written.code == 0, written.err
    signed = minisign(
        "-S",
        "-s",
        str(keys / "tool.key"),
        "-c",
        "signed on the desk laptop",
        "-m",
        str(manifest),
        stdin=pw(TOOL_PASSWORD),
    )
    assert signed.returncode == 0, signed.stderr
    bundle = tmp_path / "tool.wsbundle"
    assembled = cli(
        "content", "sign", *guides, "--version", "2026.11.29.3", "--signature", f"{manifest}.minisig",
        "--signer", str(keys / "tool.pub"), "--out", str(bundle),
    )  # fmt: skip
    assert assembled.code == 0, assembled.err

    assert cli("content", "install", str(bundle)).code == 4  # not trusted yet
    assert cli("content", "trust", str(keys / "tool.pub"), "--name", "Desk laptop").code == 0
    installed = cli("content", "install", str(bundle))
    assert installed.code == 0, installed.err
    listing = {g["country"]: g for g in json.loads(cli("content", "list", "--json").out)}
    tool_key = parse_public_key((keys / "tool.pub").read_text("utf-8"))
    assert listing["PT"]["source"] == "installed" and listing["PT"]["version"] == "2026.11.29.3"
    assert listing["TH"]["signer"] == fingerprint(tool_key) and listing["TH"]["signer_name"] == "Desk laptop"

    wrong_version = cli(
        "content", "sign", *guides, "--version", "2026.11.29.4", "--signature", f"{manifest}.minisig",
        "--signer", str(keys / "tool.pub"), "--out", str(tmp_path / "x.wsbundle"),
    )  # fmt: skip
    assert wrong_version.code == 2 and "not a signature by that key" in wrong_version.err

    # a key made by the tool signs directly in Waystation, too
    direct = cli(
        "content", "sign", guides[0], "--version", "2026.11.29.5", "--key", str(keys / "tool.key"),
        "--out", str(tmp_path / "direct.wsbundle"), "--passphrase-stdin", stdin=pw(TOOL_PASSWORD),
    )  # fmt: skip
    assert direct.code == 0, direct.err
    assert cli("content", "install", str(tmp_path / "direct.wsbundle")).code == 0


@needs_minisign
@pytest.mark.slow  # the real minisign tool, many processes: make test-slow and CI
def test_keygen_makes_a_protected_key_minisign_can_use(cli: Cli, tmp_path: Path) -> None:
    keyfile = tmp_path / "maintainer.key"
    made = cli(
        "content",
        "keygen",
        str(keyfile),
        "--name",
        "Maria, guide maintainer",
        "--passphrase-stdin",
        stdin=pw(KEY_PASSWORD),
    )
    assert made.code == 0, made.err
    assert stat.S_IMODE(keyfile.stat().st_mode) == 0o600
    public = tmp_path / "maintainer.key.pub"
    assert "Maria, guide maintainer" in public.read_text("utf-8")
    assert "encrypted secret key" in keyfile.read_text("ascii")
    again = cli("content", "keygen", str(keyfile), "--passphrase-stdin", stdin=pw(KEY_PASSWORD))
    assert again.code == 2 and "already exists" in again.err

    guide = write_guides(tmp_path / "guides", {"PT": tiny_guide()})[0]
    wrong = cli(
        "content", "sign", str(guide), "--version", "2026.11.29.1", "--key", str(keyfile),
        "--out", str(tmp_path / "b.wsbundle"), "--passphrase-stdin", stdin=pw("not it"),
    )  # fmt: skip
    assert wrong.code == 3 and not (tmp_path / "b.wsbundle").exists()
    no_terminal = cli(
        "content",
        "sign",
        str(guide),
        "--version",
        "2026.11.29.1",
        "--key",
        str(keyfile),
        "--out",
        str(tmp_path / "b.wsbundle"),
    )
    assert no_terminal.code == 2 and "--passphrase-stdin" in no_terminal.err

    message = tmp_path / "note.txt"
    message.write_text("signed by a Waystation key\n")
    signed = minisign("-S", "-s", str(keyfile), "-m", str(message), stdin=pw(KEY_PASSWORD))
    assert signed.returncode == 0, signed.stderr
    assert minisign("-V", "-p", str(public), "-m", str(message)).returncode == 0


def test_sign_refuses_bad_input(cli: Cli, tmp_path: Path) -> None:
    key = make_key(tmp_path / "keys")
    good = write_guides(tmp_path / "guides", {"PT": tiny_guide()})[0]
    base = ("content", "sign", "--key", str(key.keyfile), "--passphrase-stdin")

    def sign(*args: str) -> CliResult:
        return cli(*base, *args, stdin=pw(KEY_PASSWORD))

    assert sign(str(good), "--version", "2026.02.30.1", "--out", str(tmp_path / "b")).code == 2
    invalid = write_guides(tmp_path / "bad", {"PT": tiny_guide().replace("track: residence", "track: x")})[0]
    result = sign(str(invalid), "--version", "2026.11.29.1", "--out", str(tmp_path / "b"))
    assert result.code == 2 and "content validate" in result.err
    misnamed = tmp_path / "portugal.yaml"
    misnamed.write_text(tiny_guide(), encoding="utf-8")
    assert sign(str(misnamed), "--version", "2026.11.29.1", "--out", str(tmp_path / "b")).code == 2
    assert sign(str(good), "--version", "2026.11.29.1", "--out", str(tmp_path / "b")).code == 0
    exists = sign(str(good), "--version", "2026.11.29.1", "--out", str(tmp_path / "b"))
    assert exists.code == 2 and "already exists" in exists.err
    assert sign(str(good), "--version", "2026.11.29.1", "--out", str(tmp_path / "b"), "--force").code == 0
    not_a_key = cli(
        "content",
        "sign",
        str(good),
        "--version",
        "2026.11.29.1",
        "--key",
        str(good),
        "--out",
        str(tmp_path / "c"),
    )
    assert not_a_key.code == 2 and "not a minisign secret key" in not_a_key.err
