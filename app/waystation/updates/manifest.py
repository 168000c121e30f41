"""The bundle's manifest: what the signature covers. JSON, written the same way every time, so the
bytes a maintainer signs with the ``minisign`` tool can be rebuilt from the guides and compared.

    {"format": "waystation-guide-bundle/1", "version": "2026.03.14.1", "min_app_version": "0.1.0",
     "signer": "67D4A252AF0DBB52",
     "guides": [{"country": "GE", "file": "guides/ge.yaml", "sha256": "…", "size": 309924}]}

``signer`` is the minisign key id of the key that must have signed it; every guide file of the
bundle is listed with its SHA-256 and size, and nothing else may be in the bundle.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from waystation.updates.versions import BundleVersion, parse_app_version, parse_bundle_version

FORMAT = "waystation-guide-bundle/1"
FORMAT_PREFIX = "waystation-guide-bundle/"
MAX_GUIDES = 64
MAX_GUIDE_BYTES = 8 * 1024 * 1024
_KEYS = ("format", "version", "min_app_version", "signer", "guides")
_GUIDE_KEYS = ("country", "file", "sha256", "size")
_COUNTRY = re.compile(r"[A-Z]{2}")
_KEY_ID = re.compile(r"[0-9A-F]{16}")
_SHA256 = re.compile(r"[0-9a-f]{64}")


class ManifestError(ValueError):
    """The manifest is not one this version of Waystation can read; ``newer`` when it is simply
    from a later format."""

    def __init__(self, reason: str, *, newer: bool = False) -> None:
        super().__init__(reason)
        self.newer = newer


@dataclass(frozen=True)
class GuideEntry:
    country: str
    file: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    version: BundleVersion
    min_app_version: str
    signer: str  # minisign key id, as minisign prints it
    guides: tuple[GuideEntry, ...]

    def entry(self, country: str) -> GuideEntry | None:
        return next((g for g in self.guides if g.country == country), None)


def guide_file_name(country: str) -> str:
    return f"guides/{country.lower()}.yaml"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_bytes(
    version: BundleVersion, min_app_version: str, signer: str, guides: Sequence[tuple[str, bytes]]
) -> bytes:
    """The manifest for ``guides`` (country, file contents), sorted by country."""
    entries = [
        {"country": c, "file": guide_file_name(c), "sha256": sha256_hex(data), "size": len(data)}
        for c, data in sorted(guides)
    ]
    document = {
        "format": FORMAT,
        "version": str(version),
        "min_app_version": min_app_version,
        "signer": signer,
        "guides": entries,
    }
    return (json.dumps(document, indent=2, ensure_ascii=True) + "\n").encode("ascii")


def _entry(raw: Any, index: int) -> GuideEntry:
    if not isinstance(raw, Mapping) or tuple(raw) != _GUIDE_KEYS:
        raise ManifestError(f"guides[{index}]: expected the fields {', '.join(_GUIDE_KEYS)}")
    country, file, digest, size = (raw[k] for k in _GUIDE_KEYS)
    if not isinstance(country, str) or not _COUNTRY.fullmatch(country):
        raise ManifestError(f"guides[{index}].country: not a country code")
    if file != guide_file_name(country):
        raise ManifestError(f"guides[{index}].file: must be {guide_file_name(country)}")
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise ManifestError(f"guides[{index}].sha256: not a SHA-256")
    if type(size) is not int or not 0 < size <= MAX_GUIDE_BYTES:
        raise ManifestError(f"guides[{index}].size: out of range")
    return GuideEntry(country, file, digest, size)


def parse_manifest(data: bytes) -> Manifest:
    """The manifest, checked field by field; raises :class:`ManifestError`."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ManifestError("not JSON") from None
    if not isinstance(raw, dict):
        raise ManifestError("not a JSON object")
    found = raw.get("format")
    if isinstance(found, str) and found.startswith(FORMAT_PREFIX) and found != FORMAT:
        raise ManifestError(f"format {found}", newer=True)
    if found != FORMAT or tuple(raw) != _KEYS:
        raise ManifestError(f"expected the fields {', '.join(_KEYS)} of {FORMAT}")
    version = parse_bundle_version(raw["version"]) if isinstance(raw["version"], str) else None
    if version is None:
        raise ManifestError("version: not YYYY.MM.DD.N")
    min_app = raw["min_app_version"]
    if not isinstance(min_app, str) or parse_app_version(min_app) is None:
        raise ManifestError("min_app_version: not X.Y.Z")
    signer = raw["signer"]
    if not isinstance(signer, str) or not _KEY_ID.fullmatch(signer):
        raise ManifestError("signer: not a minisign key id")
    guides = raw["guides"]
    if not isinstance(guides, list) or not 0 < len(guides) <= MAX_GUIDES:
        raise ManifestError(f"guides: between 1 and {MAX_GUIDES} guides")
    entries = tuple(_entry(item, i) for i, item in enumerate(guides))
    countries = [e.country for e in entries]
    if countries != sorted(set(countries)):
        raise ManifestError("guides: each country once, in order")
    return Manifest(version, min_app, signer, entries)
