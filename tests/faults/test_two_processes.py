"""Two processes on one vault (issue 12, item 8): while one holds it — a window left open, or a
process saving in a loop — every command that opens it gets exit 5 "in use" at once and changes
nothing; the holder's saves are all there afterwards. Two writers started together: each either
saves or is told the vault is in use, and every save that was acknowledged is kept."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.commands import COMMANDS, PASS, Places, WriteCommand, held, make_inputs, make_vault
from tests.faults.support import WRITER, StartHolder, holding_processes, one_clear_line, run_cli, start_cli
from waystation.vault.connection import Vault

IN_USE = ("open in another window or program", "open in another program or window")


@pytest.fixture
def holder() -> Iterator[StartHolder]:
    yield from holding_processes()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("two-processes-inputs")
    return make_inputs(folder / "inputs", folder / "home")


OPENING = [c for c in COMMANDS if c.opens_vault]


@pytest.mark.parametrize("command", OPENING, ids=[c.name for c in OPENING])
def test_a_vault_held_open_is_in_use_for_every_command(
    tmp_path: Path, inputs: Path, holder: StartHolder, command: WriteCommand
) -> None:
    places = Places(make_vault(tmp_path / "client.vault"), tmp_path / "out", inputs)
    places.target.mkdir()
    before = held(places.vault)
    proc = holder(places.vault, PASS)
    result = command.run(tmp_path / "home", places, timeout=60)
    assert result.code == 5, result.err
    assert one_clear_line(result) and any(words in result.err for words in IN_USE), result.err
    assert list(places.target.iterdir()) == []
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)
    assert held(places.vault) == before


def test_a_writer_in_a_loop_loses_nothing_to_others(tmp_path: Path, inputs: Path) -> None:
    """A process saving documents in a loop; passwd, wipe, import and doc add from outside all
    get exit 5; every save the writer acknowledged is in the vault afterwards."""
    vault = make_vault(tmp_path / "client.vault")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(vault), PASS], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    acknowledged: dict[int, int] = {}
    try:
        for command in (
            c for c in COMMANDS if c.name in ("vault passwd", "vault wipe", "vault import-json", "doc add")
        ):
            doc_id, i = map(int, writer.stdout.readline().split())
            acknowledged[doc_id] = i
            places = Places(vault, tmp_path, inputs)
            result = command.run(tmp_path / "home", places, timeout=60)
            assert result.code == 5, (command.name, result.err)
            assert any(words in result.err for words in IN_USE), result.err
        for _ in range(5):
            doc_id, i = map(int, writer.stdout.readline().split())
            acknowledged[doc_id] = i
    finally:
        writer.kill()
        writer.wait()
    with Vault.open(vault, PASS) as opened:
        for doc_id, i in acknowledged.items():
            assert opened.documents.content(doc_id) == hashlib.sha256(str(i).encode()).digest() * 2048


def test_two_writers_started_together(
    tmp_path: Path, inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rounds of two ``doc add`` at once: each adds its document or says "in use" (exit 5);
    the vault holds exactly the documents whose command said it added them."""
    vault = make_vault(tmp_path / "client.vault")
    home = tmp_path / "home"
    args = ["doc", "add", str(vault), str(inputs / "scan.pdf"), "--kind", "other", "--passphrase-stdin"]
    outcomes = {0: 0, 5: 0}
    rounds = 12
    for _round in range(rounds):
        first, second = (start_cli(home, *args, stdin=f"{PASS}\n") for _ in range(2))
        for proc in (first, second):
            code = proc.wait(timeout=120)
            assert code in (0, 5), code
            outcomes[code] += 1
    with Vault.open(vault, PASS) as opened:
        assert len(opened.documents.list()) == 1 + outcomes[0]  # the one make_vault added
    with capsys.disabled():
        print(f"\ntwo writers × {rounds} rounds: saved {outcomes[0]}, in use {outcomes[5]}, lost 0")
    assert outcomes[0] >= rounds  # at least one of each pair got through
    assert run_cli(home, "vault", "check", str(vault), "--passphrase-stdin", stdin=f"{PASS}\n").code == 0
