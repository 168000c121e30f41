"""Opening a bundle: every check that decides whether it is genuine, in the order that never
trusts an unverified byte — the archive's form, the signature by a trusted key over the manifest,
then each file against the manifest's hash. Validating the guides themselves comes after
(``install``), on the verified bytes only.

Damaged or not trusted raises :class:`BundleRefused` (exit 4); a genuine bundle made for a newer
Waystation raises :class:`UpdateRefused` (exit 2)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from waystation import __version__
from waystation.errors import InvalidInput
from waystation.i18n import _
from waystation.updates.container import MAX_BUNDLE_BYTES, ContainerError, read_bundle
from waystation.updates.errors import BundleRefused, UpdateRefused
from waystation.updates.keys import TrustedKey, find_trusted
from waystation.updates.manifest import Manifest, ManifestError, parse_manifest, sha256_hex
from waystation.updates.minisign import MinisignError, Signature, parse_signature, verify
from waystation.updates.versions import app_is_at_least


@dataclass(frozen=True)
class VerifiedBundle:
    path: Path
    manifest: Manifest
    manifest_bytes: bytes
    signature_bytes: bytes
    signature: Signature
    signer: TrustedKey
    guides: Mapping[str, bytes]  # country -> the guide file's bytes, hash checked


def _refused(path: Path, reason: str) -> BundleRefused:
    return BundleRefused(
        _("{path} is damaged or not trusted: {reason}. Nothing was installed.").format(
            path=path, reason=reason
        )
    )


def read_bundle_file(path: Path) -> bytes:
    """The file's bytes, read with a hard limit (regular files only)."""
    if not path.exists():
        raise InvalidInput(_("There is no file at {path}.").format(path=path))
    if not path.is_file():
        raise InvalidInput(_("{path} is not a file.").format(path=path))
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BUNDLE_BYTES + 1)
    except OSError as exc:
        raise InvalidInput(
            _("{path} could not be read: {error}").format(path=path, error=exc.strerror or exc)
        ) from None
    if len(data) > MAX_BUNDLE_BYTES:
        raise _refused(path, _("it is far larger than any guide bundle"))
    return data


def verify_bundle(path: Path, data: bytes, keys_folder: Path | None = None) -> VerifiedBundle:
    try:
        files = read_bundle(data)
    except ContainerError as exc:
        raise _refused(
            path, _("it is not a guide bundle, or it was changed ({detail})").format(detail=exc)
        ) from None
    try:
        signature = parse_signature(files.signature.decode("utf-8"))
    except (MinisignError, UnicodeDecodeError):
        raise _refused(path, _("its signature cannot be read")) from None
    signer = find_trusted(signature.id_text, keys_folder)
    if signer is None:
        raise _refused(
            path,
            _(
                "it is signed by a key you do not trust (key id {key_id}); if you know whose key it "
                "is, trust it first with 'waystation content trust KEY.pub'"
            ).format(key_id=signature.id_text),
        )
    try:
        verify(files.manifest, signature, signer.key)
    except MinisignError:
        raise _refused(path, _("its signature does not match: it was changed after it was signed")) from None
    try:
        manifest = parse_manifest(files.manifest)
    except ManifestError as exc:
        if exc.newer:
            raise UpdateRefused(
                _(
                    "{path} is a newer kind of bundle than this Waystation reads; update Waystation first."
                ).format(path=path)
            ) from None
        raise _refused(path, _("its manifest is not valid ({detail})").format(detail=exc)) from None
    if manifest.signer != signature.id_text:
        raise _refused(path, _("its manifest names another signer than the signature"))
    guides = _checked_guides(path, manifest, files.guides)
    if not app_is_at_least(__version__, manifest.min_app_version):
        raise UpdateRefused(
            _("{path} needs Waystation {needed} or newer (this is {running}); nothing was installed.").format(
                path=path, needed=manifest.min_app_version, running=__version__
            )
        )
    return VerifiedBundle(path, manifest, files.manifest, files.signature, signature, signer, guides)


def _checked_guides(path: Path, manifest: Manifest, files: Mapping[str, bytes]) -> dict[str, bytes]:
    listed = {entry.file for entry in manifest.guides}
    if set(files) != listed:
        extra = sorted(set(files) ^ listed)
        raise _refused(
            path, _("its files do not match its manifest ({files})").format(files=", ".join(extra))
        )
    guides = {}
    for entry in manifest.guides:
        data = files[entry.file]
        if len(data) != entry.size or sha256_hex(data) != entry.sha256:
            raise _refused(
                path, _("{file} does not match its SHA-256 in the manifest").format(file=entry.file)
            )
        guides[entry.country] = data
    return guides


def open_bundle(path: Path, keys_folder: Path | None = None) -> VerifiedBundle:
    """Read and verify the bundle at ``path``."""
    return verify_bundle(path, read_bundle_file(path), keys_folder)
