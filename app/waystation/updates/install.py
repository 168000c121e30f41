"""Installing a verified bundle, and going back to a built-in guide.

``plan_install`` validates every guide of the bundle with the validator the shipped guides pass,
compares each with the guide in use (built-in or installed) and refuses, all or nothing: a guide
with problems, a bundle older than what is installed (unless ``allow_older``), a guide older than
the built-in one (it would never be used). ``install_bundle`` does it again under the install lock
and switches the installed set in one step (``store.commit``)."""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from waystation.content.loader import build_pack, check_pack_file, default_content_dir
from waystation.content.model import Pack
from waystation.content.validate import Problem
from waystation.errors import InvalidInput
from waystation.i18n import _, ngettext
from waystation.packets.label_check import packet_problems
from waystation.updates.changes import GuideChanges, guide_changes
from waystation.updates.errors import UpdateRefused
from waystation.updates.locking import exclusive
from waystation.updates.manifest import sha256_hex
from waystation.updates.origins import BUILT_IN, INSTALLED
from waystation.updates.paths import installed_root
from waystation.updates.store import InstalledGuide, NewGuide, bundle_name, commit, read_state
from waystation.updates.verify import VerifiedBundle, read_bundle_file, verify_bundle
from waystation.updates.versions import parse_bundle_version


class Downgrade(UpdateRefused):
    """The bundle is older than what is installed; ``--allow-older`` (or the app's explicit
    "install the older guides") installs it anyway."""


@dataclass(frozen=True)
class GuidePlan:
    country: str
    new: Pack
    current: Pack | None  # the guide in use now, if any
    current_source: str | None  # BUILT_IN, INSTALLED or None
    current_version: str | None  # the installed bundle's version
    unchanged: bool  # the very same guide is installed already
    changes: GuideChanges


@dataclass(frozen=True)
class InstallPlan:
    bundle: VerifiedBundle
    guides: tuple[GuidePlan, ...]

    @property
    def nothing_to_do(self) -> bool:
        return all(guide.unchanged for guide in self.guides)


def check_guide(path: Path) -> tuple[Pack | None, list[Problem]]:
    """The checks ``waystation content validate`` makes of a shipped guide: the schema and the
    rules a schema cannot express, then whether its packets can be printed."""
    data, problems = check_pack_file(path)
    if problems:
        return None, problems
    pack = build_pack(data)
    printing = [Problem(str(path), "pack", "packets", text) for text in packet_problems(pack)]
    return (None, printing) if printing else (pack, [])


def _validated(bundle: VerifiedBundle) -> dict[str, Pack]:
    """Each guide through the shipped guides' validator, from a scratch folder (guides are public
    text, nothing personal)."""
    packs: dict[str, Pack] = {}
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory(prefix="waystation-guides-") as scratch:
        for entry in bundle.manifest.guides:
            path = Path(scratch) / f"{entry.country.lower()}.yaml"
            path.write_bytes(bundle.guides[entry.country])
            pack, found = check_guide(path)
            where = f"{bundle.path.name}:{entry.file}"
            problems += [dataclasses.replace(p, file=where) for p in found]
            if pack is not None:
                packs[entry.country] = pack
    if problems:
        raise UpdateRefused(
            ngettext(
                "A guide in {path} does not pass the checks every guide must pass ({n} problem; first: "
                "{first}). Nothing was installed.",
                "A guide in {path} does not pass the checks every guide must pass ({n} problems; first: "
                "{first}). Nothing was installed.",
                len(problems),
            ).format(path=bundle.path, n=len(problems), first=problems[0])
        )
    return packs


def built_in_pack(country: str) -> Pack | None:
    path = default_content_dir() / f"{country.lower()}.yaml"
    if not path.is_file():
        return None
    data, problems = check_pack_file(path)
    return None if problems else build_pack(data)


def installed_pack(guide: InstalledGuide) -> Pack | None:
    data, problems = check_pack_file(guide.path)
    return None if problems else build_pack(data)


def in_use(built_in: Pack | None, installed: Pack | None) -> str | None:
    """Which guide the app uses: the installed one unless the built-in one was checked later."""
    if installed is not None and (built_in is None or installed.last_verified >= built_in.last_verified):
        return INSTALLED
    return BUILT_IN if built_in is not None else None


def plan_install(
    bundle: VerifiedBundle,
    *,
    allow_older: bool = False,
    root: Path | None = None,
    keys_folder: Path | None = None,
) -> InstallPlan:
    packs = _validated(bundle)
    state = read_state(root or installed_root(), keys_folder)
    version = bundle.manifest.version
    plans: list[GuidePlan] = []
    older: list[str] = []
    for entry in bundle.manifest.guides:
        country, new = entry.country, packs[entry.country]
        shipped = built_in_pack(country)
        if shipped is not None and new.last_verified < shipped.last_verified:
            raise UpdateRefused(
                _(
                    "The guide for {country} in {path} was checked on {date}, before the one built into "
                    "this Waystation ({built_in}); it would never be used. Nothing was installed."
                ).format(
                    country=country,
                    path=bundle.path,
                    date=new.last_verified.isoformat(),
                    built_in=shipped.last_verified.isoformat(),
                )
            )
        guide = state.usable().get(country)
        installed = installed_pack(guide) if guide is not None else None
        source = in_use(shipped, installed)
        current = installed if source == INSTALLED else shipped
        unchanged = False
        if guide is not None and installed is not None:
            installed_version = parse_bundle_version(guide.version)
            same_bytes = guide.manifest is not None and any(
                e.country == country and e.sha256 == sha256_hex(bundle.guides[country])
                for e in guide.manifest.guides
            )
            newer_installed = installed_version is not None and installed_version > version
            if newer_installed or (installed_version == version and not same_bytes):
                older.append(f"{country} {guide.version}")
            unchanged = installed_version == version and same_bytes
        plans.append(
            GuidePlan(
                country=country,
                new=new,
                current=current,
                current_source=source,
                current_version=guide.version if guide is not None and source == INSTALLED else None,
                unchanged=unchanged,
                changes=guide_changes(current, new),
            )
        )
    if older and not allow_older:
        raise Downgrade(
            _(
                "{path} ({version}) is not newer than the installed guides ({installed}); nothing was installed."
            ).format(path=bundle.path, version=version, installed=", ".join(older))
        )
    return InstallPlan(bundle, tuple(plans))


def install_bundle(
    path: Path,
    *,
    data: bytes | None = None,
    allow_older: bool = False,
    today: date | None = None,
    root: Path | None = None,
    keys_folder: Path | None = None,
) -> InstallPlan:
    """Verify, validate and install, under the install lock; ``data``: the bundle's bytes as read
    before (so what was shown is what gets installed)."""
    root = root or installed_root()
    with exclusive(root):
        bundle = verify_bundle(path, data if data is not None else read_bundle_file(path), keys_folder)
        plan = plan_install(bundle, allow_older=allow_older, root=root, keys_folder=keys_folder)
        name = bundle_name(bundle.manifest)
        new = [
            NewGuide(g.country, bundle.guides[g.country], name, bundle.manifest_bytes, bundle.signature_bytes)
            for g in plan.guides
            if not g.unchanged
        ]
        if new:
            commit(root, new, set(), today or date.today())
    return plan


def remove_installed(country: str, *, today: date | None = None, root: Path | None = None) -> InstalledGuide:
    """Go back to the built-in guide of ``country``; returns what was removed."""
    root = root or installed_root()
    country = country.upper()
    with exclusive(root):
        state = read_state(root)
        guide = state.guides.get(country)
        if guide is None:
            raise InvalidInput(
                _("No guide update is installed for {country}; it uses the built-in guide.").format(
                    country=country
                )
            )
        commit(root, [], {country}, today or date.today())
    return guide
