"""Read-only places, for every command that writes (issue 12, item 8): a folder the person may not
write to (the vault file in it still could be), and a read-only medium (a remounted folder: a
locked SD card; root only). Each command fails with one clear line, exit 1, naming the cause;
nothing changes on the medium; the vault still opens and holds what it held. What only reads the
vault works from a read-only medium: a check, and a backup onto a writable stick."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import pw
from tests.faults.commands import COMMANDS, IDS, PASS, Places, WriteCommand, held, make_inputs, make_vault
from tests.faults.support import one_clear_line, read_only, read_only_medium, run_cli, state_of

WORDS = ("read-only", "Read-only", "permission denied", "protected folder", "refused", "not permitted")
PLACES: dict[str, Callable[[Path], contextlib.AbstractContextManager[None]]] = {
    "read-only folder": read_only,
    "read-only medium": read_only_medium,
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("read-only-inputs")
    return make_inputs(folder / "inputs", folder / "home")


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize("kind", list(PLACES))
@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_every_write_on_a_read_only_place(
    tmp_path: Path, inputs: Path, command: WriteCommand, kind: str
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    places = Places(make_vault(folder / "client.vault"), folder, inputs)
    before, files = held(places.vault), listing(folder)
    with PLACES[kind](folder):
        result = command.run(tmp_path / "home", places)
        assert result.code == 1, result.err
        assert one_clear_line(result), result.err
        assert any(words in result.err for words in WORDS), result.err
        assert listing(folder) == files, "something on the read-only place changed"
    assert held(places.vault) == before


@pytest.fixture
def locked_vault(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "card"
    folder.mkdir()
    vault = make_vault(folder / "client.vault")
    with read_only_medium(folder):
        yield vault


def test_a_vault_on_a_read_only_medium_can_be_checked_and_backed_up(
    tmp_path: Path, locked_vault: Path
) -> None:
    home = tmp_path / "home"
    checked = run_cli(home, "vault", "check", str(locked_vault), "--passphrase-stdin", stdin=pw(PASS))
    assert checked.code == 0, checked.err
    stick = tmp_path / "stick"
    stick.mkdir()
    backed_up = run_cli(
        home,
        "vault",
        "backup",
        str(locked_vault),
        str(stick / "copy.vault"),
        "--passphrase-stdin",
        stdin=pw(PASS),
    )
    assert backed_up.code == 0, backed_up.err
    assert [p.name for p in stick.iterdir()] == ["copy.vault"]  # its snapshot went there, and went
    state = state_of(stick / "copy.vault", [PASS])
    assert state is not None and state.intact
