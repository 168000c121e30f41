"""Helpers for the guide-update tests (issue 17): signing keys with a cheap key derivation (the
real one costs a second of CPU and 1 GiB per use; one test exercises it), small and modified
guides, and bundles made with the real signing code."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from waystation.resources_path import resource
from waystation.updates import minisign
from waystation.updates.keys import key_file_text
from waystation.updates.signing import read_guides, signed_bundle
from waystation.updates.versions import BundleVersion, parse_bundle_version

KEY_PASSWORD = "desk key — пароль 7"
CHEAP = {"opslimit": 524_288, "memlimit": 16_777_216}  # libsodium's "interactive" level


@dataclass(frozen=True)
class DeskKey:
    secret: minisign.SecretKey
    keyfile: Path
    pubfile: Path

    @property
    def key_id(self) -> str:
        return self.public.id_text

    @property
    def public(self) -> minisign.PublicKey:
        return self.secret.public_key()


def make_key(folder: Path, name: str = "Test Desk", stem: str = "desk") -> DeskKey:
    folder.mkdir(parents=True, exist_ok=True)
    secret = minisign.SecretKey.generate()
    keyfile = folder / f"{stem}.key"
    keyfile.write_text(minisign.secret_key_text(secret, KEY_PASSWORD, **CHEAP), encoding="ascii")
    os.chmod(keyfile, 0o600)
    pubfile = folder / f"{stem}.key.pub"
    pubfile.write_text(key_file_text(secret.public_key(), name), encoding="utf-8")
    return DeskKey(secret, keyfile, pubfile)


def version(text: str) -> BundleVersion:
    parsed = parse_bundle_version(text)
    assert parsed is not None
    return parsed


def tiny_guide(
    country: str = "PT", days: int = 90, title: str = "Register your address", checked: str = "2026-11-28"
) -> str:
    """A small valid guide for a country Waystation has no guide for (fast to flip every byte of)."""
    code = country.lower()

    def text(en: str, ru: str) -> dict[str, str]:
        return {"en": en, "ru": ru}

    guide = {
        "format": "waystation-pack/1",
        "country": country,
        "name": text("Portugal", "Португалия"),
        "official_languages": ["pt"],
        "last_verified": checked,
        "coverage": {"level": "partial", "missing": text("Almost everything.", "Почти всё.")},
        "verify_here": [
            {"title": text("Official page", "Официальная страница"), "url": "https://example.org/pt"}
        ],
        "stay_rules": [
            {
                "id": f"{code}.stay.russia",
                "citizenships": ["RU"],
                "limits": [{"kind": "window", "days": days, "window": 180}],
                "explain": text(f"{days} days in any 180.", f"{days} дней в любые 180."),
                "sources": [{"url": "https://example.org/stay", "date": "2026-01-10"}],
            }
        ],
        "steps": [
            {
                "id": f"{code}.residence.register",
                "track": "residence",
                "title": text(title, "Зарегистрируйте адрес"),
                "body": text("Go to the office. Bring your passport.", "Идите в офис. Возьмите паспорт."),
                "sources": [{"url": "https://example.org/register", "date": "2026-01-10"}],
                "last_verified": checked,
            }
        ],
    }
    return yaml.safe_dump(guide, allow_unicode=True, sort_keys=False)


def real_guide(country: str, *replacements: tuple[str, str]) -> str:
    """A shipped guide with some text replaced (each replacement must apply once)."""
    text = resource("content", f"{country.lower()}.yaml").read_text("utf-8")
    for old, new in replacements:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    return text


def write_guides(folder: Path, guides: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for country, text in guides.items():
        path = folder / f"{country.lower()}.yaml"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def make_bundle(
    key: DeskKey,
    guides: dict[str, str],
    out: Path,
    bundle_version: str = "2026.11.29.1",
    min_app: str = "0.1.0",
) -> Path:
    """A bundle signed with the real code, from guide files written beside ``out``."""
    files = write_guides(out.parent / f"{out.stem}-guides", guides)
    data = signed_bundle(read_guides(files), version(bundle_version), min_app, key.secret)
    out.write_bytes(data)
    return out


def trust_store(app_data: Path) -> Path:
    """``app_data``: the folder for what the app installs (WAYSTATION_DATA_DIR)."""
    return app_data / "guide-updates" / "trusted-keys"


def installed_root(app_data: Path) -> Path:
    return app_data / "guide-updates" / "installed"


def cli_app_data(tmp_path: Path) -> Path:
    """Where the ``cli`` fixture's subprocesses keep guide updates (XDG_DATA_HOME/waystation)."""
    return tmp_path / "home" / "data" / "waystation"
