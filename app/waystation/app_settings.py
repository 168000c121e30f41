"""Settings of the app itself (not of a person): interface language, auto-lock, discreet mode.

They hold nothing personal, except the list of recently opened vaults, which is kept only when the
user turns it on. A settings file that cannot be read is never overwritten silently: the app starts
with defaults, says so, and the damaged file is moved aside (not deleted) the first time the user
saves a setting.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Generic, Protocol, Self, TypeVar

from waystation.i18n import UI_LANGUAGES

SETTINGS_FILE = "settings.json"


class _Normalised(Protocol):
    """A settings dataclass: its values made sane (types, ranges) by ``normalised``."""

    def normalised(self) -> Self: ...


S = TypeVar("S", bound=_Normalised)
MIN_AUTO_LOCK_MINUTES = 1
MAX_AUTO_LOCK_MINUTES = 240
WIPE_AFTER_CHOICES = (0, 5, 10, 20)
CLIPBOARD_CHOICES = (10, 30, 60, 120)


@dataclass
class AppSettings:
    language: str = ""  # "" = follow the system
    auto_lock_minutes: int = 5
    discreet: bool = False
    remember_recent: bool = False
    recent_vaults: list[str] = field(default_factory=list)
    expiry_lead_days: int = 90
    wipe_after_failures: int = 0  # 0 = never; else wipe a vault after this many wrong passphrases
    clipboard_seconds: int = 30  # a value copied from the app leaves the clipboard after this

    def normalised(self) -> AppSettings:
        language = self.language if self.language in UI_LANGUAGES else ""
        minutes = min(max(int(self.auto_lock_minutes), MIN_AUTO_LOCK_MINUTES), MAX_AUTO_LOCK_MINUTES)
        recent = [str(p) for p in self.recent_vaults][:8] if self.remember_recent else []
        lead = min(max(int(self.expiry_lead_days), 0), 730)
        wipe_after = (
            int(self.wipe_after_failures) if int(self.wipe_after_failures) in WIPE_AFTER_CHOICES else 0
        )
        seconds = int(self.clipboard_seconds) if int(self.clipboard_seconds) in CLIPBOARD_CHOICES else 30
        return AppSettings(
            language,
            minutes,
            bool(self.discreet),
            bool(self.remember_recent),
            recent,
            lead,
            wipe_after,
            seconds,
        )


def default_config_dir() -> Path:
    """WAYSTATION_CONFIG_DIR, else the platform's per-user config folder."""
    override = os.environ.get("WAYSTATION_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "Waystation"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Waystation"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "waystation"


class JsonSettingsStore(Generic[S]):
    """One settings file of dataclass ``kind`` in ``folder``: unknown keys ignored, values
    normalised; a file that cannot be read gives the defaults and ``problem`` says why — it is
    never overwritten silently, but set aside (``NAME.unreadable``, ``-2``…) on the next save;
    saving is atomic (a temporary name, flushed, then renamed over the file)."""

    file_name = ""
    kind: type[S]

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_config_dir()
        self.problem: str | None = None  # why the file could not be read, if it could not

    @property
    def path(self) -> Path:
        return self.folder / self.file_name

    def load(self) -> S:
        try:
            raw = self.path.read_text("utf-8")
        except FileNotFoundError:
            return self.kind()
        except OSError as exc:
            self.problem = str(exc.strerror)
            return self.kind()
        try:
            data: Any = json.loads(raw)
            if not isinstance(data, dict):
                raise TypeError("not an object")
            known = {f.name for f in fields(self.kind)}  # type: ignore[arg-type]
            return self.kind(**{k: v for k, v in data.items() if k in known}).normalised()
        except (ValueError, TypeError) as exc:
            self.problem = str(exc)
            return self.kind()

    def save(self, settings: S) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.problem and self.path.exists():
            self.path.replace(free_aside_name(self.path.with_name(self.file_name + ".unreadable")))
            self.problem = None
        replace_text(self.path, json.dumps(asdict(settings.normalised()), indent=2))  # type: ignore[call-overload]


class SettingsStore(JsonSettingsStore[AppSettings]):
    file_name = SETTINGS_FILE
    kind = AppSettings


def replace_text(path: Path, text: str) -> None:
    """Write ``text`` over ``path`` atomically: a temporary name beside it, flushed to the disk,
    then renamed over the file; nothing half-written is ever left under either name."""
    temporary = path.with_name(f".{path.name}.new-{secrets.token_hex(4)}")
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def free_aside_name(path: Path) -> Path:
    """``path``, or ``path-2``, ``path-3``…: an earlier damaged file set aside is kept too."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate


def forget_vault(vault: Path, store: SettingsStore | None = None) -> bool:
    """Take a vault off the recent list (after a wipe); True when it was there. A settings file
    that cannot be read is left alone."""
    store = store or SettingsStore()
    settings = store.load()
    if store.problem:
        return False
    target = os.path.realpath(vault)
    kept = [p for p in settings.recent_vaults if os.path.realpath(p) != target]
    if kept == settings.recent_vaults:
        return False
    settings.recent_vaults = kept
    store.save(settings)
    return True
