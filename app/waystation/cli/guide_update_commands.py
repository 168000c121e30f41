"""``waystation content install | remove | trust | untrust | keys``: signed guide updates, verified
offline (``waystation.updates``). The maintainers' commands are in ``guide_signing_commands``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from waystation.i18n import _, current_language, ngettext
from waystation.updates.change_words import change_lines, summary_line
from waystation.updates.install import (
    Downgrade,
    GuidePlan,
    InstallPlan,
    install_bundle,
    plan_install,
)
from waystation.updates.keys import TrustedKey, trust, trusted_keys, untrust
from waystation.updates.origins import BUILT_IN
from waystation.updates.verify import open_bundle


def _signer_text(key: TrustedKey) -> str:
    who = key.name or _("(nobody named)")
    return _("{who}, key {key_id}, fingerprint {fingerprint}").format(
        who=who, key_id=key.key_id, fingerprint=key.fingerprint
    )


def _from_text(guide: GuidePlan) -> str:
    if guide.current is None:
        return _("no guide before")
    checked = guide.current.last_verified.isoformat()
    if guide.current_source == BUILT_IN:
        return _("built-in guide (checked {date})").format(date=checked)
    return _("update {version} (checked {date})").format(version=guide.current_version, date=checked)


def print_plan(plan: InstallPlan) -> None:
    language = current_language()
    bundle = plan.bundle
    print(_("Guide update {version} in {path}").format(version=bundle.manifest.version, path=bundle.path))
    print(_("Signed by {signer}").format(signer=_signer_text(bundle.signer)))
    for guide in plan.guides:
        print()
        name = guide.new.name.get(language)
        if guide.unchanged:
            print(
                _("{name} ({code}): this update is installed already.").format(name=name, code=guide.country)
            )
            continue
        print(
            _("{name} ({code}): {before} → update {version} (checked {date})").format(
                name=name,
                code=guide.country,
                before=_from_text(guide),
                version=bundle.manifest.version,
                date=guide.new.last_verified.isoformat(),
            )
        )
        print("  " + summary_line(guide.changes))
        for line in change_lines(guide.changes, language):
            print("  " + line)


def cmd_install(args: argparse.Namespace) -> int:
    path = Path(args.bundle)
    try:
        if args.dry_run:
            plan = plan_install(open_bundle(path), allow_older=args.allow_older)
        else:
            plan = install_bundle(path, allow_older=args.allow_older)
    except Downgrade as exc:
        exc.message += " " + _("To install it anyway, add --allow-older.")
        raise
    print_plan(plan)
    print()
    changed = sum(1 for guide in plan.guides if not guide.unchanged)
    if args.dry_run:
        print(_("Dry run: nothing was installed."))
    elif changed:
        print(ngettext("Installed {n} guide.", "Installed {n} guides.", changed).format(n=changed))
    else:
        print(_("Nothing to install: these guides are installed already."))
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from waystation.updates.install import remove_installed

    guide = remove_installed(args.country)
    print(
        _("Removed the update {version} for {country}; Waystation uses its built-in guide again.").format(
            version=guide.version, country=guide.country
        )
    )
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    key, changed = trust(Path(args.key), args.name)
    if changed:
        print(_("Trusted: {signer}.").format(signer=_signer_text(key)))
        print(
            _(
                "Guide updates signed with this key will now be installed. Compare the fingerprint with the one\n"
                "its owner gave you in person or through another channel you trust."
            )
        )
    else:
        print(_("Already trusted: {signer}.").format(signer=_signer_text(key)))
    return 0


def cmd_untrust(args: argparse.Namespace) -> int:
    key = untrust(args.key)
    print(_("No longer trusted: {signer}.").format(signer=_signer_text(key)))
    print(_("Guides installed from updates it signed are no longer used."))
    return 0


def cmd_keys(args: argparse.Namespace) -> int:
    keys = trusted_keys()
    if args.json:
        listing = [
            {"key_id": k.key_id, "fingerprint": k.fingerprint, "name": k.name or None, "built_in": k.built_in}
            for k in keys
        ]
        print(json.dumps(listing, ensure_ascii=False, indent=2))
        return 0
    if not keys:
        print(_("No key is trusted: no guide update can be installed."))
    for key in keys:
        where = _("built in") if key.built_in else _("added")
        print(f"{key.key_id}  {key.fingerprint}  {key.name or '-'}  ({where})")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    install = sub.add_parser("install", help=_("verify a signed guide update and install it"))
    install.add_argument("bundle", metavar="BUNDLE")
    install.add_argument(
        "--dry-run", action="store_true", help=_("verify and show what would change; install nothing")
    )
    install.add_argument(
        "--allow-older", action="store_true", help=_("install even if it is older than the installed guides")
    )
    install.set_defaults(func=cmd_install)
    remove = sub.add_parser("remove", help=_("go back to the built-in guide of a country"))
    remove.add_argument("country", metavar="CC", type=str.upper)
    remove.set_defaults(func=cmd_remove)
    trusting = sub.add_parser("trust", help=_("trust a key to sign guide updates"))
    trusting.add_argument("key", metavar="KEY.pub")
    trusting.add_argument(
        "--name", metavar="WHO", help=_("whose key it is (default: the key file's comment)")
    )
    trusting.set_defaults(func=cmd_trust)
    untrusting = sub.add_parser("untrust", help=_("stop trusting a key (its id or fingerprint)"))
    untrusting.add_argument("key", metavar="KEY_ID")
    untrusting.set_defaults(func=cmd_untrust)
    keys = sub.add_parser("keys", help=_("the keys trusted to sign guide updates"))
    keys.add_argument("--json", action="store_true", help=_("machine-readable output"))
    keys.set_defaults(func=cmd_keys)
    from waystation.cli import guide_signing_commands

    guide_signing_commands.register(sub, common)
