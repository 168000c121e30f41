"""kill -9 at random moments during every kind of write (issue 12, item 8): profile saves
(``vault import-json``), document imports (``doc add``), passphrase changes, backups and wipes.

Each loop starts the real command line, kills it after a random delay spread over the whole run
(start-up, key derivation, the write itself, and past its end), and then looks: the vault opens
with the old or the new passphrase, holds exactly the old or the new state (never a mix, never
lost), both integrity checks pass, nothing readable is left beside it, and what a killed operation
left behind is cleaned up by the next one. The counts are printed and asserted.

``WAYSTATION_FAULT_KILLS`` sets the kills per operation (default 40: 200 in all).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLE_PROFILE, pw
from tests.faults.support import (
    duration_of,
    files_holding,
    hot_journal,
    kill_after,
    run_cli,
    start_cli,
    state_of,
)
from waystation.vault import profile_json
from waystation.vault.connection import Vault

pytestmark = pytest.mark.slow

KILLS = int(os.environ.get("WAYSTATION_FAULT_KILLS", "40"))
OLD, NEW = "old passphrase for the kill loop", "new passphrase for the kill loop"
CANARY_A, CANARY_B = "Убитова-Kq1", "Прерванова-Zw2"


@dataclass
class Tally:
    operation: str
    outcomes: dict[str, int] = field(default_factory=dict)
    mid_write: int = 0  # kills that left a journal or a temporary file: the write was under way
    ran_through: int = 0  # runs that ended before the kill came

    def count(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def line(self) -> str:
        seen = ", ".join(f"{name} {n}" for name, n in sorted(self.outcomes.items()))
        return (
            f"kill -9 × {KILLS} during {self.operation}: {seen}; lost 0, mixed 0 "
            f"(mid-write {self.mid_write}, finished first {self.ran_through})"
        )


@pytest.fixture
def report(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[[Tally], None]]:
    tallies: list[Tally] = []
    yield tallies.append
    with capsys.disabled():
        for tally in tallies:
            print("\n" + tally.line())


def kill_loop(
    tally: Tally,
    start: Callable[[], Any],
    quick: float,
    full: float,
    look: Callable[[bool], str],
    seed: int,
) -> None:
    """``KILLS`` times: start, kill at a random moment, and let ``look`` judge what is on disk
    (it is told whether the run was killed; it returns the outcome's name or fails)."""
    rng = random.Random(seed)
    for round_ in range(KILLS):
        proc = start()
        # a third of the kills spread over the whole run, a third aim at the write itself (after
        # the vault is open, before the end), a third at the last stretch, where the commit is
        window = (
            (0.5 * quick, 1.15 * full),
            (0.9 * quick, 1.1 * full),
            (full - 0.3 * (full - quick), 1.02 * full),
        )[round_ % 3]
        killed = kill_after(proc, rng.uniform(*window))
        tally.ran_through += not killed
        tally.count(look(killed))
    assert sum(tally.outcomes.values()) == KILLS


def leftovers(folder: Path, expected: set[str]) -> set[str]:
    """Files beside the vault other than ``expected``. SQLite's own journal may stay until the
    next write when a kill came after its header was cleared (it is encrypted, and not hot)."""
    return {p.name for p in folder.iterdir()} - expected - {f"{name}-journal" for name in expected}


def profile_with(name: str, stays: int) -> dict[str, Any]:
    """The sample profile under another name, with many stays (a longer transaction)."""
    document = json.loads(json.dumps(SAMPLE_PROFILE))
    document["person"]["family_name"] = name
    first = 730000  # 1999-09-...: every stay long over before the arrival
    document["stays"] = [
        *document["stays"],
        *(
            {
                "country": "AM",
                "entered": profile_json.date.fromordinal(first + 3 * i).isoformat(),
                "left": profile_json.date.fromordinal(first + 3 * i + 1).isoformat(),
            }
            for i in range(stays)
        ),
    ]
    return document


def open_duration(home: Path, vault: Path, passphrase: str) -> float:
    return duration_of(home, "vault", "check", str(vault), "--passphrase-stdin", stdin=pw(passphrase))


def test_kill_during_profile_saves(tmp_path: Path, report: Callable[[Tally], None]) -> None:
    folder, inputs, home = tmp_path / "vaults", tmp_path / "inputs", tmp_path / "home"
    folder.mkdir()
    inputs.mkdir()
    documents = {"A": profile_with(CANARY_A, 3000), "B": profile_with(CANARY_B, 3000)}
    files = {}
    for key, document in documents.items():
        files[key] = inputs / f"{key}.json"
        files[key].write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    expected = {
        key: profile_json.to_document(profile_json.from_document(doc)) for key, doc in documents.items()
    }
    vault = folder / "client.vault"
    with Vault.create(vault, OLD) as opened:
        opened.profile.replace(profile_json.from_document(documents["A"]))
        opened.documents.add(b"%PDF-1.4 kept", kind="other", title="kept")
    quick = open_duration(home, vault, OLD)
    full = duration_of(
        home, "vault", "import-json", str(vault), str(files["B"]), "--passphrase-stdin", stdin=pw(OLD)
    )
    current = ["B"]
    tally = Tally("profile saves (vault import-json)")

    def start() -> Any:
        target = "A" if current[0] == "B" else "B"
        return start_cli(
            home, "vault", "import-json", str(vault), str(files[target]), "--passphrase-stdin", stdin=pw(OLD)
        )

    def look(killed: bool) -> str:
        tally.mid_write += killed and hot_journal(vault)
        assert files_holding(folder, [CANARY_A, CANARY_B]) == []
        with Vault.open(vault, OLD) as opened:
            held = profile_json.to_document(opened.profile.load())
            assert [d.title for d in opened.documents.list()] == ["kept"]
        matches = [key for key, document in expected.items() if document == held]
        assert len(matches) == 1, "the profile is neither the old nor the new one"
        outcome = "old" if matches[0] == current[0] else "new"
        current[0] = matches[0]
        assert leftovers(folder, {"client.vault"}) == set()
        return outcome

    kill_loop(tally, start, quick, full, look, seed=12_001)
    duration_of(
        home, "vault", "import-json", str(vault), str(files["A"]), "--passphrase-stdin", stdin=pw(OLD)
    )
    assert {p.name for p in folder.iterdir()} == {"client.vault"}
    report(tally)
    assert tally.outcomes.get("old", 0) + tally.outcomes.get("new", 0) == KILLS


def test_kill_during_document_imports(tmp_path: Path, report: Callable[[Tally], None]) -> None:
    folder, inputs, home = tmp_path / "vaults", tmp_path / "inputs", tmp_path / "home"
    folder.mkdir()
    inputs.mkdir()
    scan = inputs / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + os.urandom(6 * 1024 * 1024))
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    vault = folder / "client.vault"
    with Vault.create(vault, OLD):
        pass
    quick = open_duration(home, vault, OLD)
    full = duration_of(
        home, "doc", "add", str(vault), str(scan), "--kind", "other", "--passphrase-stdin", stdin=pw(OLD)
    )
    held = [1]
    tally = Tally("document imports (doc add)")

    def start() -> Any:
        return start_cli(
            home, "doc", "add", str(vault), str(scan), "--kind", "other", "--passphrase-stdin", stdin=pw(OLD)
        )

    def look(killed: bool) -> str:
        tally.mid_write += killed and hot_journal(vault)
        with Vault.open(vault, OLD) as opened:
            stored = opened.documents.list()
            for info in stored:
                assert info.sha256 == digest
                assert hashlib.sha256(opened.documents.content(info.id)).hexdigest() == digest
        assert len(stored) in (held[0], held[0] + 1), "a document was lost"
        outcome = "old" if len(stored) == held[0] else "new"
        held[0] = len(stored)
        assert leftovers(folder, {"client.vault"}) == set()
        return outcome

    kill_loop(tally, start, quick, full, look, seed=12_002)
    duration_of(
        home, "doc", "add", str(vault), str(scan), "--kind", "other", "--passphrase-stdin", stdin=pw(OLD)
    )
    assert {p.name for p in folder.iterdir()} == {"client.vault"}
    report(tally)


def filled_vault(path: Path, passphrase: str, megabytes: int) -> None:
    with Vault.create(path, passphrase) as opened:
        opened.profile.replace(profile_json.from_document(profile_with(CANARY_A, 10)))
        for i in range(megabytes):
            opened.documents.add(os.urandom(1024 * 1024), kind="other", title=f"{CANARY_B} {i}")


def semantic(path: Path, passphrase: str) -> tuple[Any, ...]:
    with Vault.open(path, passphrase) as opened:
        documents = tuple((d.title, d.sha256, d.size) for d in opened.documents.list())
        return profile_json.to_document(opened.profile.load())["person"]["family_name"], documents


def test_kill_during_passphrase_changes(tmp_path: Path, report: Callable[[Tally], None]) -> None:
    folder, home = tmp_path / "vaults", tmp_path / "home"
    folder.mkdir()
    vault = folder / "client.vault"
    filled_vault(vault, OLD, 8)
    content = semantic(vault, OLD)
    quick = open_duration(home, vault, OLD)
    full = duration_of(home, "vault", "passwd", str(vault), "--passphrase-stdin", stdin=pw(OLD, NEW))
    current = [NEW]
    tally = Tally("passphrase changes (vault passwd)")

    def start() -> Any:
        other = OLD if current[0] == NEW else NEW
        return start_cli(
            home, "vault", "passwd", str(vault), "--passphrase-stdin", stdin=pw(current[0], other)
        )

    def look(killed: bool) -> str:
        tally.mid_write += killed and bool(leftovers(folder, {"client.vault"}))
        assert files_holding(folder, [CANARY_A, CANARY_B]) == []
        state = state_of(vault, [current[0], OLD if current[0] == NEW else NEW])
        assert state is not None and state.intact, "the vault opens with neither passphrase"
        assert semantic(vault, state.passphrase) == content
        outcome = "old" if state.passphrase == current[0] else "new"
        current[0] = state.passphrase
        assert leftovers(folder, {"client.vault"}) == set()  # opening removed what the kill left
        return outcome

    kill_loop(tally, start, quick, full, look, seed=12_003)
    report(tally)


def test_kill_during_backups(tmp_path: Path, report: Callable[[Tally], None]) -> None:
    folder, stick, home = tmp_path / "vaults", tmp_path / "stick", tmp_path / "home"
    folder.mkdir()
    stick.mkdir()
    vault = folder / "client.vault"
    filled_vault(vault, OLD, 8)
    content = semantic(vault, OLD)
    quick = open_duration(home, vault, OLD)
    copy = stick / "copy.vault"
    full = duration_of(home, "vault", "backup", str(vault), str(copy), "--passphrase-stdin", stdin=pw(OLD))
    copy.unlink()
    tally = Tally("backups (vault backup)")

    def start() -> Any:
        return start_cli(home, "vault", "backup", str(vault), str(copy), "--passphrase-stdin", stdin=pw(OLD))

    def look(killed: bool) -> str:
        tally.mid_write += killed and any(p.name != "copy.vault" for p in stick.iterdir())
        assert files_holding(stick, [CANARY_A, CANARY_B]) == []
        assert semantic(vault, OLD) == content  # a backup never changes the vault
        if not copy.exists():
            return "no copy"
        state = state_of(copy, [OLD])
        assert state is not None and state.intact, "a backup was placed that does not open"
        assert semantic(copy, OLD) == content
        copy.unlink()
        return "verified copy"

    kill_loop(tally, start, quick, full, look, seed=12_004)
    assert run_one_backup(home, vault, copy) == {"copy.vault"}, "the next backup cleans up"
    assert leftovers(folder, {"client.vault"}) == set()
    report(tally)


def run_one_backup(home: Path, vault: Path, copy: Path) -> set[str]:
    duration_of(home, "vault", "backup", str(vault), str(copy), "--passphrase-stdin", stdin=pw(OLD))
    return {p.name for p in copy.parent.iterdir()}


def test_kill_during_wipes(tmp_path: Path, report: Callable[[Tally], None]) -> None:
    folder, home = tmp_path / "vaults", tmp_path / "home"
    folder.mkdir()
    template = tmp_path / "template.vault"
    filled_vault(template, OLD, 24)
    original = template.read_bytes()
    vault = folder / "client.vault"
    shutil.copy2(template, vault)
    started = time.monotonic()  # a wipe derives no key: its start-up is a refused wipe's run
    assert run_cli(home, "vault", "wipe", str(folder / "missing.vault"), "--yes").code == 2
    quick = time.monotonic() - started
    full = duration_of(home, "vault", "wipe", str(vault), "--yes")
    tally = Tally("wipes (vault wipe)")

    def start() -> Any:
        shutil.copy2(template, vault)
        return start_cli(home, "vault", "wipe", str(vault), "--yes")

    def look(killed: bool) -> str:
        assert files_holding(folder, [CANARY_A, CANARY_B]) == []
        if not vault.exists():
            return "wiped and deleted"
        if vault.read_bytes() == original:
            return "untouched"
        tally.mid_write += killed
        assert state_of(vault, [OLD]) is None, "a half-wiped vault still opens"
        assert vault.read_bytes()[:4096] != original[:4096], "the key's salt survived"
        # what a killed wipe leaves is no vault any more; wiping it again finishes the job
        assert duration_of(home, "vault", "wipe", str(vault), "--yes") > 0 and not vault.exists()
        return "overwritten, wipe finished on the next run"

    kill_loop(tally, start, quick, full, look, seed=12_005)
    report(tally)
