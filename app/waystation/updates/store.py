"""The installed guides, all or nothing. Each change writes a complete new *generation* folder —
every installed guide, the signed manifest of the bundle each came from, and an index — flushes it
to the disk, and only then switches the one-line pointer ``current`` to it by an atomic rename. A
process killed at any moment leaves the pointer on the old generation or on the new one, never on
a half-written one; leftovers are cleared by the next change (under the install lock).

Reading re-checks everything on every start: each guide's manifest must still verify with a key
that is trusted *now* (removing a key retires what it signed) and each file must still match its
hash. A guide that fails is not used — the built-in one is — and the reason is reported."""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from waystation.updates.atomic import make_folder, replace_file, storage_failure, sync_folder, write_file
from waystation.updates.keys import TrustedKey, find_trusted
from waystation.updates.manifest import MAX_GUIDE_BYTES, Manifest, parse_manifest, sha256_hex
from waystation.updates.minisign import MinisignError, parse_signature, verify
from waystation.updates.paths import installed_root

INDEX = "installed.json"
INDEX_FORMAT = "waystation-installed-guides/1"
POINTER = "current"
BUNDLES = "bundles"
_GENERATION = re.compile(r"g-(\d{6})")
_BUNDLE_NAME = re.compile(r"\d{4}\.\d{2}\.\d{2}\.\d{1,4}-[0-9A-F]{16}")
_COUNTRY = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class InstalledGuide:
    """One installed guide as it stands now. ``signer`` is None and ``problem`` says why when the
    guide cannot be used (its key is no longer trusted, its file changed…)."""

    country: str
    path: Path
    bundle: str  # "<version>-<key id>": the manifest it came from, kept beside it
    installed_on: date | None
    manifest: Manifest | None = None
    signer: TrustedKey | None = None
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None

    @property
    def version(self) -> str:
        return self.bundle.split("-")[0]


@dataclass
class InstalledState:
    generation: Path | None = None
    guides: dict[str, InstalledGuide] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # the store itself could not be read

    def usable(self) -> dict[str, InstalledGuide]:
        return {c: g for c, g in self.guides.items() if g.usable}


def bundle_name(manifest: Manifest) -> str:
    return f"{manifest.version}-{manifest.signer}"


def _read_small(path: Path, limit: int) -> bytes:
    if not path.is_file():
        raise FileNotFoundError(str(path))
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError("too large")
    return data


def current_generation(root: Path) -> Path | None:
    """The folder the pointer names; None when nothing was ever installed. Raises ValueError
    for a pointer that names nothing valid."""
    try:
        text = _read_small(root / POINTER, 64).decode("ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"the pointer cannot be read ({exc})") from None
    if not _GENERATION.fullmatch(text) or not (root / text).is_dir():
        raise ValueError(f"the pointer names no installed guides ({text!r})")
    return root / text


def read_index(generation: Path) -> list[dict[str, str]]:
    """The raw entries of a generation's index (country, bundle, installed_on)."""
    data: Any = json.loads(_read_small(generation / INDEX, 1024 * 1024).decode("utf-8"))
    if (
        not isinstance(data, dict)
        or data.get("format") != INDEX_FORMAT
        or not isinstance(data.get("guides"), list)
    ):
        raise ValueError("the index is not one Waystation wrote")
    entries = []
    for item in data["guides"]:
        if (
            not isinstance(item, dict)
            or not _COUNTRY.fullmatch(str(item.get("country")))
            or not _BUNDLE_NAME.fullmatch(str(item.get("bundle")))
        ):
            raise ValueError("the index has an entry Waystation did not write")
        entries.append({k: str(item.get(k, "")) for k in ("country", "bundle", "installed_on")})
    return entries


def _checked(generation: Path, entry: dict[str, str], keys_folder: Path | None) -> InstalledGuide:
    country, bundle = entry["country"], entry["bundle"]
    try:
        installed_on: date | None = date.fromisoformat(entry["installed_on"])
    except ValueError:
        installed_on = None
    guide = InstalledGuide(country, generation / f"{country.lower()}.yaml", bundle, installed_on)
    try:
        manifest_data = _read_small(generation / BUNDLES / f"{bundle}.json", 1024 * 1024)
        signature = parse_signature(
            _read_small(generation / BUNDLES / f"{bundle}.json.minisig", 4096).decode("utf-8")
        )
        manifest = parse_manifest(manifest_data)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return _with(guide, problem=f"its signed manifest cannot be read ({exc})")
    guide = _with(guide, manifest=manifest)
    signer = find_trusted(signature.id_text, keys_folder)
    if signer is None or manifest.signer != signature.id_text:
        return _with(guide, problem=f"its signer (key {signature.id_text}) is no longer trusted")
    try:
        verify(manifest_data, signature, signer.key)
    except MinisignError:
        return _with(guide, problem="its signed manifest no longer verifies")
    entry_in_manifest = manifest.entry(country)
    try:
        data = _read_small(guide.path, MAX_GUIDE_BYTES)
    except (OSError, ValueError) as exc:
        return _with(guide, problem=f"its file cannot be read ({exc})")
    if entry_in_manifest is None or sha256_hex(data) != entry_in_manifest.sha256:
        return _with(guide, problem="its file no longer matches the signed manifest")
    return _with(guide, signer=signer)


def _with(guide: InstalledGuide, **changes: Any) -> InstalledGuide:
    values = {**guide.__dict__, **changes}
    return InstalledGuide(**values)


def read_state(root: Path | None = None, keys_folder: Path | None = None) -> InstalledState:
    """The installed guides, each checked; never raises (the app must always start)."""
    root = root or installed_root()
    state = InstalledState()
    try:
        state.generation = current_generation(root)
        if state.generation is None:
            return state
        entries = read_index(state.generation)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        state.problems.append(f"{root}: installed guides not used: {exc}")
        return state
    for entry in entries:
        state.guides[entry["country"]] = _checked(state.generation, entry, keys_folder)
    return state


# -- changing the installed set -------------------------------------------------------------------


@dataclass(frozen=True)
class NewGuide:
    country: str
    data: bytes
    bundle: str
    manifest: bytes
    signature: bytes


def _next_number(root: Path) -> int:
    numbers = [int(m.group(1)) for p in root.iterdir() if (m := _GENERATION.fullmatch(p.name))]
    return max(numbers, default=0) + 1


def _copy_entry(old: Path, new: Path, entry: dict[str, str]) -> None:
    name = f"{entry['country'].lower()}.yaml"
    write_file(new / name, _read_small(old / name, MAX_GUIDE_BYTES))
    for suffix in (".json", ".json.minisig"):
        target = new / BUNDLES / f"{entry['bundle']}{suffix}"
        if not target.exists():
            write_file(target, _read_small(old / BUNDLES / f"{entry['bundle']}{suffix}", 1024 * 1024))


def _write_generation(
    staging: Path, old: Path | None, keep: list[dict[str, str]], new: list[NewGuide], today: date
) -> None:
    (staging / BUNDLES).mkdir(parents=True)
    for entry in keep:
        assert old is not None
        _copy_entry(old, staging, entry)
    entries = list(keep)
    for guide in new:
        write_file(staging / f"{guide.country.lower()}.yaml", guide.data)
        for suffix, data in ((".json", guide.manifest), (".json.minisig", guide.signature)):
            target = staging / BUNDLES / f"{guide.bundle}{suffix}"
            if not target.exists():
                write_file(target, data)
        entries.append({"country": guide.country, "bundle": guide.bundle, "installed_on": today.isoformat()})
    index = {"format": INDEX_FORMAT, "guides": sorted(entries, key=lambda e: e["country"])}
    write_file(staging / INDEX, (json.dumps(index, indent=2) + "\n").encode("utf-8"))
    sync_folder(staging / BUNDLES)
    sync_folder(staging)


def commit(root: Path, new: list[NewGuide], remove: set[str], today: date) -> Path:
    """Switch to a new generation: the current guides, minus ``remove``, with ``new`` in place of
    their countries. Call with the install lock held. Returns the new generation's folder."""
    make_folder(root)
    old = current_generation(root)
    replaced = remove | {g.country for g in new}
    keep = [e for e in read_index(old) if e["country"] not in replaced] if old is not None else []
    staging = root / f".partial-{secrets.token_hex(6)}"
    try:
        _write_generation(staging, old, keep, new, today)
        generation = root / f"g-{_next_number(root):06d}"
        os.replace(staging, generation)
        sync_folder(root)
        replace_file(root / POINTER, f"{generation.name}\n".encode("ascii"))
    except OSError as exc:  # the disk is full, read-only, gone: the old set stays in use
        shutil.rmtree(staging, ignore_errors=True)
        raise storage_failure(root, exc) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    tidy(root, keep=(generation, old))
    return generation


def tidy(root: Path, keep: tuple[Path | None, ...]) -> None:
    """Remove half-written folders and generations older than the previous one (kept for a reader
    that read the pointer just before it changed). Call with the install lock held."""
    kept = {p.name for p in keep if p is not None}
    for path in root.iterdir():
        stale = path.name.startswith(".partial-") or (
            _GENERATION.fullmatch(path.name) is not None and path.name not in kept
        )
        if stale and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif path.name.startswith(f".{POINTER}.new-"):
            with contextlib.suppress(OSError):
                path.unlink()
