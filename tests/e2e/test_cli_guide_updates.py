"""``waystation content install | remove | trust | untrust | keys`` through real subprocesses
(issue 17): every exit path, and that nothing is installed unless everything passed."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, cli_env
from tests.updates_support import (
    DeskKey,
    cli_app_data,
    installed_root,
    make_bundle,
    make_key,
    real_guide,
    tiny_guide,
    write_guides,
)
from waystation.updates.container import BundleFiles, bundle_bytes, read_bundle
from waystation.updates.manifest import manifest_bytes, parse_manifest
from waystation.updates.minisign import sign

Cli = Callable[..., CliResult]
TH_30 = "limits: [{kind: per_stay, days: 30}]"
TH_45 = "limits: [{kind: per_stay, days: 45}]"


def config(tmp_path: Path) -> Path:
    return cli_app_data(tmp_path)


def listed(cli: Cli) -> dict[str, dict[str, object]]:
    result = cli("content", "list", "--json")
    assert result.code == 0, result.err
    return {g["country"]: g for g in json.loads(result.out)}


def nothing_installed(tmp_path: Path) -> bool:
    return not (installed_root(config(tmp_path)) / "current").exists()


@pytest.fixture
def desk(tmp_path: Path, cli: Cli) -> DeskKey:
    key = make_key(tmp_path / "keys", name="Relocation Desk")
    trusted = cli("content", "trust", str(key.pubfile))
    assert trusted.code == 0, trusted.err
    return key


def test_install_list_and_remove(cli: Cli, tmp_path: Path, desk: DeskKey) -> None:
    bundle = make_bundle(
        desk, {"TH": real_guide("TH", (TH_30, TH_45)), "PT": tiny_guide()}, tmp_path / "b.wsbundle"
    )
    dry = cli("content", "install", str(bundle), "--dry-run")
    assert dry.code == 0, dry.err
    assert "Thailand: visa-free stay 30 → 45 days per stay (for citizens of RU)" in dry.out
    assert "Dry run: nothing was installed." in dry.out and nothing_installed(tmp_path)
    assert listed(cli)["TH"]["source"] == "built-in"

    done = cli("content", "install", str(bundle))
    assert done.code == 0, done.err
    assert "Installed 2 guides." in done.out
    guides = listed(cli)
    for country in ("TH", "PT"):
        assert guides[country]["source"] == "installed"
        assert guides[country]["version"] == "2026.11.29.1"
        assert guides[country]["signer"] == desk_fingerprint(desk)
        assert guides[country]["signer_name"] == "Relocation Desk"
    assert guides["GE"]["source"] == "built-in" and guides["GE"]["signer"] is None
    shown = cli("content", "show", "TH", "--json")
    assert json.loads(shown.out)["stay_rules"][0]["limits"][0]["days"] == 45
    text = cli("content", "list").out
    assert "update 2026.11.29.1, signed by Relocation Desk" in text

    again = cli("content", "install", str(bundle))
    assert again.code == 0 and "installed already" in again.out

    removed = cli("content", "remove", "th")
    assert removed.code == 0, removed.err
    guides = listed(cli)
    assert guides["TH"]["source"] == "built-in" and guides["PT"]["source"] == "installed"
    assert json.loads(cli("content", "show", "TH", "--json").out)["stay_rules"][0]["limits"][0]["days"] == 30
    missing = cli("content", "remove", "TH")
    assert missing.code == 2 and "No guide update is installed for TH" in missing.err


def desk_fingerprint(key: DeskKey) -> str:
    from waystation.updates.keys import fingerprint

    return fingerprint(key.public)


def test_untrusted_signer_exit_4(cli: Cli, tmp_path: Path) -> None:
    stranger = make_key(tmp_path / "keys", stem="stranger")
    bundle = make_bundle(stranger, {"PT": tiny_guide()}, tmp_path / "b.wsbundle")
    result = cli("content", "install", str(bundle))
    assert result.code == 4
    assert "key you do not trust" in result.err and stranger.key_id in result.err
    assert len(result.err.strip().splitlines()) == 1 and nothing_installed(tmp_path)
    assert cli("content", "install", str(bundle), "--dry-run").code == 4


def _rebuilt(bundle: Path, change: Callable[[BundleFiles], BundleFiles]) -> Path:
    files = change(read_bundle(bundle.read_bytes()))
    out = bundle.with_name("changed.wsbundle")
    out.write_bytes(bundle_bytes(files))
    return out


def test_bad_signature_hash_mismatch_and_tampered_manifest_exit_4(
    cli: Cli, tmp_path: Path, desk: DeskKey
) -> None:
    bundle = make_bundle(desk, {"PT": tiny_guide()}, tmp_path / "b.wsbundle")

    other_guide = tiny_guide(days=180).encode()
    swapped = _rebuilt(
        bundle, lambda f: BundleFiles(f.manifest, f.signature, {"guides/pt.yaml": other_guide})
    )
    result = cli("content", "install", str(swapped))
    assert result.code == 4 and "does not match its SHA-256" in result.err

    def tamper(files: BundleFiles) -> BundleFiles:
        raw = json.loads(files.manifest)
        raw["guides"][0]["sha256"] = "0" * 64
        return BundleFiles(json.dumps(raw, indent=2).encode() + b"\n", files.signature, files.guides)

    result = cli("content", "install", str(_rebuilt(bundle, tamper)))
    assert result.code == 4 and "signature does not match" in result.err

    def resign_with_other(files: BundleFiles) -> BundleFiles:
        impostor = make_key(tmp_path / "keys", stem="impostor")
        forged = sign(files.manifest, impostor.secret, "timestamp:1\tfile:manifest.json\thashed")
        # under the trusted key's id, so the check cannot stop at "unknown signer"
        disguised = dataclasses.replace(forged, key_id=desk.secret.key_id)
        return BundleFiles(files.manifest, disguised.file_text().encode(), files.guides)

    result = cli("content", "install", str(_rebuilt(bundle, resign_with_other)))
    assert result.code == 4 and "signature does not match" in result.err

    extra = _rebuilt(
        bundle, lambda f: BundleFiles(f.manifest, f.signature, {**f.guides, "guides/ge.yaml": b"x"})
    )
    result = cli("content", "install", str(extra))
    assert result.code == 4 and "do not match its manifest" in result.err

    not_a_bundle = tmp_path / "photo.wsbundle"
    not_a_bundle.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    result = cli("content", "install", str(not_a_bundle))
    assert result.code == 4 and "not a guide bundle" in result.err
    assert nothing_installed(tmp_path)


def test_invalid_guide_inside_a_valid_bundle_exit_2(cli: Cli, tmp_path: Path, desk: DeskKey) -> None:
    from waystation.updates.signing import signed_bundle
    from waystation.updates.versions import parse_bundle_version

    broken = tiny_guide().replace("track: residence", "track: nowhere").encode()
    fine = tiny_guide("TH", checked="2026-11-28").replace("Portugal", "Thailand").encode()
    version = parse_bundle_version("2026.11.29.1")
    assert version is not None
    bundle = tmp_path / "b.wsbundle"
    bundle.write_bytes(signed_bundle([("PT", broken), ("TH", fine)], version, "0.1.0", desk.secret))
    result = cli("content", "install", str(bundle))
    assert result.code == 2, result.err
    assert "does not pass the checks" in result.err and "pt.yaml" in result.err
    assert nothing_installed(tmp_path) and listed(cli)["TH"]["source"] == "built-in"


def test_downgrade_exit_2_unless_allow_older(cli: Cli, tmp_path: Path, desk: DeskKey) -> None:
    newer = make_bundle(desk, {"PT": tiny_guide(days=60)}, tmp_path / "new.wsbundle", "2026.11.29.2")
    older = make_bundle(desk, {"PT": tiny_guide(days=30)}, tmp_path / "old.wsbundle", "2026.11.29.1")
    assert cli("content", "install", str(newer)).code == 0
    refused = cli("content", "install", str(older))
    assert refused.code == 2 and "not newer than the installed guides (PT 2026.11.29.2)" in refused.err
    assert "--allow-older" in refused.err
    assert listed(cli)["PT"]["version"] == "2026.11.29.2"
    allowed = cli("content", "install", str(older), "--allow-older")
    assert allowed.code == 0, allowed.err
    assert listed(cli)["PT"]["version"] == "2026.11.29.1"
    same_version = make_bundle(desk, {"PT": tiny_guide(days=45)}, tmp_path / "same.wsbundle", "2026.11.29.1")
    assert cli("content", "install", str(same_version)).code == 2


def test_guide_older_than_the_built_in_one_exit_2(cli: Cli, tmp_path: Path, desk: DeskKey) -> None:
    stale = tiny_guide("TH", checked="2026-01-10").replace("Portugal", "Thailand")
    bundle = make_bundle(desk, {"TH": stale}, tmp_path / "b.wsbundle")
    result = cli("content", "install", str(bundle))
    assert result.code == 2 and "before the one built into" in result.err
    assert nothing_installed(tmp_path)


def test_bundle_for_a_newer_app_or_format_exit_2(cli: Cli, tmp_path: Path, desk: DeskKey) -> None:
    future = make_bundle(desk, {"PT": tiny_guide()}, tmp_path / "future.wsbundle", min_app="9.0.0")
    result = cli("content", "install", str(future))
    assert result.code == 2 and "needs Waystation 9.0.0 or newer" in result.err

    files = read_bundle(future.read_bytes())
    raw = json.loads(files.manifest)
    raw["format"] = "waystation-guide-bundle/2"
    manifest = json.dumps(raw).encode()
    signature = sign(manifest, desk.secret, "timestamp:1\tfile:manifest.json\thashed").file_text().encode()
    newer = tmp_path / "format2.wsbundle"
    newer.write_bytes(bundle_bytes(BundleFiles(manifest, signature, files.guides)))
    result = cli("content", "install", str(newer))
    assert result.code == 2 and "newer kind of bundle" in result.err
    assert nothing_installed(tmp_path)


def test_bad_usage_exit_2(cli: Cli, tmp_path: Path) -> None:
    assert cli("content", "install", str(tmp_path / "missing.wsbundle")).code == 2
    assert cli("content", "install", str(tmp_path)).code == 2
    assert cli("content", "install").code == 2
    not_a_key = tmp_path / "x.pub"
    not_a_key.write_text("hello\n")
    result = cli("content", "trust", str(not_a_key))
    assert result.code == 2 and "not a minisign public key" in result.err
    assert cli("content", "untrust", "0123456789ABCDEF").code == 2


def test_trust_keys_and_untrust_retires_installed_guides(cli: Cli, tmp_path: Path, desk: DeskKey) -> None:
    keys = json.loads(cli("content", "keys", "--json").out)
    added = [k for k in keys if not k["built_in"]]
    assert [k["key_id"] for k in added] == [desk.key_id] and added[0]["name"] == "Relocation Desk"
    assert any(k["built_in"] for k in keys)  # the project's own key ships with the app
    assert "Already trusted" in cli("content", "trust", str(desk.pubfile)).out

    bundle = make_bundle(desk, {"PT": tiny_guide()}, tmp_path / "b.wsbundle")
    assert cli("content", "install", str(bundle)).code == 0
    assert listed(cli)["PT"]["source"] == "installed"
    untrusted = cli("content", "untrust", desk_fingerprint(desk).lower())
    assert untrusted.code == 0, untrusted.err
    result = cli("content", "list", "--json")
    assert "PT" not in {g["country"] for g in json.loads(result.out)}
    assert "no longer trusted" in result.err or "was not loaded" in result.err
    assert cli("content", "trust", str(desk.pubfile)).code == 0
    assert listed(cli)["PT"]["source"] == "installed"

    built_in = next(k for k in keys if k["built_in"])
    assert cli("content", "untrust", built_in["key_id"]).code == 0
    assert all(not k["built_in"] for k in json.loads(cli("content", "keys", "--json").out))


@pytest.mark.slow  # many processes: make test-slow and CI
def test_two_installs_at_once_one_waits(tmp_path: Path, cli: Cli, desk: DeskKey) -> None:
    guides = {c: real_guide(c) for c in ("TR", "DE", "KZ")}
    bundle = make_bundle(desk, guides, tmp_path / "b.wsbundle")
    env = cli_env(tmp_path / "home")
    command = [sys.executable, "-m", "waystation", "content", "install", str(bundle)]
    runs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [
        (p.wait(timeout=120), p.stdout.read() if p.stdout else "", p.stderr.read() if p.stderr else "")
        for p in runs
    ]
    codes = sorted(code for code, _out, _err in results)
    assert codes in ([0, 0], [0, 5]), results
    outs = " ".join(out for _code, out, _err in results)
    assert "Installed 3 guides." in outs
    generations = [p.name for p in installed_root(config(tmp_path)).iterdir() if p.name.startswith("g-")]
    assert generations == ["g-000001"]  # installed once; the other found it installed already
    assert all(listed(cli)[c]["source"] == "installed" for c in ("TR", "DE", "KZ"))


def test_a_guide_file_changed_on_disk_is_not_used(cli: Cli, tmp_path: Path, desk: DeskKey) -> None:
    bundle = make_bundle(desk, {"PT": tiny_guide()}, tmp_path / "b.wsbundle")
    assert cli("content", "install", str(bundle)).code == 0
    generation = installed_root(config(tmp_path)) / "g-000001"
    (generation / "pt.yaml").write_text(tiny_guide(days=999), encoding="utf-8")
    result = cli("content", "list", "--json")
    assert result.code == 0 and "PT" not in {g["country"] for g in json.loads(result.out)}
    assert "pt.yaml" in result.err
    (generation / "installed.json").write_text("{broken", encoding="utf-8")
    broken = cli("content", "list")
    assert broken.code == 0 and "GE  Georgia" in broken.out


def test_manifest_records_the_signer(tmp_path: Path, desk: DeskKey) -> None:
    bundle = make_bundle(desk, {"PT": tiny_guide()}, tmp_path / "b.wsbundle")
    manifest = parse_manifest(read_bundle(bundle.read_bytes()).manifest)
    assert manifest.signer == desk.key_id and manifest.min_app_version == "0.1.0"
    data = tiny_guide().encode()
    assert manifest.guides[0].size == len(data)
    assert (
        manifest_bytes(manifest.version, "0.1.0", desk.key_id, [("PT", data)])
        == read_bundle(bundle.read_bytes()).manifest
    )
    assert write_guides(tmp_path / "g", {"PT": tiny_guide()})[0].name == "pt.yaml"


def test_hostile_archives_are_refused_exit_4(cli: Cli, tmp_path: Path, desk: DeskKey) -> None:
    """Path traversal, an absolute path, a link and a decompression bomb beside a genuinely signed
    manifest: refused before anything is read, nothing written outside the data folder."""
    import io
    import stat
    import zipfile

    genuine = read_bundle(make_bundle(desk, {"PT": tiny_guide()}, tmp_path / "b.wsbundle").read_bytes())
    link = zipfile.ZipInfo("guides/ge.yaml")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    cases = {
        "traversal": (zipfile.ZipInfo("../../escaped.yaml"), b"x", zipfile.ZIP_STORED, "outside the bundle"),
        "absolute": (zipfile.ZipInfo("/tmp/escaped.yaml"), b"x", zipfile.ZIP_STORED, "absolute path"),
        "link": (link, b"/etc/passwd", zipfile.ZIP_STORED, "a link"),
        "bomb": (zipfile.ZipInfo("guides/pt.yaml"), b"\0" * 30_000_000, zipfile.ZIP_DEFLATED, "compressed"),
    }
    for name, (info, data, compression, expected) in cases.items():
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("manifest.json", genuine.manifest)
            archive.writestr("manifest.json.minisig", genuine.signature)
            info.compress_type = compression
            archive.writestr(info, data)
        path = tmp_path / f"{name}.wsbundle"
        path.write_bytes(buffer.getvalue())
        result = cli("content", "install", str(path))
        assert result.code == 4 and expected in result.err, (name, result.err)
    assert nothing_installed(tmp_path)
    assert not (tmp_path / "escaped.yaml").exists() and not Path("/tmp/escaped.yaml").exists()


def test_read_only_data_folder_fails_cleanly(cli: Cli, tmp_path: Path, desk: DeskKey) -> None:
    from tests.e2e.test_vault_processes import read_only

    first = make_bundle(desk, {"PT": tiny_guide()}, tmp_path / "a.wsbundle")
    assert cli("content", "install", str(first)).code == 0
    root = installed_root(config(tmp_path))
    second = make_bundle(desk, {"PT": tiny_guide(days=60)}, tmp_path / "b.wsbundle", "2026.11.29.2")
    with read_only(root):
        result = cli("content", "install", str(second))
        assert result.code == 1, result.err
        assert "cannot be written" in result.err and "Traceback" not in result.err
        assert len(result.err.strip().splitlines()) == 1
        assert cli("content", "remove", "PT").code == 1
    assert listed(cli)["PT"]["version"] == "2026.11.29.1"
