"""The session's states, named: locked, open, swapping (a passphrase change replacing the file),
with a signal on each change; a change that finishes after a lock leaves the vault locked."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.profiles import STRONG, open_vault
from waystation.ui.session import Change, Session, VaultState
from waystation.vault import copies
from waystation.vault.connection import Vault


def test_open_lock_and_the_signals(qtbot: QtBot, session: Session, tmp_path: Path) -> None:
    seen: list[VaultState] = []
    session.state_changed.connect(seen.append)
    assert session.state is VaultState.LOCKED
    open_vault(session, tmp_path)
    first = session.generation
    assert session.state is VaultState.OPEN
    session.lock()
    assert session.state is VaultState.LOCKED and session.generation == first + 1
    assert seen == [VaultState.OPEN, VaultState.LOCKED]


def test_a_passphrase_change_swaps_and_reopens(session: Session, tmp_path: Path) -> None:
    open_vault(session, tmp_path)
    generation = session.begin_swap()
    assert session.state is VaultState.SWAPPING
    reopened = copies.change_passphrase(session.vault, "a brand new passphrase here", STRONG)
    assert session.end_swap(generation, reopened)
    assert session.state is VaultState.OPEN and session.vault is reopened


def test_a_change_finishing_after_a_lock_keeps_the_vault_locked(session: Session, tmp_path: Path) -> None:
    open_vault(session, tmp_path)
    path = session.vault.path
    generation = session.begin_swap()
    vault = session.vault
    session.lock()  # the person locked while the change ran
    reopened = Vault.open(path, STRONG)
    assert not session.end_swap(generation, reopened)
    assert session.state is VaultState.LOCKED and not reopened.is_open
    assert vault is not None


def test_change_notices_are_typed(qtbot: QtBot, session: Session) -> None:
    with qtbot.waitSignal(session.changed) as signal:
        session.notify(Change.DOCUMENTS)
    assert signal.args == ["documents"] and signal.args[0] == Change.DOCUMENTS
