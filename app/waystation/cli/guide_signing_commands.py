"""``waystation content keygen | sign | manifest``: for the maintainers who publish guide updates
(docs/guide-updates.md). Keys and signatures are in the minisign format, so the ``minisign`` tool
can sign instead (``manifest``, then ``sign --signature``) and verify any bundle."""

from __future__ import annotations

import argparse
from pathlib import Path

from waystation.cli.common import passphrases, write_new_file
from waystation.errors import InvalidInput
from waystation.i18n import _, ngettext
from waystation.updates.keys import fingerprint, read_key_file
from waystation.updates.signing import (
    app_version,
    assembled_bundle,
    bundle_version,
    manifest_for,
    read_guides,
    read_locked_key,
    signed_bundle,
    unlock_key,
    write_key_pair,
)


def cmd_keygen(args: argparse.Namespace) -> int:
    keyfile = Path(args.keyfile)
    for path in (keyfile, keyfile.with_name(keyfile.name + ".pub")):
        if path.exists():
            raise InvalidInput(_("{path} already exists; it was left untouched.").format(path=path))
    password = passphrases(args).ask_new(_("Password for the new key: "), _("Repeat the password: "))
    print(_("Deriving the key's protection from the password (a few seconds)…"), flush=True)
    public = write_key_pair(keyfile, password, args.name or "")
    print(_("Secret key: {path} (keep it offline; readable by you only)").format(path=keyfile))
    print(_("Public key: {path}").format(path=keyfile.with_name(keyfile.name + ".pub")))
    print(
        _("Key id {key_id}, fingerprint {fingerprint}").format(
            key_id=public.id_text, fingerprint=fingerprint(public)
        )
    )
    return 0


def cmd_sign(args: argparse.Namespace) -> int:
    version = bundle_version(args.version)
    guides = read_guides([Path(p) for p in args.guides])
    min_app = app_version(args.min_app_version)
    if args.key and (args.signature or args.signer):
        raise InvalidInput(_("Give either --key, or --signature with --signer, not both."))
    out = Path(args.out)
    if out.exists() and not args.force:
        raise InvalidInput(
            _("{path} already exists; it was left untouched (use --force to replace it).").format(path=out)
        )
    if args.key:
        keyfile = Path(args.key)
        locked = read_locked_key(keyfile)
        password = None
        if locked.encrypted:
            password = passphrases(args).ask(_("Password for {name}: ").format(name=keyfile.name))
        key = unlock_key(locked, keyfile, password)
        data = signed_bundle(guides, version, min_app, key)
        signer = key.public_key()
    elif args.signature and args.signer:
        signer = read_key_file(Path(args.signer))
        data = assembled_bundle(guides, version, min_app, signer, Path(args.signature))
    else:
        raise InvalidInput(_("Give --key KEYFILE, or --signature FILE.minisig with --signer KEY.pub."))
    write_new_file(out, data, force=args.force, mode=0o644)
    print(
        ngettext(
            "Wrote {path}: {n} guide, version {version}, signed by key {key_id} ({fingerprint}).",
            "Wrote {path}: {n} guides, version {version}, signed by key {key_id} ({fingerprint}).",
            len(guides),
        ).format(
            path=out, n=len(guides), version=version, key_id=signer.id_text, fingerprint=fingerprint(signer)
        )
    )
    return 0


def cmd_manifest(args: argparse.Namespace) -> int:
    version = bundle_version(args.version)
    guides = read_guides([Path(p) for p in args.guides])
    signer = read_key_file(Path(args.signer))
    manifest = manifest_for(guides, version, app_version(args.min_app_version), signer.id_text)
    out = Path(args.out)
    write_new_file(out, manifest, force=args.force, mode=0o644)
    print(_("Wrote {path}. Sign it with: minisign -S -s KEYFILE -m {path}").format(path=out))
    print(
        _(
            "then: waystation content sign GUIDE_FILES... --version {version} --signature {path}.minisig --signer KEY.pub --out BUNDLE"
        ).format(version=args.version, path=out)
    )
    return 0


def _bundle_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("guides", nargs="+", metavar="GUIDE_FILE", help=_("guide files such as ge.yaml"))
    parser.add_argument("--version", required=True, metavar="YYYY.MM.DD.N", help=_("the bundle's version"))
    parser.add_argument(
        "--min-app-version",
        metavar="X.Y.Z",
        help=_("the oldest Waystation that may install it (default: this one)"),
    )
    parser.add_argument("--out", required=True, metavar="FILE")
    parser.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    keygen = sub.add_parser("keygen", parents=[common], help=_("make a key pair for signing guide updates"))
    keygen.add_argument("keyfile", metavar="KEYFILE")
    keygen.add_argument(
        "--name", metavar="WHO", help=_("whose key it is, written in the public key's comment")
    )
    keygen.set_defaults(func=cmd_keygen)
    signing = sub.add_parser("sign", parents=[common], help=_("make a signed guide update from guide files"))
    _bundle_arguments(signing)
    signing.add_argument("--key", metavar="KEYFILE", help=_("the secret key to sign with"))
    signing.add_argument(
        "--signature", metavar="FILE.minisig", help=_("a signature made with the minisign tool")
    )
    signing.add_argument("--signer", metavar="KEY.pub", help=_("the public key of that signature"))
    signing.set_defaults(func=cmd_sign)
    manifest = sub.add_parser("manifest", help=_("write the manifest to sign with the minisign tool"))
    _bundle_arguments(manifest)
    manifest.add_argument(
        "--signer", required=True, metavar="KEY.pub", help=_("the public key that will sign")
    )
    manifest.set_defaults(func=cmd_manifest)
