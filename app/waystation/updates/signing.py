"""For maintainers: make a key pair, and turn reviewed guide files into a signed bundle — signed
here with a minisign secret key, or assembled from a signature made elsewhere with the ``minisign``
tool over the manifest ``manifest_for`` writes (the manifest is the same bytes every time for the
same guides, version and signer, so it can be rebuilt and compared)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from waystation import __version__
from waystation.content.validate import pack_file_country
from waystation.errors import InvalidInput, WrongPassphrase
from waystation.files import write_new_file
from waystation.i18n import _, ngettext
from waystation.updates.container import BundleFiles, bundle_bytes
from waystation.updates.install import check_guide
from waystation.updates.keys import key_file_text
from waystation.updates.manifest import MAX_GUIDE_BYTES, MAX_GUIDES, guide_file_name, manifest_bytes
from waystation.updates.minisign import (
    DEFAULT_SIGNATURE_COMMENT,
    MAX_KEY_FILE_BYTES,
    LockedSecretKey,
    MinisignError,
    PublicKey,
    SecretKey,
    Signature,
    WrongKeyPassword,
    parse_secret_key,
    parse_signature,
    secret_key_text,
    sign,
    verify,
)
from waystation.updates.versions import BundleVersion, parse_app_version, parse_bundle_version


def bundle_version(text: str) -> BundleVersion:
    version = parse_bundle_version(text)
    if version is None:
        raise InvalidInput(
            _("{value!r} is not a bundle version: use YYYY.MM.DD.N (the day and a counter from 1).").format(
                value=text
            )
        )
    return version


def app_version(text: str | None) -> str:
    if text is None:
        return __version__.split("+")[0]
    if parse_app_version(text) is None:
        raise InvalidInput(_("{value!r} is not an app version (X.Y.Z).").format(value=text))
    return text


def write_key_pair(keyfile: Path, password: str, name: str) -> PublicKey:
    """KEYFILE (the secret key, readable by its owner only, encrypted with ``password`` as minisign
    does) and KEYFILE.pub. Refuses to replace either file."""
    public_path = keyfile.with_name(keyfile.name + ".pub")
    for path in (keyfile, public_path):
        if path.exists():
            raise InvalidInput(_("{path} already exists; it was left untouched.").format(path=path))
    key = SecretKey.generate()
    secret = secret_key_text(key, password)
    write_new_file(keyfile, secret.encode("ascii"), mode=0o600)
    public = key.public_key()
    write_new_file(public_path, key_file_text(public, name).encode("utf-8"), mode=0o644)
    return public


def read_locked_key(keyfile: Path) -> LockedSecretKey:
    """A minisign secret key file, not yet decrypted (so a wrong file is refused before any
    password is asked for)."""
    if not keyfile.is_file():
        raise InvalidInput(_("There is no key file at {path}.").format(path=keyfile))
    try:
        with keyfile.open("rb") as handle:
            return parse_secret_key(handle.read(MAX_KEY_FILE_BYTES).decode("utf-8"))
    except (MinisignError, UnicodeDecodeError, OSError):
        raise InvalidInput(_("{path} is not a minisign secret key.").format(path=keyfile)) from None


def unlock_key(locked: LockedSecretKey, keyfile: Path, password: str | None) -> SecretKey:
    try:
        return locked.unlock(password)
    except WrongKeyPassword:
        raise WrongPassphrase(
            _("That password does not unlock the key {path}.").format(path=keyfile)
        ) from None
    except MinisignError:
        raise InvalidInput(_("{path} is a damaged secret key.").format(path=keyfile)) from None


def read_guides(files: Sequence[Path]) -> list[tuple[str, bytes]]:
    """The guide files to sign, each checked with the validator every guide must pass."""
    if not 0 < len(files) <= MAX_GUIDES:
        raise InvalidInput(_("Give between 1 and {n} guide files.").format(n=MAX_GUIDES))
    guides: dict[str, bytes] = {}
    for path in files:
        country = pack_file_country(path)
        if country is None or path.suffix != ".yaml":
            raise InvalidInput(
                _("{path}: a guide file is named by its country, e.g. ge.yaml.").format(path=path)
            )
        if country in guides:
            raise InvalidInput(_("Two guide files for {country}.").format(country=country))
        if not path.is_file():
            raise InvalidInput(_("There is no file at {path}.").format(path=path))
        _pack, problems = check_guide(path)
        if problems:
            raise InvalidInput(
                ngettext(
                    "{path} has {n} problem (first: {first}); run 'waystation content validate {path}'.",
                    "{path} has {n} problems (first: {first}); run 'waystation content validate {path}'.",
                    len(problems),
                ).format(path=path, n=len(problems), first=problems[0])
            )
        raw = path.read_bytes()
        if len(raw) > MAX_GUIDE_BYTES:
            raise InvalidInput(_("{path} is too large for a bundle.").format(path=path))
        guides[country] = raw
    return sorted(guides.items())


def manifest_for(guides: list[tuple[str, bytes]], version: BundleVersion, min_app: str, signer: str) -> bytes:
    return manifest_bytes(version, min_app, signer, guides)


def _bundle(guides: list[tuple[str, bytes]], manifest: bytes, signature: Signature) -> bytes:
    files = BundleFiles(
        manifest=manifest,
        signature=signature.file_text().encode("utf-8"),
        guides={guide_file_name(country): data for country, data in guides},
    )
    return bundle_bytes(files)


def signed_bundle(
    guides: list[tuple[str, bytes]], version: BundleVersion, min_app: str, key: SecretKey
) -> bytes:
    manifest = manifest_for(guides, version, min_app, key.public_key().id_text)
    comment = f"timestamp:{int(time.time())}\tfile:manifest.json\thashed"
    return _bundle(guides, manifest, sign(manifest, key, comment))


def assembled_bundle(
    guides: list[tuple[str, bytes]],
    version: BundleVersion,
    min_app: str,
    signer: PublicKey,
    signature_file: Path,
) -> bytes:
    """A bundle from a signature the ``minisign`` tool made over ``manifest_for(...)``."""
    try:
        signature = parse_signature(signature_file.read_bytes()[:MAX_KEY_FILE_BYTES].decode("utf-8"))
    except (MinisignError, UnicodeDecodeError, OSError):
        raise InvalidInput(_("{path} is not a minisign signature.").format(path=signature_file)) from None
    manifest = manifest_for(guides, version, min_app, signer.id_text)
    try:
        verify(manifest, signature, signer)
    except MinisignError:
        raise InvalidInput(
            _(
                "{path} is not a signature by that key over the manifest of these guides and this "
                "version; sign exactly what 'waystation content manifest' wrote."
            ).format(path=signature_file)
        ) from None
    # The untrusted comment is not signed: bundles always carry minisign's default one.
    canonical = Signature(
        signature.algorithm,
        signature.key_id,
        signature.signature,
        signature.trusted_comment,
        signature.global_signature,
        DEFAULT_SIGNATURE_COMMENT,
    )
    return _bundle(guides, manifest, canonical)
