"""The open vault and what the screens share about it. Screens never talk SQL: they call the
vault's repositories and the core's rules through this object, and listen to its signals."""

from __future__ import annotations

import enum
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from waystation.app_settings import AppSettings, SettingsStore
from waystation.errors import WaystationError
from waystation.ui.clipboard_guard import ClipboardGuard
from waystation.ui.clock import Clock

if TYPE_CHECKING:  # the guides, rules and vault code load after the first paint (see preload_library)
    from waystation.content.loader import PackLibrary
    from waystation.content.model import Pack
    from waystation.rules.status import Status
    from waystation.vault.connection import Vault


class VaultState(enum.Enum):
    """Where the session's vault is. SWAPPING: closed for the moment a passphrase change renames
    the re-encrypted file into place; it is reopened (OPEN) or, if that fails, locked."""

    LOCKED = "locked"
    OPEN = "open"
    SWAPPING = "swapping"


class Change(enum.StrEnum):
    """What changed in the open vault (``Session.changed``), for the screens showing it."""

    PROFILE = "profile"
    DOCUMENTS = "documents"
    PROGRESS = "progress"
    SETTINGS = "settings"
    GUIDES = "guides"  # the country guides were loaded again (a guide update was installed)


class Session(QObject):
    opened = Signal()
    locked = Signal()
    # Sent by lock() while the vault is still open: screens save edits that are valid (never ask).
    about_to_lock = Signal()
    changed = Signal(str)  # a Change (a str enum): what changed in the open vault
    wiped = Signal(object)  # the path of a vault wiped from the app (already locked)
    state_changed = Signal(object)  # VaultState
    wipe_failed = Signal(str)

    def __init__(
        self,
        clock: Clock | None = None,
        library: PackLibrary | None = None,
        store: SettingsStore | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock or Clock()
        self._library = library
        self._loading: threading.Thread | None = None
        self.store = store or SettingsStore()
        self.app_settings: AppSettings = self.store.load()
        self._vault: Vault | None = None
        # False at a help desk or in a guest process: no vault is ever added to the recent list.
        self.remember_vaults = True
        self._state = VaultState.LOCKED
        self._generation = 0
        self.clipboard = ClipboardGuard(parent=self)
        self.clipboard.set_seconds(self.app_settings.clipboard_seconds)
        application = QGuiApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self.clipboard.clear_ours)

    # -- the country guides: loaded in the background while the person types the passphrase --

    def preload_library(self) -> None:
        if self._library is None and self._loading is None:
            self._loading = threading.Thread(target=self._preload, name="preload", daemon=True)
            self._loading.start()

    def _load_library(self) -> None:
        from waystation.content.loader import load_library

        self._library = load_library()

    def _preload(self) -> None:
        self._load_library()
        # Business-day deadlines need the `holidays` library, whose import takes ~0.3 s (it loads
        # every country): here, while the passphrase is typed, never on the UI thread at unlock.
        import holidays.countries  # noqa: F401

        import waystation.ui.workspace
        import waystation.vault.connection  # noqa: F401  (SQLCipher and the repositories)

    def use_library(self, library: PackLibrary) -> None:
        """Guides loaded again elsewhere (after guide updates changed): the screens refresh."""
        if self._loading is not None:
            self._loading.join()
            self._loading = None
        self._library = library
        self.changed.emit(Change.GUIDES)

    @property
    def library(self) -> PackLibrary:
        if self._loading is not None:
            self._loading.join()
            self._loading = None
        if self._library is None:
            self._load_library()
        assert self._library is not None
        return self._library

    # -- the vault -------------------------------------------------------------------------

    @property
    def vault(self) -> Vault:
        if self._vault is None or not self._vault.is_open:
            raise WaystationError("The vault is locked.")
        return self._vault

    @property
    def is_open(self) -> bool:
        return self._vault is not None and self._vault.is_open

    @property
    def is_guest(self) -> bool:
        """The vault in use is a guest session's, in memory only (waystation.helpdesk.guest)."""
        return self._vault is not None and self._vault.in_memory

    def open(self, path: Path, passphrase: str) -> None:
        """Raises the core's typed errors (wrong passphrase, in use, damaged...)."""
        from waystation.vault.connection import Vault  # imported by preload_library, not at start-up

        self.adopt(Vault.open(path, passphrase))

    def create(self, path: Path, passphrase: str) -> None:
        from waystation.vault.connection import Vault

        self.adopt(Vault.create(path, passphrase))

    @property
    def state(self) -> VaultState:
        return self._state

    @property
    def generation(self) -> int:
        """Counts opens and locks: work started under one generation and finishing under another
        belongs to a vault that was locked meanwhile."""
        return self._generation

    def _enter(self, state: VaultState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    def adopt(self, vault: Vault) -> None:
        """A vault opened or created elsewhere (the start screen does it on a worker thread, so
        the window keeps responding during the key derivation) becomes the session's vault."""
        self._vault = vault
        self._generation += 1
        self._remember(vault.path)
        self._enter(VaultState.OPEN)
        self.opened.emit()

    def begin_swap(self) -> int:
        """A passphrase change is about to close and replace the vault; returns the generation
        to hand back to ``end_swap``."""
        self._enter(VaultState.SWAPPING)
        return self._generation

    def end_swap(self, generation: int, reopened: Vault | None) -> bool:
        """The passphrase change finished. If the vault was locked meanwhile the reopened one is
        closed (the new passphrase is in place; the vault stays locked) and False is returned."""
        if generation != self._generation or self._vault is None:
            if reopened is not None:
                reopened.close()
            return False
        if reopened is None:
            self._enter(VaultState.OPEN if self.is_open else VaultState.LOCKED)
            return True
        self._vault = reopened
        self._enter(VaultState.OPEN)
        return True

    @property
    def handle(self) -> Vault | None:
        """The vault object in use, even while it is closed for a passphrase change; None once locked."""
        return self._vault

    def lock(self) -> None:
        """Close the vault and forget everything read from it; screens clear themselves."""
        self.clipboard.clear_ours()
        if self._vault is not None:
            if self._vault.is_open:
                self.about_to_lock.emit()
            self._vault.close()
            self._vault = None
            self._generation += 1
            self._enter(VaultState.LOCKED)
            self.locked.emit()

    def notify(self, what: Change) -> None:
        self.changed.emit(what)

    # -- what the screens need -----------------------------------------------------------------

    def today(self) -> date:
        return self.clock.today()

    def host_pack(self) -> Pack | None:
        country = self.vault.profile.load().host.country
        return self.library.get(country) if country else None

    def status(self, on: date | None = None) -> Status | None:
        """The person's status in their host country, or None while no guide applies."""
        from waystation.rules.vault_status import vault_status

        pack = self.host_pack()
        if pack is None:
            return None
        return vault_status(
            self.vault, pack, on or self.today(), lead_days=self.app_settings.expiry_lead_days
        )

    # -- app settings and clipboard -------------------------------------------------------

    def save_settings(self, settings: AppSettings) -> None:
        self.app_settings = settings.normalised()
        self.store.save(self.app_settings)
        self.clipboard.set_seconds(self.app_settings.clipboard_seconds)
        self.changed.emit(Change.SETTINGS)

    def _remember(self, path: Path) -> None:
        if not self.app_settings.remember_recent or not self.remember_vaults or self.is_guest:
            return
        recent = [str(path.resolve())] + [
            p for p in self.app_settings.recent_vaults if p != str(path.resolve())
        ]
        self.app_settings.recent_vaults = recent[:8]
        self.store.save(self.app_settings)

    def copy(self, text: str) -> None:
        """Copy a value, marked as secret; it leaves the clipboard after the chosen seconds, when
        the vault locks and when the app quits (see ClipboardGuard, which does the same for Ctrl+C
        in any field)."""
        self.clipboard.copy(text)
