"""What the desk's record counts, taken from the window as it happens (only at a help desk, only
while the record is turned on): a client's session when it locks or ends (once per guest
session), a new vault when one was created for the client (or a guest session was saved into
one), a packet when one is built — each under the client's host country, nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from waystation.errors import WaystationError
from waystation.helpdesk.desk_settings import DeskSettingsStore
from waystation.ui.helpdesk.guest_keeper import GuestKeeper
from waystation.ui.session import Session

if TYPE_CHECKING:
    from waystation.helpdesk.desk_record import DeskRecord


class DeskCounter(QObject):
    def __init__(
        self,
        session: Session,
        store: DeskSettingsStore,
        record: DeskRecord | None,
        keeper: GuestKeeper,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.store = store
        self._record = record  # the desk's own record unless one is given (tests)
        self.keeper = keeper
        self.active = False  # a help desk (set by the window)
        self.new_vault = False  # the open vault was created in this session
        self.problem = ""  # why the record could not be written, if it could not
        session.about_to_lock.connect(self._session_ends)

    @property
    def record(self) -> DeskRecord:
        if self._record is None:  # made when first counted: the first frame does not wait for it
            from waystation.helpdesk.desk_record import DeskRecord

            self._record = DeskRecord()
        return self._record

    def _on(self) -> bool:
        return self.active and self.store.load().record

    def _country(self) -> str | None:
        try:
            return self.session.vault.profile.load().host.country
        except WaystationError:
            return None

    def _add(self, country: str | None, **counts: int) -> None:
        try:
            self.record.add(self.session.today(), country, **counts)
        except OSError as exc:
            self.problem = str(exc.strerror or exc)
        else:
            self.problem = ""

    def vault_created(self) -> None:
        self.new_vault = not self.session.is_guest

    def _session_ends(self) -> None:
        new, self.new_vault = self.new_vault, False
        if not self._on() or not self.session.is_open:
            return
        if self.session.is_guest:
            if self.keeper.counted:
                return
            self.keeper.counted = True
        self._add(self._country(), sessions=1, new_vaults=int(new))

    def packet_built(self) -> None:
        if self._on() and self.session.is_open:
            self._add(self._country(), packets=1)

    def guest_saved(self) -> None:
        if self._on() and self.session.is_open:
            self._add(self._country(), new_vaults=1)
